using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using NewsLens.Ingest;
using NewsLens.Model;
using NewsLens.Model.Json;
using NewsLens.Pipeline;
using NewsLens.Storage;
using NewsLens.Storage.Postgres;
using NewsLens.Storage.Search;
using NewsLens.Storage.Sqlite;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace NewsLens.Cli.Commands;

/// <summary>
/// The store verbs: <c>ingest</c>, <c>worker</c>, <c>search</c>, <c>show</c>, <c>threads</c>, <c>thread</c>,
/// <c>rejections</c>, <c>export</c>. Each takes <c>--db FILE</c> (SQLite, default newslens.db) or
/// <c>--pg CONNSTR</c> (PostgreSQL). Thin: parse, call the store, print.
/// </summary>
internal static class StoreCommands
{
    public const int Done = 0;
    public const int SomeRejected = 1;
    public const int NotFound = 3;

    public static IEnumerable<Command> Create()
    {
        yield return Ingest();
        yield return Worker();
        yield return Link();
        yield return Search();
        yield return Show();
        yield return Threads();
        yield return Thread();
        yield return Rejections();
        yield return Export();
    }

    private static Command Ingest()
    {
        var where = new StoreOptions();
        var paths = new Argument<string[]>("paths") { Description = "Files, directories (recursive), WARC files (.warc, .warc.gz) and RSS/Atom feeds.", Arity = ArgumentArity.OneOrMore };
        var glob = new Option<string?>("--glob") { Description = "Only files whose name matches this pattern inside directories, e.g. '*.html'." };
        var jobs = new Option<int>("--jobs", "-j") { Description = "Pages processed in parallel.", DefaultValueFactory = _ => Environment.ProcessorCount };
        var enqueue = new Option<bool>("--enqueue") { Description = "With --pg: only queue the pages for `newslens worker` processes instead of processing them here." };
        var command = new Command("ingest", "Process pages and store the articles (resumable: re-run after an interruption to continue; nothing is stored twice).");
        command.Arguments.Add(paths);
        where.AddTo(command);
        command.Options.Add(glob);
        command.Options.Add(jobs);
        command.Options.Add(enqueue);
        command.SetAction(parsed => Guard(() =>
        {
            using var store = where.Open(parsed);
            var resources = AnalysisResources.Load();
            var pipeline = DefaultPipeline.Full(resources);
            var source = new FileSource(new FileSourceOptions(parsed.GetValue(glob), pipeline.Limits.MaxBytes), ContainerReaders.All);
            var inputs = parsed.GetValue(paths) ?? [];
            if (parsed.GetValue(enqueue))
                return Enqueue(store, source, inputs);
            var ingest = new StoreIngest(store, pipeline, source, new NewsLens.Storage.Linking.StoreLinker(store, resources.Link.CreateLinker()));
            var jobCount = Math.Max(1, parsed.GetValue(jobs));
            var result = Console.IsErrorRedirected
                ? ingest.Run(inputs, jobCount)
                : WithProgressBar(p => ingest.Run(inputs, jobCount, p));
            Console.Error.WriteLine(
                $"ingest: {result.Stored:N0} stored, {result.Duplicates:N0} duplicates, {result.Rejected:N0} rejected, {result.Skipped:N0} already done; " +
                $"{result.Elapsed.TotalSeconds:0.0} s, {result.Rate:0.0} items/s");
            if (result.Rejected > 0)
                Console.Error.WriteLine("ingest: see the rejections with `newslens rejections`");
            return result.Rejected > 0 ? SomeRejected : Done;
        }));
        return command;
    }

    private static int Enqueue(IArticleStore store, FileSource source, IReadOnlyList<string> inputs)
    {
        if (store is not PostgresArticleStore pg)
            throw new UsageException("--enqueue needs --pg: the work queue lives in PostgreSQL");
        var queue = new PostgresWorkQueue(pg);
        long queued = 0, already = 0, rejected = 0;
        foreach (var item in source.Enumerate(inputs))
        {
            if (item.Page is { } page)
            {
                if (queue.Enqueue(page) == EnqueueOutcome.Queued)
                    queued++;
                else
                    already++;
            }
            else if (store.Reject(item.Rejection!) == StoreOutcome.Rejected)
            {
                rejected++;
            }
        }
        Console.Error.WriteLine($"enqueue: {queued:N0} queued, {already:N0} already queued, {rejected:N0} unreadable; start `newslens worker --pg ...` processes to work through them");
        return Done;
    }

