using System.Globalization;
using System.Text;
using System.Text.Json;

namespace NewsLens.Analyse.Knowledge;

/// <summary>What an import produced, for the user to review before committing the files.</summary>
internal sealed record WikidataImport(int People, int Terms, int Offices, int Skipped, IReadOnlyList<string> Notes, string EntitiesTsv, string OfficesTsv, string TermsTsv);

/// <summary>
/// Turns Wikidata JSON entities (the <c>Special:EntityData</c> / dump form: an object with "entities", an array,
/// one entity, or one entity per line) into KB rows: people with their labels and citizenship, and their
/// P39 "position held" statements with P580 (start) / P582 (end) qualifiers as terms. Positions map to KB
/// offices by id or English name; unknown positions become new offices. Source kind: wikidata.
/// </summary>
internal sealed class WikidataImporter(KnowledgeBase kb)
{
    /// <summary>Most entities read from one file (a full dump must be filtered first).</summary>
    public const int MaxEntities = 100_000;

    private const int MaxDepth = 64;

    public WikidataImport Import(string json)
    {
        var entities = ReadEntities(json);
        var labels = entities.ToDictionary(e => Id(e) ?? "", e => e, StringComparer.Ordinal);
        var people = new StringBuilder();
        var offices = new StringBuilder();
        var terms = new StringBuilder();
        var notes = new List<string>();
        var newOffices = new Dictionary<string, string>(StringComparer.Ordinal);
        int peopleCount = 0, termCount = 0, skipped = 0;
        foreach (var e in entities)
        {
            var id = Id(e);
            if (id is null || !e.TryGetProperty("claims", out var claims) || !claims.TryGetProperty("P39", out var positions))
                continue;
            var country = Country(claims);
            if (kb.Entity(id) is null)
            {
                var zh = Label(e, "zh-hans", "zh-cn", "zh");
                var en = Label(e, "en");
                if (zh is null && en is null)
                {
                    notes.Add($"{id}: no Chinese or English label, skipped");
                    skipped++;
                    continue;
                }
                people.AppendLine(string.Join('\t', id, "person", country ?? "", Clean(zh ?? en!), Clean(Label(e, "zh-hant", "zh-tw", "zh-hk") ?? ""), Clean(en ?? ""), Clean(Aliases(e)), "", "", "wikidata"));
                peopleCount++;
            }
            foreach (var statement in positions.EnumerateArray())
            {
                var position = ValueId(statement);
                if (position is null)
                    continue;
                var officeId = OfficeFor(position, labels, country, offices, newOffices);
                var start = Qualifier(statement, "P580");
                var end = Qualifier(statement, "P582");
                if (start is { } s && end is { } en2 && s.Earliest > en2.Latest)
                {
                    notes.Add($"{id} {position}: start {s} after end {en2}, skipped");
                    skipped++;
                    continue;
                }
                if (kb.TermsOf(id).Any(t => t.OfficeId == officeId && t.Interval.Start?.ToString() == start?.ToString()))
                    continue;
                terms.AppendLine(string.Join('\t', id, officeId, start?.ToString() ?? "", end?.ToString() ?? "", "wikidata", position));
                termCount++;
            }
        }
        return new WikidataImport(peopleCount, termCount, newOffices.Count(p => p.Key == p.Value), skipped, notes,
            Header(KnowledgeBaseLoader.EntityColumns) + people,
            Header(KnowledgeBaseLoader.OfficeColumns) + offices,
            Header(KnowledgeBaseLoader.TermColumns) + terms);
    }

    private static string Header(string[] columns) => "# Imported from Wikidata JSON by `newslens kb import-wikidata`; review before committing.\n" + string.Join('\t', columns) + "\n";

    private string OfficeFor(string position, Dictionary<string, JsonElement> labels, string? country, StringBuilder offices, Dictionary<string, string> created)
    {
        if (kb.Office(position) is not null)
            return position;
        if (created.TryGetValue(position, out var known))
            return known;
        labels.TryGetValue(position, out var entity);
        var en = entity.ValueKind == JsonValueKind.Object ? Label(entity, "en") : null;
        if (en is not null && kb.Offices.FirstOrDefault(o => string.Equals(o.En, en, StringComparison.OrdinalIgnoreCase)) is { } byName)
        {
            created[position] = byName.Id;
            return byName.Id;
        }
        var zh = entity.ValueKind == JsonValueKind.Object ? Label(entity, "zh-hans", "zh-cn", "zh") : null;
        offices.AppendLine(string.Join('\t', position, country ?? "", "", "other", Clean(zh ?? en ?? position), "", Clean(en ?? position), "", "", "", "", "wikidata"));
        created[position] = position;
        return position;
    }

