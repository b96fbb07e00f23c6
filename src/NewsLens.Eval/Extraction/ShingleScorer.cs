using System.Globalization;

namespace NewsLens.Eval.Extraction;

/// <summary>How text is cut into tokens before shingling.</summary>
public enum TokenMode
{
    /// <summary>Every maximal run of word characters (the upstream AEB <c>\w+</c>).</summary>
    WordRuns,

    /// <summary>Each CJK character is its own token; other word-character runs as in <see cref="WordRuns"/>.</summary>
    CjkCharacters,
}

/// <summary>Normalised true/false positives and false negatives of one page (they sum to 1 unless all are 0).</summary>
public readonly record struct PageCounts(double Tp, double Fp, double Fn);

/// <summary>Corpus figures of the shingle metric.</summary>
public sealed record ShingleScore(double Precision, double Recall, double F1, double Accuracy, int Pages);

/// <summary>
/// The Article Extraction Benchmark metric (scrapinghub evaluate.py, re-implemented): 4-token shingles as
/// multisets, per-page counts normalised to sum 1, precision and recall averaged over pages, F1 from
/// the two means. Accuracy is the share of pages whose token sequences are equal.
/// </summary>
public static class ShingleScorer
{
    public const int ShingleSize = 4;

    public static List<string> Tokenize(string? text, TokenMode mode)
    {
        var tokens = new List<string>();
        if (string.IsNullOrEmpty(text))
            return tokens;
        var start = -1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var word = IsWordChar(c);
            if (mode == TokenMode.CjkCharacters && IsCjk(c))
            {
                if (start >= 0)
                    tokens.Add(text[start..i]);
                start = -1;
                tokens.Add(c.ToString());
                continue;
            }
            if (word)
            {
                if (start < 0)
                    start = i;
            }
            else if (start >= 0)
            {
                tokens.Add(text[start..i]);
                start = -1;
            }
        }
        if (start >= 0)
            tokens.Add(text[start..]);
        return tokens;
    }

    /// <summary>Python's <c>\w</c>: alphanumerics (any script), combining marks, underscore.</summary>
    private static bool IsWordChar(char c)
    {
        if (char.IsLetterOrDigit(c) || c == '_')
            return true;
        var cat = char.GetUnicodeCategory(c);
        return cat is UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber;
    }

    private static bool IsCjk(char c) =>
        c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or >= '\uF900' and <= '\uFAFF' or >= '\u3040' and <= '\u30FF' or >= '\uAC00' and <= '\uD7AF';

    private static Dictionary<string, int> Shingles(List<string> tokens)
    {
        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        if (tokens.Count == 0)
            return result;
        var count = Math.Max(1, tokens.Count - ShingleSize + 1);
        for (var i = 0; i < count; i++)
        {
            var key = string.Join('\u0001', tokens.Skip(i).Take(ShingleSize));
            result[key] = result.GetValueOrDefault(key) + 1;
        }
        return result;
    }

    public static PageCounts Match(string? gold, string? predicted, TokenMode mode)
    {
        var g = Shingles(Tokenize(gold, mode));
        var p = Shingles(Tokenize(predicted, mode));
        double tp = 0, fp = 0, fn = 0;
        foreach (var (key, gc) in g)
        {
            var pc = p.GetValueOrDefault(key);
            tp += Math.Min(gc, pc);
            fn += Math.Max(0, gc - pc);
        }
        foreach (var (key, pc) in p)
            fp += Math.Max(0, pc - g.GetValueOrDefault(key));
        var s = tp + fp + fn;
        return s > 0 ? new PageCounts(tp / s, fp / s, fn / s) : new PageCounts(0, 0, 0);
    }

    public static bool SameTokens(string? gold, string? predicted, TokenMode mode) =>
        Tokenize(gold, mode).SequenceEqual(Tokenize(predicted, mode), StringComparer.Ordinal);

    public static ShingleScore Aggregate(IReadOnlyList<PageCounts> pages, int exactPages)
    {
        var precisions = new List<double>();
        var recalls = new List<double>();
        foreach (var (tp, fp, fn) in pages)
        {
            if (tp + fp > 0)
                precisions.Add(fp == 0 && fn == 0 ? 1 : tp / (tp + fp));
            if (tp + fn > 0)
                recalls.Add(fp == 0 && fn == 0 ? 1 : tp / (tp + fn));
        }
        var p = precisions.Count > 0 ? precisions.Average() : 0;
        var r = recalls.Count > 0 ? recalls.Average() : 0;
        var f1 = p + r > 0 ? 2 * p * r / (p + r) : 0;
        return new ShingleScore(p, r, f1, pages.Count > 0 ? exactPages / (double)pages.Count : 0, pages.Count);
    }
}
