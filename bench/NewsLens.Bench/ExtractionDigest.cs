using System.Text.Json;
using NewsLens.Pipeline;

namespace NewsLens.Bench;

/// <summary>
/// <c>extraction-digest DATA_DIR SET OUT_FILE</c>: every page's full extraction record (or rejection) as one JSON
/// line, in file order. Two digests taken before and after a speed change must be byte-identical; a diff names
/// the pages whose output moved (for refactors that must not change what is extracted).
/// </summary>
internal static class ExtractionDigest
{
    public static int Run(string[] args)
    {
        if (args.Length < 3)
        {
            Console.Error.WriteLine("usage: extraction-digest DATA_DIR [aeb|trafilatura|zh|gne] OUT_FILE");
            return 2;
        }
        var pages = ExtractionBench.LoadPages(args[0], args[1]);
        var pipeline = DefaultPipeline.ExtractOnly();
        var options = new JsonSerializerOptions { WriteIndented = false };
        using var writer = new StreamWriter(args[2]);
        foreach (var p in pages)
        {
            var result = pipeline.Process(p);
            object record = (object?)result.Article?.Article ?? result.Rejection!;
            writer.Write(Path.GetFileName(p.Source));
            writer.Write('\t');
            writer.WriteLine(JsonSerializer.Serialize(record, record.GetType(), options));
        }
        Console.WriteLine($"{pages.Count} records written to {args[2]}");
        return 0;
    }
}
