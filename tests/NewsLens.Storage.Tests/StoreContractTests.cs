using NewsLens.Model;
using NewsLens.Pipeline;
using NewsLens.Storage;

namespace NewsLens.Tests;

/// <summary>The behaviour both stores promise (IArticleStore); every test runs against SQLite and PostgreSQL.</summary>
public sealed class StoreContractTests
{
    private static readonly AnalysedArticle Visit = TestArticles.Make("a/visit.html", "金正恩会见俄罗斯国防部长",
        "朝鲜最高领导人金正恩4月15日在平壤会见了到访的俄罗斯国防部长。\n\n双方讨论了军事合作问题。",
        day: "2025-04-15", site: "news.example.cn", entities: [("金正恩", "Q56226"), ("俄罗斯", "Q159")], flags: ["kb.role_contradiction"]);

    private static readonly AnalysedArticle Passing = TestArticles.Make("a/passing.html", "东北亚局势观察",
        "分析人士认为，地区局势复杂。文章在最后一段提到金正恩的讲话。\n\n此外，日本和韩国举行了会谈。",
        day: "2025-03-01", site: "other.example.cn", entities: [("金正恩", "Q56226")]);

    private static readonly AnalysedArticle English = TestArticles.Make("a/en.html", "Pyongyang talks",
        "Russian officials arrived in PYONGYANG on Tuesday for military talks.", day: "2025-04-16", site: "wire.example.com",
        flags: ["spam.injected_link"]);

    [Theory]
    [MemberData(nameof(StoreKinds.All), MemberType = typeof(StoreKinds))]
    public void Stored_article_reads_back_with_its_rows(StoreKind kind)
    {
        using var t = new TestStore(kind);
        Assert.Equal(StoreOutcome.Stored, t.Store.Store(Visit));
        var record = t.Store.Get(Visit.Article.Id);
        Assert.NotNull(record);
        Assert.Equal(Visit.Article.Title, record.Title);
        Assert.Equal(Visit.Article.Text, record.Text);
        Assert.Equal("2025-04-15", record.Published);
        Assert.Equal(["金正恩", "俄罗斯"], record.Entities.Select(e => e.Text));
        Assert.Equal("kb.role_contradiction", Assert.Single(record.Flags).Code);
        Assert.Equal(EventType.Consult, Assert.Single(record.Events).Type);
        Assert.Single(record.Removed);
        Assert.True(t.Store.IsDone("a/visit.html"));
        Assert.False(t.Store.IsDone("a/other.html"));
        Assert.Equal(record.Id, t.Store.Get(Visit.Article.Id[..10])?.Id);
        Assert.Null(t.Store.Get(Visit.Article.Id[..4]));
        Assert.Null(t.Store.Get("'; DROP TABLE articles; --"));
    }

    [Theory]
    [MemberData(nameof(StoreKinds.All), MemberType = typeof(StoreKinds))]
    public void Storing_again_changes_nothing(StoreKind kind)
    {
        using var t = new TestStore(kind);
        t.Store.Store(Visit);
        var before = t.Store.Export().ToList();
        Assert.Equal(StoreOutcome.AlreadyDone, t.Store.Store(Visit));
        Assert.Equal(before, t.Store.Export().ToList());

        // The same content from another source is one article with two sources.
        var copy = Visit with { Article = Visit.Article with { Source = "b/copy.html" } };
        Assert.Equal(StoreOutcome.Duplicate, t.Store.Store(copy));
        var counts = t.Store.Counts();
        Assert.Equal(1, counts.Articles);
        Assert.Equal(2, counts.Sources);

        // Reopening (migrations run again) keeps everything.
        t.Reopen();
        Assert.Equal(1, t.Store.Counts().Articles);
        Assert.Equal(StoreOutcome.AlreadyDone, t.Store.Store(copy));
    }

