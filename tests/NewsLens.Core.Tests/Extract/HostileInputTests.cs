using System.Diagnostics;
using System.Text;
using NewsLens.Decode;
using NewsLens.Extract;
using NewsLens.Model;
using NewsLens.Pipeline;

namespace NewsLens.Tests.Extract;

/// <summary>Hostile pages: each must end in an article or a typed rejection, never another exception, a hang or a stack overflow.</summary>
public sealed class HostileInputTests
{
    /// <summary>Generous bound for "does not hang" on a loaded CI machine; real pages take milliseconds.</summary>
    private static readonly TimeSpan NoHang = TimeSpan.FromSeconds(20);

    private static (Article? Article, RejectionReason? Rejection) Run(string html, PipelineLimits? limits = null)
    {
        var sw = Stopwatch.StartNew();
        try
        {
            var article = new ArticleExtractor(limits ?? PipelineLimits.Default).Extract(new DecodedPage("hostile", html, "utf-8", CharsetEvidence.Default, PageFormat.Html, null));
            return (article, null);
        }
        catch (PageRejectedException e)
        {
            return (null, e.Reason);
        }
        finally
        {
            Assert.True(sw.Elapsed < NoHang, $"took {sw.Elapsed}");
        }
    }

    [Fact]
    public void Ten_thousand_nested_divs_are_rejected_as_too_deep()
    {
        var html = "<html><body>" + string.Concat(Enumerable.Repeat("<div>", 10_000)) + "deep" + string.Concat(Enumerable.Repeat("</div>", 10_000)) + "</body></html>";
        Assert.Equal(RejectionReason.TooDeep, Run(html).Rejection);
    }

    [Fact]
    public void Ten_thousand_unclosed_inline_tags_are_rejected_as_too_deep()
    {
        var html = "<p>" + string.Concat(Enumerable.Repeat("<font><b>", 5_000)) + "text";
        Assert.Equal(RejectionReason.TooDeep, Run(html).Rejection);
    }

    [Fact]
    public void Nesting_within_the_limit_is_accepted()
    {
        var body = "Ein langer Absatz mit genug Text, damit er als Artikel gilt, und mit Kommas, Punkten und allem. Noch ein Satz, der dazu gehört.";
        var html = "<html><body>" + string.Concat(Enumerable.Repeat("<div>", 100)) + "<p>" + body + "</p>" + string.Concat(Enumerable.Repeat("</div>", 100)) + "</body></html>";
        var (article, rejection) = Run(html);
        Assert.Null(rejection);
        Assert.Contains("Noch ein Satz", article!.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_huge_attribute_does_not_hurt()
    {
        var html = "<html><body><div class=\"" + new string('x', 5_000_000) + "\" data-blob='" + new string('y', 1_000_000) + "'><p>Short but real paragraph, with a comma, and a full stop. Another sentence follows here.</p></div></body></html>";
        var (article, rejection) = Run(html);
        Assert.True(article is not null || rejection is not null);
    }

    [Theory]
    [InlineData("just some words without any markup at all, long enough to be a paragraph, with commas, and more words.")]
    [InlineData("<!-- an unclosed comment swallows everything <p>text</p>")]
    [InlineData("<script>var a = '<p>not text</p>';")]
    [InlineData("<<<<>>>></></ ><p <p <p>>text, text, text.")]
    [InlineData("<html><head><title>only a title</title></head></html>")]
    [InlineData("<table><td><td><tr><li><li></table></td></li><p></p></p></p></div></span>")]
    [InlineData("<a href='x'><a href='y'><a href='z'>links all the way</a>")]
    [InlineData("<select><option>one<option>two")]
    [InlineData("<svg><p>an unclosed svg must not swallow the page, so this sentence, with its commas, must still be seen.</p>")]
    public void Malformed_markup_ends_in_an_article_or_a_rejection(string html)
    {
        var (article, rejection) = Run(html);
        Assert.True(article is not null || rejection == RejectionReason.NoContent, $"got {rejection}");
    }

    [Fact]
    public void Binary_looking_text_does_not_throw()
    {
        var rng = new Random(7);
        var sb = new StringBuilder();
        for (var i = 0; i < 200_000; i++)
            sb.Append((char)rng.Next(1, 0xD7FF));
        var (article, rejection) = Run(sb.ToString());
        Assert.True(article is not null || rejection is not null);
    }

    [Fact]
    public void Plain_text_pages_without_lines_are_rejected_as_no_content()
    {
        var extractor = new ArticleExtractor(PipelineLimits.Default);
        var e = Assert.Throws<PageRejectedException>(() => extractor.Extract(new DecodedPage("t", "\n \n\t\n", "utf-8", CharsetEvidence.Default, PageFormat.Text, null)));
        Assert.Equal(RejectionReason.NoContent, e.Reason);
    }

    [Fact]
    public void The_whole_pipeline_rejects_deep_nesting_with_a_clear_detail()
    {
        var html = "<html><body>" + string.Concat(Enumerable.Repeat("<div>", 10_000)) + "</body></html>";
        var result = DefaultPipeline.ExtractOnly().Process(new RawPage("deep.html", Encoding.UTF8.GetBytes(html), null, null, PageFormat.Html));
        Assert.Equal(RejectionReason.TooDeep, result.Rejection?.Reason);
        Assert.Contains("512", result.Rejection!.Detail, StringComparison.Ordinal);
    }
}
