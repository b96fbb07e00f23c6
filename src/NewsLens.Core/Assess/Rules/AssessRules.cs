using System.Text.RegularExpressions;

namespace NewsLens.Assess.Rules;

internal enum SectionKind
{
    NonNews,
    Corporate,
    CompanyNews,
    News,
}

internal sealed record FillerPhrase(double Weight, Regex Pattern);

internal sealed record CountryEntry(string Iso3, char Abbreviation, IReadOnlyList<string> Names);

/// <summary>An "only X" claim type: the key word the claimed noun phrase holds and the set it is checked against.</summary>
internal sealed record OnlyClaimSet(string Id, Regex Key, IReadOnlyList<string> Members, string Source);

/// <summary>Every rule file the Assess stage reads, loaded once and shared read-only by all items.</summary>
internal sealed class AssessRules
{
    /// <summary>
    /// A safety net for pathological patterns in user-supplied rule files, far above any real match time:
    /// at 200 ms, matches on an overloaded machine timed out and a page's flags depended on machine load.
    /// </summary>
    internal static readonly TimeSpan RegexBudget = TimeSpan.FromSeconds(5);

    public required SpamLexicon Lexicon { get; init; }

    public required IReadOnlyList<FillerPhrase> Filler { get; init; }

    public required IReadOnlyDictionary<string, IReadOnlySet<SectionKind>> Sections { get; init; }

    public required IReadOnlyList<string> Geopolitics { get; init; }

    public required IReadOnlyList<CountryEntry> Countries { get; init; }

    public required IReadOnlyList<OnlyClaimSet> OnlyClaims { get; init; }

    /// <summary>Loads the embedded rules; files in <paramref name="folder"/> (same names) replace them.</summary>
    public static AssessRules Load(string? folder = null)
    {
        var filler = RuleFiles.ReadTsv("filler-phrases.tsv", 2, folder)
            .Select(r => new FillerPhrase(RuleFiles.ParseWeight("filler-phrases.tsv", r.Line, r.Columns[0]),
                new Regex(r.Columns[1], RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Multiline, RegexBudget)))
            .ToArray();
        var sections = new Dictionary<string, HashSet<SectionKind>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (line, c) in RuleFiles.ReadTsv("site-sections.tsv", 2, folder))
        {
            var kind = c[0] switch
            {
                "nonnews" => SectionKind.NonNews,
                "corporate" => SectionKind.Corporate,
                "companynews" => SectionKind.CompanyNews,
                "news" => SectionKind.News,
                _ => throw new InvalidDataException($"rule file site-sections.tsv, line {line}: unknown kind '{c[0]}'"),
            };
            var label = c[1].Trim();
            if (!sections.TryGetValue(label, out var set))
                sections[label] = set = [];
            set.Add(kind);
        }
        var countries = RuleFiles.ReadTsv("countries.tsv", 3, folder)
            .Select(r => r.Columns[1].Length == 1
                ? new CountryEntry(r.Columns[0], r.Columns[1][0], r.Columns[2].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                : throw new InvalidDataException($"rule file countries.tsv, line {r.Line}: the abbreviation must be one character, found '{r.Columns[1]}'"))
            .ToArray();
        var only = RuleFiles.ReadTsv("only-claims.tsv", 4, folder)
            .Select(r => new OnlyClaimSet(r.Columns[0], new Regex(r.Columns[1], RegexOptions.CultureInvariant, RegexBudget),
                r.Columns[2].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), r.Columns[3]))
            .ToArray();
        return new AssessRules
        {
            Lexicon = SpamLexicon.Load(folder),
            Filler = filler,
            Sections = sections.ToDictionary(kv => kv.Key, kv => (IReadOnlySet<SectionKind>)kv.Value, StringComparer.OrdinalIgnoreCase),
            Geopolitics = RuleFiles.ReadLines("geopolitics.txt", folder),
            Countries = countries,
            OnlyClaims = only,
        };
    }

    public SectionKind? SectionOf(string label, SectionKind wanted) =>
        Sections.TryGetValue(label.Trim(), out var kinds) && kinds.Contains(wanted) ? wanted : null;
}
