namespace NewsLens.Analyse.Dates;

/// <summary>
/// Runs every rule and keeps a non-overlapping set of atoms: longest first, then the rule priority, then leftmost.
/// Matches inside book-title marks (《明日之后》, 《今日说法》) are titles, not dates, and are dropped.
/// </summary>
internal static class AtomSelector
{
    public static List<Atom> Select(RuleInput input, IReadOnlyList<DateRule> rules)
    {
        var titles = TitleSpans(input.Folded);
        var candidates = new List<Atom>();
        foreach (var rule in rules)
        {
            foreach (System.Text.RegularExpressions.Match m in rule.Pattern.Matches(input.Folded))
            {
                if (m.Length == 0)
                    continue;
                var atom = rule.Build(m, input);
                if (atom is null || atom.Length <= 0 || InsideTitle(atom, titles))
                    continue;
                candidates.Add(atom with { Source = rule.Name });
            }
        }
        candidates.Sort((a, b) =>
        {
            var c = b.Length.CompareTo(a.Length);
            if (c != 0)
                return c;
            c = a.Priority.CompareTo(b.Priority);
            return c != 0 ? c : a.Start.CompareTo(b.Start);
        });
        var taken = new List<Atom>();
        var used = new bool[input.Folded.Length + 1];
        foreach (var a in candidates)
        {
            var free = true;
            for (var i = a.Start; i < a.End && free; i++)
                free = !used[i];
            if (!free)
                continue;
            for (var i = a.Start; i < a.End; i++)
                used[i] = true;
            taken.Add(a);
        }
        taken.Sort((a, b) => a.Start.CompareTo(b.Start));
        return taken;
    }

    private static List<(int Start, int End)> TitleSpans(string text)
    {
        var spans = new List<(int, int)>();
        var open = -1;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '《')
                open = i;
            else if (text[i] == '》' && open >= 0)
            {
                spans.Add((open, i + 1));
                open = -1;
            }
        }
        return spans;
    }

    private static bool InsideTitle(Atom a, List<(int Start, int End)> titles)
    {
        foreach (var (s, e) in titles)
            if (a.Start >= s && a.End <= e)
                return true;
        return false;
    }
}
