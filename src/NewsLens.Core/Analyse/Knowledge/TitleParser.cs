using System.Collections.Frozen;
using NewsLens.Model;

namespace NewsLens.Analyse.Knowledge;

/// <summary>A word between the country and the title that changes what the title claims ("前国防部长").</summary>
public enum RoleQualifier
{
    None,

    /// <summary>前 / 前任 / 原: the person held it before, not now.</summary>
    Former,

    /// <summary>时任: at the time of the events told, not of the article.</summary>
    AtTheTime,

    /// <summary>代理 / 代: acting.</summary>
    Acting,

    /// <summary>候任 / 准: incoming.</summary>
    Incoming,
}

/// <summary>
/// A title phrase in text: optional country ("美国", "美"), optional qualifier ("前"), the title ("国务卿"),
/// and the person it is given to, before ("普京总统") or after ("国务卿鲁比奥") the title.
/// </summary>
/// <param name="Office">The concrete office the title names, when the country is known or the title belongs to one country.</param>
public sealed record RoleMatch(
    Span Phrase,
    KbEntity? Country,
    Span? CountrySpan,
    RoleQualifier Qualifier,
    string Title,
    Span TitleSpan,
    OfficeKind Kind,
    KbOffice? Office,
    string? PersonText,
    Span? PersonSpan,
    KbEntity? Person);

/// <summary>
/// Finds title phrases ("美国国务卿鲁比奥", "中国国防部长董军", "美防长", "朝外相", "国防委员会副主席金正恩")
/// and resolves them to a KB office and person. Built once per KB; immutable.
/// </summary>
internal sealed class TitleParser
{
    /// <summary>Longest person name tried after a title (transliterations with given names run to ~12 characters).</summary>
    private const int MaxPersonChars = 14;

    /// <summary>Longest country name tried before a title ("大不列颠及北爱尔兰联合王国" is 13).</summary>
    private const int MaxCountryChars = 14;

    private static readonly (string Text, RoleQualifier Qualifier)[] Qualifiers =
    [
        ("前任", RoleQualifier.Former), ("前", RoleQualifier.Former), ("原", RoleQualifier.Former),
        ("时任", RoleQualifier.AtTheTime), ("代理", RoleQualifier.Acting), ("候任", RoleQualifier.Incoming),
        ("现任", RoleQualifier.None), ("新任", RoleQualifier.None),
    ];

    private readonly KnowledgeBase kb;
    private readonly FrozenDictionary<string, (OfficeKind Kind, KbOffice? Office)[]> titles;
    private readonly int maxTitleChars;

    public TitleParser(KnowledgeBase kb)
    {
        this.kb = kb;
        var all = new List<(string Title, OfficeKind Kind, KbOffice? Office)>();
        all.AddRange(kb.GenericTitles.Select(t => (t.Title, t.Kind, (KbOffice?)null)));
        all.AddRange(kb.Offices.SelectMany(o => o.Titles.Select(t => (t, o.Kind, (KbOffice?)o))));
        titles = all.GroupBy(x => x.Title, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.Select(x => (x.Kind, x.Office)).ToArray(), StringComparer.Ordinal);
        maxTitleChars = titles.Count == 0 ? 0 : titles.Keys.Max(k => k.Length);
    }

    /// <summary>Every title phrase in <paramref name="text"/>, left to right, non-overlapping.</summary>
    /// <param name="date">The reference date: picks the office that existed then when a country has several of one kind.</param>
    /// <param name="personSpans">Person mentions found by NER; used when the name after a title is not in the KB.</param>
    public IReadOnlyList<RoleMatch> Parse(string text, DateOnly? date = null, IReadOnlyList<Span>? personSpans = null)
    {
        var found = new List<RoleMatch>();
        var i = 0;
        while (i < text.Length)
        {
            var title = LongestTitle(text, i);
            if (title is null)
            {
                i++;
                continue;
            }
            var match = Build(text, i, title, date, personSpans);
            found.Add(match);
            i = Math.Max(match.TitleSpan.End, match.Phrase.End);
        }
        return found;
    }

    /// <summary>The best title phrase in a short text, e.g. a phrase as a claim; null when there is none.</summary>
    public RoleMatch? ParsePhrase(string phrase, DateOnly? date = null) =>
        Parse(phrase, date).OrderByDescending(m => m.Phrase.Length).FirstOrDefault();

    private string? LongestTitle(string text, int start)
    {
        for (var len = Math.Min(maxTitleChars, text.Length - start); len >= 2; len--)
        {
            var candidate = text.Substring(start, len);
            if (titles.ContainsKey(candidate))
                return candidate;
        }
        return null;
    }

