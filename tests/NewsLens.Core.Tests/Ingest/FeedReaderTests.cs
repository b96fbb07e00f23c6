using System.Text;
using NewsLens.Ingest.Feeds;
using NewsLens.Pipeline;

namespace NewsLens.Tests.Ingest;

public sealed class FeedReaderTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("newslens-feed-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(dir, name);
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }

    private const string Rss = """
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
          <channel>
            <title>远东观察</title>
            <item>
              <title>拉夫罗夫抵达元山 &amp; 会谈</title>
              <link>https://news.example.cn/2025/07/12/lavrov.html</link>
              <pubDate>Sat, 12 Jul 2025 18:30:00 +0800</pubDate>
              <dc:creator>记者 王明</dc:creator>
              <description>摘要</description>
              <content:encoded><![CDATA[<p>俄罗斯外长拉夫罗夫12日抵达元山。</p><p>崔善姬同他举行会谈。</p>]]></content:encoded>
            </item>
            <item>
              <title>只有摘要</title>
              <link>https://news.example.cn/b.html</link>
              <pubDate>Sun, 13 Jul 2025 08:00:00 GMT</pubDate>
              <description>&lt;p&gt;朝鲜试射导弹。&lt;/p&gt;</description>
            </item>
          </channel>
        </rss>
        """;

    private const string AtomFeed = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom">
          <title>Wire</title>
          <entry>
            <title>Lavrov arrives in Wonsan</title>
            <link rel="self" href="https://wire.example.com/api/1"/>
            <link rel="alternate" href="https://wire.example.com/1"/>
            <published>2025-07-12T10:30:00Z</published>
            <author><name>Staff</name></author>
            <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Russian foreign minister arrived.</p></div></content>
          </entry>
          <entry>
            <title>Plain</title>
            <link href="https://wire.example.com/2"/>
            <updated>2025-07-13</updated>
            <summary>First &lt;b&gt; paragraph.

        Second paragraph.</summary>
          </entry>
        </feed>
        """;

    [Fact]
    public void Rss_items_become_html_pages_with_their_metadata()
    {
        var path = Write("feed.rss", Rss);
        var reader = new FeedReader();
        Assert.True(reader.Claims(path));
        var pages = reader.Read(path, 1_000_000).Select(i => i.Page!).ToList();
        Assert.Equal(2, pages.Count);
        Assert.Equal(path + "#1", pages[0].Source);
        Assert.Equal("https://news.example.cn/2025/07/12/lavrov.html", pages[0].Url);
        var html = Encoding.UTF8.GetString(pages[0].Bytes.Span);
        Assert.Contains("<title>拉夫罗夫抵达元山 &amp; 会谈</title>", html, StringComparison.Ordinal);
        Assert.Contains("content=\"2025-07-12T18:30:00+08:00\"", html, StringComparison.Ordinal);
        Assert.Contains("content=\"记者 王明\"", html, StringComparison.Ordinal);
        Assert.Contains("<p>崔善姬同他举行会谈。</p>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("摘要", html, StringComparison.Ordinal);
        var second = Encoding.UTF8.GetString(pages[1].Bytes.Span);
        Assert.Contains("<p>朝鲜试射导弹。</p>", second, StringComparison.Ordinal);
        Assert.Contains("2025-07-13T08:00:00+00:00", second, StringComparison.Ordinal);
    }

    [Fact]
    public void Rss_items_extract_to_articles_with_title_and_date()
    {
        var path = Write("feed.rss", Rss);
        var page = new FeedReader().Read(path, 1_000_000).First().Page!;
        var result = DefaultPipeline.ExtractOnly().Process(page);
        Assert.NotNull(result.Article);
        Assert.Equal("2025-07-12", result.Article.Article.Published?.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("拉夫罗夫", result.Article.Article.Title, StringComparison.Ordinal);
        Assert.Contains("崔善姬同他举行会谈", result.Article.Article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Atom_entries_use_the_alternate_link_and_the_content_type()
    {
        var path = Write("wire.atom", AtomFeed);
        var pages = new FeedReader().Read(path, 1_000_000).Select(i => i.Page!).ToList();
        Assert.Equal(["https://wire.example.com/1", "https://wire.example.com/2"], pages.Select(p => p.Url));
        var first = Encoding.UTF8.GetString(pages[0].Bytes.Span);
        Assert.Contains("<p>Russian foreign minister arrived.</p>", first, StringComparison.Ordinal);
        Assert.Contains("2025-07-12T10:30:00+00:00", first, StringComparison.Ordinal);
        var second = Encoding.UTF8.GetString(pages[1].Bytes.Span);
        Assert.Contains("<p>First &lt;b&gt; paragraph.</p>", second, StringComparison.Ordinal);
        Assert.Contains("content=\"2025-07-13\"", second, StringComparison.Ordinal);
    }

    [Fact]
    public void Xml_files_are_claimed_only_when_they_are_feeds()
    {
        var reader = new FeedReader();
        Assert.True(reader.Claims(Write("a.xml", AtomFeed)));
        Assert.False(reader.Claims(Write("sitemap.xml", "<?xml version=\"1.0\"?><urlset><url><loc>x</loc></url></urlset>")));
        Assert.False(reader.Claims(Write("page.html", "<rss>")));
    }

    [Theory]
    [InlineData("<rss><channel><item><title>unclosed</channel></rss>")]
    [InlineData("<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]><rss><channel><item><title>&b;</title></item></channel></rss>")]
    [InlineData("")]
    public void Bad_feeds_are_one_rejection(string text)
    {
        var path = Write("bad.rss", text);
        var items = new FeedReader().Read(path, 1_000_000).ToList();
        var item = Assert.Single(items);
        Assert.Equal(RejectionReason.Unsupported, item.Rejection!.Reason);
    }

    [Theory]
    [InlineData("Tue, 15 Apr 2025 10:00:00 +0800", "2025-04-15T10:00:00+08:00")]
    [InlineData("15 Apr 2025 10:00 GMT", "2025-04-15T10:00:00+00:00")]
    [InlineData("Tue, 15 Apr 2025 10:00:00 CST", "2025-04-15T10:00:00")]
    [InlineData("2025-04-15T10:00:00+08:00", "2025-04-15T10:00:00+08:00")]
    [InlineData("2025-04-15", "2025-04-15")]
    [InlineData("yesterday", null)]
    public void Feed_dates_become_iso(string input, string? expected) =>
        Assert.Equal(expected, FeedDates.ToIso(input));
}
