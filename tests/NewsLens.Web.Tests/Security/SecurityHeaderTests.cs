using System.Net;
using System.Text;

namespace NewsLens.Web.Tests.Security;

[Collection(WebServerCollection.Name)]
public sealed class SecurityHeaderTests(WebServerFixture server)
{
    private const string Csp = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

    private readonly HttpClient client = server.Client;

    public static TheoryData<string, string> Requests() => new()
    {
        { "GET", "/" },
        { "GET", "/app.js" },
        { "GET", "/app.css" },
        { "GET", "/api/search?q=%E9%87%91" },
        { "GET", "/api/search" },
        { "GET", "/api/articles/0000000000000000" },
        { "GET", "/api/articles/bad%20id" },
        { "GET", "/api/threads" },
        { "GET", "/api/threads/t-none" },
        { "GET", "/api/rejections" },
        { "GET", "/api/stats" },
        { "GET", "/nowhere" },
        { "GET", "/api/analyze" },
        { "POST", "/api/analyze" },
        { "POST", "/api/stats" },
        { "DELETE", "/api/articles/0000000000000000" },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task Every_response_carries_the_policy_headers(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
        if (method == "POST")
            request.Content = new StringContent("", Encoding.UTF8, "application/json");
        var reply = await client.Exchange(request);
        var headers = reply.Response.Headers;
        Assert.True(headers.TryGetValues("Content-Security-Policy", out var csp), $"{method} {path} → {reply}");
        Assert.StartsWith(Csp, Assert.Single(csp), StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(headers.GetValues("Referrer-Policy")));
        Assert.Equal("DENY", Assert.Single(headers.GetValues("X-Frame-Options")));
        Assert.False(headers.Contains("Server"));
    }

    [Fact]
    public async Task A_host_header_that_is_not_loopback_is_refused()
    {
        // A DNS-rebinding page reaches 127.0.0.1 under its own name; the Host header gives it away.
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/stats", UriKind.Relative));
        request.Headers.Host = "attacker.example";
        var reply = await client.Exchange(request);
        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.True(reply.Response.Headers.Contains("Content-Security-Policy"));

        using var local = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/stats", UriKind.Relative));
        local.Headers.Host = "localhost:" + server.BaseAddress.Port;
        Assert.Equal(HttpStatusCode.OK, (await client.Exchange(local)).Status);
    }
}
