using System.Text;

namespace NewsLens.Eval.Extraction;

/// <summary>Micro-averaged counts of the trafilatura-eval snippet metric.</summary>
public sealed record SnippetScore(int Tp, int Fp, int Fn, int Tn)
{
    public double Precision => Tp + Fp == 0 ? 0 : Tp / (double)(Tp + Fp);

    public double Recall => Tp + Fn == 0 ? 0 : Tp / (double)(Tp + Fn);

    public double F1 => 2 * Tp + Fp + Fn == 0 ? 0 : 2 * Tp / (double)(2 * Tp + Fp + Fn);

    public double Accuracy => Tp + Fp + Fn + Tn == 0 ? 0 : (Tp + Tn) / (double)(Tp + Fp + Fn + Tn);
}

/// <summary>
/// trafilatura's evaluation (tests/eval_common.py, re-implemented): each "with" snippet found in the
/// whitespace-normalised output is a true positive, each "without" snippet found a false positive.
/// </summary>
public static class SnippetScorer
{
    public static string Normalise(string? s)
    {
        if (string.IsNullOrEmpty(s))
            return "";
        var sb = new StringBuilder(s.Length);
        var space = false;
        foreach (var c in s)
        {
            if (char.IsWhiteSpace(c))
            {
                space = sb.Length > 0;
                continue;
            }
            if (space)
                sb.Append(' ');
            space = false;
            sb.Append(c);
        }
        return sb.ToString();
    }

    public static (int Tp, int Fp, int Fn, int Tn) Count(string? extracted, IEnumerable<string> with, IEnumerable<string> without)
    {
        var text = Normalise(extracted);
        int tp = 0, fp = 0, fn = 0, tn = 0;
        foreach (var w in with)
        {
            if (text.Length > 0 && text.Contains(Normalise(w), StringComparison.Ordinal))
                tp++;
            else
                fn++;
        }
        foreach (var w in without)
        {
            if (text.Length > 0 && text.Contains(Normalise(w), StringComparison.Ordinal))
                fp++;
            else
                tn++;
        }
        return (tp, fp, fn, tn);
    }
}
