using NewsLens.Analyse.Entities;
using NewsLens.Analyse.Segmentation;
using NewsLens.Model;
using NewsLens.Pipeline;

namespace NewsLens.Tests.Analyse.Entities;

/// <summary>
/// The committed models (models/*.bin, copied beside the test assembly) on sentences written for these
/// tests: transliterated names, titles before names, organisation suffixes, traditional script.
/// </summary>
public sealed class ShippedModelTests
{
    private static readonly AnalysisResources Resources = AnalysisResources.Load(AppContext.BaseDirectory);

    private static NerTagger Tagger => Resources.Entities ?? throw new InvalidOperationException("models/ner-msra.bin missing beside the tests");

    private static Segmenter Segmenter => Resources.Segmenter ?? throw new InvalidOperationException("models/cws-msr.bin missing beside the tests");

    private static List<string> Found(string text) =>
        [.. Tagger.Tag(text).Select(e => $"{e.Text}/{NerTagger.CodeOf(e.Type)}")];

    [Theory]
    [InlineData("俄罗斯国防部长谢尔盖·绍伊古今天抵达北京。", "谢尔盖·绍伊古/PER")]
    [InlineData("美国总统克林顿昨天在白宫会见了来访的客人。", "克林顿/PER")]
    [InlineData("外交部发言人朱邦造在记者会上回答了提问。", "朱邦造/PER")]
    [InlineData("联合国秘书长安南呼吁各方保持克制。", "安南/PER")]
    [InlineData("国家发展计划委员会今天发布了新的规定。", "国家发展计划委员会/ORG")]
    [InlineData("新华社记者从国务院新闻办公室获悉。", "新华社/ORG")]
    [InlineData("世界卫生组织的专家抵达了广州。", "世界卫生组织/ORG")]
    [InlineData("他从上海出发，经过南京到达北京。", "南京/LOC")]
    public void Finds_the_entity(string text, string expected)
    {
        var found = Found(text);
        Assert.True(found.Contains(expected), $"input: {text}\nexpected: {expected}\nactual: {string.Join(" ", found)}");
    }

    [Fact]
    public void A_title_is_not_part_of_the_name()
    {
        var found = Found("美国总统克林顿昨天在白宫会见了来访的客人。");
        Assert.DoesNotContain(found, f => f.StartsWith("总统", StringComparison.Ordinal));
    }

    [Fact]
    public void Traditional_text_gives_the_entities_of_its_simplified_form_on_original_spans()
    {
        const string simplified = "俄罗斯国防部长谢尔盖·绍伊古今天抵达北京，会见了国家主席。";
        const string traditional = "俄羅斯國防部長謝爾蓋·紹伊古今天抵達北京，會見了國家主席。";
        var s = Tagger.Tag(simplified);
        var t = Tagger.Tag(traditional);
        Assert.Equal(s.Select(e => (e.Span, e.Type)), t.Select(e => (e.Span, e.Type)));
        Assert.Contains(t, e => e.Text == "謝爾蓋·紹伊古");
        Assert.Equal(Segmenter.Segment(simplified).Select(x => x.Span), Segmenter.Segment(traditional).Select(x => x.Span));
    }

    [Fact]
    public void Half_width_digits_and_other_dot_variants_are_handled_like_the_corpus_forms()
    {
        var found = Found("俄罗斯国防部长谢尔盖•绍伊古2015年访问了北京。");
        Assert.Contains("谢尔盖•绍伊古/PER", found);
    }

    [Fact]
    public void The_pipeline_steps_fill_tokens_and_unlinked_entities_with_spans_on_the_text()
    {
        const string text = "新华社北京３月５日电　国务院总理今天在人民大会堂会见了美国国务卿。\n\n会谈在友好的气氛中进行。";
        var article = new AnalysedArticle(new Article("id", "test", null, null, null, null, null, "zh", text, [], [], ExtractionInfo.None("test")));
        var pipeline = DefaultPipeline.Full(Resources);
        foreach (var step in pipeline.Analysers.Where(a => a is SegmentationStep or EntityStep))
            article = step.Analyse(article);
        Assert.NotEmpty(article.Tokens);
        Assert.All(article.Tokens, t => Assert.Equal(t.Text, t.Span.Slice(text)));
        Assert.Contains(article.Entities, e => e.Text == "新华社" && e.Type == EntityType.Organization);
        Assert.All(article.Entities, e =>
        {
            Assert.Equal(e.Text, e.Span.Slice(text));
            Assert.Null(e.KbId);
        });
    }

    [Fact]
    public void Knowledge_base_names_given_as_user_words_stay_whole()
    {
        const string text = "中国长江三峡工程开发总公司今天宣布了新的计划。";
        var segmenter = Segmenter.WithUserWords(["中国长江三峡工程开发总公司"]);
        Assert.Equal("中国长江三峡工程开发总公司", segmenter.Segment(text)[0].Text);
    }
}
