using System.IO.Compression;
using System.Text;
using NewsLens.Ingest;
using NewsLens.Ingest.Warc;
using NewsLens.Model;
using NewsLens.Pipeline;

namespace NewsLens.Tests.Ingest;

public sealed class WarcReaderTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("newslens-warc-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private static byte[] Record(string type, string? uri, byte[] block, string contentType = "application/http; msgtype=response")
    {
        var head = new StringBuilder()
            .Append("WARC/1.0\r\n")
            .Append($"WARC-Type: {type}\r\n")
            .Append("WARC-Date: 2025-04-15T02:00:00Z\r\n")
            .Append($"WARC-Record-ID: <urn:uuid:{Guid.NewGuid()}>\r\n");
        if (uri is not null)
            head.Append($"WARC-Target-URI: {uri}\r\n");
        head.Append($"Content-Type: {contentType}\r\n").Append($"Content-Length: {block.Length}\r\n\r\n");
        return [.. Encoding.ASCII.GetBytes(head.ToString()), .. block, .. "\r\n\r\n"u8.ToArray()];
    }

    private static byte[] Http(int status, string contentType, byte[] body, string extraHeaders = "") =>
        [.. Encoding.ASCII.GetBytes($"HTTP/1.1 {status} X\r\nContent-Type: {contentType}\r\n{extraHeaders}Content-Length: {body.Length}\r\n\r\n"), .. body];

    private static byte[] Gzip(byte[] bytes)
    {
        using var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, CompressionLevel.Fastest))
            gz.Write(bytes);
        return ms.ToArray();
    }

    /// <summary>A small crawl as Common Crawl writes it: warcinfo, then request/response/metadata per URL.</summary>
    private static List<byte[]> Crawl()
    {
        var gbk = CodePagesEncodingProvider.Instance.GetEncoding(936)!;
        return
        [
            Record("warcinfo", null, "software: test\r\n"u8.ToArray(), "application/warc-fields"),
            Record("request", "https://news.example.cn/a.html", "GET /a.html HTTP/1.1\r\nHost: news.example.cn\r\n\r\n"u8.ToArray(), "application/http; msgtype=request"),
            Record("response", "https://news.example.cn/a.html", Http(200, "text/html; charset=utf-8", "<html><body><p>金正恩会见代表团。</p></body></html>"u8.ToArray())),
            Record("metadata", "https://news.example.cn/a.html", "fetchTimeMs: 12\r\n"u8.ToArray(), "application/warc-fields"),
            Record("response", "https://news.example.cn/old", Http(301, "text/html", "moved"u8.ToArray())),
            Record("response", "https://news.example.cn/logo.png", Http(200, "image/png", [0x89, 0x50, 0x4E, 0x47])),
            Record("response", "https://gbk.example.cn/b.html", Http(200, "text/html; charset=gbk", gbk.GetBytes("<p>平壤</p>"))),
            Record("response", "<https://chunked.example.cn/c>", Http(200, "text/html", "5\r\n<p>ab\r\n6\r\ncd</p>\r\n0\r\n\r\n"u8.ToArray(), "Transfer-Encoding: chunked\r\n")),
            Record("response", "https://gz.example.cn/d", Http(200, "text/html", Gzip("<p>compressed</p>"u8.ToArray()), "Content-Encoding: gzip\r\n")),
            Record("resource", "file:///saved/e.txt", "plain resource text"u8.ToArray(), "text/plain"),
        ];
    }

    [Theory]
    [InlineData("crawl.warc", false)]
    [InlineData("crawl.warc.gz", true)]
    public void Response_and_resource_records_become_pages(string name, bool gzipPerRecord)
    {
        var path = Path.Combine(dir, name);
        File.WriteAllBytes(path, [.. Crawl().SelectMany(r => gzipPerRecord ? Gzip(r) : r)]);
        var reader = new WarcReader();
        Assert.True(reader.Claims(path));
        var items = reader.Read(path, 1_000_000).ToList();
        Assert.All(items, i => Assert.Null(i.Rejection));
        var pages = items.Select(i => i.Page!).ToList();
        Assert.Equal(["#3", "#7", "#8", "#9", "#10"], pages.Select(p => p.Source[p.Source.LastIndexOf('#')..]));
        Assert.Equal("https://news.example.cn/a.html", pages[0].Url);
        Assert.Equal("text/html; charset=utf-8", pages[0].ContentType);
        Assert.Equal(PageFormat.Html, pages[0].FormatHint);
        Assert.Equal("<html><body><p>金正恩会见代表团。</p></body></html>", Encoding.UTF8.GetString(pages[0].Bytes.Span));
        Assert.Equal("text/html; charset=gbk", pages[1].ContentType);
        Assert.Equal("https://chunked.example.cn/c", pages[2].Url);
        Assert.Equal("<p>abcd</p>", Encoding.ASCII.GetString(pages[2].Bytes.Span));
        Assert.Equal("<p>compressed</p>", Encoding.ASCII.GetString(pages[3].Bytes.Span));
        Assert.Equal(PageFormat.Text, pages[4].FormatHint);
    }

    [Fact]
    public void The_gbk_page_decodes_through_the_pipeline()
    {
        var path = Path.Combine(dir, "one.warc.gz");
        File.WriteAllBytes(path, [.. Crawl().SelectMany(Gzip)]);
        var page = new WarcReader().Read(path, 1_000_000).Select(i => i.Page!).Single(p => p.Url == "https://gbk.example.cn/b.html");
        var decoded = new NewsLens.Decode.CharsetDecoder().Decode(page);
        Assert.Contains("平壤", decoded.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Oversized_records_are_rejected_and_reading_goes_on()
    {
        var path = Path.Combine(dir, "big.warc");
        var big = Http(200, "text/html", new byte[5000]);
        File.WriteAllBytes(path, [.. Record("response", "https://x/big", big), .. Record("response", "https://x/small", Http(200, "text/html", "<p>ok</p>"u8.ToArray()))]);
        var items = new WarcReader().Read(path, 1000).ToList();
        Assert.Equal(RejectionReason.TooLarge, items[0].Rejection!.Reason);
        Assert.Equal("https://x/small", items[1].Page!.Url);
    }

    [Theory]
    [InlineData("not a warc file at all\r\n")]
    [InlineData("WARC/1.0\r\nWARC-Type: response\r\n\r\n")]
    [InlineData("WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 999\r\n\r\nHTTP/1.1 200 OK\r\n")]
    [InlineData("WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 5\r\n\r\nhello\r\n\r\n")]
    public void Malformed_files_end_with_one_rejection(string content)
    {
        var path = Path.Combine(dir, "bad.warc");
        File.WriteAllText(path, content);
        var items = new WarcReader().Read(path, 1000).ToList();
        var rejection = Assert.Single(items).Rejection;
        Assert.NotNull(rejection);
        Assert.Equal(RejectionReason.Unsupported, rejection.Reason);
        Assert.StartsWith(path + "#1", rejection.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_gzip_member_is_a_rejection_not_a_crash()
    {
        var path = Path.Combine(dir, "cut.warc.gz");
        var whole = Crawl().SelectMany(Gzip).ToArray();
        File.WriteAllBytes(path, whole[..(whole.Length - 30)]);
        var items = new WarcReader().Read(path, 1_000_000).ToList();
        Assert.NotNull(items[^1].Rejection);
        Assert.True(items.Count(i => i.Page is not null) >= 3);
    }

    [Fact]
    public void File_source_expands_warc_files_through_the_reader()
    {
        var path = Path.Combine(dir, "crawl.warc.gz");
        File.WriteAllBytes(path, [.. Crawl().SelectMany(Gzip)]);
        var items = new FileSource(FileSourceOptions.Default, [new WarcReader()]).Enumerate([dir]).ToList();
        Assert.Equal(5, items.Count);
    }
}
