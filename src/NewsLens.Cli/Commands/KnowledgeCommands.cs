using System.CommandLine;
using System.Text.Json;
using NewsLens.Analyse.Knowledge;
using NewsLens.Cli.Output;
using NewsLens.Eval.Events;
using NewsLens.Model;
using NewsLens.Model.Json;
using NewsLens.Pipeline;

namespace NewsLens.Cli.Commands;

/// <summary><c>events</c>, <c>kb import-wikidata</c> and <c>eval events</c>.</summary>
internal static class KnowledgeCommands
{
    public static IEnumerable<Command> Create()
    {
        yield return Events();
        yield return Kb();
    }

    private static Command Events()
    {
        var options = new CommonOptions();
        var command = new Command("events", "Extract the political events of each page (JSONL: one event per line; text: a table per article).");
        options.AddTo(command);
        command.SetAction(parsed => ItemRunner.Run(options.Read(parsed), DefaultPipeline.Full(AnalysisResources.Load()), ReportParts.Events,
            (writer, format, parts) => format == OutputFormat.Jsonl ? new EventJsonlWriter(writer) : ReportWriters.Create(writer, format, parts)));
        return command;
    }

    private static Command Kb()
    {
        var file = new Argument<FileInfo>("file") { Description = "Wikidata JSON: Special:EntityData output, an array of entities, or one entity per line." };
        var outDir = new Option<DirectoryInfo?>("--out") { Description = "Folder to write the TSV files to (default: kb/import beside newslens)." };
        var import = new Command("import-wikidata", "Import people and their P39 positions (P580/P582 dates) from Wikidata JSON into KB tables.");
        import.Arguments.Add(file);
        import.Options.Add(outDir);
        import.SetAction(parsed =>
        {
            var resources = AnalysisResources.Load();
            var result = new WikidataImporter(resources.Knowledge).Import(File.ReadAllText(parsed.GetValue(file)!.FullName));
            var dir = parsed.GetValue(outDir)?.FullName ?? Path.Combine(resources.Root, "kb", "import");
            Directory.CreateDirectory(dir);
            var stem = Path.GetFileNameWithoutExtension(parsed.GetValue(file)!.Name);
            File.WriteAllText(Path.Combine(dir, $"wikidata-{stem}.people.tsv"), result.EntitiesTsv);
            File.WriteAllText(Path.Combine(dir, $"wikidata-{stem}.offices.tsv"), result.OfficesTsv);
            File.WriteAllText(Path.Combine(dir, $"wikidata-{stem}.terms.tsv"), result.TermsTsv);
            foreach (var note in result.Notes)
                Console.Error.WriteLine($"newslens: {note}");
            Console.WriteLine($"imported {result.People} people, {result.Terms} terms, {result.Offices} new offices ({result.Skipped} skipped) into {dir}");
            return 0;
        });
        var kb = new Command("kb", "Knowledge-base tools.");
        kb.Subcommands.Add(import);
        return kb;
    }

    /// <summary>The <c>events</c> subcommand of <c>eval</c>.</summary>
    public static Command EvalEvents()
    {
        var devset = new Option<FileInfo?>("--devset") { Description = "The annotated dev set (default: tests/NewsLens.Core.Tests/Cases/Events/devset.txt)." };
        var cec = new Option<DirectoryInfo?>("--cec") { Description = "The CEC corpus folder (data/events/cec) for trigger/time/place recall." };
        var minF1 = new Option<double>("--min-f1") { Description = "Fail (exit 1) when type+actors+date F1 is below this." };
        var minP = new Option<double>("--min-precision") { Description = "Fail (exit 1) when type+actors+date precision is below this." };
        var verbose = new Option<bool>("--misses") { Description = "Print every dev-set sentence the system gets wrong." };
        var command = new Command("events", "Score event extraction on the dev set (P/R/F1 for type, actors, date, modality, place) and CEC recall.");
        command.Options.Add(devset);
        command.Options.Add(cec);
        command.Options.Add(minF1);
        command.Options.Add(minP);
        command.Options.Add(verbose);
        command.SetAction(parsed =>
        {
            var kb = AnalysisResources.Load().Knowledge;
            var path = parsed.GetValue(devset)?.FullName ?? Path.Combine("tests", "NewsLens.Core.Tests", "Cases", "Events", "devset.txt");
            var report = new EventEvaluation(kb).Run(EventDevSet.Read(path));
            Console.WriteLine($"dev set: {report.Cases} sentences ({path})");
            foreach (var s in report.Scores)
                Console.WriteLine("  " + s);
            if (parsed.GetValue(verbose))
            {
                foreach (var m in report.Misses)
                    Console.WriteLine(m);
            }
            if (parsed.GetValue(cec) is { } dir)
            {
                var c = new CecEvaluation(kb).Run(dir.FullName);
                Console.WriteLine($"CEC: {c.Documents} documents ({dir.FullName})");
                foreach (var s in new[] { c.LexiconTrigger, c.EventTrigger, c.Time, c.Place })
                    Console.WriteLine(System.FormattableString.Invariant($"  {s.Name,-28} {s.Recall:0.000}  ({s.Matched}/{s.Gold})"));
            }
            var main = report.Score(EventEvaluation.TypeActorsDate);
            if (main.F1 < parsed.GetValue(minF1) || main.Precision < parsed.GetValue(minP))
            {
                Console.Error.WriteLine(System.FormattableString.Invariant($"newslens: events below floor: F1 {main.F1:0.000} (min {parsed.GetValue(minF1)}), precision {main.Precision:0.000} (min {parsed.GetValue(minP)})"));
                return 1;
            }
            return 0;
        });
        return command;
    }
}

/// <summary>One event per line with the article it came from (the <c>events --format jsonl</c> output).</summary>
internal sealed class EventJsonlWriter(TextWriter writer) : IReportWriter
{
    public void Write(AnalysedArticle article)
    {
        foreach (var e in article.Events)
        {
            var line = new EventLine(article.Article.Id, article.Article.Source, article.Article.Title, article.Article.Published?.ToIso(), e);
            writer.WriteLine(JsonSerializer.Serialize(line, RecordJson.Options));
        }
    }

    public void Finish(int rejected)
    {
    }

    private sealed record EventLine(string ArticleId, string Source, string? Title, string? Published, PoliticalEvent Event);
}