    private string? Country(JsonElement claims)
    {
        if (!claims.TryGetProperty("P27", out var citizenship))
            return null;
        foreach (var s in citizenship.EnumerateArray())
        {
            if (ValueId(s) is { } q && kb.Entity(q) is { Kind: KbEntityKind.Country } c)
                return c.Country;
        }
        return null;
    }

    private static List<JsonElement> ReadEntities(string json)
    {
        var options = new JsonDocumentOptions { MaxDepth = MaxDepth, AllowTrailingCommas = true };
        var trimmed = json.TrimStart();
        var list = new List<JsonElement>();
        if (trimmed.StartsWith('{') && !trimmed.Contains("}\n{", StringComparison.Ordinal))
        {
            using var doc = JsonDocument.Parse(json, options);
            var root = doc.RootElement.Clone();
            if (root.TryGetProperty("entities", out var entities))
                list.AddRange(entities.EnumerateObject().Select(p => p.Value));
            else
                list.Add(root);
        }
        else if (trimmed.StartsWith('['))
        {
            using var doc = JsonDocument.Parse(json, options);
            list.AddRange(doc.RootElement.Clone().EnumerateArray());
        }
        else
        {
            foreach (var line in json.Split('\n'))
            {
                var l = line.Trim().TrimEnd(',');
                if (l.Length == 0 || l is "[" or "]")
                    continue;
                using var doc = JsonDocument.Parse(l, options);
                list.Add(doc.RootElement.Clone());
            }
        }
        if (list.Count > MaxEntities)
            throw new InvalidDataException($"{list.Count:N0} entities exceed the limit of {MaxEntities:N0}; filter the dump first");
        return list;
    }

    private static string? Id(JsonElement e) => e.ValueKind == JsonValueKind.Object && e.TryGetProperty("id", out var id) ? id.GetString() : null;

    private static string? Label(JsonElement e, params string[] languages)
    {
        if (!e.TryGetProperty("labels", out var labels))
            return null;
        foreach (var lang in languages)
        {
            if (labels.TryGetProperty(lang, out var l) && l.TryGetProperty("value", out var v) && v.GetString() is { Length: > 0 } s)
                return s;
        }
        return null;
    }

    private static string Aliases(JsonElement e)
    {
        if (!e.TryGetProperty("aliases", out var aliases))
            return "";
        var values = new List<string>();
        foreach (var lang in new[] { "zh", "zh-hans", "zh-hant", "en" })
        {
            if (aliases.TryGetProperty(lang, out var list))
                values.AddRange(list.EnumerateArray().Select(a => a.TryGetProperty("value", out var v) ? v.GetString() ?? "" : "").Where(v => v.Length > 0));
        }
        return string.Join('|', values.Select(v => v.Replace("|", " ", StringComparison.Ordinal)).Distinct(StringComparer.Ordinal));
    }

    private static string? ValueId(JsonElement statement) =>
        statement.TryGetProperty("mainsnak", out var snak) && snak.TryGetProperty("datavalue", out var dv) && dv.TryGetProperty("value", out var v)
        && v.ValueKind == JsonValueKind.Object && v.TryGetProperty("id", out var id) ? id.GetString() : null;

    /// <summary>A P580/P582 time at its precision (11 day, 10 month, 9 year); coarser or unknown values are left open.</summary>
    private static KbDate? Qualifier(JsonElement statement, string property)
    {
        if (!statement.TryGetProperty("qualifiers", out var q) || !q.TryGetProperty(property, out var list))
            return null;
        foreach (var snak in list.EnumerateArray())
        {
            if (!snak.TryGetProperty("datavalue", out var dv) || !dv.TryGetProperty("value", out var v) || !v.TryGetProperty("time", out var t))
                continue;
            var precision = v.TryGetProperty("precision", out var p) ? p.GetInt32() : 11;
            var time = t.GetString() ?? "";
            if (time.Length < 11 || time[0] != '+')
                continue;
            var y = int.Parse(time.AsSpan(1, 4), CultureInfo.InvariantCulture);
            var m = int.Parse(time.AsSpan(6, 2), CultureInfo.InvariantCulture);
            var d = int.Parse(time.AsSpan(9, 2), CultureInfo.InvariantCulture);
            return precision switch
            {
                >= 11 when m > 0 && d > 0 => new KbDate(y, m, d),
                10 or >= 11 when m > 0 => new KbDate(y, m, null),
                9 or >= 10 => new KbDate(y, null, null),
                _ => null,
            };
        }
        return null;
    }

    private static string Clean(string s) => s.Replace('\t', ' ').Replace('\n', ' ').Replace('\r', ' ').Trim();
}