    [Theory]
    [MemberData(nameof(StoreKinds.All), MemberType = typeof(StoreKinds))]
    public void Chinese_search_ranks_title_hits_first_and_highlights(StoreKind kind)
    {
        using var t = new TestStore(kind);
        t.Store.Store(Passing);
        t.Store.Store(English);
        t.Store.Store(Visit);
        var results = t.Store.Search(new SearchQuery("金正恩"));
        Assert.Equal([Visit.Article.Id, Passing.Article.Id], results.Hits.Select(h => h.Id));
        Assert.True(results.Hits[0].Score > results.Hits[1].Score);
        var snippet = results.Hits[1].Snippet;
        Assert.Contains(snippet.Highlights, h => snippet.Text[h.Start..h.End] == "金正恩");
        Assert.Contains("«金正恩»", snippet.Marked("«", "»"), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(StoreKinds.All), MemberType = typeof(StoreKinds))]
    public void Short_words_single_characters_and_latin_are_found(StoreKind kind)
    {
        using var t = new TestStore(kind);
        t.Store.Store(Visit);
        t.Store.Store(Passing);
        t.Store.Store(English);
        Assert.Equal([Passing.Article.Id], t.Store.Search(new SearchQuery("会谈")).Hits.Select(h => h.Id));
        Assert.Equal([Passing.Article.Id], t.Store.Search(new SearchQuery("韩")).Hits.Select(h => h.Id));
        Assert.Equal([English.Article.Id], t.Store.Search(new SearchQuery("pyongyang")).Hits.Select(h => h.Id));
        Assert.Equal([English.Article.Id], t.Store.Search(new SearchQuery("ＴＡＬＫＳ")).Hits.Select(h => h.Id));
        // Every term is required; a term that appears nowhere empties the result.
        Assert.Equal([Visit.Article.Id], t.Store.Search(new SearchQuery("金正恩 国防部长")).Hits.Select(h => h.Id));
        Assert.Empty(t.Store.Search(new SearchQuery("金正恩 乌克兰")).Hits);
        // Characters that are not adjacent in the text do not match as a phrase.
        Assert.Empty(t.Store.Search(new SearchQuery("金恩")).Hits);
    }

    [Theory]
    [MemberData(nameof(StoreKinds.All), MemberType = typeof(StoreKinds))]
    public void Filters_narrow_the_hits(StoreKind kind)
    {
        using var t = new TestStore(kind);
        t.Store.Store(Visit);
        t.Store.Store(Passing);
        string[] Ids(SearchQuery q) => [.. t.Store.Search(q).Hits.Select(h => h.Id)];
        Assert.Equal([Visit.Article.Id], Ids(new SearchQuery("金正恩", From: new DateOnly(2025, 4, 1))));
        Assert.Equal([Passing.Article.Id], Ids(new SearchQuery("金正恩", To: new DateOnly(2025, 3, 31))));
        Assert.Equal([Passing.Article.Id], Ids(new SearchQuery("金正恩", From: new DateOnly(2025, 3, 1), To: new DateOnly(2025, 3, 1))));
        Assert.Empty(Ids(new SearchQuery("金正恩", From: new DateOnly(2025, 3, 2), To: new DateOnly(2025, 4, 14))));
        Assert.Empty(Ids(new SearchQuery("金正恩", From: new DateOnly(2026, 1, 1))));
        Assert.Empty(Ids(new SearchQuery("金正恩", From: new DateOnly(2025, 5, 1), To: new DateOnly(2025, 4, 1))));
        Assert.Equal([Passing.Article.Id], Ids(new SearchQuery("金正恩", Site: "other.example.cn")));
        Assert.Equal([Visit.Article.Id], Ids(new SearchQuery("金正恩", Entity: "Q159")));
        Assert.Equal([Visit.Article.Id], Ids(new SearchQuery("金正恩", Entity: "俄罗斯")));
        Assert.Equal([Visit.Article.Id], Ids(new SearchQuery("金正恩", Flag: "kb")));
        Assert.Empty(Ids(new SearchQuery("金正恩", Flag: "k")));
        Assert.Empty(Ids(new SearchQuery("金正恩", Site: "news.example.cn", Entity: "Q999")));
        Assert.Single(Ids(new SearchQuery("金正恩", Limit: 1)));
    }

    [Theory]
    [MemberData(nameof(StoreKinds.All), MemberType = typeof(StoreKinds))]
    public void Hostile_queries_are_literal_text_and_bounded(StoreKind kind)
    {
        using var t = new TestStore(kind);
        t.Store.Store(Visit);
        string[] hostile = ["\"", "\"金正恩", "金正恩*", "NEAR(金正 正恩)", "title:金正恩", "a OR b", "'; DROP TABLE articles; --", "\\", "!!!", "&|<->:*", "{title}: x", "^金"];
        foreach (var q in hostile)
            _ = t.Store.Search(new SearchQuery(q));
        Assert.Single(t.Store.Search(new SearchQuery("\"金正恩\"")).Hits);
        Assert.Throws<ArgumentException>(() => t.Store.Search(new SearchQuery(new string('金', 201))));
        Assert.Throws<ArgumentException>(() => t.Store.Search(new SearchQuery(string.Join(' ', Enumerable.Repeat("a", 13)))));
        Assert.Throws<ArgumentException>(() => t.Store.Search(new SearchQuery("金正恩", Site: new string('x', 201))));
        Assert.Equal(1, t.Store.Counts().Articles);
    }

