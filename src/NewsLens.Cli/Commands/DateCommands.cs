using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using NewsLens.Analyse.Dates;
using NewsLens.Eval.Dates;
using NewsLens.Model.Json;

namespace NewsLens.Cli.Commands;

/// <summary><c>dates</c> (recognise dates in lines of text) and <c>eval dates</c> (score on the Recognizers-Text specs).</summary>
internal static class DateCommands
{
    /// <summary>Exit code when an evaluation falls below a floor given on the command line.</summary>
    private const int BelowFloor = 1;

    public static Command Create()
    {
        var reference = new Option<string?>("--ref") { Description = "Reference (publish) date YYYY-MM-DD that relative expressions resolve against; none = they stay unresolved." };
        var command = new Command("dates", "Read lines of text on standard input; print one JSON line per input line with its date mentions.");
        command.Options.Add(reference);
        command.SetAction(parsed =>
        {
            DateOnly? refDate = null;
            if (parsed.GetValue(reference) is { } r)
            {
                if (!DateOnly.TryParseExact(r, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                {
                    Console.Error.WriteLine($"newslens dates: --ref '{r}' is not a date in the form YYYY-MM-DD");
                    return Program.UsageError;
                }
                refDate = d;
            }
            var recognizer = new DateRecognizer();
            var lineNo = 0;
            string? line;
            while ((line = Console.In.ReadLine()) is not null)
            {
                lineNo++;
                var mentions = recognizer.Recognize(line, refDate);
                Console.Out.WriteLine(JsonSerializer.Serialize(new { line = lineNo, text = line, dates = mentions }, RecordJson.Options));
            }
            return 0;
        });
        return command;
    }

    /// <summary>The <c>dates</c> subcommand of <c>eval</c>.</summary>
    public static Command CreateEval()
    {
        var data = new Option<DirectoryInfo>("--data") { Description = "The recognizers-text-zh folder (with DateTime/*.json).", Required = true };
        var failures = new Option<bool>("--failures") { Description = "Also list every in-scope case that fails." };
        var minExtraction = new Option<double?>("--min-extraction") { Description = "Exit 1 when the in-scope extraction share (0–1) is below this." };
        var minParsing = new Option<double?>("--min-parsing") { Description = "Exit 1 when the in-scope parsing share (0–1) is below this." };
        var command = new Command("dates", "Score date recognition on the Microsoft Recognizers-Text Chinese DateTime specs.");
        command.Options.Add(data);
        command.Options.Add(failures);
        command.Options.Add(minExtraction);
        command.Options.Add(minParsing);
        command.SetAction(parsed =>
        {
            var dir = parsed.GetValue(data)!;
            var summary = DateEvalSummary.Run(dir.FullName);
            summary.Write(Console.Out, dir.FullName, parsed.GetValue(failures));
            var ok = true;
            if (parsed.GetValue(minExtraction) is { } me && summary.Extraction.Ratio < me)
            {
                Console.Error.WriteLine($"eval dates: extraction {summary.Extraction.Ratio:P1} is below the floor {me:P1}");
                ok = false;
            }
            if (parsed.GetValue(minParsing) is { } mp && summary.Parsing.Ratio < mp)
            {
                Console.Error.WriteLine($"eval dates: parsing {summary.Parsing.Ratio:P1} is below the floor {mp:P1}");
                ok = false;
            }
            return ok ? 0 : BelowFloor;
        });
        return command;
    }
}
