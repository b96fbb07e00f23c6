using NewsLens.Analyse.Events;
using NewsLens.Analyse.Knowledge;
using NewsLens.Model;

namespace NewsLens.Tests.Analyse.Events;

/// <summary>Whole-article behaviour: merging, undated events, linking without NER, hostile input.</summary>
public sealed class EventExtractorTests
{
    private static readonly Lazy<KnowledgeBase> Shipped = new(() => KnowledgeBase.Load(Path.Combine(AppContext.BaseDirectory, "kb")));

    private static AnalysedArticle Run(string text, DateOnly? published)
    {
        var kb = Shipped.Value;
        var article = new Article("t", "test", null, null, published is { } p ? new PublishedAt(p, null, null) : null, null, null, "zh", text, [], [], ExtractionInfo.None("test"));
        return new EventExtractor(kb).Analyse(new EntityLinker(kb).Analyse(new AnalysedArticle(article)));
    }

    [Fact]
    public void Undated_talks_are_merged_and_bounded_by_the_publish_date()
    {
        var text = "俄罗斯国防部长绍伊古与金正恩举行会谈，讨论乌克兰危机。\n\n分析称，绍伊古与金正恩的会谈也涉及朝鲜半岛局势。\n\n此外，两国在能源领域加强交流。";
        var result = Run(text, new DateOnly(2025, 6, 6));
        var talks = Assert.Single(result.Events);
        Assert.Equal(EventType.Consult, talks.Type);
        Assert.Equal(2, talks.Mentions);
        Assert.Null(talks.Date);
        Assert.Equal("2025-06-06", talks.LatestDate);
        Assert.Equal(["Korean Peninsula", "Ukraine"], talks.Topics);
        Assert.Equal(["Q56226", "nl:p.shoigu"], talks.Actors.Select(a => a.KbId).Order(StringComparer.Ordinal));
        Assert.Contains(talks.Actors, a => a.Office == "俄罗斯联邦安全会议秘书");
        Assert.Equal(talks.SentenceSpan.Slice(text), talks.Sentence);
    }

    [Fact]
    public void Links_kb_names_without_ner_and_flags_an_outdated_title()
    {
        var result = Run("俄罗斯国防部长绍伊古抵达平壤。", new DateOnly(2025, 6, 6));
        var shoigu = Assert.Single(result.Entities, e => e.KbId == "nl:p.shoigu");
        Assert.Equal(RoleCheck.NotHeld, shoigu.Role?.HeldOnDate);
        Assert.Equal("nl:RUS.dm", shoigu.Role?.OfficeId);
        Assert.Contains(result.Entities, e => e.KbId == "nl:PRK.capital" && e.Type == EntityType.Location);
        var visit = Assert.Single(result.Events);
        Assert.Equal("visit", visit.Mode);
        Assert.Equal("Q423", Assert.Single(visit.Recipients).KbId);
    }

    [Fact]
    public void A_delegation_visit_with_its_later_mentions_is_one_event()
    {
        var text = "俄副防长率团抵达平壤访问\n\n2025年4月15日，俄罗斯国防部副部长谢尔盖·伊万诺夫率领代表团，正式抵达朝鲜首都平壤。\n\n俄罗斯国防部副部长伊万诺夫与金正恩进行了会谈。";
        var result = Run(text, null);
        var visit = Assert.Single(result.Events, e => e.Mode == "visit");
        Assert.Equal("2025-04-15", visit.Date?.Value);
        Assert.Equal("nl:PRK.capital", visit.Location?.KbId);
        Assert.Equal(2, visit.Mentions);
        Assert.Equal("RUS", Assert.Single(visit.Actors).Country);
        var talks = Assert.Single(result.Events, e => e.Mode is null);
        Assert.Contains(talks.Actors, a => a.KbId == "Q56226");
        Assert.Contains(talks.Actors, a => a.Text.Contains("伊万诺夫", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("崔善姬去年参加了访俄代表团。")]                  // a delegation named by its trip
    [InlineData("各方要把行动统一到普京对乌克兰的最新要求上。")] // a demand named, not made
    public void A_trigger_inside_a_noun_phrase_is_no_event(string text) =>
        Assert.Empty(Run(text, new DateOnly(2025, 1, 1)).Events);

    [Theory]
    [InlineData("")]
    [InlineData("。。。，，，")]
    [InlineData("他他他他他与与与与会谈会谈会谈访访访访")]
    public void Hostile_text_does_not_throw(string text) => Run(text, new DateOnly(2025, 1, 1));

    [Fact]
    public void Long_text_is_bounded()
    {
        var text = string.Concat(Enumerable.Repeat("普京与金正恩举行会谈，", 5000));
        var result = Run(text, new DateOnly(2025, 1, 1));
        Assert.Single(result.Events);
    }
}
