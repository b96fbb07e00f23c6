using System.IO.Compression;
using System.Text.Json;

namespace NewsLens.Eval.Extraction;

public enum ExtractionDataset
{
    Aeb,
    Trafilatura,
    Zh,
}

/// <summary>One evaluation page: its bytes and whatever gold the set has for it.</summary>
public sealed record EvalPage(
    string Id,
    string Path,
    string? Url,
    string? GoldBody,
    IReadOnlyList<string> With,
    IReadOnlyList<string> Without,
    string? GoldTitle,
    string? GoldDate,
    string? GoldAuthor);

/// <summary>Loads the benchmark sets as laid out in shared/data/extraction (README there).</summary>
public static class ExtractionDatasets
{
    public static string FolderName(ExtractionDataset set) => set switch
    {
        ExtractionDataset.Aeb => "scrapinghub-aeb",
        ExtractionDataset.Trafilatura => "trafilatura-eval",
        _ => "zh-web-content-immortal-autumn",
    };

    /// <summary>Accepts the data root, its extraction/ folder, or the set's own folder.</summary>
    public static string Resolve(string data, ExtractionDataset set)
    {
        var name = FolderName(set);
        foreach (var candidate in new[] { Path.Combine(data, "extraction", name), Path.Combine(data, name), data })
        {
            if (Directory.Exists(candidate) && (File.Exists(Path.Combine(candidate, "ground-truth.json.gz")) || File.Exists(Path.Combine(candidate, "evaldata.json.gz"))))
                return candidate;
        }
        throw new DirectoryNotFoundException($"no {name} folder (with its gold file) under {data}");
    }

    public static byte[] ReadGz(string path)
    {
        using var file = File.OpenRead(path);
        using var gz = new GZipStream(file, CompressionMode.Decompress);
        using var ms = new MemoryStream();
        gz.CopyTo(ms);
        return ms.ToArray();
    }

    public static JsonDocument ReadJsonGz(string path) => JsonDocument.Parse(ReadGz(path));

    public static List<EvalPage> Load(string folder, ExtractionDataset set) => set switch
    {
        ExtractionDataset.Aeb => LoadAeb(folder),
        ExtractionDataset.Trafilatura => LoadTrafilatura(folder),
        _ => LoadZh(folder),
    };

    private static List<EvalPage> LoadAeb(string folder)
    {
        using var doc = ReadJsonGz(Path.Combine(folder, "ground-truth.json.gz"));
        var pages = new List<EvalPage>();
        foreach (var p in doc.RootElement.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            pages.Add(new EvalPage(p.Name, Path.Combine(folder, "html", p.Name + ".html.gz"), Str(p.Value, "url"), Str(p.Value, "articleBody") ?? "",
                [], [], null, null, null));
        }
        return pages;
    }

    private static List<EvalPage> LoadZh(string folder)
    {
        using var doc = ReadJsonGz(Path.Combine(folder, "ground-truth.json.gz"));
        var pages = new List<EvalPage>();
        foreach (var p in doc.RootElement.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            var date = Str(p.Value, "date");
            var author = Str(p.Value, "author");
            pages.Add(new EvalPage(p.Name, Path.Combine(folder, "original", p.Name + ".html.gz"), Str(p.Value, "url"), Str(p.Value, "articleBody") ?? "",
                [], [], null, ZhDate(date), IsUnknown(author) ? null : author));
        }
        return pages;
    }

    private static List<EvalPage> LoadTrafilatura(string folder)
    {
        using var doc = ReadJsonGz(Path.Combine(folder, "evaldata.json.gz"));
        var pages = new List<EvalPage>();
        foreach (var p in doc.RootElement.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            var file = Str(p.Value, "file") ?? "";
            var path = Path.Combine(folder, "html", "cache", file + ".gz");
            if (!File.Exists(path))
                path = Path.Combine(folder, "html", "eval", file + ".gz");
            pages.Add(new EvalPage(p.Name, path, p.Name, null, List(p.Value, "with"), List(p.Value, "without"),
                NullIfEmpty(Str(p.Value, "title")), NullIfEmpty(Str(p.Value, "date")), NullIfEmpty(Str(p.Value, "author"))));
        }
        return pages;
    }

    private static string? NullIfEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;

    private static bool IsUnknown(string? s) => string.IsNullOrWhiteSpace(s) || s.Trim().StartsWith("UNKN", StringComparison.OrdinalIgnoreCase);

    /// <summary>Gold dates like "2005-5-7 21:23:57", "2018", "1996-3" → zero-padded prefix at the gold's own precision; names and UNKNOWN → null.</summary>
    internal static string? ZhDate(string? s)
    {
        if (IsUnknown(s))
            return null;
        var datePart = s!.Trim().Split(' ')[0];
        var parts = datePart.Split('-');
        if (parts.Length == 0 || parts.Length > 3 || !parts.All(x => x.Length > 0 && x.All(char.IsAsciiDigit)) || parts[0].Length != 4)
            return null;
        return string.Join('-', parts.Select((x, i) => i == 0 ? x : x.PadLeft(2, '0')));
    }

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static List<string> List(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array
            ? v.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!).ToList()
            : [];

    /// <summary>A reference system's bodies keyed by page id (either upstream output layout).</summary>
    public static Dictionary<string, string> LoadReference(string path)
    {
        using var doc = ReadJsonGz(path);
        var root = doc.RootElement;
        if (root.TryGetProperty("output", out var output) && output.ValueKind == JsonValueKind.Object)
            root = output;
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in root.EnumerateObject())
            result[p.Name] = p.Value.ValueKind == JsonValueKind.Object ? Str(p.Value, "articleBody") ?? "" : "";
        return result;
    }
}
