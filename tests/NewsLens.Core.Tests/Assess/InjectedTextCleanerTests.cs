using NewsLens.Assess;
using NewsLens.Eval.Flags;
using NewsLens.Model;

namespace NewsLens.Tests.Assess;

public sealed class InjectedTextCleanerTests
{
    private const string Page = """
        企业文化

        两国外长会谈聚焦地区安全局势

        双方就地区安全局势交换了意见，并同意加强沟通。

        两国外长会谈聚焦地区安全局势乐天堂fun88

        会谈在友好气氛中进行。
        """;

    [Fact]
    public void A_title_line_with_a_brand_leaves_the_text_and_becomes_a_removed_block()
    {
        var article = AssessFixture.Article(Page.Replace("\n        ", "\n", StringComparison.Ordinal));
        var cleaned = new InjectedTextCleaner(AssessFixture.Rules).Analyse(new AnalysedArticle(article)).Article;

        Assert.DoesNotContain("fun88", cleaned.Text, StringComparison.Ordinal);
        Assert.Contains("会谈在友好气氛中进行。", cleaned.Text, StringComparison.Ordinal);
        var block = Assert.Single(cleaned.Removed);
        Assert.Equal(RemovalReason.InjectedText, block.Reason);
        Assert.Equal("两国外长会谈聚焦地区安全局势乐天堂fun88", block.Text);
        foreach (var p in cleaned.Sections.SelectMany(s => s.Paragraphs))
            Assert.Equal(p.Text, p.Span.Slice(cleaned.Text));
    }

    [Fact]
    public void A_brand_glued_to_a_paragraph_end_is_cut_and_spans_stay_consistent()
    {
        var article = AssessFixture.Article("价格下降主要得益于推理框架优化。开云体育官网\n\n不过也有分析师提醒，价格战可能压缩研发投入。", title: "大模型推理成本下降");
        var cleaned = new InjectedTextCleaner(AssessFixture.Rules).Analyse(new AnalysedArticle(article)).Article;

        Assert.Equal("价格下降主要得益于推理框架优化。\n\n不过也有分析师提醒，价格战可能压缩研发投入。", cleaned.Text);
        foreach (var p in cleaned.Sections.SelectMany(s => s.Paragraphs))
            Assert.Equal(p.Text, p.Span.Slice(cleaned.Text));
        Assert.Equal("开云体育官网", Assert.Single(cleaned.Removed).Text);
    }

    [Fact]
    public void An_advert_sentence_planted_inside_a_paragraph_is_cut_and_spans_stay_consistent()
    {
        var article = AssessFixture.Article("两国领导人举行会谈，并签署了合作协议。澳门葡京娱乐场官网 www.pj8899.example 注册即送彩金。协议自签署之日起生效。\n\n双方还发表了联合声明。", title: "两国领导人举行会谈");
        var cleaned = new InjectedTextCleaner(AssessFixture.Rules).Analyse(new AnalysedArticle(article)).Article;

        Assert.Equal("两国领导人举行会谈，并签署了合作协议。协议自签署之日起生效。\n\n双方还发表了联合声明。", cleaned.Text);
        foreach (var p in cleaned.Sections.SelectMany(s => s.Paragraphs))
            Assert.Equal(p.Text, p.Span.Slice(cleaned.Text));
        Assert.Equal(RemovalReason.InjectedText, Assert.Single(cleaned.Removed).Reason);
    }

    [Fact]
    public void A_news_sentence_naming_a_brand_without_a_call_to_action_stays()
    {
        var article = AssessFixture.Article("两国领导人举行会谈，并签署了合作协议。会场外的广告牌上仍能看到澳门葡京的旧标志。", title: "两国领导人举行会谈");
        var cleaned = new InjectedTextCleaner(AssessFixture.Rules).Analyse(new AnalysedArticle(article)).Article;
        Assert.Same(article.Text, cleaned.Text);
    }

    [Fact]
    public void A_page_about_gambling_keeps_its_operator_names()
    {
        var article = AssessFixture.Article("警方通报，该团伙以网络赌博平台开设百家乐，涉赌资金巨大，赌客多为外地人。平台名为澳门新葡京", title: "警方破获网络赌博案");
        var cleaned = new InjectedTextCleaner(AssessFixture.Rules).Analyse(new AnalysedArticle(article)).Article;
        Assert.Same(article.Text, cleaned.Text);
        Assert.Empty(cleaned.Removed);
    }

    [Fact]
    public void Running_after_analysis_is_a_configuration_error()
    {
        var analysed = new AnalysedArticle(AssessFixture.Article("一段正文。")) { Tokens = [new Token("一段", new Span(0, 2))] };
        Assert.Throws<InvalidOperationException>(() => new InjectedTextCleaner(AssessFixture.Rules).Analyse(analysed));
    }

    [Fact]
    public void Cut_maps_spans_of_whole_and_partial_deletions()
    {
        var a = new FlagCase("t", null, null, null, null, null, "甲段。\n\n乙段广告\n\n丙段。", null, null, null, null, [], null).ToArticle();
        var cut = InjectedTextCleaner.Cut(a, [(7, 9), (11, 14)]);
        Assert.Equal("甲段。\n\n乙段", cut.Text);
        Assert.Equal(["甲段。", "乙段"], cut.Sections.SelectMany(s => s.Paragraphs).Select(p => p.Text));
    }
}
