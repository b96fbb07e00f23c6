using System.Reflection;
using Microsoft.Data.Sqlite;

namespace NewsLens.Storage.Sqlite;

/// <summary>
/// Applies the embedded <c>Migrations/NNNN_name.sql</c> scripts in order, each in its own transaction, and
/// records the schema version in <c>PRAGMA user_version</c>. A database newer than this build is refused.
/// A script that recreates the full-text index is followed, in its transaction, by refilling it.
/// </summary>
internal static class SqliteMigrator
{
    private const string Prefix = "NewsLens.Storage.Sqlite.Migrations.";

    /// <summary>Schema versions whose script recreates the full-text index.</summary>
    private static readonly int[] RecreateSearchIndex = [3];

    public static IReadOnlyList<(int Version, string Name)> Available { get; } = Scripts();

    /// <param name="upTo">Last version to apply (tests build older schemas); by default all.</param>
    public static void Migrate(SqliteConnection connection, SqliteSearchIndex.WordSplitter words, int upTo = int.MaxValue)
    {
        var current = Convert.ToInt32(Scalar(connection, "PRAGMA user_version"), System.Globalization.CultureInfo.InvariantCulture);
        var latest = Available.Count == 0 ? 0 : Available[^1].Version;
        if (current > latest)
            throw new InvalidOperationException($"the database is at schema version {current}, newer than this build's {latest}; upgrade NewsLens");
        foreach (var (version, name) in Available)
        {
            if (version <= current || version > upTo)
                continue;
            using var tx = connection.BeginTransaction();
            using (var cmd = connection.CreateCommand())
            {
                cmd.Transaction = tx;
                cmd.CommandText = Read(name) + $"\nPRAGMA user_version = {version};";
                cmd.ExecuteNonQuery();
            }
            if (RecreateSearchIndex.Contains(version))
                SqliteSearchIndex.Rebuild(connection, tx, words);
            tx.Commit();
        }
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        return cmd.ExecuteScalar();
    }

    private static List<(int, string)> Scripts()
    {
        var list = new List<(int, string)>();
        foreach (var name in typeof(SqliteMigrator).Assembly.GetManifestResourceNames())
        {
            if (!name.StartsWith(Prefix, StringComparison.Ordinal) || !name.EndsWith(".sql", StringComparison.Ordinal))
                continue;
            var file = name[Prefix.Length..];
            var digits = file.Split('_', 2)[0];
            list.Add((int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture), name));
        }
        list.Sort((a, b) => a.Item1.CompareTo(b.Item1));
        return list;
    }

    internal static string Read(string resource)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"embedded migration {resource} is missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
