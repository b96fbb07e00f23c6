using System.Text;
using NewsLens.Extract;
using NewsLens.Extract.Html;

namespace NewsLens.Tests.Extract.Html;

/// <summary>
/// Whitespace-only runs between tags are kept as gap counts, not text nodes; every reader must see them as one
/// " " where they stood, also after cleaning removed the element they followed. Expected values are what the
/// tree gave when each gap was a " " text node.
/// </summary>
public sealed class WhitespaceGapTests
{
    [Theory]
    [InlineData("<p><b>a</b> <b>b</b></p>", "a b")]
    [InlineData("<p><b>a</b><b>b</b></p>", "ab")]
    [InlineData("<p>a<b>x</b><script>s</script> <b>y</b></p>", "ax y")]
    [InlineData("<p>a<span><script>s</script> <b>y</b></span></p>", "a y")]
    [InlineData("<p>a<span><b>y</b> <script>s</script></span>z</p>", "ay z")]
    [InlineData("<div> <p>one</p> <p>two</p> </div>", "one|two")]
    [InlineData("<p><a href='/x'>link</a> <b>bold</b> <!-- c --> <i>end</i></p>", "link bold end")]
    [InlineData("<pre><b>a</b> <b>b</b></pre>", "a b")]
    public void Blocks_read_each_gap_as_one_space(string html, string expected)
    {
        var root = new HtmlParser(64).Parse(html);
        new DomCleaner().Clean(root, new CleaningLog());
        var blocks = new BlockLinearizer().Linearize(root);
        Assert.Equal(expected, string.Join("|", blocks.Select(b => b.Text)));
    }

    [Theory]
    [InlineData("<div><b>a</b> <i>b</i> </div>", "a b ")]
    [InlineData("<div> </div>", " ")]
    [InlineData("<div>a<span> <b>b</b></span></div>", "a b")]
    public void Inner_text_has_one_space_per_gap(string html, string expected)
    {
        var root = new HtmlParser(64).Parse(html);
        var sb = new StringBuilder();
        root.FirstChild!.AppendInnerText(sb);
        Assert.Equal(expected, sb.ToString());
        Assert.Equal(expected, MetadataReader.InnerText(root.FirstChild!));
    }

    [Fact]
    public void Removed_block_records_keep_the_spaces_between_links()
    {
        var root = new HtmlParser(64).Parse("<div>some text here<nav><a href='/x'>One</a> <a href='/y'>Two</a></nav></div>");
        var log = new CleaningLog();
        new DomCleaner().Clean(root, log);
        var nav = Assert.Single(log.Removed);
        Assert.Equal("One Two", nav.Text);
        Assert.Equal(["One", "Two"], nav.Links.Select(l => l.Text));
    }
}