    /// <summary>A progress bar on stderr: entries done, items per second, time left.</summary>
    private static IngestProgress WithProgressBar(Func<Action<IngestProgress>, IngestProgress> run)
    {
        IngestProgress? last = null;
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RateColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask("ingest", autoStart: true, maxValue: 1);
                last = run(p =>
                {
                    task.MaxValue = Math.Max(1, p.Entries);
                    task.Value = p.EntriesDone;
                    task.Description = $"{p.Stored:N0} stored · {p.Duplicates:N0} dup · {p.Rejected:N0} rejected · {p.Skipped:N0} done before";
                    task.State.Update<double>("rate", _ => p.Rate);
                });
                task.Value = task.MaxValue;
            });
        return last!;
    }

    /// <summary>Shows the items-per-second rate the ingest loop reports.</summary>
    private sealed class RateColumn : ProgressColumn
    {
        public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
            new Markup($"[blue]{task.State.Get<double>("rate"):0.0} items/s[/]");
    }

    private static Command Worker()
    {
        var pg = new Option<string>("--pg") { Description = "PostgreSQL connection string (the server holding the queue and the store).", Required = true };
        var name = new Option<string?>("--name") { Description = "This worker's name in the work log (default: host:pid)." };
        var follow = new Option<bool>("--follow") { Description = "Keep waiting for new work instead of exiting when the queue is empty." };
        var command = new Command("worker", "Process queued pages from PostgreSQL (claimed with FOR UPDATE SKIP LOCKED; a killed worker loses nothing).");
        command.Options.Add(pg);
        command.Options.Add(name);
        command.Options.Add(follow);
        command.SetAction(parsed => Guard(() =>
        {
            using var store = new PostgresArticleStore(parsed.GetValue(pg)!);
            var queue = new PostgresWorkQueue(store);
            var pipeline = DefaultPipeline.Full(AnalysisResources.Load());
            var me = parsed.GetValue(name) ?? $"{Environment.MachineName}:{Environment.ProcessId}";
            long processed = 0;
            while (true)
            {
                if (queue.ProcessNext(me, pipeline.Process) == ClaimOutcome.Processed)
                {
                    processed++;
                    continue;
                }
                if (!parsed.GetValue(follow))
                    break;
                System.Threading.Thread.Sleep(TimeSpan.FromSeconds(1));
            }
            Console.Error.WriteLine($"worker {me}: {processed:N0} items processed; queue empty");
            return Done;
        }));
        return command;
    }

    private static Command Link()
    {
        var where = new StoreOptions();
        var command = new Command("relink", "Find copies and story threads for stored articles that were not linked yet (after `worker` runs). Resumable.");
        where.AddTo(command);
        command.SetAction(parsed => Guard(() =>
        {
            using var store = where.Open(parsed);
            var linked = new NewsLens.Storage.Linking.StoreRelinker(store, AnalysisResources.Load().Link.CreateLinker()).Run();
            Console.Error.WriteLine($"link: {linked:N0} articles linked");
            return Done;
        }));
        return command;
    }

    private static Command Search()
    {
        var where = new StoreOptions();
        var query = new Argument<string>("query") { Description = $"Words to find (all required; \"quotes\" keep words together; at most {QueryTerms.MaxQueryChars} characters)." };
        var from = new Option<string?>("--from") { Description = "Earliest publish date, yyyy-MM-dd." };
        var to = new Option<string?>("--to") { Description = "Latest publish date, yyyy-MM-dd." };
        var entity = new Option<string?>("--entity") { Description = "Only articles mentioning this entity (KB id, canonical name or text)." };
        var flag = new Option<string?>("--flag") { Description = "Only articles with this flag code or a code under it (e.g. spam)." };
        var site = new Option<string?>("--site") { Description = "Only articles from this site." };
        var limit = new Option<int>("--limit", "-n") { Description = $"Most hits to show (1..{SearchQuery.MaxLimit}).", DefaultValueFactory = _ => SearchQuery.DefaultLimit };
        var format = FormatOption();
        var command = new Command("search", "Full-text search of the stored articles, best first, with highlighted snippets.");
        command.Arguments.Add(query);
        where.AddTo(command);
        foreach (var o in new Option[] { from, to, entity, flag, site, limit, format })
            command.Options.Add(o);
        command.SetAction(parsed => Guard(() =>
        {
            using var store = where.Open(parsed);
            var q = new SearchQuery(parsed.GetValue(query)!, Day(parsed.GetValue(from), "--from"), Day(parsed.GetValue(to), "--to"),
                parsed.GetValue(entity), parsed.GetValue(flag), parsed.GetValue(site), parsed.GetValue(limit));
            var results = store.Search(q);
            if (Jsonl(parsed.GetValue(format)))
            {
                foreach (var h in results.Hits)
                {
                    Console.Out.WriteLine(JsonSerializer.Serialize(
                        new SearchHitLine(h.Id, h.Title, h.Published, h.Site, Math.Round(h.Score, 6), h.Snippet.Text, h.Snippet.Start, [.. h.Snippet.Highlights.Select(s => new[] { s.Start, s.End })]),
                        RecordJson.Options));
                }
                return results.Hits.Count > 0 ? Done : NotFound;
            }
            var console = Out();
            var terminal = !Console.IsOutputRedirected;
            for (var i = 0; i < results.Hits.Count; i++)
            {
                var h = results.Hits[i];
                var meta = string.Join(" · ", new[] { h.Published, h.Site }.Where(s => s is not null));
                console.MarkupLine($"[bold]{i + 1}. {Markup.Escape(h.Title ?? "(no title)")}[/]  [grey]{Markup.Escape(meta)}  {Markup.Escape(h.Id)}[/]");
                var snippet = terminal
                    ? Markup.Escape(h.Snippet.Marked("\u0001", "\u0002")).Replace("\u0001", "[bold yellow]", StringComparison.Ordinal).Replace("\u0002", "[/]", StringComparison.Ordinal)
                    : Markup.Escape(h.Snippet.Marked("«", "»"));
                console.MarkupLine("   " + snippet);
            }
            if (results.Hits.Count == 0)
                Console.Error.WriteLine("search: no stored article matches");
            return results.Hits.Count > 0 ? Done : NotFound;
        }));
        return command;
    }

    private sealed record SearchHitLine(string Id, string? Title, string? Published, string? Site, double Score, string Snippet, int SnippetStart, IReadOnlyList<int[]> Highlights);

    private static Command Show()
    {
        var where = new StoreOptions();
        var id = new Argument<string>("id") { Description = "Article id (or its first 8+ characters)." };
        var format = FormatOption();
        var command = new Command("show", "Print one stored article: its record, copies and thread.");
        command.Arguments.Add(id);
        where.AddTo(command);
        command.Options.Add(format);
        command.SetAction(parsed => Guard(() =>
        {
            using var store = where.Open(parsed);
            var record = store.Get(parsed.GetValue(id)!);
            if (record is null)
            {
                Console.Error.WriteLine($"show: no stored article has the id '{parsed.GetValue(id)}' (or the prefix is ambiguous)");
                return NotFound;
            }
            if (Jsonl(parsed.GetValue(format)))
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(record, RecordJson.Options));
                return Done;
            }
            var console = Out();
            console.MarkupLine($"[bold]{Markup.Escape(record.Title ?? "(no title)")}[/]");
            foreach (var (label, value) in new[] { ("id", record.Id), ("published", record.Published), ("site", record.Site), ("author", record.Author), ("url", record.Url), ("source", record.Source), ("thread", record.Thread) })
            {
                if (value is not null)
                    console.MarkupLine($"[grey]{label,-10}[/] {Markup.Escape(value)}");
            }
            if (record.Credibility is { } c)
                console.MarkupLine($"[grey]{"credibility",-10}[/] {c.Score:0.00} {Markup.Escape(string.Join("; ", c.Reasons))}");
            foreach (var f in record.Flags)
                console.MarkupLine($"[red]flag[/] {Markup.Escape(f.Code)} ({f.Severity}): {Markup.Escape(f.MessageEn)}");
            foreach (var d in record.Duplicates ?? [])
                console.MarkupLine($"[grey]copy[/] {Markup.Escape(d.OtherId)} {d.Kind} {d.Similarity:0.00}");
            if (record.Entities.Count > 0)
                console.MarkupLine($"[grey]entities[/] {Markup.Escape(string.Join("、", record.Entities.Select(e => e.Canonical ?? e.Text).Distinct(StringComparer.Ordinal)))}");
            console.WriteLine();
            console.WriteLine(record.Text);
            return Done;
        }));
        return command;
    }

    private static Command Threads()
    {
        var where = new StoreOptions();
        var entity = new Option<string?>("--entity") { Description = "Only threads with an article mentioning this entity (KB id, canonical name or text)." };
        var limit = new Option<int>("--limit", "-n") { Description = "Most threads to list.", DefaultValueFactory = _ => 50 };
        var format = FormatOption();
        var command = new Command("threads", "List story threads, largest first.");
        where.AddTo(command);
        command.Options.Add(entity);
        command.Options.Add(limit);
        command.Options.Add(format);
        command.SetAction(parsed => Guard(() =>
        {
            using var store = where.Open(parsed);
            var threads = store.Threads(new ThreadQuery(parsed.GetValue(entity), parsed.GetValue(limit)));
            if (Jsonl(parsed.GetValue(format)))
            {
                foreach (var t in threads)
                    Console.Out.WriteLine(JsonSerializer.Serialize(t, RecordJson.Options));
                return Done;
            }
            var console = Out();
            foreach (var t in threads)
                console.MarkupLine($"[bold]{Markup.Escape(t.Id)}[/]  {t.Size,3} articles  [grey]{Markup.Escape(t.FirstDay ?? "?")} … {Markup.Escape(t.LastDay ?? "?")}[/]  {Markup.Escape(t.Label ?? "")}");
            if (threads.Count == 0)
                Console.Error.WriteLine("threads: no story threads stored");
            return Done;
        }));
        return command;
    }

    private static Command Thread()
    {
        var where = new StoreOptions();
        var id = new Argument<string>("id") { Description = "Thread id (from `newslens threads`)." };
        var format = FormatOption();
        var command = new Command("thread", "Show one story thread as a timeline; copies are folded under the article they copy.");
        command.Arguments.Add(id);
        where.AddTo(command);
        command.Options.Add(format);
        command.SetAction(parsed => Guard(() =>
        {
            using var store = where.Open(parsed);
            var timeline = store.Thread(parsed.GetValue(id)!);
            if (timeline is null)
            {
                Console.Error.WriteLine($"thread: no story thread has the id '{parsed.GetValue(id)}'");
                return NotFound;
            }
            if (Jsonl(parsed.GetValue(format)))
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(timeline, RecordJson.Options));
                return Done;
            }
            var console = Out();
            var t = timeline.Thread;
            console.MarkupLine($"[bold]{Markup.Escape(t.Label ?? t.Id)}[/]  [grey]{t.Size} articles, {Markup.Escape(t.FirstDay ?? "?")} … {Markup.Escape(t.LastDay ?? "?")}[/]");
            foreach (var e in timeline.Entries)
            {
                var meta = $"{e.Published ?? "undated",-10}  {e.Site ?? ""}";
                if (e.CopyOf is not null)
                {
                    console.MarkupLine($"    [grey]↳ {Markup.Escape(meta)}  {Markup.Escape(e.Title ?? "")}  ({e.CopyKind} of {Markup.Escape(e.CopyOf[..Math.Min(12, e.CopyOf.Length)])})  {Markup.Escape(e.Id)}[/]");
                    continue;
                }
                console.MarkupLine($"  {Markup.Escape(meta)}  [bold]{Markup.Escape(e.Title ?? "(no title)")}[/]  [grey]{Markup.Escape(e.Id)}[/]");
                foreach (var ev in e.Events)
                    console.MarkupLine($"      [blue]{Markup.Escape(ev)}[/]");
            }
            return Done;
        }));
        return command;
    }

    private static Command Rejections()
    {
        var where = new StoreOptions();
        var limit = new Option<int>("--limit", "-n") { Description = "Most rejections to list.", DefaultValueFactory = _ => 1000 };
        var command = new Command("rejections", "List the items ingest could not turn into articles, with the reason.");
        where.AddTo(command);
        command.Options.Add(limit);
        command.SetAction(parsed => Guard(() =>
        {
            using var store = where.Open(parsed);
            var list = store.Rejections(parsed.GetValue(limit));
            foreach (var r in list)
                Console.Out.WriteLine($"{r.Source}: {ItemRunner.ReasonText(r.Reason)}: {r.Detail}");
            Console.Error.WriteLine($"rejections: {list.Count:N0} listed");
            return Done;
        }));
        return command;
    }

    private static Command Export()
    {
        var where = new StoreOptions();
        var command = new Command("export", "Print every stored record, source, rejection and thread as JSON lines in a canonical order.");
        where.AddTo(command);
        command.SetAction(parsed => Guard(() =>
        {
            using var store = where.Open(parsed);
            foreach (var line in store.Export())
                Console.Out.WriteLine(line);
            return Done;
        }));
        return command;
    }

    private static Option<string?> FormatOption() => new("--format", "-f") { Description = "text (default) or jsonl." };

    private static bool Jsonl(string? format) => format switch
    {
        null or "text" => false,
        "jsonl" or "json" => true,
        _ => throw new UsageException($"unknown --format '{format}': use text or jsonl"),
    };

    private static DateOnly? Day(string? value, string option)
    {
        if (value is null)
            return null;
        return DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : throw new UsageException($"{option} '{value}' is not a date like 2025-04-15");
    }

    private static IAnsiConsole Out()
    {
        var terminal = !Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Console.Out),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        });
        if (!terminal)
            console.Profile.Width = 200;
        return console;
    }

    /// <summary>Turns bad arguments and unreachable stores into one plain message and a usage exit code.</summary>
    private static int Guard(Func<int> action)
    {
        try
        {
            return action();
        }
        catch (Exception e) when (e is UsageException or ArgumentException or Npgsql.NpgsqlException or Microsoft.Data.Sqlite.SqliteException)
        {
            Console.Error.WriteLine($"newslens: {e.Message}");
            return Program.UsageError;
        }
    }

    private sealed class UsageException(string message) : Exception(message);

    /// <summary><c>--db FILE</c> or <c>--pg CONNSTR</c>, shared by every store verb.</summary>
    private sealed class StoreOptions
    {
        /// <summary>The SQLite file used when neither option is given.</summary>
        public const string DefaultDb = "newslens.db";

        private readonly Option<string?> db = new("--db") { Description = $"SQLite store file (default: {DefaultDb} in the current directory)." };
        private readonly Option<string?> pg = new("--pg") { Description = "PostgreSQL connection string, e.g. 'Host=db;Username=newslens;Password=...;Database=newslens'." };

        public void AddTo(Command command)
        {
            command.Options.Add(db);
            command.Options.Add(pg);
        }

        public IArticleStore Open(ParseResult parsed)
        {
            var file = parsed.GetValue(db);
            var connection = parsed.GetValue(pg);
            if (file is not null && connection is not null)
                throw new UsageException("give --db or --pg, not both");
            return connection is not null ? new PostgresArticleStore(connection) : new SqliteArticleStore(file ?? DefaultDb);
        }
    }
}
