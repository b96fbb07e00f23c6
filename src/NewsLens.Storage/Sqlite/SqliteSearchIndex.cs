using Microsoft.Data.Sqlite;
using NewsLens.Analyse.Script;
using NewsLens.Analyse.Segmentation;
using NewsLens.Model;
using NewsLens.Storage.Search;

namespace NewsLens.Storage.Sqlite;

/// <summary>
/// Refills the full-text index from the stored articles when a migration recreates it (FTS5 tables cannot
/// be altered, and a contentless index cannot be read back). Title, body and facet terms come from the
/// stored columns, record text and child rows exactly as at ingest; the whole-word column is re-derived by
/// segmenting the stored text, because tokens are not part of the stored record.
/// </summary>
internal static class SqliteSearchIndex
{
    /// <summary>Splits stored text into words for the whole-word column.</summary>
    internal delegate IReadOnlyList<Token> WordSplitter(string text);

    /// <summary>The default MSR-standard segmenter beside the running assembly, loaded only when a rebuild needs it.</summary>
    public static WordSplitter DefaultSplitter() => text => DefaultSegmenter.Value.Segment(text);

    private static readonly Lazy<Segmenter> DefaultSegmenter = new(() =>
    {
        var models = Path.Combine(AppContext.BaseDirectory, "models");
        var model = Path.Combine(models, Segmenter.DefaultModelFile);
        if (!File.Exists(model))
            throw new InvalidOperationException($"rebuilding the search index needs the segmentation model {model}, which is missing");
        var table = Path.Combine(models, ScriptFolder.FileName);
        return Segmenter.Load(model, File.Exists(table) ? ScriptFolder.Load(table) : ScriptFolder.Identity);
    }, LazyThreadSafetyMode.ExecutionAndPublication);

    public static void Rebuild(SqliteConnection connection, SqliteTransaction tx, WordSplitter words)
    {
        using var insert = Command(connection, tx, "INSERT INTO articles_fts (rowid, title, body, words, facets) VALUES ($r, $t, $b, $w, $f)", "$r", "$t", "$b", "$w", "$f");
        using var flags = Command(connection, tx, "SELECT code FROM flags WHERE article_rowid = $r ORDER BY ord", "$r");
        using var entities = Command(connection, tx, "SELECT kb_id, canonical, text FROM entities WHERE article_rowid = $r ORDER BY ord", "$r");
        using var articles = Command(connection, tx, "SELECT rowid, title, published_day, site, json_extract(record, '$.text') FROM articles ORDER BY rowid");
        using var reader = articles.ExecuteReader();
        while (reader.Read())
        {
            var rowid = reader.GetInt64(0);
            var title = reader.IsDBNull(1) ? null : reader.GetString(1);
            var day = reader.IsDBNull(2) ? null : reader.GetString(2);
            var site = reader.IsDBNull(3) ? null : reader.GetString(3);
            var text = reader.IsDBNull(4) ? "" : reader.GetString(4);
            var facets = Facets.Build(site, day, Column(flags, rowid, r => r.GetString(0)),
                Column(entities, rowid, r => new[] { 0, 1, 2 }.Select(i => r.IsDBNull(i) ? null : r.GetString(i)).ToList()).SelectMany(names => names));
            insert.Parameters["$r"].Value = rowid;
            insert.Parameters["$t"].Value = IndexTerms.Build(title);
            insert.Parameters["$b"].Value = IndexTerms.Build(text);
            insert.Parameters["$w"].Value = IndexTerms.Words(words(text));
            insert.Parameters["$f"].Value = facets;
            insert.ExecuteNonQuery();
        }
    }

    private static List<T> Column<T>(SqliteCommand query, long rowid, Func<SqliteDataReader, T> read)
    {
        query.Parameters["$r"].Value = rowid;
        var list = new List<T>();
        using var reader = query.ExecuteReader();
        while (reader.Read())
            list.Add(read(reader));
        return list;
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction tx, string sql, params string[] parameters)
    {
        var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        foreach (var name in parameters)
            cmd.Parameters.Add(new SqliteParameter(name, DBNull.Value));
        return cmd;
    }
}
