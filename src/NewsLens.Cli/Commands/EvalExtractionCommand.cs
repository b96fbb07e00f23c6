using System.CommandLine;
using System.Globalization;
using NewsLens.Eval.Extraction;

namespace NewsLens.Cli.Commands;

/// <summary><c>newslens eval extraction --dataset aeb|trafilatura|zh --data DIR</c>: each set's own metric, plus title/date/author.</summary>
internal static class EvalExtractionCommand
{
    /// <summary>Exit code when a score falls below the floor given with --min-f1.</summary>
    public const int BelowFloor = 3;

    public static Command Create()
    {
        var dataset = new Option<string>("--dataset") { Description = "aeb (scrapinghub), trafilatura (trafilatura-eval) or zh (zh-web-content)", Required = true };
        dataset.AcceptOnlyFromAmong("aeb", "trafilatura", "zh");
        var data = new Option<DirectoryInfo>("--data") { Description = "the data folder (shared/data, its extraction/ folder, or the set's own folder)", Required = true };
        var reference = new Option<FileInfo?>("--reference") { Description = "score a reference system's output file (reference-outputs/*.json.gz) instead of NewsLens" };
        var worst = new Option<int>("--worst") { Description = "list the N worst pages", DefaultValueFactory = _ => 0 };
        var floor = new Option<double?>("--min-f1") { Description = "exit with code 3 when the set's main F1 is below this floor" };
        var command = new Command("extraction", "Score main-content extraction on a benchmark set: shingle F1 (AEB, CJK variant), snippet F1 (trafilatura-eval), title/date/author accuracy, pages/s.");
        command.Options.Add(dataset);
        command.Options.Add(data);
        command.Options.Add(reference);
        command.Options.Add(worst);
        command.Options.Add(floor);
        command.SetAction(parsed =>
        {
            var set = parsed.GetValue(dataset) switch
            {
                "aeb" => ExtractionDataset.Aeb,
                "trafilatura" => ExtractionDataset.Trafilatura,
                _ => ExtractionDataset.Zh,
            };
            ExtractionReport report;
            try
            {
                report = ExtractionEvaluation.Run(parsed.GetValue(data)!.FullName, set, parsed.GetValue(reference)?.FullName);
            }
            catch (Exception e) when (e is DirectoryNotFoundException or FileNotFoundException)
            {
                Console.Error.WriteLine($"newslens: {e.Message}");
                return Program.UsageError;
            }
            Console.Write(report.Format(parsed.GetValue(worst)));
            if (parsed.GetValue(floor) is { } min && report.MainF1 < min)
            {
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"newslens: F1 {report.MainF1:F3} is below the floor {min:F3}"));
                return BelowFloor;
            }
            return 0;
        });
        return command;
    }
}
