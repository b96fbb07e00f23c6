using System.Buffers;
using System.Text.RegularExpressions;

namespace NewsLens.Assess.Rules;

internal enum SpamFamily
{
    Gambling,
    Adult,
    Pharma,
    Gaming,
}

internal enum LexiconKind
{
    Brand,
    Vocab,
    Topic,
    Regex,
}

internal sealed record LexiconEntry(SpamFamily Family, LexiconKind Kind, double Weight, string Term);

/// <summary>One lexicon match in a piece of text: [Start, End) relative to that text.</summary>
internal readonly record struct LexiconHit(LexiconEntry Entry, int Start, int End)
{
    public int Length => End - Start;
}

/// <summary>
/// The weighted spam lexicon (Rules/spam-lexicon.tsv): literal terms found with one multi-string search,
/// patterns with bounded regular expressions. Overlapping hits resolve to the longest, then the heaviest.
/// </summary>
internal sealed class SpamLexicon
{
    public const string FileName = "spam-lexicon.tsv";

    /// <summary>
    /// A safety net for pathological patterns in user-supplied rule files, far above any real match time:
    /// at 200 ms, matches on an overloaded machine timed out and a page's flags depended on machine load.
    /// </summary>
    internal static readonly TimeSpan RegexBudget = TimeSpan.FromSeconds(5);

    private readonly SearchValues<string> literals;
    private readonly Dictionary<char, LexiconEntry[]> byFirstChar;
    private readonly (LexiconEntry Entry, Regex Regex)[] patterns;

    public SpamLexicon(IReadOnlyList<LexiconEntry> entries)
    {
        Entries = entries;
        var lits = entries.Where(e => e.Kind != LexiconKind.Regex).ToArray();
        literals = SearchValues.Create(lits.Select(e => e.Term).Distinct(StringComparer.OrdinalIgnoreCase).ToArray(), StringComparison.OrdinalIgnoreCase);
        byFirstChar = lits.GroupBy(e => char.ToLowerInvariant(e.Term[0]))
            .ToDictionary(g => g.Key, g => g.OrderByDescending(e => e.Term.Length).ToArray());
        patterns = entries.Where(e => e.Kind == LexiconKind.Regex)
            .Select(e => (e, new Regex(e.Term, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexBudget)))
            .ToArray();
    }

    public IReadOnlyList<LexiconEntry> Entries { get; }

    public static SpamLexicon Load(string? folder = null)
    {
        var entries = new List<LexiconEntry>();
        foreach (var (line, c) in RuleFiles.ReadTsv(FileName, 4, folder))
        {
            if (!Enum.TryParse<SpamFamily>(c[0], ignoreCase: true, out var family))
                throw new InvalidDataException($"rule file {FileName}, line {line}: unknown family '{c[0]}'");
            if (!Enum.TryParse<LexiconKind>(c[1], ignoreCase: true, out var kind))
                throw new InvalidDataException($"rule file {FileName}, line {line}: unknown kind '{c[1]}'");
            var weight = RuleFiles.ParseWeight(FileName, line, c[2]);
            var term = c[3].Trim();
            if (term.Length == 0)
                throw new InvalidDataException($"rule file {FileName}, line {line}: empty term");
            if (kind == LexiconKind.Regex)
            {
                try
                {
                    _ = new Regex(term, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
                }
                catch (ArgumentException e)
                {
                    throw new InvalidDataException($"rule file {FileName}, line {line}: bad pattern '{term}': {e.Message}", e);
                }
            }
            entries.Add(new LexiconEntry(family, kind, weight, term));
        }
        return new SpamLexicon(entries);
    }

    /// <summary>All non-overlapping hits in <paramref name="text"/>, in order.</summary>
    public IReadOnlyList<LexiconHit> Find(string text)
    {
        var raw = new List<LexiconHit>();
        var span = text.AsSpan();
        var offset = 0;
        while (offset < span.Length)
        {
            var i = span[offset..].IndexOfAny(literals);
            if (i < 0)
                break;
            var at = offset + i;
            if (byFirstChar.TryGetValue(char.ToLowerInvariant(span[at]), out var candidates))
            {
                foreach (var e in candidates)
                {
                    if (at + e.Term.Length <= span.Length
                        && span.Slice(at, e.Term.Length).Equals(e.Term, StringComparison.OrdinalIgnoreCase)
                        && OnLatinEdges(span, at, at + e.Term.Length, e.Term))
                    {
                        raw.Add(new LexiconHit(e, at, at + e.Term.Length));
                    }
                }
            }
            offset = at + 1;
        }
        foreach (var (entry, regex) in patterns)
        {
            try
            {
                foreach (Match m in regex.Matches(text))
                {
                    if (m.Length > 0)
                        raw.Add(new LexiconHit(entry, m.Index, m.Index + m.Length));
                }
            }
            catch (RegexMatchTimeoutException)
            {
                // A pathological page: this pattern contributes nothing rather than stalling the run.
            }
        }
        return Resolve(raw);
    }

    /// <summary>A Latin term must not sit inside a longer Latin word or number ("fun88" is not in "fun888x").</summary>
    private static bool OnLatinEdges(ReadOnlySpan<char> s, int start, int end, string term)
    {
        if (IsAsciiWord(term[0]) && start > 0 && IsAsciiWord(s[start - 1]))
            return false;
        if (IsAsciiWord(term[^1]) && end < s.Length && IsAsciiWord(s[end]))
            return false;
        return true;
    }

    /// <summary>Latin-script letters (accented too: "spécialisées" holds "cialis") and digits; CJK next to a Latin brand is fine (乐天堂fun88).</summary>
    private static bool IsAsciiWord(char c) => char.IsAsciiLetterOrDigit(c) || c is >= '\u00C0' and <= '\u024F' && char.IsLetter(c);

    private static List<LexiconHit> Resolve(List<LexiconHit> raw)
    {
        // Longest first, then heaviest, then earliest: a stable, deterministic choice among overlaps.
        var ordered = raw.OrderByDescending(h => h.Length).ThenByDescending(h => h.Entry.Weight).ThenBy(h => h.Start).ToList();
        var kept = new List<LexiconHit>();
        foreach (var h in ordered)
        {
            if (!kept.Any(k => k.Start < h.End && h.Start < k.End))
                kept.Add(h);
        }
        kept.Sort((a, b) => a.Start.CompareTo(b.Start));
        return kept;
    }
}
