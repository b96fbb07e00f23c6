using NewsLens.Link;
using NewsLens.Link.Normalise;
using NewsLens.Link.Threads;
using NewsLens.Model;
using static NewsLens.Tests.Link.LinkFixtures;

namespace NewsLens.Tests.Link;

public class ThreadBuilderTests
{
    private static readonly DateOnly March4 = new(2025, 3, 4);

    private const string ReportA = "俄罗斯安全会议秘书绍伊古4日抵达平壤，当天同朝鲜领导人金正恩举行会谈，双方讨论了条约落实和地区安全形势。";
    private const string ReportB = "金正恩周二在平壤会见来访的绍伊古。朝鲜官方媒体说，会见在友好气氛中进行，绍伊古转达了普京的问候。";
    private const string ReportLater = "绍伊古17日再次抵达平壤，与金正恩商定朝方向库尔斯克派遣排雷和建设人员，协助当地重建。";

    private static IReadOnlyList<EntityMention> Actors => [Person("绍伊古", "Q1"), Person("金正恩", "Q2"), Place("平壤")];

    private static Linker NewLinker() => new();

    [Fact]
    public void Independent_reports_of_one_meeting_share_a_thread()
    {
        var linker = NewLinker();
        var a = linker.Add(Article("a", ReportA, March4, "绍伊古抵达平壤与金正恩会谈", Actors, [Meeting(March4, "绍伊古", "金正恩")]));
        var b = linker.Add(Article("b", ReportB, March4.AddDays(1), "金正恩会见绍伊古", Actors, [Meeting(March4, "金正恩", "绍伊古")]));
        Assert.True(a.Thread.Founded);
        Assert.Equal(a.Thread.ThreadId, b.Thread.ThreadId);
        Assert.Equal(ThreadReason.SameEvent, b.Thread.Reason);
        Assert.Equal("a", b.Thread.MatchedId);
    }

    [Fact]
    public void Same_actors_months_apart_are_different_threads()
    {
        var linker = NewLinker();
        var a = linker.Add(Article("a", ReportA, March4, "绍伊古抵达平壤与金正恩会谈", Actors, [Meeting(March4, "绍伊古", "金正恩")]));
        var june = new DateOnly(2025, 6, 17);
        var later = linker.Add(Article("c", ReportLater, june, "绍伊古再访平壤", Actors, [Meeting(june, "绍伊古", "金正恩")]));
        Assert.NotEqual(a.Thread.ThreadId, later.Thread.ThreadId);
        Assert.True(later.Thread.Founded);
    }

    [Fact]
    public void Same_parties_meeting_again_days_later_conflicts_on_the_event_date()
    {
        // Published within the story window, but the events are dated a week apart: another meeting.
        var linker = NewLinker();
        var a = linker.Add(Article("a", ReportA, March4, "绍伊古与金正恩会谈", Actors, [Meeting(March4, "绍伊古", "金正恩")]));
        var b = linker.Add(Article("b", ReportA, March4.AddDays(2), "绍伊古与金正恩会谈", Actors, [Meeting(March4.AddDays(-7), "绍伊古", "金正恩")]));
        // Identical text is a copy: copies override, which is right for reposts.
        Assert.Equal(a.Thread.ThreadId, b.Thread.ThreadId);

        var linker2 = NewLinker();
        var x = linker2.Add(Article("x", ReportA, March4, "绍伊古与金正恩会谈", Actors, [Meeting(March4, "绍伊古", "金正恩")]));
        var y = linker2.Add(Article("y", ReportLater, March4.AddDays(2), "绍伊古与金正恩再次会谈", Actors, [Meeting(March4.AddDays(-7), "绍伊古", "金正恩")]));
        Assert.NotEqual(x.Thread.ThreadId, y.Thread.ThreadId);
    }

    [Fact]
    public void Traditional_repost_joins_by_copy_even_without_analysis()
    {
        var linker = NewLinker();
        var day = new DateOnly(2025, 5, 17);
        var wire = linker.Add(Article("wire", Case("wire.txt"), day));
        var repost = linker.Add(Article("trad", Case("wire-traditional.txt"), day.AddDays(1)));
        var unrelated = linker.Add(Article("other", Case("unrelated.txt"), day));
        Assert.Equal(wire.Thread.ThreadId, repost.Thread.ThreadId);
        Assert.Equal(ThreadReason.Copy, repost.Thread.Reason);
        Assert.Contains(repost.Duplicates, d => d.OtherId == "wire");
        Assert.NotEqual(wire.Thread.ThreadId, unrelated.Thread.ThreadId);
    }

