using System.Text;
using System.Text.RegularExpressions;
using NewsLens.Assess.Rules;
using NewsLens.Model;

namespace NewsLens.Assess.Detectors;

/// <summary>
/// kb.country_pair: the pair of countries an article is about, confused in its headings or wrap-up
/// ("中俄关系" headings and "此次访问…深化中俄关系" in a report on a Russian delegation in Pyongyang).
/// The title fixes the pair; a pair abbreviation that swaps one of them for a third country, tied to the
/// article's own event ("此次访问", "双方") or used in headings, and more often than the right pair, is flagged.
/// </summary>
internal sealed partial class CountryPairDetector : IFlagDetector
{
    public const string Code = "kb.country_pair";

    /// <summary>A swapped pair mentioned once can be an aside; this many mentions make it the article's framing.</summary>
    private const int MinWrongPairMentions = 3;

    /// <summary>Of those, this many must be in headings or tie the pair to the article's own event (此次/本次/双方).</summary>
    private const int MinAnchoredMentions = 2;

    /// <summary>How far around a pair mention an event anchor (此次访问, 双方) is looked for, in characters.</summary>
    private const int AnchorWindow = 40;

    private readonly IReadOnlyList<CountryEntry> countries;
    private readonly Regex pairPattern;

    public CountryPairDetector(IReadOnlyList<CountryEntry> countries)
    {
        this.countries = countries;
        pairPattern = PairPattern(countries);
    }

    public string Family => "kb";

    public IEnumerable<Flag> Detect(AssessContext context)
    {
        if (context.Title is not { } title)
            yield break;
        var titleCountries = CountriesIn(title.Text, countries);
        if (titleCountries.Count != 2 || !BodyIsAbout(context, titleCountries))
            yield break;

        var mentions = new List<(string A, string B, TextUnit Unit, int Index, bool Anchored)>();
        foreach (var u in context.Body)
        {
            foreach (Match m in pairPattern.Matches(u.Text))
            {
                var a = countries.First(c => c.Abbreviation == m.Value[0]).Iso3;
                var b = countries.First(c => c.Abbreviation == m.Value[1]).Iso3;
                if (a == b || !PairContext().IsMatch(u.Text[(m.Index + 2)..]))
                    continue;
                var lo = Math.Max(0, m.Index - AnchorWindow);
                var hi = Math.Min(u.Text.Length, m.Index + 2 + AnchorWindow);
                var anchored = u.Kind == UnitKind.Heading || EventAnchor().IsMatch(u.Text[lo..hi]);
                mentions.Add((a, b, u, m.Index, anchored));
            }
        }
        var right = mentions.Count(x => titleCountries.Contains(x.A) && titleCountries.Contains(x.B));
        var wrong = mentions.Where(x => (titleCountries.Contains(x.A) ^ titleCountries.Contains(x.B))).ToList();
        foreach (var g in wrong.GroupBy(x => string.Join("-", new[] { x.A, x.B }.Order(StringComparer.Ordinal))))
        {
            var list = g.ToList();
            var anchored = list.Count(x => x.Anchored);
            if (list.Count < MinWrongPairMentions || anchored < MinAnchoredMentions || list.Count <= right)
                continue;
            var intruder = titleCountries.Contains(list[0].A) ? list[0].B : list[0].A;
            var pair = list[0].Unit.Text.Substring(list[0].Index, 2);
            var titlePair = string.Join("", titleCountries.Select(c => countries.First(x => x.Iso3 == c).Abbreviation));
            var evidence = new List<Evidence> { title.ToEvidence() };
            evidence.AddRange(list.OrderByDescending(x => x.Anchored).Select(x => x.Unit.Part(x.Index, x.Index + 2)));
            var facts = titleCountries.Select(c => new KbFact("title", "names country", c, null, null, "article title"))
                .Append(new KbFact("body", "pair mentioned", $"{pair} ({list.Count}×, {right}× {titlePair})", null, null, "article text"))
                .ToArray();
            // With the right pair never written, the confusion is plain; otherwise a careful reader may see an aside.
            var severity = right == 0 ? Severity.High : Severity.Medium;
            yield return FlagMaker.Make(Code, severity, evidence,
                $"标题讲的是{Names(titleCountries, countries)}之间的事，正文和小标题却{list.Count}次写成“{pair}”（{Name(intruder, countries)}并非当事方），国家关系被张冠李戴。",
                $"The title is about {string.Join(" and ", titleCountries)}, but headings and text say \"{pair}\" {list.Count} times ({intruder} is not a party to the event): the country pair is confused.",
                facts);
        }
    }

