using System.Net;

namespace NewsLens.Web.Tests.Features;

[Collection(WebServerCollection.Name)]
public sealed class UiTests(WebServerFixture server)
{
    private readonly HttpClient client = server.Client;

    [Theory]
    [InlineData("/", "text/html")]
    [InlineData("/app.js", "text/javascript")]
    [InlineData("/app.css", "text/css")]
    public async Task The_three_ui_files_are_served_with_their_types(string path, string mediaType)
    {
        var reply = await client.Get(path);
        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal(mediaType, reply.MediaType);
        Assert.Equal("utf-8", reply.Response.Content.Headers.ContentType!.CharSet);
        Assert.True(reply.Body.Length > 100);
    }

    [Fact]
    public async Task A_cached_file_revalidates_with_its_etag()
    {
        var first = await client.Get("/app.js");
        var tag = first.Response.Headers.ETag;
        Assert.NotNull(tag);
        using var again = new HttpRequestMessage(HttpMethod.Get, new Uri("/app.js", UriKind.Relative));
        again.Headers.IfNoneMatch.Add(tag);
        var second = await client.Exchange(again);
        Assert.Equal(HttpStatusCode.NotModified, second.Status);
        Assert.Empty(second.Body);
    }

    [Fact]
    public async Task The_shell_links_only_its_own_files()
    {
        var html = (await client.Get("/")).Body;
        Assert.Contains("src=\"/app.js\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/app.css\"", html, StringComparison.Ordinal);
    }
}
