using Microsoft.Data.Sqlite;
using NewsLens.Storage.Sqlite;

namespace NewsLens.Tests.Sqlite;

public sealed class Fts5RankTests : IDisposable
{
    private static readonly double[] Columns = [8.0, 1.0, 0.0];
    private readonly SqliteConnection connection = new("Data Source=:memory:");

    public Fts5RankTests()
    {
        connection.Open();
        Fts5Rank.Register(connection);
        Exec("CREATE VIRTUAL TABLE t USING fts5(title, body, facets, content = '')");
        string[][] rows =
        [
            ["aa bb", "cc dd aa ee", "f1"],
            ["cc", "aa aa aa bb bb cc dd ee ff gg hh", "f2"],
            ["dd", "bb ee", "f1"],
            ["aa", "bb", "f2"],
            ["gg hh", "ii jj kk ll mm nn aa", "f1"],
        ];
        foreach (var r in rows)
            Exec("INSERT INTO t (title, body, facets) VALUES ($a, $b, $c)", r[0], r[1], r[2]);
    }

    public void Dispose() => connection.Dispose();

    [Theory]
    [InlineData("aa", "aa")]
    [InlineData("aa AND bb", "aa", "bb")]
    [InlineData("{title body} : aa AND facets : f1", "aa", "f1")]
    [InlineData("(aa OR dd) AND facets : (f1 OR f2)", "aa", "dd", "f1", "f2")]
    [InlineData("\"aa bb\" OR ee", "aa bb", "ee")]
    public void Equals_fts5_bm25_when_given_the_exact_phrase_frequencies(string match, params string[] phrases)
    {
        // One IDF per phrase in match order; facet phrases get none (weight-0 column, like the search query).
        var idfs = phrases.Select(p => p.StartsWith('f') ? 0.0 : Fts5Rank.Idf(Hits(p), 5)).ToList();
        var weights = Fts5Rank.Weights(Columns, idfs);
        var expected = Scores("SELECT rowid, -bm25(t, 8.0, 1.0, 0.0) FROM t WHERE t MATCH $m ORDER BY rowid", match);
        var actual = Scores($"SELECT rowid, {Fts5Rank.Function}(t, $w) FROM t WHERE t MATCH $m ORDER BY rowid", match, weights);
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Select(e => e.Rowid), actual.Select(a => a.Rowid));
        foreach (var (e, a) in expected.Zip(actual))
            Assert.Equal(e.Score, a.Score, 9);
    }

    [Fact]
    public void A_title_hit_outranks_body_hits_and_missing_idfs_count_as_zero()
    {
        var weights = Fts5Rank.Weights(Columns, [Fts5Rank.Idf(4, 5)]);
        var ranked = Scores($"SELECT rowid, {Fts5Rank.Function}(t, $w) AS s FROM t WHERE t MATCH $m ORDER BY s DESC", "aa AND facets : f2", weights);
        Assert.Equal([4L, 2L], ranked.Select(r => r.Rowid));
        var noIdf = Scores($"SELECT rowid, {Fts5Rank.Function}(t, $w) FROM t WHERE t MATCH $m", "aa", Fts5Rank.Weights(Columns, []));
        Assert.All(noIdf, r => Assert.Equal(0, r.Score));
    }

    [Fact]
    public void A_call_without_the_weights_blob_fails_the_statement_with_a_message()
    {
        var e = Assert.Throws<SqliteException>(() => Scores($"SELECT rowid, {Fts5Rank.Function}(t) FROM t WHERE t MATCH $m", "aa"));
        Assert.Contains(Fts5Rank.Function, e.Message, StringComparison.Ordinal);
    }

    private long Hits(string phrase)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM t WHERE t MATCH $m";
        command.Parameters.AddWithValue("$m", $"\"{phrase}\"");
        return (long)command.ExecuteScalar()!;
    }

    private List<(long Rowid, double Score)> Scores(string sql, string match, byte[]? weights = null)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$m", match);
        if (weights is not null)
            command.Parameters.AddWithValue("$w", weights);
        var list = new List<(long, double)>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
            list.Add((reader.GetInt64(0), reader.GetDouble(1)));
        return list;
    }

    private void Exec(string sql, params string[] values)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        var names = new[] { "$a", "$b", "$c" };
        for (var i = 0; i < values.Length; i++)
            command.Parameters.AddWithValue(names[i], values[i]);
        command.ExecuteNonQuery();
    }
}