    [Theory]
    [MemberData(nameof(StoreKinds.All), MemberType = typeof(StoreKinds))]
    public void Rejections_are_logged_once(StoreKind kind)
    {
        using var t = new TestStore(kind);
        Assert.Equal(StoreOutcome.Rejected, t.Store.Reject(new Rejection("x/empty.html", RejectionReason.Empty, "0 bytes")));
        Assert.Equal(StoreOutcome.AlreadyDone, t.Store.Reject(new Rejection("x/empty.html", RejectionReason.Empty, "0 bytes")));
        t.Store.Reject(new Rejection("x/big.html", RejectionReason.TooLarge, "30 MB"));
        var list = t.Store.Rejections(10);
        Assert.Equal(["x/big.html", "x/empty.html"], list.Select(r => r.Source));
        Assert.Equal(RejectionReason.TooLarge, list[0].Reason);
        Assert.True(t.Store.IsDone("x/empty.html"));
    }

    [Theory]
    [MemberData(nameof(StoreKinds.All), MemberType = typeof(StoreKinds))]
    public void Internal_failures_are_retried_by_the_next_run(StoreKind kind)
    {
        using var t = new TestStore(kind);
        t.Store.Reject(new Rejection("a/visit.html", RejectionReason.Failed, "RegexMatchTimeoutException"));
        Assert.False(t.Store.IsDone("a/visit.html"));
        Assert.DoesNotContain("a/visit.html", t.Store.DoneSources());
        Assert.Equal(StoreOutcome.Stored, t.Store.Store(Visit));
        Assert.Empty(t.Store.Rejections(10));
        Assert.True(t.Store.IsDone("a/visit.html"));
        Assert.Equal(1, t.Store.Counts().Sources);
    }

    [Theory]
    [MemberData(nameof(StoreKinds.All), MemberType = typeof(StoreKinds))]
    public void Threads_group_copies_into_a_timeline(StoreKind kind)
    {
        using var t = new TestStore(kind);
        var wire = TestArticles.Make("w/wire.html", "俄朝举行军事会谈", "俄罗斯代表团抵达平壤，与朝鲜举行军事会谈。金正恩会见代表团。",
            day: "2025-04-15", entities: [("俄罗斯", "Q159"), ("朝鲜", "Q423")], links: new ArticleLinks([], "T1"));
        var rewrite = TestArticles.Make("w/rewrite.html", "俄代表团访问平壤", "俄罗斯军事代表团访问平壤，同朝鲜方面会谈。",
            day: "2025-04-16", entities: [("俄罗斯", "Q159"), ("朝鲜", "Q423")],
            links: new ArticleLinks([new DuplicateLink(wire.Article.Id, CopyKind.Rewrite, 0.71)], "T1"));
        var other = TestArticles.Make("w/other.html", "俄罗斯与朝鲜签署协议", "俄罗斯与朝鲜签署经济合作协议。", day: "2024-06-19",
            entities: [("俄罗斯", "Q159")], links: new ArticleLinks([], "T2"));
        t.Store.Store(rewrite);
        t.Store.Store(wire);
        t.Store.Store(other);

        Assert.Equal(["T1"], t.Store.Threads(new ThreadQuery()).Select(x => x.Id));
        var threads = t.Store.Threads(new ThreadQuery(MinSize: 1));
        Assert.Equal(["T1", "T2"], threads.Select(x => x.Id));
        Assert.Equal(2, threads[0].Size);
        Assert.Equal("俄朝举行军事会谈", threads[0].Label);
        Assert.Equal(("2025-04-15", "2025-04-16"), (threads[0].FirstDay, threads[0].LastDay));
        Assert.Equal(["T1"], t.Store.Threads(new ThreadQuery(Entity: "Q423", MinSize: 1)).Select(x => x.Id));

        var timeline = t.Store.Thread("T1");
        Assert.NotNull(timeline);
        Assert.Equal([wire.Article.Id, rewrite.Article.Id], timeline.Entries.Select(e => e.Id));
        Assert.Null(timeline.Entries[0].CopyOf);
        Assert.Equal(wire.Article.Id, timeline.Entries[1].CopyOf);
        Assert.Equal(CopyKind.Rewrite, timeline.Entries[1].CopyKind);
        Assert.Contains("CONSULT", timeline.Entries[0].Events[0], StringComparison.Ordinal);

        var record = t.Store.Get(wire.Article.Id)!;
        Assert.Equal("T1", record.Thread);
        Assert.Equal(rewrite.Article.Id, Assert.Single(record.Duplicates!).OtherId);

        // A thread of one is not a story thread: the record says so.
        Assert.Null(t.Store.Get(other.Article.Id)!.Thread);

        // The Link stage may later move an article to another thread; aggregates follow.
        t.Store.AssignThread("T2", [wire.Article.Id]);
        Assert.Equal(1, t.Store.Thread("T1")!.Thread.Size);
        Assert.Equal(2, t.Store.Thread("T2")!.Thread.Size);
        t.Store.AssignThread("T2", [rewrite.Article.Id]);
        Assert.Null(t.Store.Thread("T1"));
        Assert.Null(t.Store.Thread(new string('x', 500)));
    }
}
