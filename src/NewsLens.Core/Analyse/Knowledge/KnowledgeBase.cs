using System.Collections.Frozen;

namespace NewsLens.Analyse.Knowledge;

/// <summary>
/// The loaded knowledge base: an immutable, thread-safe index over entities, offices, terms and named sets.
/// Load once (<see cref="Load"/>) and share; every query is a read.
/// </summary>
internal sealed class KnowledgeBase
{
    private readonly FrozenDictionary<string, KbEntity> entityById;
    private readonly FrozenDictionary<string, KbOffice> officeById;
    private readonly FrozenDictionary<string, KbSet> setById;
    private readonly FrozenDictionary<string, KbEntity[]> entitiesByName;
    private readonly FrozenDictionary<string, KbSet[]> setsByName;
    private readonly FrozenDictionary<string, KbTerm[]> termsByPerson;
    private readonly FrozenDictionary<string, KbTerm[]> termsByOffice;
    private readonly FrozenDictionary<string, KbEntity> countryByIso;
    private readonly FrozenDictionary<string, KbEntity[]> countriesByAbbreviation;

    internal KnowledgeBase(List<KbEntity> entities, List<KbOffice> offices, List<KbTerm> terms, List<KbSet> sets, List<(OfficeKind Kind, string Title)> genericTitles)
    {
        Entities = [.. entities];
        Offices = [.. offices];
        Terms = [.. terms];
        Sets = [.. sets];
        GenericTitles = [.. genericTitles];
        entityById = entities.ToFrozenDictionary(e => e.Id, StringComparer.Ordinal);
        officeById = offices.ToFrozenDictionary(o => o.Id, StringComparer.Ordinal);
        setById = sets.ToFrozenDictionary(s => s.Id, StringComparer.Ordinal);
        entitiesByName = entities
            .SelectMany(e => NameKeys(e).Select(k => (Key: k, Entity: e)))
            .GroupBy(x => x.Key, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.Select(x => x.Entity).DistinctBy(e => e.Id).OrderBy(e => KindRank(e.Kind)).ToArray(), StringComparer.Ordinal);
        setsByName = sets
            .SelectMany(s => new[] { s.Zh, s.ZhHant, s.En }.Concat(s.Aliases).OfType<string>().Where(n => n.Length > 0).Select(n => (Key: NameKey.Of(n), Set: s)))
            .GroupBy(x => x.Key, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.Select(x => x.Set).DistinctBy(s => s.Id).ToArray(), StringComparer.Ordinal);
        termsByPerson = terms.GroupBy(t => t.PersonId, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.OrderBy(t => t.Interval.Start?.Earliest ?? DateOnly.MinValue).ToArray(), StringComparer.Ordinal);
        termsByOffice = terms.GroupBy(t => t.OfficeId, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.OrderBy(t => t.Interval.Start?.Earliest ?? DateOnly.MinValue).ToArray(), StringComparer.Ordinal);
        countryByIso = entities.Where(e => e.Kind == KbEntityKind.Country && e.Country is not null)
            .ToFrozenDictionary(e => e.Country!, StringComparer.Ordinal);
        countriesByAbbreviation = entities.Where(e => e.Kind == KbEntityKind.Country)
            .SelectMany(e => e.Abbreviations.Select(a => (Abbr: a, Country: e)))
            .GroupBy(x => x.Abbr, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.Select(x => x.Country).ToArray(), StringComparer.Ordinal);
        Titles = new TitleParser(this);
    }

    /// <summary>Loads every table under <paramref name="dir"/>; a malformed line throws <see cref="KnowledgeBaseException"/> with file:line.</summary>
    public static KnowledgeBase Load(string dir) => KnowledgeBaseLoader.LoadDirectory(dir);

    public IReadOnlyList<KbEntity> Entities { get; }

    public IReadOnlyList<KbOffice> Offices { get; }

    public IReadOnlyList<KbTerm> Terms { get; }

    public IReadOnlyList<KbSet> Sets { get; }

    /// <summary>Titles that mean the same kind of office in any country ("外长", "国防部长").</summary>
    public IReadOnlyList<(OfficeKind Kind, string Title)> GenericTitles { get; }

    /// <summary>The role-phrase parser over this KB ("美国国务卿鲁比奥", "朝外相").</summary>
    public TitleParser Titles { get; }

    /// <summary>Every lookup key (normalised name) with its entities, for building gazetteers.</summary>
    public IEnumerable<KeyValuePair<string, KbEntity[]>> NameIndex => entitiesByName;

    public KbEntity? Entity(string id) => entityById.GetValueOrDefault(id);

