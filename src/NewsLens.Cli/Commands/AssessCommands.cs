using System.CommandLine;
using System.Globalization;
using NewsLens.Assess;
using NewsLens.Assess.Knowledge;
using NewsLens.Cli.Output;
using NewsLens.Eval.Flags;
using NewsLens.Pipeline;

namespace NewsLens.Cli.Commands;

/// <summary><c>assess PATH...</c> (credibility flags as a report) and <c>eval flags</c> (precision/recall on a case set).</summary>
internal static class AssessCommands
{
    /// <summary>Exit code when an evaluation lands below a floor given on the command line.</summary>
    public const int BelowFloor = 3;

    public static IEnumerable<Command> Create()
    {
        var options = new CommonOptions();
        var assess = new Command("assess", "Run every stage on each page and report its credibility flags with evidence.");
        options.AddTo(assess);
        assess.SetAction(parsed => ItemRunner.Run(options.Read(parsed), DefaultPipeline.Full(AnalysisResources.Load()), ReportParts.Flags));
        yield return assess;
    }

    /// <summary>The <c>flags</c> subcommand of <c>eval</c> (the lead may hang it under a shared eval parent).</summary>
    public static Command CreateEvalFlags()
    {
        var cases = new Option<DirectoryInfo>("--cases")
        {
            Description = "Folder of flag cases (*.json, see tests/NewsLens.Core.Tests/Cases/Assess).",
            Required = true,
        };
        var pages = new Option<DirectoryInfo?>("--pages") { Description = "Folder of honest pages: every high-severity flag on them is listed as a possible false alarm." };
        var minHighPrecision = new Option<double?>("--min-high-precision") { Description = "Fail (exit 3) when high-severity precision is below this." };
        var minPrecision = new Option<double?>("--min-precision") { Description = "Fail when overall precision is below this." };
        var minRecall = new Option<double?>("--min-recall") { Description = "Fail when overall recall is below this." };
        var maxPageHigh = new Option<int?>("--max-page-high") { Description = "Fail when the honest pages get more high-severity flags than this." };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "List every case, not only those with errors." };
        var command = new Command("flags", "Precision/recall of credibility flags per family on a case set; optional false-alarm scan of honest pages.");
        foreach (var o in new Option[] { cases, pages, minHighPrecision, minPrecision, minRecall, maxPageHigh, verbose })
            command.Options.Add(o);
        command.SetAction(parsed =>
        {
            var resources = AnalysisResources.Load();
            var steps = new IArticleAnalyser[]
            {
                new InjectedTextCleaner(resources.AssessRules),
                new CredibilityAssessor(resources.AssessRules, new NoKnowledge()),
            };
            var report = FlagEvaluation.Run(FlagCase.LoadAll(parsed.GetValue(cases)!.FullName), steps);
            Console.Write(report.Format(parsed.GetValue(verbose)));
            var ok = true;
            ok &= Floor("high-severity precision", report.High.Precision, parsed.GetValue(minHighPrecision));
            ok &= Floor("precision", report.All.Precision, parsed.GetValue(minPrecision));
            ok &= Floor("recall", report.All.Recall, parsed.GetValue(minRecall));
            if (parsed.GetValue(pages) is { } dir)
            {
                var files = Directory.EnumerateFiles(dir.FullName, "*", SearchOption.AllDirectories);
                var scan = FalseAlarmScan.Run(files, DefaultPipeline.Full(resources));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"honest pages: {scan.Pages} ({scan.Rejected} rejected), {scan.High.Count} high-severity flags"));
                Console.WriteLine("  all flags: " + string.Join(", ", scan.AllCodes.Select(kv => $"{kv.Key}×{kv.Value}")));
                foreach (var h in scan.High)
                    Console.WriteLine($"  HIGH {h.Code} on {Path.GetFileName(h.Source)} «{h.Title}»: {h.MessageEn} — evidence: {h.Evidence}");
                if (parsed.GetValue(maxPageHigh) is { } max && scan.High.Count > max)
                {
                    Console.WriteLine($"FAIL: {scan.High.Count} high-severity flags on honest pages, above the floor of {max}");
                    ok = false;
                }
            }
            return ok ? 0 : BelowFloor;
        });
        return command;
    }

    private static bool Floor(string what, double value, double? floor)
    {
        if (floor is not { } f || value >= f)
            return true;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"FAIL: {what} {value:0.000} is below the floor {f:0.000}"));
        return false;
    }
}
