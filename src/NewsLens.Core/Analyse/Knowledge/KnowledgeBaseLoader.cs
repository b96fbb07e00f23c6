using System.Text.RegularExpressions;

namespace NewsLens.Analyse.Knowledge;

/// <summary>
/// Reads every <c>*.tsv</c> under the KB folder (recursively, in ordinal path order), recognises each table by
/// its header, validates every line and builds the immutable <see cref="KnowledgeBase"/>. Any malformed line
/// makes the whole load fail with every file:line and reason, so a user's edit can never be half-applied.
/// </summary>
internal sealed partial class KnowledgeBaseLoader
{
    /// <summary>More files than this under kb/ is a misconfigured folder, not a knowledge base.</summary>
    public const int MaxFiles = 1000;

    internal static readonly string[] CountryColumns = ["id", "iso3", "zh", "zh_hant", "en", "aliases", "abbr", "capital_zh", "capital_zh_hant", "capital_en", "capital_aliases", "start", "end", "source"];
    internal static readonly string[] EntityColumns = ["id", "type", "country", "zh", "zh_hant", "en", "aliases", "start", "end", "source"];
    internal static readonly string[] OfficeColumns = ["id", "country", "body", "kind", "zh", "zh_hant", "en", "titles", "start", "end", "complete_from", "source"];
    internal static readonly string[] TitleColumns = ["kind", "titles", "source"];
    internal static readonly string[] TermColumns = ["person", "office", "start", "end", "source", "note"];
    internal static readonly string[] SetColumns = ["id", "zh", "zh_hant", "en", "aliases", "members", "source"];

    /// <summary>The kinds of public source a fact may cite (the source column).</summary>
    internal static readonly HashSet<string> SourceKinds = new(StringComparer.Ordinal)
    {
        "official", "encyclopedia", "news", "iso-3166", "wikidata", "treaty", "un-membership",
    };

    private readonly List<KbError> errors = [];
    private readonly List<KbEntity> entities = [];
    private readonly List<KbOffice> offices = [];
    private readonly List<KbTerm> terms = [];
    private readonly List<KbSet> sets = [];
    private readonly List<(OfficeKind Kind, string Title)> titles = [];

    [GeneratedRegex(@"^(Q[1-9][0-9]*|nl:[A-Za-z0-9][A-Za-z0-9._/\-]*)$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^[A-Z]{3}$", RegexOptions.CultureInvariant)]
    private static partial Regex Iso3Pattern();

    public static KnowledgeBase LoadDirectory(string dir)
    {
        if (!Directory.Exists(dir))
            throw new KnowledgeBaseException($"knowledge base folder not found: {dir}");
        var files = Directory.EnumerateFiles(dir, "*.tsv", SearchOption.AllDirectories)
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToList();
        if (files.Count > MaxFiles)
            throw new KnowledgeBaseException($"{dir} holds {files.Count} .tsv files, more than the limit of {MaxFiles}");
        var loader = new KnowledgeBaseLoader();
        foreach (var file in files)
        {
            var info = new FileInfo(file);
            var name = Path.GetRelativePath(dir, file).Replace('\\', '/');
            if (info.Length > KbTsv.MaxFileChars * 2L)
            {
                loader.errors.Add(new KbError(name, 0, $"file of {info.Length:N0} bytes exceeds the limit"));
                continue;
            }
            loader.Add(name, File.ReadAllText(file));
        }
        return loader.Build();
    }

    /// <summary>Loads tables given as (file name, text), for tests and tools.</summary>
    public static KnowledgeBase LoadTexts(IEnumerable<(string File, string Text)> tables)
    {
        var loader = new KnowledgeBaseLoader();
        foreach (var (file, text) in tables)
            loader.Add(file, text);
        return loader.Build();
    }

