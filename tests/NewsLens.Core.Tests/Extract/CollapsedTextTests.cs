using System.Security.Cryptography;
using System.Text;
using NewsLens.Extract;
using NewsLens.Extract.Html;

namespace NewsLens.Tests.Extract;

/// <summary>The piecewise collapsing and the pooled article id give exactly what the one-string versions gave.</summary>
public sealed class CollapsedTextTests
{
    private static readonly string[][] Pieces =
    [
        ["  Hello ", "\n", " world\t", "", "\u3000全角\u200B", "\n\n", "end  "],
        ["\n", "\n", "  "],
        ["a", "b", "\u00A0", "c\n", " d", "\n"],
        ["首页 ", "\n> ", "新闻\n\n", "  正文"],
    ];

    [Fact]
    public void Pieces_collapse_like_the_joined_string()
    {
        foreach (var pieces in Pieces)
        {
            var joined = string.Concat(pieces);
            var lines = new CollapsedText(LineBreaks.Kept);
            var words = new CollapsedText(LineBreaks.Collapsed);
            foreach (var p in pieces)
            {
                lines.Append(p);
                words.Append(p);
            }
            Assert.Equal(TextNormaliser.CollapseLines(joined), lines.ToString());
            Assert.Equal(TextNormaliser.Collapse(joined), words.ToString());
            Assert.Equal(joined.Count(c => !TextNormaliser.IsSpace(c)), lines.Visible);
            Assert.Equal(TextNormaliser.CollapseLines(joined)[..Math.Min(3, lines.Length)], lines.ToString(3));
            words.Clear();
            Assert.Equal(0, words.Length);
            Assert.Equal(0, words.Visible);
        }
    }

    [Theory]
    [InlineData("标题", "正文第一段。\n\n第二段")]
    [InlineData("", "text only")]
    [InlineData("lone surrogate \uD83D", "\uDE00 after")]
    public void Article_id_is_the_hash_of_title_and_text(string title, string text)
    {
        var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(title + "\n" + text)))[..16];
        Assert.Equal(expected, ArticleExtractor.ArticleId(title, text));
    }

    [Fact]
    public void Parsed_elements_hash_by_their_number_and_compare_by_reference()
    {
        var root = new HtmlParser(64).Parse("<div><p>a</p><p>b</p></div>");
        var div = root.FirstChild!;
        var p1 = div.FirstChild!;
        var p2 = p1.NextSibling!;
        Assert.NotEqual(p1.GetHashCode(), p2.GetHashCode());
        Assert.False(p1.Equals(p2));
        var scores = new Dictionary<HtmlNode, int> { [div] = 1, [p1] = 2, [p2] = 3 };
        Assert.Equal(2, scores[p1]);
        Assert.Equal(3, scores[p2]);
    }
}
