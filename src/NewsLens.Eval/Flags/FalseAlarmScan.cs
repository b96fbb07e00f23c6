using NewsLens.Model;
using NewsLens.Pipeline;

namespace NewsLens.Eval.Flags;

/// <summary>One high-severity flag on a page that should have none, for a reviewer to judge.</summary>
internal sealed record HighFlag(string Source, string? Title, string Code, string MessageEn, string Evidence);

/// <summary>
/// Runs the full pipeline on honest pages (e.g. the present-day pages of an extraction benchmark) and lists
/// every high-severity flag: each is either a true finding a reviewer confirms or a false alarm to fix.
/// </summary>
internal static class FalseAlarmScan
{
    public static (int Pages, int Rejected, IReadOnlyList<HighFlag> High, IReadOnlyDictionary<string, int> AllCodes) Run(
        IEnumerable<string> files, ArticlePipeline pipeline)
    {
        var high = new List<HighFlag>();
        var codes = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var pages = 0;
        var rejected = 0;
        foreach (var file in files.Order(StringComparer.Ordinal))
        {
            pages++;
            var bytes = ReadBytes(file);
            var result = pipeline.Process(new RawPage(file, bytes, null, null, file.EndsWith(".txt", StringComparison.Ordinal) ? PageFormat.Text : PageFormat.Html));
            if (result.Article is not { } a)
            {
                rejected++;
                continue;
            }
            foreach (var f in a.Flags)
            {
                codes[$"{f.Code}({f.Severity.ToString().ToLowerInvariant()})"] = codes.GetValueOrDefault($"{f.Code}({f.Severity.ToString().ToLowerInvariant()})") + 1;
                if (f.Severity == Severity.High)
                    high.Add(new HighFlag(file, a.Article.Title, f.Code, f.MessageEn, string.Join(" | ", f.Evidence.Select(e => e.Text.Length > 80 ? e.Text[..80] + "…" : e.Text))));
            }
        }
        return (pages, rejected, high, codes);
    }

    private static byte[] ReadBytes(string file)
    {
        if (!file.EndsWith(".gz", StringComparison.Ordinal))
            return File.ReadAllBytes(file);
        using var input = new System.IO.Compression.GZipStream(File.OpenRead(file), System.IO.Compression.CompressionMode.Decompress);
        using var ms = new MemoryStream();
        input.CopyTo(ms);
        return ms.ToArray();
    }
}
