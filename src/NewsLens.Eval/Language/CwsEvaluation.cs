using NewsLens.Analyse.Segmentation;

namespace NewsLens.Eval.Language;

/// <summary>Segments a test file with a model and scores it against the gold file.</summary>
internal static class CwsEvaluation
{
    /// <param name="input">Unsegmented test lines; null = the gold lines with their spaces removed.</param>
    /// <param name="trainingWords">The training word list for OOV figures; null = no OOV split.</param>
    public static CwsScore Run(Segmenter segmenter, string gold, string? input, string? trainingWords, TextWriter? output = null)
    {
        var goldLines = ReadLines(gold);
        var inputLines = input is null
            ? goldLines.Select(l => string.Concat(CwsScorer.Words(l))).ToList()
            : ReadLines(input);
        var system = new List<string>(inputLines.Count);
        foreach (var line in inputLines)
        {
            var tokens = segmenter.Segment(line);
            var joined = string.Join("  ", tokens.Select(t => t.Text));
            system.Add(joined);
            output?.WriteLine(joined);
        }
        var words = trainingWords is null
            ? new HashSet<string>(StringComparer.Ordinal)
            : new HashSet<string>(ReadLines(trainingWords).Select(w => w.Trim()), StringComparer.Ordinal);
        return CwsScorer.Score(goldLines, system, words);
    }

    public static List<string> ReadLines(string path) =>
        [.. File.ReadLines(path).Select(l => l.TrimStart('\uFEFF').TrimEnd('\r'))];
}
