using System.Net;
using System.Text.Json;
using NewsLens.Model.Json;

namespace NewsLens.Web.Tests.Features;

[Collection(WebServerCollection.Name)]
public sealed class ArticleEndpointTests(WebServerFixture server)
{
    private readonly HttpClient client = server.Client;

    [Fact]
    public async Task The_full_record_comes_back_as_documented_in_RECORD_md()
    {
        var original = WebRecords.Original.Article;
        var reply = await client.Get("/api/articles/" + original.Id);
        Assert.True(reply.Status == HttpStatusCode.OK, reply.ToString());
        var json = reply.Json;
        foreach (var field in new[] { "id", "source", "url", "title", "published", "site", "author", "language", "text", "sections", "removed", "extraction", "entities", "dates", "events", "flags", "credibility", "duplicates", "thread" })
            Assert.True(json.TryGetProperty(field, out _), $"missing {field}: {reply}");
        Assert.Equal(original.Id, json.GetProperty("id").GetString());
        Assert.Equal(original.Text, json.GetProperty("text").GetString());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("author").ValueKind);
        Assert.Equal("person", json.GetProperty("entities")[0].GetProperty("type").GetString());
        Assert.Equal("share_bar", json.GetProperty("removed")[0].GetProperty("reason").GetString());
        Assert.Equal(WebRecords.ThreadId, json.GetProperty("thread").GetString());

        // The same record the store keeps, field for field (the API adds nothing and drops nothing).
        var parsed = JsonSerializer.Deserialize<ArticleRecord>(reply.Body, RecordJson.Options)!;
        Assert.Equal(original.Title, parsed.Title);
        Assert.Equal(original.Sections[0].Paragraphs.Select(p => p.Span), parsed.Sections[0].Paragraphs.Select(p => p.Span));
        Assert.Equal(WebRecords.Original.Entities, parsed.Entities);
    }

    [Fact]
    public async Task Duplicates_are_linked_both_ways()
    {
        var fromOriginal = await client.Get("/api/articles/" + WebRecords.Original.Article.Id);
        var dup = Assert.Single(fromOriginal.Json.GetProperty("duplicates").EnumerateArray());
        Assert.Equal(WebRecords.Copy.Article.Id, dup.GetProperty("other_id").GetString());
        Assert.Equal("near_duplicate", dup.GetProperty("kind").GetString());

        var fromCopy = await client.Get("/api/articles/" + WebRecords.Copy.Article.Id);
        Assert.Equal(WebRecords.Original.Article.Id, Assert.Single(fromCopy.Json.GetProperty("duplicates").EnumerateArray()).GetProperty("other_id").GetString());
    }

    [Fact]
    public async Task An_id_prefix_of_eight_characters_finds_the_article()
    {
        var id = WebRecords.English.Article.Id;
        var reply = await client.Get("/api/articles/" + id[..8]);
        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal(id, reply.Json.GetProperty("id").GetString());
    }

    [Theory]
    [InlineData("0000000000000000")]
    [InlineData("ffffffff")]
    [InlineData("abc")]
    public async Task An_unknown_id_is_a_404_problem(string id)
    {
        var reply = await client.Get("/api/articles/" + id);
        Assert.True(reply.Status == HttpStatusCode.NotFound, reply.ToString());
        Assert.Equal("application/problem+json", reply.MediaType);
        Assert.Equal(404, reply.Json.GetProperty("status").GetInt32());
        Assert.Contains(id, reply.Json.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bad%20id")]
    [InlineData("%3Cscript%3E")]
    [InlineData("a'or'1'='1")]
    public async Task A_malformed_id_is_a_400(string id)
    {
        var reply = await client.Get("/api/articles/" + id);
        Assert.True(reply.Status == HttpStatusCode.BadRequest, reply.ToString());
        Assert.Equal("application/problem+json", reply.MediaType);
    }

    [Fact]
    public async Task An_overlong_id_is_a_400()
    {
        var reply = await client.Get("/api/articles/" + new string('a', 129));
        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
    }

    [Theory]
    [InlineData("/api/nothing")]
    [InlineData("/no/such/page")]
    [InlineData("/api/articles")]
    public async Task Unknown_paths_are_a_404_problem(string path)
    {
        var reply = await client.Get(path);
        Assert.True(reply.Status == HttpStatusCode.NotFound, reply.ToString());
        Assert.Equal("application/problem+json", reply.MediaType);
    }
}
