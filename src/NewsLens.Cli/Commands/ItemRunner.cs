using NewsLens.Cli.Output;
using NewsLens.Ingest;
using NewsLens.Pipeline;
using Spectre.Console;

namespace NewsLens.Cli.Commands;

/// <summary>
/// The per-item loop every page verb shares: expand the inputs, run the pipeline on each item in parallel
/// (output keeps input order), print records, report rejections on stderr, and choose the exit code.
/// </summary>
internal static class ItemRunner
{
    public const int AllDone = 0;
    public const int SomeRejected = 1;

    /// <summary>Below this many inputs a progress bar is noise.</summary>
    private const int ProgressThreshold = 4;

    public static int Run(RunRequest request, ArticlePipeline pipeline, ReportParts parts, Func<TextWriter, OutputFormat, ReportParts, IReportWriter>? writerFactory = null)
    {
        var source = new FileSource(new FileSourceOptions(request.Glob, pipeline.Limits.MaxBytes), ContainerReaders.All);
        var entries = source.Expand(request.Paths);

        using var output = request.Out is null ? null : new StreamWriter(request.Out.FullName, append: false, new System.Text.UTF8Encoding(false));
        var toTerminal = output is null && !Console.IsOutputRedirected;
        var writer = output ?? Console.Out;
        var format = request.Format ?? (toTerminal ? OutputFormat.Text : OutputFormat.Jsonl);
        var report = (writerFactory ?? ReportWriters.Create)(writer, format, parts);

        var results = entries
            .AsParallel().AsOrdered().WithDegreeOfParallelism(request.Jobs)
            .SelectMany(source.Read)
            .Select(item => item.Page is { } page ? pipeline.Process(page) : ItemResult.Rejected(item.Rejection!));

        var rejections = new List<Rejection>();
        var showProgress = entries.Count >= ProgressThreshold && !toTerminal && !Console.IsErrorRedirected;
        if (showProgress)
        {
            var stderr = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
            stderr.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
                .Start(ctx =>
                {
                    var task = ctx.AddTask("pages", maxValue: entries.Count);
                    foreach (var result in results)
                    {
                        Emit(result, report, rejections, printRejection: false);
                        task.Increment(1);
                    }
                });
            foreach (var r in rejections)
                PrintRejection(r);
        }
        else
        {
            foreach (var result in results)
                Emit(result, report, rejections, printRejection: true);
        }
        report.Finish(rejections.Count);
        writer.Flush();
        return rejections.Count == 0 ? AllDone : SomeRejected;
    }

    private static void Emit(ItemResult result, IReportWriter report, List<Rejection> rejections, bool printRejection)
    {
        if (result.Article is { } article)
        {
            report.Write(article);
            return;
        }
        rejections.Add(result.Rejection!);
        if (printRejection)
            PrintRejection(result.Rejection!);
    }

    private static void PrintRejection(Rejection r) =>
        Console.Error.WriteLine($"newslens: rejected {r.Source}: {ReasonText(r.Reason)}: {r.Detail}");

    internal static string ReasonText(RejectionReason reason) => reason switch
    {
        RejectionReason.TooLarge => "too large",
        RejectionReason.TooDeep => "nested too deeply",
        RejectionReason.NoContent => "no article text",
        RejectionReason.Failed => "internal error (please report)",
        _ => reason.ToString().ToLowerInvariant(),
    };
}

/// <summary>Container readers ingest expands: WARC files and RSS/Atom feeds.</summary>
internal static class ContainerReaders
{
    public static IReadOnlyList<IContainerReader> All { get; } = [new NewsLens.Ingest.Warc.WarcReader(), new NewsLens.Ingest.Feeds.FeedReader()];
}
