using Microsoft.Data.Sqlite;
using NewsLens.Model;
using NewsLens.Storage;
using NewsLens.Storage.Sqlite;

namespace NewsLens.Tests.Sqlite;

public sealed class SqliteMigrationTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "newslens-migrate-" + Guid.NewGuid().ToString("N"));

    public SqliteMigrationTests() => Directory.CreateDirectory(directory);

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public void Schema_3_rebuilds_the_search_index_of_a_schema_2_store_with_filters_as_terms()
    {
        var path = Path.Combine(directory, "old.db");
        const string text = "朝鲜最高领导人金正恩在平壤会见了到访的俄罗斯国防部长。";
        using (var old = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            old.Open();
            SqliteMigrator.Migrate(old, _ => throw new InvalidOperationException("nothing to rebuild before schema 3"), upTo: 2);
            Exec(old, """
                INSERT INTO articles (rowid, id, source, title, published, published_day, site, language, record)
                VALUES (7, 'aaaa0000bbbb1111', 'a/visit.html', '金正恩会见俄罗斯国防部长', '2025-04-15', '2025-04-15', 'news.example.cn', 'zh', json_object('text', $text));
                INSERT INTO flags (article_rowid, ord, code, severity, message_en, message_zh) VALUES (7, 0, 'kb.role_contradiction', 'medium', 'x', 'x');
                INSERT INTO entities (article_rowid, ord, text, type, span_start, span_end, kb_id, canonical) VALUES (7, 0, '金正恩', 'person', 7, 10, 'Q56226', '金正恩');
                INSERT INTO articles_fts (rowid, title, body, words) VALUES (7, '', '', '');
                """, text);
        }

        var split = new List<string>();
        using var store = new SqliteArticleStore(path, t =>
        {
            split.Add(t);
            var at = t.IndexOf("国防部长", StringComparison.Ordinal);
            return [new Token("国防部长", new Span(at, at + 4))];
        });
        Assert.Equal([text], split);
        string[] Ids(SearchQuery q) => [.. store.Search(q).Hits.Select(h => h.Id)];
        Assert.Equal(["aaaa0000bbbb1111"], Ids(new SearchQuery("金正恩")));
        Assert.Equal(["aaaa0000bbbb1111"], Ids(new SearchQuery("国防部长", Site: "news.example.cn", Flag: "kb", Entity: "Q56226", From: new DateOnly(2025, 4, 1))));
        Assert.Empty(Ids(new SearchQuery("金正恩", Site: "news.example")));
        Assert.Empty(Ids(new SearchQuery("金正恩", To: new DateOnly(2025, 4, 14))));
        using var check = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        check.Open();
        using var cmd = check.CreateCommand();
        cmd.CommandText = "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'words : 国防部长'";
        Assert.Equal(1L, cmd.ExecuteScalar());
        cmd.CommandText = "PRAGMA user_version";
        Assert.Equal((long)SqliteMigrator.Available[^1].Version, cmd.ExecuteScalar());
    }

    private static void Exec(SqliteConnection c, string sql, string text)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.Parameters.AddWithValue("$text", text);
        cmd.ExecuteNonQuery();
    }
}