    private void Add(string file, string text)
    {
        if (text.Length > KbTsv.MaxFileChars)
        {
            errors.Add(new KbError(file, 0, $"file of {text.Length:N0} characters exceeds the limit of {KbTsv.MaxFileChars:N0}"));
            return;
        }
        var (header, headerLine, rows) = KbTsv.Read(file, text, errors);
        if (header.Length == 0)
            return; // an empty or comment-only file is allowed (a user's placeholder)
        if (header.SequenceEqual(CountryColumns))
            rows.ForEach(AddCountry);
        else if (header.SequenceEqual(EntityColumns))
            rows.ForEach(AddEntity);
        else if (header.SequenceEqual(OfficeColumns))
            rows.ForEach(AddOffice);
        else if (header.SequenceEqual(TitleColumns))
            rows.ForEach(AddTitles);
        else if (header.SequenceEqual(TermColumns))
            rows.ForEach(AddTerm);
        else if (header.SequenceEqual(SetColumns))
            rows.ForEach(AddSet);
        else
            errors.Add(new KbError(file, headerLine, $"unknown table header '{string.Join("\\t", header)}'; expected one of: countries ({string.Join(",", CountryColumns)}), entities ({string.Join(",", EntityColumns)}), offices, titles, terms, sets"));
    }

    private KbProvenance Provenance(KbRow row)
    {
        var kind = row["source"];
        if (kind.Length == 0)
            errors.Add(new KbError(row.File, row.Line, "the source column is empty: every fact names the kind of source behind it"));
        else if (!SourceKinds.Contains(kind))
            errors.Add(new KbError(row.File, row.Line, $"unknown source kind '{kind}'; use one of {string.Join(", ", SourceKinds.Order(StringComparer.Ordinal))}"));
        return new KbProvenance(row.File, row.Line, kind);
    }

    private string Id(KbRow row, string column = "id")
    {
        var id = row[column];
        if (!IdPattern().IsMatch(id))
            errors.Add(new KbError(row.File, row.Line, $"'{id}' is not a KB id (a Wikidata QID like Q7747, or a local id like nl:RUS.defence-minister)"));
        return id;
    }

    private string Name(KbRow row, string column)
    {
        var name = row[column];
        if (name.Length == 0)
            errors.Add(new KbError(row.File, row.Line, $"column '{column}' is empty: every entry needs a name"));
        return name;
    }

    private void AddCountry(KbRow row)
    {
        var id = Id(row);
        var iso3 = row["iso3"];
        if (!Iso3Pattern().IsMatch(iso3))
            errors.Add(new KbError(row.File, row.Line, $"'{iso3}' is not an ISO 3166-1 alpha-3 code"));
        var source = Provenance(row);
        var interval = KbTsv.Interval(row, errors);
        string? capitalId = null;
        if (row.Optional("capital_zh") is { } capitalZh)
        {
            capitalId = $"nl:{iso3}.capital";
            entities.Add(new KbEntity(capitalId, KbEntityKind.Place, iso3, capitalZh, row.Optional("capital_zh_hant"), row.Optional("capital_en"),
                KbTsv.List(row, "capital_aliases", errors), [], new KbInterval(null, null), null, source));
        }
        entities.Add(new KbEntity(id, KbEntityKind.Country, iso3, Name(row, "zh"), row.Optional("zh_hant"), row.Optional("en"),
            KbTsv.List(row, "aliases", errors), KbTsv.List(row, "abbr", errors), interval, capitalId, source));
    }

    private void AddEntity(KbRow row)
    {
        var id = Id(row);
        var kind = row["type"] switch
        {
            "person" => KbEntityKind.Person,
            "org" => KbEntityKind.Organization,
            "place" => KbEntityKind.Place,
            var other => Invalid(row, $"type '{other}' is not one of person, org, place"),
        };
        entities.Add(new KbEntity(id, kind, row.Optional("country"), Name(row, "zh"), row.Optional("zh_hant"), row.Optional("en"),
            KbTsv.List(row, "aliases", errors), [], KbTsv.Interval(row, errors), null, Provenance(row)));
    }

    private KbEntityKind Invalid(KbRow row, string reason)
    {
        errors.Add(new KbError(row.File, row.Line, reason));
        return KbEntityKind.Organization;
    }

    private OfficeKind Kind(KbRow row)
    {
        var cell = row["kind"];
        var name = cell.Replace("_", "", StringComparison.Ordinal);
        if (Enum.TryParse<OfficeKind>(name, ignoreCase: true, out var kind) && !int.TryParse(cell, out _))
            return kind;
        errors.Add(new KbError(row.File, row.Line, $"office kind '{cell}' is unknown; use one of {string.Join(", ", Enum.GetNames<OfficeKind>())} (snake_case accepted)"));
        return OfficeKind.Other;
    }

