using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using NewsLens.Analyse.Dates;

namespace NewsLens.Bench;

/// <summary>
/// Date recognition throughput: <c>dates FILE_OR_DIR [--ref YYYY-MM-DD]</c>. Reads UTF-8 text (.txt/.utf8, or .gz of
/// either), one line per "document", and prints characters per second, mentions found and bytes allocated.
/// Example: <c>dates ../shared/data/cws/pd98_199801_seg.utf8.gz</c> (People's Daily, Jan 1998; word spaces are removed).
/// </summary>
internal static class DatesBench
{
    /// <summary>Lines run once before timing so that regex compilation and JIT are not measured.</summary>
    private const int WarmupLines = 200;

    public static int Run(string[] args)
    {
        if (args.Length == 0)
        {
            Console.Error.WriteLine("usage: dates FILE_OR_DIR [--ref YYYY-MM-DD]");
            return 2;
        }
        DateOnly? reference = args.Length >= 3 && args[1] == "--ref"
            ? DateOnly.ParseExact(args[2], "yyyy-MM-dd", CultureInfo.InvariantCulture)
            : new DateOnly(1998, 1, 15);
        var files = Directory.Exists(args[0]) ? Directory.GetFiles(args[0], "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray() : [args[0]];
        var lines = new List<string>();
        foreach (var f in files)
        {
            using var stream = f.EndsWith(".gz", StringComparison.Ordinal) ? (Stream)new GZipStream(File.OpenRead(f), CompressionMode.Decompress) : File.OpenRead(f);
            using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
            while (reader.ReadLine() is { } line)
                if (line.Length > 0)
                    lines.Add(line.Replace("  ", "", StringComparison.Ordinal));
        }
        var recognizer = new DateRecognizer();
        foreach (var line in lines.Take(WarmupLines))
            recognizer.Recognize(line, reference);
        var chars = lines.Sum(l => (long)l.Length);
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        long mentions = 0;
        foreach (var line in lines)
            mentions += recognizer.Recognize(line, reference).Count;
        watch.Stop();
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        var seconds = watch.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"dates: {lines.Count} lines, {chars} chars, {mentions} mentions in {seconds:F2} s = {chars / seconds / 1e6:F2} M chars/s, {lines.Count / seconds:F0} lines/s, {allocated / (double)chars:F0} bytes allocated per char"));
        return 0;
    }
}