    private RoleMatch Build(string text, int titleStart, string title, DateOnly? date, IReadOnlyList<Span>? personSpans)
    {
        var titleSpan = new Span(titleStart, titleStart + title.Length);
        var (qualifier, qualifierStart) = QualifierBefore(text, titleStart);
        var (country, countrySpan) = CountryBefore(text, qualifierStart);

        var (personText, personSpan, person) = PersonAfter(text, titleSpan.End, personSpans);
        if (personSpan is null && country is null && qualifier == RoleQualifier.None)
            (personText, personSpan, person) = PersonBefore(text, titleStart);

        var candidates = titles[title];
        var countryCode = country?.Country ?? person?.Country;
        var (kind, office) = ResolveOffice(candidates, countryCode, date);
        if (country is null && office?.Country is { } oc && person is null)
            countryCode = oc;

        var phraseStart = Math.Min(countrySpan?.Start ?? qualifierStart, personSpan is { } ps && ps.End <= titleStart ? ps.Start : qualifierStart);
        var phraseEnd = personSpan is { } pe && pe.Start >= titleSpan.End ? pe.End : titleSpan.End;
        return new RoleMatch(new Span(phraseStart, phraseEnd), country, countrySpan, qualifier, title, titleSpan, kind, office, personText, personSpan, person);
    }

    private (OfficeKind Kind, KbOffice? Office) ResolveOffice((OfficeKind Kind, KbOffice? Office)[] candidates, string? country, DateOnly? date)
    {
        var specific = candidates.Where(c => c.Office is not null).Select(c => c.Office!).ToList();
        if (specific.Count > 0)
        {
            var inCountry = country is null ? specific : specific.Where(o => o.Country == country).ToList();
            if (inCountry.Count > 0 && (country is not null || inCountry.Select(o => o.Country).Distinct().Count() == 1))
                return (inCountry[0].Kind, Prefer(inCountry, date));
        }
        foreach (var (kind, _) in candidates.Where(c => c.Office is null))
        {
            if (country is null)
                return (kind, null);
            var offices = kb.OfficesOf(country, kind);
            if (offices.Count > 0)
                return (kind, Prefer(offices, date));
        }
        return (candidates[0].Kind, null);
    }

    /// <summary>Of several offices for one title (a renamed ministry), the one that existed on the date.</summary>
    private static KbOffice Prefer(IReadOnlyList<KbOffice> offices, DateOnly? date) =>
        date is { } d ? offices.FirstOrDefault(o => o.Existence.MayContain(d)) ?? offices[0] : offices[0];

    private static (RoleQualifier, int Start) QualifierBefore(string text, int titleStart)
    {
        foreach (var (word, qualifier) in Qualifiers)
        {
            var s = titleStart - word.Length;
            if (s >= 0 && string.CompareOrdinal(text, s, word, 0, word.Length) == 0)
                return (qualifier, s);
        }
        return (RoleQualifier.None, titleStart);
    }

    private (KbEntity?, Span?) CountryBefore(string text, int end)
    {
        for (var len = Math.Min(MaxCountryChars, end); len >= 2; len--)
        {
            var candidate = text.Substring(end - len, len);
            if (kb.Resolve(candidate, KbEntityKind.Country) is { } country)
                return (country, new Span(end - len, end));
        }
        if (end >= 1)
        {
            var abbreviated = kb.CountriesByAbbreviation(text.Substring(end - 1, 1));
            if (abbreviated.Count == 1)
                return (abbreviated[0], new Span(end - 1, end));
        }
        return (null, null);
    }

    private (string?, Span?, KbEntity?) PersonAfter(string text, int start, IReadOnlyList<Span>? personSpans)
    {
        for (var len = Math.Min(MaxPersonChars, text.Length - start); len >= 2; len--)
        {
            var candidate = text.Substring(start, len);
            if (kb.Resolve(candidate, KbEntityKind.Person) is { } person && person.Kind == KbEntityKind.Person)
                return (candidate, new Span(start, start + len), person);
        }
        if (personSpans?.FirstOrDefault(s => s.Start == start) is { Length: > 0 } ner)
            return (ner.Slice(text), ner, null);
        var transliterated = TransliteratedNameLength(text, start);
        return transliterated > 0 ? (text.Substring(start, transliterated), new Span(start, start + transliterated), null) : (null, null, null);
    }

    private (string?, Span?, KbEntity?) PersonBefore(string text, int end)
    {
        for (var len = Math.Min(MaxPersonChars, end); len >= 2; len--)
        {
            var candidate = text.Substring(end - len, len);
            if (kb.Resolve(candidate, KbEntityKind.Person) is { } person && person.Kind == KbEntityKind.Person)
                return (candidate, new Span(end - len, end), person);
        }
        return (null, null, null);
    }

    /// <summary>"谢尔盖·科罗廖夫": Han runs joined by a middle dot, the usual form of a foreign name in Chinese.</summary>
    internal static int TransliteratedNameLength(string text, int start)
    {
        const int maxPart = 8;
        var i = start;
        var parts = 0;
        while (i < text.Length)
        {
            var partStart = i;
            while (i < text.Length && i - partStart < maxPart && NameKey.IsHan(text[i]) && Transliteration.IsTransliterationChar(text[i]))
                i++;
            if (i == partStart)
                break;
            parts++;
            if (i < text.Length && text[i] is '·' or '•' or '・' or '‧' && i + 1 < text.Length && NameKey.IsHan(text[i + 1]))
            {
                i++;
                continue;
            }
            break;
        }
        return parts >= 2 ? i - start : 0;
    }
}
