using System.Net;
using System.Text.RegularExpressions;

namespace NewsLens.Web.Tests.Security;

/// <summary>A stored page whose title, text, site and removed blocks carry script and markup: the API hands it
/// back intact as data, with no raw markup in the response bytes, and the UI never parses stored text as HTML.</summary>
[Collection(WebServerCollection.Name)]
public sealed partial class HostileTextTests(WebServerFixture server)
{
    private readonly HttpClient client = server.Client;

    [Fact]
    public async Task The_record_round_trips_intact_but_no_markup_appears_raw_in_the_body()
    {
        var reply = await client.Get("/api/articles/" + WebRecords.Hostile.Article.Id);
        Assert.True(reply.Status == HttpStatusCode.OK, reply.ToString());
        Assert.Equal("application/json", reply.MediaType);
        // JSON-escaped: a browser that sniffed this as HTML (it must not: nosniff) would still find no tag.
        Assert.DoesNotContain('<', reply.Body);
        Assert.DoesNotContain('>', reply.Body);
        Assert.Equal(WebRecords.HostileTitle, reply.Json.GetProperty("title").GetString());
        Assert.Equal(WebRecords.HostileSite, reply.Json.GetProperty("site").GetString());
        Assert.Contains(WebRecords.HostileScript, reply.Json.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Contains(WebRecords.HostileImg, reply.Json.GetProperty("text").GetString(), StringComparison.Ordinal);
        var evidence = reply.Json.GetProperty("flags")[0].GetProperty("evidence")[0];
        Assert.Equal(WebRecords.HostileScript, evidence.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Search_hits_for_the_hostile_page_are_plain_text_segments()
    {
        var reply = await client.Get("/api/search?q=" + Uri.EscapeDataString("访问平壤") + "&flag=spam");
        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.DoesNotContain('<', reply.Body);
        var hit = Assert.Single(reply.Json.GetProperty("hits").EnumerateArray());
        Assert.Equal(WebRecords.HostileTitle, hit.GetProperty("title").GetString());
        var text = string.Concat(hit.GetProperty("snippet").GetProperty("segments").EnumerateArray().Select(s => s.GetProperty("text").GetString()));
        Assert.Contains(WebRecords.HostileImg, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rejection_details_and_timelines_are_escaped_too()
    {
        var rejections = await client.Get("/api/rejections");
        Assert.DoesNotContain('<', rejections.Body);
        Assert.Contains("<script>", rejections.Json.GetProperty("rejections")[0].GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_shell_has_no_inline_script_style_or_handler()
    {
        var html = (await client.Get("/")).Body;
        foreach (Match script in ScriptTag().Matches(html))
        {
            Assert.Matches("src=\"/app\\.js\"", script.Groups["attrs"].Value);
            Assert.True(string.IsNullOrWhiteSpace(script.Groups["body"].Value), "inline script: " + script.Value);
        }
        Assert.Single(ScriptTag().Matches(html));
        Assert.DoesNotMatch(@"\son[a-z]+\s*=", html);
        Assert.DoesNotMatch(@"<style|\sstyle\s*=", html);
        Assert.DoesNotMatch(@"(src|href)=""(https?:)?//", html);
    }

    [Fact]
    public async Task The_script_never_hands_text_to_an_html_parser()
    {
        var js = (await client.Get("/app.js")).Body;
        foreach (var sink in new[] { ".innerHTML", ".outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function", "createContextualFragment", "DOMParser", "srcdoc" })
            Assert.DoesNotContain(sink, js, StringComparison.Ordinal);
        Assert.Contains("textContent", js, StringComparison.Ordinal);
        Assert.Contains("createTextNode", js, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"<script(?<attrs>[^>]*)>(?<body>.*?)</script>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex ScriptTag();
}