    [Fact]
    public void Batch_linking_is_deterministic_and_links_both_ways()
    {
        var day = new DateOnly(2025, 5, 17);
        AnalysedArticle[] input =
        [
            Article("rewrite", Case("wire-rewrite.txt"), day.AddDays(1)),
            Article("wire", Case("wire.txt"), day),
            Article("excerpt", Case("wire-excerpt.txt"), day.AddDays(2)),
            Article("other", Case("unrelated.txt"), day),
        ];
        var first = Linker.LinkAll(input);
        var second = Linker.LinkAll(input.Reverse());
        Assert.Equal(
            first.Articles.Select(a => (a.Article.Id, a.Links!.ThreadId)).OrderBy(x => x.Id, StringComparer.Ordinal),
            second.Articles.Select(a => (a.Article.Id, a.Links!.ThreadId)).OrderBy(x => x.Id, StringComparer.Ordinal));

        var thread = Assert.Single(first.Threads);
        Assert.Equal(["wire", "rewrite", "excerpt"], thread.Timeline.Select(e => e.ArticleId));
        Assert.Equal(day, thread.First);
        Assert.Equal(day.AddDays(2), thread.Last);

        var wire = first.Articles.Single(a => a.Article.Id == "wire");
        Assert.Contains(wire.Links!.Duplicates, d => d.OtherId == "rewrite" && d.Kind == CopyKind.Rewrite);
        Assert.Contains(wire.Links!.Duplicates, d => d.OtherId == "excerpt" && d.Kind == CopyKind.Excerpt);
        Assert.Null(first.Articles.Single(a => a.Article.Id == "other").Links!.ThreadId);
    }

    [Fact]
    public void Restored_state_places_new_articles_like_the_original_run()
    {
        var day = new DateOnly(2025, 5, 17);
        var original = NewLinker();
        var wire = original.Add(Article("wire", Case("wire.txt"), day));

        var restored = NewLinker();
        restored.Restore(wire.Profile, wire.Signature, wire.Thread);
        var repost = restored.Add(Article("repost", Case("wire-repost.txt"), day));
        Assert.Equal(wire.Thread.ThreadId, repost.Thread.ThreadId);
        Assert.Equal(2, restored.Thread(wire.Thread.ThreadId)!.Timeline.Count);
    }

    [Fact]
    public void Term_weights_round_trip_and_favour_rare_bigrams()
    {
        var folder = new FallbackScriptFolder();
        var normaliser = new LinkTextNormaliser(folder);
        string[] docs = ["双方举行会谈", "双方举行会议", "双方表示支持", "绍伊古举行会谈"];
        var weights = TermWeights.FromDocuments(docs.Select(normaliser.Normalise));
        var path = Path.GetTempFileName();
        try
        {
            weights.Save(path);
            var back = TermWeights.Load(path);
            Assert.Equal(weights.Documents, back.Documents);
            Assert.Equal(weights.Count, back.Count);
            Assert.True(back.Idf(TermWeights.BigramKey('绍', '伊')) > back.Idf(TermWeights.BigramKey('双', '方')));
        }
        finally
        {
            File.Delete(path);
        }
        Assert.Throws<InvalidDataException>(() => LoadText("not a table"));
    }

    private static TermWeights LoadText(string text)
    {
        var path = Path.GetTempFileName();
        try
        {
            using (var gz = new System.IO.Compression.GZipStream(File.Create(path), System.IO.Compression.CompressionMode.Compress))
            using (var w = new StreamWriter(gz))
                w.Write(text);
            return TermWeights.Load(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Empty_and_hostile_articles_do_not_throw()
    {
        var linker = NewLinker();
        var empty = linker.Add(Article("empty", ""));
        var punct = linker.Add(Article("punct", new string('。', 10_000)));
        var undated = linker.Add(Article("undated", Case("wire.txt")));
        Assert.True(empty.Thread.Founded);
        Assert.Empty(punct.Duplicates);
        Assert.NotNull(undated.Thread.ThreadId);
    }
}
