using System.Net;

namespace NewsLens.Web.Tests.Features;

[Collection(WebServerCollection.Name)]
public sealed class ThreadEndpointTests(WebServerFixture server)
{
    private readonly HttpClient client = server.Client;

    [Fact]
    public async Task Threads_are_listed_with_size_and_days()
    {
        var reply = await client.Get("/api/threads");
        Assert.True(reply.Status == HttpStatusCode.OK, reply.ToString());
        var thread = Assert.Single(reply.Json.GetProperty("threads").EnumerateArray());
        Assert.Equal(WebRecords.ThreadId, thread.GetProperty("id").GetString());
        Assert.Equal(2, thread.GetProperty("size").GetInt32());
        Assert.Equal("2025-04-15", thread.GetProperty("first_day").GetString());
        Assert.Equal("2025-04-16", thread.GetProperty("last_day").GetString());
        Assert.Equal(WebRecords.Original.Article.Title, thread.GetProperty("label").GetString());
    }

    [Theory]
    [InlineData("Q7747", 1)]
    [InlineData("%E6%99%AE%E4%BA%AC", 1)]
    [InlineData("Q4917", 0)]
    public async Task The_entity_filter_keeps_threads_that_mention_it(string entity, int expected)
    {
        var reply = await client.Get("/api/threads?entity=" + entity);
        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal(expected, reply.Json.GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task The_timeline_orders_members_and_folds_the_copy_under_its_original()
    {
        var reply = await client.Get("/api/threads/" + WebRecords.ThreadId);
        Assert.True(reply.Status == HttpStatusCode.OK, reply.ToString());
        var entries = reply.Json.GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal([WebRecords.Original.Article.Id, WebRecords.Copy.Article.Id], entries.Select(e => e.GetProperty("id").GetString()));
        Assert.Equal(WebRecords.Original.Article.Id, entries[1].GetProperty("copy_of").GetString());
        Assert.Equal("near_duplicate", entries[1].GetProperty("copy_kind").GetString());
        Assert.Equal(2, reply.Json.GetProperty("thread").GetProperty("size").GetInt32());
    }

    [Fact]
    public async Task Unknown_and_malformed_threads()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await client.Get("/api/threads/t-nosuchthread")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.Get("/api/threads/t%20x")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.Get("/api/threads?limit=0")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.Get("/api/threads?entity=" + new string('x', 201))).Status);
    }
}
