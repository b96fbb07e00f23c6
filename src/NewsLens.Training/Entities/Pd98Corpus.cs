using System.Text;
using NewsLens.Training.Segmentation;

namespace NewsLens.Training.Entities;

/// <summary>
/// Reads People's Daily January 1998 with PKU part-of-speech tags (<c>19980101-01-001-001/m 中共中央/nt
/// 总书记/n 江/nr 泽民/nr</c>; compounds bracketed as <c>[中国/ns 人民/n 银行/n]nt</c>) as entity-annotated
/// sentences in the MSRA convention: a bracketed compound tagged nt is one organisation and ns one place
/// (nothing inside it is a separate entity, as MSRA does not nest), a lone nt / ns token is one
/// organisation / place, and a run of nr tokens (surname and given name are separate tokens) is one person.
/// Tokens inside other brackets (nz, idioms) keep their own tags.
/// </summary>
internal static class Pd98Corpus
{
    public static IEnumerable<NerSentence> Read(string path, ShingleFilter? exclude = null)
    {
        foreach (var line in SegmentedCorpus.ReadLines(path))
        {
            if (line.Length > SegmentedCorpus.MaxLineLength)
                continue;
            var sentence = ParseLine(line);
            if (sentence.Text.Length > 0 && (exclude is null || !exclude.Overlaps(sentence.Text)))
                yield return sentence;
        }
    }

    public static NerSentence ParseLine(string line)
    {
        var text = new StringBuilder();
        var tokens = new List<(int Start, int Length)>();
        var entities = new List<(int Start, int Length, string Type)>();
        var parts = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        var bracketStart = -1;
        var bracketEntities = 0;
        var personStart = -1;
        for (var p = 0; p < parts.Length; p++)
        {
            var token = parts[p];
            var opens = token.StartsWith('[') && token.Length > 1;
            if (opens)
                token = token[1..];
            string? bracketTag = null;
            var close = token.LastIndexOf(']');
            if (close > 0 && close < token.Length - 1)
            {
                bracketTag = token[(close + 1)..];
                token = token[..close];
            }
            var slash = token.LastIndexOf('/');
            var word = slash > 0 ? token[..slash] : token;
            var tag = slash > 0 ? token[(slash + 1)..] : "";
            if (p == 0 && tag == "m" && word.Length > 10 && word[0] is >= '0' and <= '9' && word.Contains('-', StringComparison.Ordinal))
                continue; // the line id, 19980101-01-001-001/m
            if (tag != "nr" && personStart >= 0)
            {
                entities.Add((personStart, text.Length - personStart, "PER"));
                personStart = -1;
            }
            if (opens)
            {
                bracketStart = text.Length;
                bracketEntities = entities.Count;
            }
            var start = text.Length;
            tokens.Add((start, word.Length));
            text.Append(word);
            switch (tag)
            {
                case "nr" when personStart < 0:
                    personStart = start;
                    break;
                case "ns":
                    entities.Add((start, word.Length, "LOC"));
                    break;
                case "nt":
                    entities.Add((start, word.Length, "ORG"));
                    break;
            }
            if (bracketTag is not null && bracketStart >= 0)
            {
                var type = bracketTag switch { "nt" => "ORG", "ns" => "LOC", _ => null };
                if (type is not null)
                {
                    if (personStart >= 0)
                    {
                        entities.Add((personStart, text.Length - personStart, "PER"));
                        personStart = -1;
                    }
                    entities.RemoveRange(bracketEntities, entities.Count - bracketEntities);
                    entities.Add((bracketStart, text.Length - bracketStart, type));
                }
                bracketStart = -1;
            }
        }
        if (personStart >= 0)
            entities.Add((personStart, text.Length - personStart, "PER"));
        return new NerSentence(text.ToString(), tokens, entities);
    }
}

/// <summary>
/// Decontamination: a sentence overlaps the excluded texts (test sets) when it shares a run of
/// <see cref="Width"/> characters with one of their lines. 20 characters are far longer than any common
/// phrase, so only copied text matches (55 of the 2,823 MSRA test lines of 25+ characters share one with PD98).
/// </summary>
internal sealed class ShingleFilter
{
    public const int Width = 20;

    private readonly HashSet<string> shingles = new(StringComparer.Ordinal);

    public ShingleFilter(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            foreach (var line in SegmentedCorpus.ReadLines(path))
            {
                var text = PlainText(line);
                for (var i = 0; i + Width <= text.Length; i++)
                    shingles.Add(text.Substring(i, Width));
            }
        }
    }

    public int Count => shingles.Count;

    public bool Overlaps(string text)
    {
        if (shingles.Count == 0)
            return false;
        for (var i = 0; i + Width <= text.Length; i++)
            if (shingles.Contains(text.Substring(i, Width)))
                return true;
        return false;
    }

    /// <summary>A line's characters without spaces and without "/tag" suffixes (raw, segmented or word/tag files alike).</summary>
    private static string PlainText(string line)
    {
        var text = new StringBuilder(line.Length);
        foreach (var token in line.Split([' ', '\t', '\u3000'], StringSplitOptions.RemoveEmptyEntries))
        {
            var t = token.TrimStart('[', '\uFEFF');
            var slash = t.LastIndexOf('/');
            if (slash > 0 && slash < t.Length - 1 && t[(slash + 1)..].All(c => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or ']'))
                t = t[..slash];
            text.Append(t);
        }
        return text.ToString();
    }
}

/// <summary>Names per entity type from the knowledge base tables (kb/people.tsv, countries.tsv, organizations.tsv).</summary>
internal static class KbNames
{
    public static Dictionary<string, List<string>> Read(string directory)
    {
        var names = new Dictionary<string, List<string>>(StringComparer.Ordinal) { ["PER"] = [], ["LOC"] = [], ["ORG"] = [] };
        Add(names, Path.Combine(directory, "people.tsv"), _ => "PER", ["zh", "zh_hant", "aliases"]);
        Add(names, Path.Combine(directory, "countries.tsv"), _ => "LOC", ["zh", "zh_hant", "aliases", "capital_zh", "capital_zh_hant", "capital_aliases"]);
        Add(names, Path.Combine(directory, "organizations.tsv"), row => row == "place" ? "LOC" : "ORG", ["zh", "zh_hant", "aliases"]);
        return names;
    }

    private static void Add(Dictionary<string, List<string>> names, string path, Func<string, string> typeOfRow, string[] columns)
    {
        if (!File.Exists(path))
            return;
        string[]? header = null;
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0 || line.StartsWith('#'))
                continue;
            var cells = line.Split('\t');
            if (header is null)
            {
                header = cells;
                continue;
            }
            var typeColumn = Array.IndexOf(header, "type");
            var type = typeOfRow(typeColumn >= 0 && typeColumn < cells.Length ? cells[typeColumn] : "");
            foreach (var column in columns)
            {
                var c = Array.IndexOf(header, column);
                if (c < 0 || c >= cells.Length)
                    continue;
                foreach (var name in cells[c].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    if (name.Any(ch => ch >= '\u4E00'))
                        names[type].Add(name);
            }
        }
    }
}
