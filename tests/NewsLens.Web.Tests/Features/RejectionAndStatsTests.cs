using System.Net;

namespace NewsLens.Web.Tests.Features;

[Collection(WebServerCollection.Name)]
public sealed class RejectionAndStatsTests(WebServerFixture server)
{
    private readonly HttpClient client = server.Client;

    [Fact]
    public async Task Rejections_list_source_reason_and_detail()
    {
        var reply = await client.Get("/api/rejections");
        Assert.True(reply.Status == HttpStatusCode.OK, reply.ToString());
        var row = Assert.Single(reply.Json.GetProperty("rejections").EnumerateArray());
        Assert.Equal(WebRecords.RejectedSource, row.GetProperty("source").GetString());
        Assert.Equal("binary", row.GetProperty("reason").GetString());
        Assert.StartsWith("the bytes look binary", row.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.Get("/api/rejections?limit=100000")).Status);
    }

    [Fact]
    public async Task Stats_count_what_the_store_holds()
    {
        var reply = await client.Get("/api/stats");
        Assert.True(reply.Status == HttpStatusCode.OK, reply.ToString());
        var s = reply.Json;
        Assert.Equal(4, s.GetProperty("articles").GetInt64());
        Assert.Equal(5, s.GetProperty("sources").GetInt64());
        Assert.Equal(1, s.GetProperty("rejections").GetInt64());
        Assert.Equal(1, s.GetProperty("threads").GetInt64());
        Assert.Equal(1, s.GetProperty("links").GetInt64());
    }
}
