using System.CommandLine;
using Microsoft.Extensions.Hosting;
using NewsLens.Storage;
using NewsLens.Storage.Postgres;
using NewsLens.Storage.Sqlite;
using NewsLens.Web.Hosting;

namespace NewsLens.Cli.Commands;

/// <summary><c>newslens serve</c>: the HTTP API and the web UI over a store, until Ctrl+C.</summary>
internal static class ServeCommand
{
    /// <summary>Loopback only by default: the API has no authentication, so reaching it from the network is opt-in.</summary>
    public const string DefaultUrls = "http://127.0.0.1:5080";

    /// <summary>The SQLite file used when neither --db nor --pg is given (the same default as the store verbs).</summary>
    public const string DefaultDb = "newslens.db";

    /// <summary>Exit code when the server cannot start (address in use, store unreachable).</summary>
    public const int CannotStart = 1;

    public static Command Create()
    {
        var db = new Option<string?>("--db") { Description = $"SQLite store file (default: {DefaultDb} in the current directory; it must exist)." };
        var pg = new Option<string?>("--pg") { Description = "PostgreSQL connection string, e.g. 'Host=db;Username=newslens;Password=...;Database=newslens'." };
        var urls = new Option<string>("--urls")
        {
            Description = $"Addresses to listen on, separated by ';' (default {DefaultUrls}). A non-loopback address exposes the store, unauthenticated, to the network.",
            DefaultValueFactory = _ => DefaultUrls,
        };
        var command = new Command("serve", "Serve the HTTP API (/api/...) and the web UI over a store.");
        command.Options.Add(db);
        command.Options.Add(pg);
        command.Options.Add(urls);
        command.SetAction(parsed => Run(parsed.GetValue(db), parsed.GetValue(pg), parsed.GetValue(urls) ?? DefaultUrls));
        return command;
    }

    private static int Run(string? file, string? connection, string urlList)
    {
        if (file is not null && connection is not null)
            return Usage("give --db or --pg, not both");
        var urls = urlList.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (urls.Length == 0)
            return Usage("--urls names no address");
        foreach (var url in urls)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var u) || u.Scheme != Uri.UriSchemeHttp)
                return Usage($"--urls: '{url}' is not an http:// address (put TLS in a reverse proxy in front)");
        }
        Func<IArticleStore> open;
        if (connection is not null)
        {
            open = () => new PostgresArticleStore(connection);
        }
        else
        {
            var path = Path.GetFullPath(file ?? DefaultDb);
            // Serving never creates a store: a mistyped path would otherwise show an empty, working-looking site.
            if (!File.Exists(path))
                return Usage($"no store at {path}; create one with `newslens ingest --db {file ?? DefaultDb} PATHS`");
            open = () => new SqliteArticleStore(path);
        }

        try
        {
            // Open once now so a bad connection string or an unreadable file fails here, not on the first request.
            using (var probe = open())
                _ = probe.Counts();
            var options = new WebOptions(urls, open) { Hosts = WebOptions.PolicyFor(urls) };
            if (options.Hosts == HostPolicy.Any)
                Console.Error.WriteLine("newslens: warning: listening beyond loopback; anyone who can reach these addresses can read the store");
            using var app = NewsLensWebApp.Create(options);
            app.Start();
            foreach (var address in app.Urls)
                Console.Error.WriteLine($"newslens: serving {address} (Ctrl+C stops)");
            app.WaitForShutdown();
            return 0;
        }
        catch (Exception e) when (e is IOException or Npgsql.NpgsqlException or Microsoft.Data.Sqlite.SqliteException or InvalidOperationException)
        {
            Console.Error.WriteLine($"newslens: serve: {e.Message}");
            return CannotStart;
        }
    }

    private static int Usage(string message)
    {
        Console.Error.WriteLine($"newslens: {message}");
        return Program.UsageError;
    }
}