    /// <summary>The title's two countries are the body's two most-named countries (by full name): the title pair is the story's pair.</summary>
    private bool BodyIsAbout(AssessContext context, IReadOnlyList<string> titleCountries)
    {
        var counts = countries.ToDictionary(c => c.Iso3, _ => 0, StringComparer.Ordinal);
        foreach (var u in context.Body)
        {
            foreach (var c in countries)
            {
                foreach (var n in c.Names)
                {
                    var i = 0;
                    while ((i = u.Text.IndexOf(n, i, StringComparison.Ordinal)) >= 0)
                    {
                        counts[c.Iso3]++;
                        i += n.Length;
                    }
                }
            }
        }
        var top = counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Take(2).Where(kv => kv.Value > 0).Select(kv => kv.Key);
        return top.Order(StringComparer.Ordinal).SequenceEqual(titleCountries.Order(StringComparer.Ordinal));
    }

    /// <summary>Countries named in a text by full name, capital or abbreviation inside a title-like compound (俄副防长).</summary>
    internal static IReadOnlyList<string> CountriesIn(string text, IReadOnlyList<CountryEntry> countries)
    {
        var found = new List<(int At, string Iso)>();
        foreach (var c in countries)
        {
            var at = c.Names.Select(n => text.IndexOf(n, StringComparison.Ordinal)).Where(i => i >= 0).DefaultIfEmpty(-1).Min();
            if (at < 0)
            {
                // An abbreviation only counts in an office compound ("俄副防长", "朝外相", "美防长").
                var m = Regex.Match(text, Regex.Escape(c.Abbreviation.ToString()) + "(?:副)?(?:防长|外长|外相|总统|总理|国防部|外交部|军|方|媒)");
                at = m.Success ? m.Index : -1;
            }
            if (at >= 0)
                found.Add((at, c.Iso3));
        }
        return found.OrderBy(f => f.At).Select(f => f.Iso).ToArray();
    }

    private static string Names(IReadOnlyList<string> isos, IReadOnlyList<CountryEntry> countries) =>
        string.Join("与", isos.Select(i => Name(i, countries)));

    private static string Name(string iso, IReadOnlyList<CountryEntry> countries) =>
        countries.FirstOrDefault(c => c.Iso3 == iso)?.Names.FirstOrDefault() ?? iso;

    private static Regex PairPattern(IReadOnlyList<CountryEntry> countries)
    {
        var chars = new StringBuilder();
        foreach (var c in countries)
            chars.Append(Regex.Escape(c.Abbreviation.ToString()));
        // Two abbreviations not inside a longer name: 朝中社 (KCNA), 中美洲, 中东, 中英文 are excluded by PairContext.
        return new Regex($"(?<![{chars}])[{chars}]{{2}}(?![{chars}])", RegexOptions.CultureInvariant, Rules.AssessRules.RegexBudget);
    }

    /// <summary>What follows a real pair abbreviation: 关系, 两国, 合作, 双方, 在…, 之间, 联合, 元首…</summary>
    [GeneratedRegex(@"^(?:关系|两国|双方|双边|合作|战略|元首|领导人|外长|防长|友好|建交|边境|联合|之间|间|在|的|军事|外交|经贸|贸易|三国|等国|会谈|会晤|峰会|协议|条约|同盟|伙伴)")]
    private static partial Regex PairContext();

    /// <summary>Words that tie a sentence to the article's own event.</summary>
    [GeneratedRegex(@"此次|本次|这次|此行|此访|双方|两国")]
    private static partial Regex EventAnchor();
}
