using NewsLens.Storage;
using NewsLens.Storage.Postgres;
using NewsLens.Storage.Sqlite;
using Npgsql;

namespace NewsLens.Tests;

public enum StoreKind
{
    Sqlite,
    Postgres,
}

/// <summary>
/// Where the PostgreSQL tests find their server: NEWSLENS_TEST_PG, else what .ci/setup.sh creates.
/// Without a server they skip, and say why; with CI=true a missing server fails them instead.
/// </summary>
internal static class PostgresServer
{
    public const string DefaultConnection = "Host=127.0.0.1;Port=5432;Username=newslens;Password=newslens;Database=newslens_test;Timeout=5";

    public static string ConnectionString { get; } = Environment.GetEnvironmentVariable("NEWSLENS_TEST_PG") is { Length: > 0 } s ? s : DefaultConnection;

    public static bool InCi { get; } = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    private static readonly Lazy<string?> Failure = new(Probe);

    /// <summary>Null when the server answers, else why it does not.</summary>
    public static string? Unreachable => Failure.Value;

    /// <summary>Run the PostgreSQL tests: the server answers, or CI demands them (and they fail loudly).</summary>
    public static bool ShouldRun => Unreachable is null || InCi;

    public static string SkipReason =>
        $"PostgreSQL not reachable ({Unreachable}); run .ci/setup.sh or set NEWSLENS_TEST_PG. With CI=true this is a failure.";

    private static string? Probe()
    {
        try
        {
            using var c = new NpgsqlConnection(ConnectionString);
            c.Open();
            return null;
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or System.Net.Sockets.SocketException or TimeoutException)
        {
            return e.Message;
        }
    }

    /// <summary>A fresh schema for one test, dropped on dispose, so tests never see each other's rows.</summary>
    public static (string ConnectionString, IDisposable Cleanup) FreshSchema()
    {
        if (Unreachable is { } why)
            throw new InvalidOperationException($"PostgreSQL tests must run in CI but the server is not reachable: {why}");
        var schema = "nl_test_" + Guid.NewGuid().ToString("N")[..12];
        using (var c = new NpgsqlConnection(ConnectionString))
        {
            c.Open();
            using var cmd = new NpgsqlCommand($"CREATE SCHEMA {schema}", c);
            cmd.ExecuteNonQuery();
        }
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString) { SearchPath = schema };
        return (builder.ConnectionString, new SchemaDrop(schema));
    }

    private sealed class SchemaDrop(string schema) : IDisposable
    {
        public void Dispose()
        {
            NpgsqlConnection.ClearAllPools();
            using var c = new NpgsqlConnection(ConnectionString);
            c.Open();
            using var cmd = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {schema} CASCADE", c);
            cmd.ExecuteNonQuery();
        }
    }
}

/// <summary>A [Fact] that needs PostgreSQL: skipped with the reason when no server answers, unless CI=true.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (!PostgresServer.ShouldRun)
            Skip = PostgresServer.SkipReason;
    }
}

/// <summary>Opens a fresh, empty store of either kind and removes it afterwards.</summary>
internal sealed class TestStore : IDisposable
{
    private readonly IDisposable? cleanup;
    private readonly string? directory;

    public TestStore(StoreKind kind)
    {
        Kind = kind;
        if (kind == StoreKind.Sqlite)
        {
            directory = Path.Combine(Path.GetTempPath(), "newslens-test-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(directory);
            Location = Path.Combine(directory, "store.db");
            Store = new SqliteArticleStore(Location);
        }
        else
        {
            (Location, cleanup) = PostgresServer.FreshSchema();
            Store = new PostgresArticleStore(Location);
        }
    }

    public StoreKind Kind { get; }

    /// <summary>The SQLite file path or the PostgreSQL connection string (with the test schema).</summary>
    public string Location { get; }

    public IArticleStore Store { get; private set; }

    public IArticleStore Reopen()
    {
        Store.Dispose();
        Store = Kind == StoreKind.Sqlite ? new SqliteArticleStore(Location) : new PostgresArticleStore(Location);
        return Store;
    }

    public void Dispose()
    {
        Store.Dispose();
        cleanup?.Dispose();
        if (directory is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }
}

public static class StoreKinds
{
    /// <summary>SQLite always; PostgreSQL when a server answers or CI demands it (see <see cref="PostgresServer"/>).</summary>
    public static TheoryData<StoreKind> All
    {
        get
        {
            var data = new TheoryData<StoreKind> { StoreKind.Sqlite };
            if (PostgresServer.ShouldRun)
                data.Add(StoreKind.Postgres);
            return data;
        }
    }
}
