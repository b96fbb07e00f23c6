using NewsLens.Link;
using NewsLens.Model;
using NewsLens.Storage.Linking;

namespace NewsLens.Tests.Linking;

/// <summary>Linking during ingest: a run interrupted and resumed (linker restored from the store) stores what one clean run stores.</summary>
public sealed class StoreLinkerTests
{
    private const string Wire = "俄罗斯外长拉夫罗夫12日抵达朝鲜江原道元山市，开始对朝鲜进行访问。朝鲜外务相崔善姬同他举行了会谈。双方就落实两国元首达成的共识交换了意见，并表示将进一步加强战略对话。";

    private static readonly AnalysedArticle[] Articles =
    [
        TestArticles.Make("l/1.html", "拉夫罗夫抵达元山", Wire, day: "2025-07-12", entities: [("拉夫罗夫", "Q80"), ("崔善姬", "Q81")]),
        TestArticles.Make("l/2.html", "俄外长访问朝鲜", "【转载】" + Wire + "本文来源于网络。", day: "2025-07-12", entities: [("拉夫罗夫", "Q80"), ("崔善姬", "Q81")]),
        TestArticles.Make("l/3.html", "朝鲜试射导弹", "朝鲜1月6日试射新型高超音速导弹，导弹飞行约1500公里后命中预定水域。", day: "2025-01-07"),
        TestArticles.Make("l/4.html", "俄外长抵元山", "俄罗斯外长拉夫罗夫12日抵达朝鲜元山市访问，朝鲜外务相崔善姬同他举行会谈，双方表示将加强战略对话。", day: "2025-07-13", entities: [("拉夫罗夫", "Q80"), ("崔善姬", "Q81")]),
    ];

    [Theory]
    [MemberData(nameof(StoreKinds.All), MemberType = typeof(StoreKinds))]
    public void Resumed_linking_equals_a_clean_run(StoreKind kind)
    {
        using var clean = new TestStore(kind);
        var linker = new StoreLinker(clean.Store, new Linker());
        foreach (var a in Articles)
        {
            var (linked, state) = linker.Link(a);
            clean.Store.Store(linked, state);
        }

        using var resumed = new TestStore(kind);
        for (var stop = 1; stop <= Articles.Length; stop++)
        {
            // Each "run" restores the linker from the store and stores one more article, as after a kill.
            var again = new StoreLinker(resumed.Store, new Linker());
            Assert.Equal(stop - 1, again.Count);
            var (linked, state) = again.Link(Articles[stop - 1]);
            resumed.Store.Store(linked, state);
        }
        Assert.Equal(clean.Store.Export().ToList(), resumed.Store.Export().ToList());

        // The repost is linked to the wire report as a copy, and both share a thread.
        var repost = clean.Store.Get(Articles[1].Article.Id)!;
        Assert.Contains(repost.Duplicates!, d => d.OtherId == Articles[0].Article.Id);
        Assert.NotNull(repost.Thread);
        Assert.Equal(repost.Thread, clean.Store.Get(Articles[0].Article.Id)!.Thread);
        Assert.NotEqual(repost.Thread, clean.Store.Get(Articles[2].Article.Id)!.Thread);
    }

    [Theory]
    [MemberData(nameof(StoreKinds.All), MemberType = typeof(StoreKinds))]
    public void Linking_after_workers_equals_linking_during_ingest(StoreKind kind)
    {
        using var ingest = new TestStore(kind);
        var linker = new StoreLinker(ingest.Store, new Linker());
        foreach (var a in Articles)
        {
            var (linked, state) = linker.Link(a);
            ingest.Store.Store(linked, state);
        }

        // Workers store without links; `newslens relink` links afterwards, and a second run finds nothing to do.
        using var workers = new TestStore(kind);
        foreach (var a in Articles)
            workers.Store.Store(a);
        Assert.Equal(Articles.Length, workers.Store.UnlinkedIds(100).Count);
        Assert.Equal(Articles.Length, new StoreRelinker(workers.Store, new Linker()).Run());
        Assert.Equal(0, new StoreRelinker(workers.Store, new Linker()).Run());
        Assert.Equal(ingest.Store.Export().ToList(), workers.Store.Export().ToList());
    }

    [Theory]
    [InlineData("2025-04-15")]
    [InlineData("2025-04-15T10:20:30")]
    [InlineData("2025-04-15T10:20:30+08:00")]
    public void Publish_dates_read_back_as_written(string iso) =>
        Assert.Equal(iso, StoreRelinker.ParsePublished(iso)!.ToIso());

    [Fact]
    public void The_same_content_from_another_source_is_not_linked_twice()
    {
        using var t = new TestStore(StoreKind.Sqlite);
        var linker = new StoreLinker(t.Store, new Linker());
        var (first, state) = linker.Link(Articles[0]);
        t.Store.Store(first, state);
        var (second, none) = linker.Link(Articles[0] with { Article = Articles[0].Article with { Source = "l/copy.html" } });
        Assert.Null(none);
        Assert.Equal(NewsLens.Storage.StoreOutcome.Duplicate, t.Store.Store(second, none));
    }
}
