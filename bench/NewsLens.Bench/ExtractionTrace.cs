using NewsLens.Eval.Extraction;
using NewsLens.Extract;
using NewsLens.Extract.Html;
using NewsLens.Model;
using NewsLens.Pipeline;

namespace NewsLens.Bench;

/// <summary><c>extraction-trace FILE</c>: the block list of one page with each block's score and fate (for reading failures, not timing).</summary>
internal static class ExtractionTrace
{
    public static int Run(string[] args)
    {
        var bytes = args[0].EndsWith(".gz", StringComparison.Ordinal) ? ExtractionDatasets.ReadGz(args[0]) : File.ReadAllBytes(args[0]);
        var decoded = new NewsLens.Decode.CharsetDecoder().Decode(new RawPage(args[0], bytes, null, null, PageFormat.Html));
        var root = new HtmlParser(PipelineLimits.Default.MaxDomDepth).Parse(decoded.Text);
        Console.WriteLine($"charset {decoded.Charset}, root text {root.TextChars}");
        var log = new CleaningLog();
        new DomCleaner().Clean(root, log);
        foreach (var r in log.Removed)
            Console.WriteLine($"CLEANED {r.Reason} {r.Detail} {Short(r.Text)}");
        var blocks = new BlockLinearizer().Linearize(root);
        var sel = new MainContentSelector().Select(blocks);
        Console.WriteLine($"step {sel.Step} container <{sel.Container?.Name} {sel.Container?.ClassAndId()}>");
        for (var i = 0; i < blocks.Count; i++)
        {
            var b = blocks[i];
            Console.WriteLine($"{(sel.Kept[i] ? "K" : "-")} {MainContentSelector.BlockScore(b):F1} ld={b.LinkDensity:F2} {b.Kind} <{b.Owner?.Name} {b.Owner?.ClassAndId()}> {Short(b.Text)}");
        }
        return 0;
    }

    private static string Short(string s) => (s.Length > 90 ? s[..90] : s).Replace('\n', '|');
}
