using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace NewsLens.Web.Tests.Features;

[Collection(WebServerCollection.Name)]
public sealed class AnalyzeEndpointTests(WebServerFixture server)
{
    private const string Page = """
        <!doctype html><html><head><meta charset="utf-8"><title>朝鲜半岛局势最新进展_新闻</title></head>
        <body><nav><a href="/">首页</a><a href="/world">国际</a></nav>
        <article><h1>朝鲜半岛局势最新进展</h1>
        <p>新华社平壤5月3日电 朝鲜外务省发言人当天发表谈话，就半岛局势表明立场。发言人表示，各方应当保持克制，通过对话解决分歧。</p>
        <p>分析人士指出，近期地区局势出现缓和迹象，有关各方的接触有所增加，外交渠道保持畅通。</p>
        <p>报道说，朝方愿意在相互尊重的基础上与有关国家开展交流，推动半岛和平稳定。</p>
        </article><footer>版权所有</footer></body></html>
        """;

    private readonly HttpClient client = server.Client;

    private static HttpRequestMessage Post(byte[] body, string? contentType, string query = "")
    {
        var content = new ByteArrayContent(body);
        if (contentType is not null)
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return new HttpRequestMessage(HttpMethod.Post, new Uri("/api/analyze" + query, UriKind.Relative)) { Content = content };
    }

    [Fact]
    public async Task A_posted_page_comes_back_as_its_record_and_is_not_stored()
    {
        var reply = await client.Exchange(Post(Encoding.UTF8.GetBytes(Page), "text/html; charset=utf-8", "?url=" + Uri.EscapeDataString("https://news.example.cn/a/1.html")));
        Assert.True(reply.Status == HttpStatusCode.OK, reply.ToString());
        var json = reply.Json;
        Assert.Equal("朝鲜半岛局势最新进展", json.GetProperty("title").GetString());
        Assert.Contains("各方应当保持克制", json.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("版权所有", json.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal("https://news.example.cn/a/1.html", json.GetProperty("url").GetString());
        Assert.Equal(16, json.GetProperty("id").GetString()!.Length);

        var stats = await client.Get("/api/stats");
        Assert.Equal(4, stats.Json.GetProperty("articles").GetInt64());
    }

    [Fact]
    public async Task The_declared_charset_is_honoured()
    {
        var gbk = CodePagesEncodingProviderGbk();
        var reply = await client.Exchange(Post(gbk.GetBytes(Page.Replace("utf-8", "gbk", StringComparison.Ordinal)), "text/html; charset=gbk"));
        Assert.True(reply.Status == HttpStatusCode.OK, reply.ToString());
        Assert.Equal("朝鲜半岛局势最新进展", reply.Json.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Plain_text_without_a_content_type_is_analysed()
    {
        var text = "朝鲜外务省发言人当天发表谈话，就半岛局势表明立场。\n\n发言人表示，各方应当保持克制，通过对话解决分歧，推动半岛和平稳定。";
        var reply = await client.Exchange(Post(Encoding.UTF8.GetBytes(text), "text/plain; charset=utf-8"));
        Assert.True(reply.Status == HttpStatusCode.OK, reply.ToString());
        Assert.Contains("保持克制", reply.Json.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_oversized_body_is_a_413()
    {
        var body = new byte[(2 * 1024 * 1024) + 1];
        Array.Fill(body, (byte)'a');
        using var request = Post(body, "text/plain");
        // With 100-continue the client waits for the server's verdict before sending the body, as a
        // well-behaved uploader does; the refusal comes from the declared length alone.
        request.Headers.ExpectContinue = true;
        var reply = await client.Exchange(request);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, reply.Status);
        Assert.Equal("application/problem+json", reply.MediaType);
    }

    [Fact]
    public async Task An_oversized_chunked_body_is_a_413()
    {
        // No Content-Length: the server must count the bytes itself.
        var content = new StreamContent(new RepeatingStream(3 * 1024 * 1024));
        content.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/analyze", UriKind.Relative)) { Content = content };
        request.Headers.TransferEncodingChunked = true;
        HttpStatusCode status;
        try
        {
            status = (await client.Exchange(request)).Status;
        }
        catch (HttpRequestException)
        {
            // Kestrel may close the connection while the client is still sending; that is a refusal too.
            return;
        }
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
    }

    [Fact]
    public async Task An_empty_body_is_a_400()
    {
        var reply = await client.Exchange(Post([], "text/html"));
        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Contains("empty", reply.Json.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_the_pipeline_rejects_is_a_400_with_the_reason()
    {
        var binary = new byte[4096];
        new Random(7).NextBytes(binary);
        var reply = await client.Exchange(Post(binary, "application/octet-stream"));
        Assert.True(reply.Status == HttpStatusCode.BadRequest, reply.ToString());
        Assert.False(string.IsNullOrEmpty(reply.Json.GetProperty("reason").GetString()));
        Assert.Contains("rejected", reply.Json.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("multipart/form-data; boundary=x")]
    [InlineData("image/png")]
    public async Task Media_types_that_are_not_pages_are_a_415(string contentType)
    {
        var reply = await client.Exchange(Post(Encoding.UTF8.GetBytes("{}"), contentType));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, reply.Status);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("not a url")]
    public async Task A_bad_url_parameter_is_a_400(string url)
    {
        var reply = await client.Exchange(Post(Encoding.UTF8.GetBytes(Page), "text/html", "?url=" + Uri.EscapeDataString(url)));
        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
    }

    [Fact]
    public async Task Get_is_not_allowed_on_analyze()
    {
        var reply = await client.Get("/api/analyze");
        Assert.Equal(HttpStatusCode.MethodNotAllowed, reply.Status);
    }

    private static Encoding CodePagesEncodingProviderGbk()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("gbk");
    }

    /// <summary>A stream of <paramref name="length"/> letters, read without knowing the length up front.</summary>
    private sealed class RepeatingStream(long length) : Stream
    {
        private long position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - position);
            Array.Fill(buffer, (byte)'a', offset, n);
            position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