    public KbOffice? Office(string id) => officeById.GetValueOrDefault(id);

    public KbSet? Set(string id) => setById.GetValueOrDefault(id);

    /// <summary>Entities whose simplified, traditional, English name or alias equals <paramref name="name"/> (normalised); countries first, then people, organisations, places.</summary>
    public IReadOnlyList<KbEntity> Lookup(string name) =>
        entitiesByName.TryGetValue(NameKey.Of(name), out var found) ? found : [];

    /// <summary>The single best entity for a name, optionally of one kind; null when none.</summary>
    public KbEntity? Resolve(string name, KbEntityKind? kind = null)
    {
        var found = Lookup(name);
        return kind is { } k ? found.FirstOrDefault(e => e.Kind == k) : found.FirstOrDefault();
    }

    public KbEntity? CountryByIso3(string iso3) => countryByIso.GetValueOrDefault(iso3);

    /// <summary>Countries a one-character abbreviation may stand for ("美" → USA); several when ambiguous.</summary>
    public IReadOnlyList<KbEntity> CountriesByAbbreviation(string abbreviation) =>
        countriesByAbbreviation.TryGetValue(abbreviation, out var found) ? found : [];

    /// <summary>Named sets by name or alias ("拥核国家", "nuclear-armed states").</summary>
    public IReadOnlyList<KbSet> LookupSets(string name) =>
        setsByName.TryGetValue(NameKey.Of(name), out var found) ? found : [];

    public IReadOnlyList<KbTerm> TermsOf(string personId) => termsByPerson.TryGetValue(personId, out var t) ? t : [];

    public IReadOnlyList<KbTerm> TermsIn(string officeId) => termsByOffice.TryGetValue(officeId, out var t) ? t : [];

    /// <summary>Offices the person may have held on the date (a term whose edges are imprecise on that date counts).</summary>
    public IReadOnlyList<KbTerm> OfficesHeldOn(string personId, DateOnly date) =>
        [.. TermsOf(personId).Where(t => t.Interval.MayContain(date))];

    /// <summary>Who may have held the office on the date.</summary>
    public IReadOnlyList<KbTerm> HoldersOn(string officeId, DateOnly date) =>
        [.. TermsIn(officeId).Where(t => t.Interval.MayContain(date))];

    /// <summary>The offices of a country (or of none) of one kind, e.g. (RUS, DefenceMinister).</summary>
    public IReadOnlyList<KbOffice> OfficesOf(string? country, OfficeKind kind) =>
        [.. Offices.Where(o => o.Kind == kind && string.Equals(o.Country, country, StringComparison.Ordinal))];

    /// <summary>Whether an entity or office (by id) existed on the date; Uncertain when the id is unknown or the date sits on an imprecise edge.</summary>
    public ExistenceOnDate ExistsOn(string id, DateOnly date)
    {
        KbInterval? interval = entityById.TryGetValue(id, out var e) ? e.Existence
            : officeById.TryGetValue(id, out var o) ? o.Existence : null;
        return interval?.Locate(date) switch
        {
            IntervalPosition.Inside => ExistenceOnDate.Existed,
            IntervalPosition.Before => ExistenceOnDate.NotYet,
            IntervalPosition.After => ExistenceOnDate.Ended,
            _ => ExistenceOnDate.Uncertain,
        };
    }

    /// <summary>Checks that the person held the office on the date; see <see cref="RoleChecker"/>.</summary>
    public RoleVerdict CheckRole(string? personId, string? officeId, DateOnly? date) => RoleChecker.Check(this, personId, officeId, date);

    private static IEnumerable<string> NameKeys(KbEntity e)
    {
        foreach (var n in e.Names())
        {
            var key = NameKey.Of(n.Text);
            if (key.Length > 0)
                yield return key;
        }
        if (e.Kind != KbEntityKind.Person)
            yield break;
        // Transliterated foreign names are usually written with the surname alone ("谢尔盖·绍伊古" → "绍伊古").
        foreach (var zh in new[] { e.Zh, e.ZhHant }.OfType<string>())
        {
            var dot = zh.LastIndexOfAny(['·', '•', '・', '‧']);
            if (dot > 0 && zh.Length - dot - 1 >= MinSurnameChars)
                yield return NameKey.Of(zh[(dot + 1)..]);
        }
    }

    /// <summary>A one-character surname alone is far too ambiguous to stand for a person.</summary>
    private const int MinSurnameChars = 2;

    private static int KindRank(KbEntityKind kind) => kind switch
    {
        KbEntityKind.Country => 0,
        KbEntityKind.Person => 1,
        KbEntityKind.Organization => 2,
        _ => 3,
    };
}
