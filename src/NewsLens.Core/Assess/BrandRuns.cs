using NewsLens.Assess.Rules;

namespace NewsLens.Assess;

/// <summary>Adjacent lexicon hits read as one name ("乐天堂" + "fun88" = "乐天堂fun88").</summary>
/// <param name="Weight">The heaviest hit's weight: a strong brand next to a weak word is still a strong brand.</param>
internal sealed record BrandRun(SpamFamily Family, double Weight, int Start, int End, IReadOnlyList<LexiconHit> Hits)
{
    public string Slice(string text) => text[Start..End];
}

internal static class BrandRuns
{
    /// <summary>A hit at or above this weight is a spam brand by itself (see the lexicon's weight scale).</summary>
    public const double Strong = 0.8;

    /// <summary>Hits at most this many characters apart (spaces, a dash) join into one run.</summary>
    private const int MaxGap = 1;

    /// <summary>Brand runs (hits of kind brand, vocab or regex; topic words never) in <paramref name="text"/>.</summary>
    public static IReadOnlyList<BrandRun> Find(SpamLexicon lexicon, string text)
    {
        var hits = lexicon.Find(text).Where(h => h.Entry.Kind != LexiconKind.Topic && h.Entry.Weight > 0).ToList();
        var runs = new List<BrandRun>();
        var i = 0;
        while (i < hits.Count)
        {
            var j = i;
            while (j + 1 < hits.Count && hits[j + 1].Start - hits[j].End <= MaxGap && Joinable(text, hits[j].End, hits[j + 1].Start))
                j++;
            var group = hits.GetRange(i, j - i + 1);
            var top = group.MaxBy(h => h.Entry.Weight);
            runs.Add(new BrandRun(top.Entry.Family, top.Entry.Weight, group[0].Start, group[^1].End, group));
            i = j + 1;
        }
        return runs;
    }

    private static bool Joinable(string text, int from, int to)
    {
        for (var k = from; k < to; k++)
        {
            if (!(char.IsWhiteSpace(text[k]) || text[k] is '-' or '_' or '|' or '·'))
                return false;
        }
        return true;
    }

    /// <summary>
    /// How much of the page is genuinely about <paramref name="family"/>: family hits of any kind (topic words
    /// included) in the body outside <paramref name="exclude"/>. A page about Macau casinos names casinos.
    /// </summary>
    public static int Support(AssessContext context, SpamFamily family, IReadOnlyCollection<(int Start, int End)> exclude)
    {
        var count = 0;
        foreach (var u in context.Body)
        {
            if (u.Span is not { } s)
                continue;
            foreach (var h in context.Rules.Lexicon.Find(u.Text))
            {
                if (h.Entry.Family != family)
                    continue;
                var abs = (s.Start + h.Start, s.Start + h.End);
                if (exclude.Any(e => e.Start < abs.Item2 && abs.Item1 < e.End))
                    continue;
                count++;
            }
        }
        return count;
    }
}