    private void AddOffice(KbRow row)
    {
        var id = Id(row);
        offices.Add(new KbOffice(id, row.Optional("country"), row.Optional("body"), Kind(row), Name(row, "zh"), row.Optional("zh_hant"), Name(row, "en"),
            KbTsv.List(row, "titles", errors), KbTsv.Interval(row, errors), KbTsv.Date(row, "complete_from", errors), Provenance(row)));
    }

    private void AddTitles(KbRow row)
    {
        var kind = Kind(row);
        _ = Provenance(row);
        var list = KbTsv.List(row, "titles", errors);
        if (list.Count == 0)
            errors.Add(new KbError(row.File, row.Line, "column 'titles' is empty"));
        foreach (var t in list)
            titles.Add((kind, t));
    }

    private void AddTerm(KbRow row)
    {
        var person = Id(row, "person");
        var office = Id(row, "office");
        terms.Add(new KbTerm(person, office, KbTsv.Interval(row, errors), row.Optional("note"), Provenance(row)));
    }

    private void AddSet(KbRow row)
    {
        var id = Id(row);
        var members = KbTsv.List(row, "members", errors);
        if (members.Count == 0)
            errors.Add(new KbError(row.File, row.Line, "a set needs at least one member"));
        sets.Add(new KbSet(id, Name(row, "zh"), row.Optional("zh_hant"), Name(row, "en"), KbTsv.List(row, "aliases", errors), members, Provenance(row)));
    }

    /// <summary>Cross-table checks: unique ids, references that resolve, terms inside their office's life.</summary>
    private KnowledgeBase Build()
    {
        var seen = new Dictionary<string, KbProvenance>(StringComparer.Ordinal);
        void Unique(string id, KbProvenance at)
        {
            if (!seen.TryAdd(id, at))
                errors.Add(new KbError(at.File, at.Line, $"id '{id}' is already used at {seen[id].File}:{seen[id].Line}"));
        }
        foreach (var e in entities)
            Unique(e.Id, e.Source);
        foreach (var o in offices)
            Unique(o.Id, o.Source);
        foreach (var s in sets)
            Unique(s.Id, s.Source);

        var byId = entities.GroupBy(e => e.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var officeById = offices.GroupBy(o => o.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var isoCodes = entities.Where(e => e.Kind == KbEntityKind.Country && e.Country is not null).Select(e => e.Country!).ToHashSet(StringComparer.Ordinal);

        foreach (var e in entities.Where(e => e.Kind != KbEntityKind.Country && e.Country is not null && !isoCodes.Contains(e.Country)))
            errors.Add(new KbError(e.Source.File, e.Source.Line, $"country '{e.Country}' is not in any countries table"));
        foreach (var o in offices)
        {
            if (o.Country is { } c && !isoCodes.Contains(c))
                errors.Add(new KbError(o.Source.File, o.Source.Line, $"country '{c}' is not in any countries table"));
            if (o.Body is { } b && !byId.ContainsKey(b))
                errors.Add(new KbError(o.Source.File, o.Source.Line, $"body '{b}' is not a KB entity"));
        }
        foreach (var t in terms)
        {
            if (!byId.TryGetValue(t.PersonId, out var person))
                errors.Add(new KbError(t.Source.File, t.Source.Line, $"person '{t.PersonId}' is not a KB entity"));
            else if (person.Kind != KbEntityKind.Person)
                errors.Add(new KbError(t.Source.File, t.Source.Line, $"'{t.PersonId}' ({person.Zh}) is a {person.Kind}, not a person"));
            if (!officeById.TryGetValue(t.OfficeId, out var office))
                errors.Add(new KbError(t.Source.File, t.Source.Line, $"office '{t.OfficeId}' is not in any offices table"));
            else if (t.Interval.Start is { } s && office.Existence.End is { } end && s.Earliest > end.Latest)
                errors.Add(new KbError(t.Source.File, t.Source.Line, $"term starts {s}, after the office '{office.Id}' ended {end}"));
        }
        foreach (var s in sets)
        {
            foreach (var m in s.Members.Where(m => !byId.ContainsKey(m)))
                errors.Add(new KbError(s.Source.File, s.Source.Line, $"set member '{m}' is not a KB entity"));
        }
        if (errors.Count > 0)
            throw new KnowledgeBaseException(errors);
        return new KnowledgeBase(entities, offices, terms, sets, titles);
    }
}
