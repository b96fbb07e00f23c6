using NewsLens.Storage;
using NewsLens.Storage.Sqlite;

namespace NewsLens.Tests.Sqlite;

public sealed class SqliteSearchTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "newslens-window-" + Guid.NewGuid().ToString("N"));
    private readonly SqliteArticleStore store;
    private readonly List<string> ids = [];

    public SqliteSearchTests()
    {
        Directory.CreateDirectory(directory);
        // A first window of two rows, so six articles span three windows: rows 5–6, 1–4 (then nothing older).
        store = new SqliteArticleStore(Path.Combine(directory, "store.db")) { FirstWindowRows = 2 };
        string[] texts = ["双方举行会谈。", "会谈在平壤举行，会谈持续两小时。", "天气晴朗。", "股市上涨。", "农业丰收。", "外长会谈结束。"];
        for (var i = 0; i < texts.Length; i++)
        {
            var article = TestArticles.Make($"w/{i}.html", $"第{i}篇", texts[i]);
            store.Store(article);
            ids.Add(article.Article.Id);
        }
    }

    public void Dispose()
    {
        store.Dispose();
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public void A_page_filled_by_the_newest_window_is_returned_without_walking_older_rows()
    {
        Assert.Equal([ids[5]], store.Search(new SearchQuery("会谈", Limit: 1)).Hits.Select(h => h.Id));
    }

    [Fact]
    public void The_walk_widens_until_a_page_is_full_and_ranks_everything_it_found()
    {
        var hits = store.Search(new SearchQuery("会谈", Limit: 2)).Hits;
        // Windows 5–6 (one match) and 1–4 (two) were walked; the article saying it twice in a short text ranks first.
        Assert.Equal([ids[1], ids[5]], hits.Select(h => h.Id));
        Assert.Equal([ids[1], ids[5], ids[0]], store.Search(new SearchQuery("会谈")).Hits.Select(h => h.Id));
    }

    [Fact]
    public void Phrase_frequency_is_exact_below_the_sample_and_estimated_from_the_newest_matches_above_it()
    {
        const string match = "{title body} : \"会谈\"";
        Assert.Equal(3, store.EstimatedHits(match, rows: 6));
        using var sampling = new SqliteArticleStore(store.Path) { FrequencySampleSize = 2 };
        // The two newest matches are rows 6 and 2: 2 of the newest 5 rows, scaled to 6 rows.
        Assert.Equal(2.4, sampling.EstimatedHits(match, rows: 6), 9);
    }
}
