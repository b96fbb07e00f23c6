using System.Text;
using NewsLens.Model;
using NewsLens.Pipeline;

namespace NewsLens.Tests.Pipeline;

public sealed class ArticlePipelineTests
{
    private sealed class StubDecoder : IPageDecoder
    {
        public DecodedPage Decode(RawPage page) =>
            new(page.Source, Encoding.UTF8.GetString(page.Bytes.Span), "utf-8", CharsetEvidence.Detected, PageFormat.Text, null);
    }

    private sealed class OneParagraphExtractor : IArticleExtractor
    {
        public Article Extract(DecodedPage page) => page.Text switch
        {
            "reject" => throw new PageRejectedException(RejectionReason.NoContent, "nothing here"),
            "bug" => throw new InvalidOperationException("boom"),
            _ => new Article("id", page.Source, null, page.Text, null, null, null, "zh", page.Text,
                [new Section(null, null, [new Paragraph(page.Text, new Span(0, page.Text.Length))])], [], ExtractionInfo.None("test")),
        };
    }

    private sealed class Recorder(string name, List<string> log) : IArticleAnalyser
    {
        public AnalysedArticle Analyse(AnalysedArticle article)
        {
            log.Add(name);
            return article with { Flags = [.. article.Flags, new Flag(name, Severity.Low, [], name, name, [])] };
        }
    }

    private static RawPage Page(string text) => new("src", Encoding.UTF8.GetBytes(text), null, null, PageFormat.Text);

    [Fact]
    public void Assess_steps_run_after_every_analyse_step_whatever_the_order_added()
    {
        var log = new List<string>();
        var pipeline = new PipelineBuilder().Decode(new StubDecoder()).Extract(new OneParagraphExtractor())
            .Assess(new Recorder("assess", log)).Analyse(new Recorder("a1", log)).Analyse(new Recorder("a2", log)).Build();
        var result = pipeline.Process(Page("正文"));
        Assert.Equal(["a1", "a2", "assess"], log);
        Assert.Equal(["a1", "a2", "assess"], result.Article!.Flags.Select(f => f.Code));
    }

    [Fact]
    public void Stage_rejections_become_typed_rejections()
    {
        var pipeline = new PipelineBuilder().Decode(new StubDecoder()).Extract(new OneParagraphExtractor()).Build();
        var result = pipeline.Process(Page("reject"));
        Assert.Null(result.Article);
        Assert.Equal(RejectionReason.NoContent, result.Rejection!.Reason);
        Assert.Equal("nothing here", result.Rejection.Detail);
    }

    [Fact]
    public void Bugs_on_one_item_become_failed_rejections_naming_the_place()
    {
        var pipeline = new PipelineBuilder().Decode(new StubDecoder()).Extract(new OneParagraphExtractor()).Build();
        var result = pipeline.Process(Page("bug"));
        Assert.Equal(RejectionReason.Failed, result.Rejection!.Reason);
        Assert.Contains("InvalidOperationException", result.Rejection.Detail, StringComparison.Ordinal);
        Assert.Contains("boom", result.Rejection.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Oversized_pages_are_rejected_before_decoding()
    {
        var pipeline = new PipelineBuilder().WithLimits(PipelineLimits.Default with { MaxBytes = 10 })
            .Decode(new StubDecoder()).Extract(new OneParagraphExtractor()).Build();
        Assert.Equal(RejectionReason.TooLarge, pipeline.Process(Page("这一段文字超过了十个字节")).Rejection!.Reason);
    }

    [Fact]
    public void A_pipeline_without_an_extractor_is_a_configuration_error()
    {
        var e = Assert.Throws<InvalidOperationException>(() => new PipelineBuilder().Decode(new StubDecoder()).Build());
        Assert.Contains("extractor", e.Message, StringComparison.Ordinal);
    }
}
