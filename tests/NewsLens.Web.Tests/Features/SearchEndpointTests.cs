using System.Net;
using System.Text.Json;

namespace NewsLens.Web.Tests.Features;

[Collection(WebServerCollection.Name)]
public sealed class SearchEndpointTests(WebServerFixture server)
{
    private readonly HttpClient client = server.Client;

    [Fact]
    public async Task Search_returns_hits_with_highlighted_segments()
    {
        var reply = await client.Get("/api/search?q=" + Uri.EscapeDataString("金正恩"));
        Assert.True(reply.Status == HttpStatusCode.OK, reply.ToString());
        Assert.Equal("application/json", reply.MediaType);
        var hits = reply.Json.GetProperty("hits");
        var ids = hits.Strings("id").ToHashSet();
        Assert.Contains(WebRecords.Original.Article.Id, ids);
        Assert.Contains(WebRecords.Copy.Article.Id, ids);
        Assert.Contains(WebRecords.Hostile.Article.Id, ids);
        Assert.DoesNotContain(WebRecords.English.Article.Id, ids);
        Assert.Equal(hits.GetArrayLength(), reply.Json.GetProperty("count").GetInt32());
        foreach (var hit in hits.EnumerateArray())
        {
            var segments = hit.GetProperty("snippet").GetProperty("segments").EnumerateArray().ToList();
            var marked = segments.Where(s => s.GetProperty("highlighted").GetBoolean()).Select(s => s.GetProperty("text").GetString()).ToList();
            Assert.Contains("金正恩", marked);
            // Segments cover the snippet: joined, they are a passage of the article text.
            var joined = string.Concat(segments.Select(s => s.GetProperty("text").GetString()));
            var article = WebRecords.All.Single(a => a.Article.Id == hit.GetProperty("id").GetString()).Article;
            Assert.Contains(joined, article.Text.Replace('\n', ' '), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Hits_carry_title_site_date_credibility_flags_and_thread()
    {
        var reply = await client.Get("/api/search?q=Lavrov");
        Assert.Equal(HttpStatusCode.OK, reply.Status);
        var hit = Assert.Single(reply.Json.GetProperty("hits").EnumerateArray());
        Assert.Equal("Lavrov meets Wang Yi in Beijing", hit.GetProperty("title").GetString());
        Assert.Equal("example.org", hit.GetProperty("site").GetString());
        Assert.Equal("2024-12-02", hit.GetProperty("published").GetString());
        Assert.Equal(0.5, hit.GetProperty("credibility").GetDouble());
        var flag = Assert.Single(hit.GetProperty("flags").EnumerateArray());
        Assert.Equal("kb.role_contradiction", flag.GetProperty("code").GetString());
        Assert.Equal("high", flag.GetProperty("severity").GetString());
        Assert.Equal(JsonValueKind.Null, hit.GetProperty("thread").ValueKind);

        var threaded = await client.Get("/api/search?q=" + Uri.EscapeDataString("军事"));
        Assert.Equal(WebRecords.ThreadId, Assert.Single(threaded.Json.GetProperty("hits").EnumerateArray()).GetProperty("thread").GetString());
    }

    [Theory]
    [InlineData("site=%E7%8E%AF%E7%90%83%E7%BD%91", "copy")]
    [InlineData("flag=spam", "hostile")]
    [InlineData("entity=Q7747&from=2025-04-15&to=2025-04-15", "original")]
    [InlineData("from=2025-04-16", "copy,hostile")]
    public async Task Filters_narrow_the_hits(string filters, string expected)
    {
        var reply = await client.Get("/api/search?q=" + Uri.EscapeDataString("金正恩") + "&" + filters);
        Assert.True(reply.Status == HttpStatusCode.OK, reply.ToString());
        var names = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [WebRecords.Original.Article.Id] = "original",
            [WebRecords.Copy.Article.Id] = "copy",
            [WebRecords.Hostile.Article.Id] = "hostile",
        };
        var found = reply.Json.GetProperty("hits").Strings("id").Select(id => names[id]).Order(StringComparer.Ordinal);
        Assert.Equal(expected, string.Join(',', found));
    }

    [Fact]
    public async Task Limit_caps_the_hits()
    {
        var reply = await client.Get("/api/search?q=" + Uri.EscapeDataString("金正恩") + "&limit=1");
        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal(1, reply.Json.GetProperty("hits").GetArrayLength());
    }

    [Theory]
    [InlineData("", "q")]
    [InlineData("q=%20%20", "q")]
    [InlineData("q=%E3%80%82%EF%BC%8C", "q")]
    [InlineData("q=x&from=2025-13-01", "from")]
    [InlineData("q=x&to=yesterday", "to")]
    [InlineData("q=x&from=2025-05-02&to=2025-05-01", "to")]
    [InlineData("q=x&limit=0", "limit")]
    [InlineData("q=x&limit=501", "limit")]
    [InlineData("q=x&limit=ten", "limit")]
    [InlineData("q=x&limit=-3", "limit")]
    public async Task Bad_parameters_are_a_400_problem_naming_the_parameter(string query, string parameter)
    {
        var reply = await client.Get("/api/search?" + query);
        Assert.True(reply.Status == HttpStatusCode.BadRequest, reply.ToString());
        Assert.Equal("application/problem+json", reply.MediaType);
        Assert.True(reply.Json.GetProperty("errors").TryGetProperty(parameter, out _), reply.ToString());
        Assert.False(string.IsNullOrWhiteSpace(reply.Json.GetProperty("detail").GetString()));
    }

    [Theory]
    [InlineData("q", 201)]
    [InlineData("entity", 201)]
    [InlineData("site", 201)]
    [InlineData("flag", 201)]
    public async Task Overlong_values_are_a_400(string parameter, int length)
    {
        var value = new string('新', length);
        var query = parameter == "q" ? $"q={Uri.EscapeDataString(value)}" : $"q=x&{parameter}={Uri.EscapeDataString(value)}";
        var reply = await client.Get("/api/search?" + query);
        Assert.True(reply.Status == HttpStatusCode.BadRequest, reply.ToString());
        Assert.Contains("limit is 200", reply.Json.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Too_many_terms_is_a_400()
    {
        var reply = await client.Get("/api/search?q=" + Uri.EscapeDataString(string.Join(' ', Enumerable.Range(0, 13).Select(i => "w" + i))));
        Assert.True(reply.Status == HttpStatusCode.BadRequest, reply.ToString());
        Assert.Contains("terms", reply.Json.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_line_beyond_the_server_limit_is_refused()
    {
        var reply = await client.Get("/api/search?q=x&pad=" + new string('a', 9_000));
        Assert.Equal(HttpStatusCode.RequestUriTooLong, reply.Status);
    }

    [Fact]
    public async Task Search_engine_syntax_in_the_query_is_literal_text()
    {
        foreach (var q in new[] { "金正恩\" OR title:*", "NEAR(a b) -x", "'; DROP TABLE articles; --", "*" })
        {
            var reply = await client.Get("/api/search?q=" + Uri.EscapeDataString(q));
            Assert.True(reply.Status is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{q}: {reply}");
        }
        var after = await client.Get("/api/stats");
        Assert.Equal(4, after.Json.GetProperty("articles").GetInt64());
    }

    [Fact]
    public async Task Parallel_requests_each_get_their_own_store()
    {
        var replies = await Task.WhenAll(Enumerable.Range(0, 24).Select(i =>
            client.Get(i % 2 == 0 ? "/api/search?q=" + Uri.EscapeDataString("普京") : "/api/articles/" + WebRecords.Original.Article.Id)));
        Assert.All(replies, r => Assert.Equal(HttpStatusCode.OK, r.Status));
    }
}
