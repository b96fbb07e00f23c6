namespace NewsLens.Eval.Language;

/// <summary>Word segmentation scores, SIGHAN bakeoff style.</summary>
internal sealed record CwsScore(long GoldWords, long SystemWords, long Correct, long OovWords, long OovCorrect, long IvCorrect)
{
    public double Precision => SystemWords == 0 ? 0 : (double)Correct / SystemWords;

    public double Recall => GoldWords == 0 ? 0 : (double)Correct / GoldWords;

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public double OovRate => GoldWords == 0 ? 0 : (double)OovWords / GoldWords;

    public double OovRecall => OovWords == 0 ? 0 : (double)OovCorrect / OovWords;

    public double IvRecall => GoldWords - OovWords == 0 ? 0 : (double)IvCorrect / (GoldWords - OovWords);

    public override string ToString() =>
        FormattableString.Invariant($"P {Precision:F4}  R {Recall:F4}  F1 {F1:F4}  OOV rate {OovRate:F4}  OOV recall {OovRecall:F4}  IV recall {IvRecall:F4}  (gold {GoldWords}, system {SystemWords}, correct {Correct})");
}

/// <summary>
/// Scores system lines against gold lines the way the bakeoff <c>score</c> script does: per line, words
/// (whitespace-separated, U+3000 counts as space) are aligned by longest common subsequence; words on it
/// are correct. OOV = gold word not in the training word list.
/// </summary>
internal static class CwsScorer
{
    /// <summary>Longest line (in words) aligned by LCS; longer ones (none in the test sets) are compared by spans.</summary>
    private const int MaxAlignedWords = 5_000;

    public static CwsScore Score(IReadOnlyList<string> gold, IReadOnlyList<string> system, IReadOnlySet<string> trainingWords)
    {
        if (gold.Count != system.Count)
            throw new InvalidDataException($"gold has {gold.Count} lines, system output {system.Count}");
        long goldWords = 0, systemWords = 0, correct = 0, oov = 0, oovCorrect = 0, ivCorrect = 0;
        for (var line = 0; line < gold.Count; line++)
        {
            var g = Words(gold[line]);
            var s = Words(system[line]);
            goldWords += g.Length;
            systemWords += s.Length;
            var onPath = Align(g, s);
            for (var i = 0; i < g.Length; i++)
            {
                var isOov = !trainingWords.Contains(g[i]);
                if (isOov)
                    oov++;
                if (!onPath[i])
                    continue;
                correct++;
                if (isOov)
                    oovCorrect++;
                else
                    ivCorrect++;
            }
        }
        return new CwsScore(goldWords, systemWords, correct, oov, oovCorrect, ivCorrect);
    }

    public static string[] Words(string line) =>
        line.Replace('\u3000', ' ').Split([' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Marks the gold words on one longest common subsequence with the system words.</summary>
    private static bool[] Align(string[] g, string[] s)
    {
        var marks = new bool[g.Length];
        if (g.Length == 0 || s.Length == 0)
            return marks;
        if (g.Length > MaxAlignedWords || s.Length > MaxAlignedWords)
            return BySpans(g, s);
        var table = new int[(g.Length + 1) * (s.Length + 1)];
        var w = s.Length + 1;
        for (var i = g.Length - 1; i >= 0; i--)
            for (var j = s.Length - 1; j >= 0; j--)
                table[i * w + j] = string.Equals(g[i], s[j], StringComparison.Ordinal)
                    ? table[(i + 1) * w + j + 1] + 1
                    : Math.Max(table[(i + 1) * w + j], table[i * w + j + 1]);
        int a = 0, b = 0;
        while (a < g.Length && b < s.Length)
        {
            if (string.Equals(g[a], s[b], StringComparison.Ordinal) && table[a * w + b] == table[(a + 1) * w + b + 1] + 1)
            {
                marks[a] = true;
                a++;
                b++;
            }
            else if (table[(a + 1) * w + b] >= table[a * w + b + 1])
            {
                a++;
            }
            else
            {
                b++;
            }
        }
        return marks;
    }

    private static bool[] BySpans(string[] g, string[] s)
    {
        var marks = new bool[g.Length];
        var spans = new HashSet<(int, int)>();
        var at = 0;
        foreach (var word in s)
        {
            spans.Add((at, word.Length));
            at += word.Length;
        }
        at = 0;
        for (var i = 0; i < g.Length; i++)
        {
            marks[i] = spans.Contains((at, g[i].Length));
            at += g[i].Length;
        }
        return marks;
    }
}
