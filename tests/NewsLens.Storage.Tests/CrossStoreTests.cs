using NewsLens.Model;
using NewsLens.Pipeline;

namespace NewsLens.Tests;

/// <summary>The two stores hold the same facts: the same writes export to the same lines.</summary>
public sealed class CrossStoreTests
{
    [PostgresFact]
    public void Sqlite_and_postgres_export_identically()
    {
        using var sqlite = new TestStore(StoreKind.Sqlite);
        using var pg = new TestStore(StoreKind.Postgres);
        var a = TestArticles.Make("s/1.html", "普京会见金正恩", "普京在莫斯科会见金正恩。", day: "2024-06-19", entities: [("普京", "Q7747"), ("金正恩", "Q56226")], links: new ArticleLinks([], "T"));
        var b = TestArticles.Make("s/2.html", "普京與金正恩會面", "普京在莫斯科與金正恩會面。", day: "2024-06-20",
            links: new ArticleLinks([new DuplicateLink(a.Article.Id, CopyKind.NearDuplicate, 0.93)], "T"));
        foreach (var store in new[] { sqlite.Store, pg.Store })
        {
            store.Store(a);
            store.Store(b);
            store.Store(a with { Article = a.Article with { Source = "s/3.html" } });
            store.Reject(new Rejection("s/bad.bin", RejectionReason.Binary, "PNG image"));
        }
        Assert.Equal(sqlite.Store.Export().ToList(), pg.Store.Export().ToList());
        Assert.Equal(
            sqlite.Store.Search(new NewsLens.Storage.SearchQuery("金正恩")).Hits.Select(h => h.Id),
            pg.Store.Search(new NewsLens.Storage.SearchQuery("金正恩")).Hits.Select(h => h.Id));
    }

    [PostgresFact]
    public void Postgres_server_answers()
    {
        Assert.Null(PostgresServer.Unreachable);
    }
}
