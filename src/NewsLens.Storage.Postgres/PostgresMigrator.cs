using System.Reflection;
using Npgsql;

namespace NewsLens.Storage.Postgres;

/// <summary>
/// Applies the embedded <c>Migrations/NNNN_name.sql</c> scripts in order and records each in
/// <c>newslens_schema</c>. An advisory lock serialises workers that start at the same moment.
/// </summary>
internal static class PostgresMigrator
{
    private const string Prefix = "NewsLens.Storage.Postgres.Migrations.";

    /// <summary>Advisory lock key for migrations ("NLMIGRAT" as bytes); any constant unique to NewsLens works.</summary>
    private const long LockKey = 0x4E4C4D4947524154;

    public static void Migrate(NpgsqlDataSource source)
    {
        using var connection = source.OpenConnection();
        using var tx = connection.BeginTransaction();
        Exec(connection, tx, $"SELECT pg_advisory_xact_lock({LockKey})");
        Exec(connection, tx, "CREATE TABLE IF NOT EXISTS newslens_schema (version INTEGER PRIMARY KEY, name TEXT NOT NULL)");
        using var cmd = new NpgsqlCommand("SELECT coalesce(max(version), 0) FROM newslens_schema", connection, tx);
        var current = Convert.ToInt32(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        var scripts = Scripts();
        var latest = scripts.Count == 0 ? 0 : scripts[^1].Version;
        if (current > latest)
            throw new InvalidOperationException($"the database is at schema version {current}, newer than this build's {latest}; upgrade NewsLens");
        foreach (var (version, name) in scripts)
        {
            if (version <= current)
                continue;
            Exec(connection, tx, Read(name));
            using var record = new NpgsqlCommand("INSERT INTO newslens_schema (version, name) VALUES (@v, @n)", connection, tx);
            record.Parameters.AddWithValue("v", version);
            record.Parameters.AddWithValue("n", name[Prefix.Length..]);
            record.ExecuteNonQuery();
        }
        tx.Commit();
    }

    private static void Exec(NpgsqlConnection connection, NpgsqlTransaction tx, string sql)
    {
        using var cmd = new NpgsqlCommand(sql, connection, tx);
        cmd.ExecuteNonQuery();
    }

    private static List<(int Version, string Name)> Scripts()
    {
        var list = new List<(int, string)>();
        foreach (var name in typeof(PostgresMigrator).Assembly.GetManifestResourceNames())
        {
            if (!name.StartsWith(Prefix, StringComparison.Ordinal) || !name.EndsWith(".sql", StringComparison.Ordinal))
                continue;
            var digits = name[Prefix.Length..].Split('_', 2)[0];
            list.Add((int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture), name));
        }
        list.Sort((a, b) => a.Item1.CompareTo(b.Item1));
        return list;
    }

    private static string Read(string resource)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"embedded migration {resource} is missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
