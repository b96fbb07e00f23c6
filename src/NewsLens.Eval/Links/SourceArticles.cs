using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace NewsLens.Eval.Links;

/// <summary>A real article read from the shared data, used as the origin of generated copies.</summary>
/// <param name="Key">Where it came from (corpus and file or article id).</param>
/// <param name="Category">A topic label when the corpus has one (CEC folder, People's Daily page), for reporting.</param>
internal sealed record SourceArticle(string Key, string Title, DateOnly Date, IReadOnlyList<string> Paragraphs, string Category)
{
    public int Length => Paragraphs.Sum(p => p.Length);
}

/// <summary>
/// Reads origin articles from <c>../shared/data</c> at evaluation time (never copied into the repository):
/// the CEC event corpus (news with report times) and People's Daily, January 1998 (article ids carry the date).
/// </summary>
internal static partial class SourceArticles
{
    /// <summary>Articles shorter than this have too few shingles to tell a copy from chance.</summary>
    public const int MinChars = 200;

    /// <summary>Longest article used: keeps generation and the eval run short.</summary>
    public const int MaxChars = 6000;

    public static IReadOnlyList<SourceArticle> Load(string dataDir)
    {
        var list = new List<SourceArticle>();
        var cec = Path.Combine(dataDir, "events", "cec");
        if (Directory.Exists(cec))
            list.AddRange(ReadCec(cec));
        var pd = Path.Combine(dataDir, "cws", "pd98_199801_pos.utf8.gz");
        if (File.Exists(pd))
            list.AddRange(ReadPeoplesDaily(pd));
        return list.Where(a => a.Length is >= MinChars and <= MaxChars).ToArray();
    }

    /// <summary>Every People's Daily article (any length), for background statistics.</summary>
    public static IEnumerable<SourceArticle> LoadPeoplesDaily(string dataDir)
    {
        var pd = Path.Combine(dataDir, "cws", "pd98_199801_pos.utf8.gz");
        return File.Exists(pd) ? ReadPeoplesDaily(pd) : [];
    }

    private static IEnumerable<SourceArticle> ReadCec(string dir)
    {
        foreach (var file in Directory.EnumerateFiles(dir, "*.xml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            XDocument doc;
            try
            {
                doc = XDocument.Load(file);
            }
            catch (System.Xml.XmlException)
            {
                continue;
            }
            var root = doc.Root;
            var title = Squeeze(root?.Element("Title")?.Value ?? "");
            var date = ParseDate(root?.Element("ReportTime")?.Value ?? "");
            var paragraphs = root?.Descendants("Paragraph").Select(p => Squeeze(p.Value)).Where(p => p.Length > 0).ToArray() ?? [];
            if (title.Length == 0 || date is null || paragraphs.Length == 0)
                continue;
            var category = Path.GetFileName(Path.GetDirectoryName(file)) ?? "";
            yield return new SourceArticle("cec:" + Path.GetFileNameWithoutExtension(file), title, date.Value, paragraphs, "cec/" + category);
        }
    }

    /// <summary>People's Daily lines: "19980101-01-001-002/m  word/pos ..."; an article is date-page-number, its first line the title.</summary>
    private static IEnumerable<SourceArticle> ReadPeoplesDaily(string path)
    {
        using var stream = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        string? currentId = null;
        var lines = new List<string>();
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            if (space < 0)
                continue;
            var id = line[..space];
            var parts = id.Split('-');
            if (parts.Length < 4)
                continue;
            var article = string.Join('-', parts[0], parts[1], parts[2]);
            if (!string.Equals(article, currentId, StringComparison.Ordinal))
            {
                if (currentId is not null && Build(currentId, lines) is { } a)
                    yield return a;
                currentId = article;
                lines.Clear();
            }
            lines.Add(Words(line[space..]));
        }
        if (currentId is not null && Build(currentId, lines) is { } last)
            yield return last;
    }

    private static SourceArticle? Build(string id, List<string> lines)
    {
        if (lines.Count < 2)
            return null;
        if (!DateOnly.TryParseExact(id[..8], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return null;
        var body = lines.Skip(1).Where(l => l.Length > 0).ToArray();
        return new SourceArticle("pd98:" + id, lines[0], date, body, "pd98/page-" + id.Split('-')[1]);
    }

    /// <summary>Drops the POS tags and the bracketed-compound markup ("[中国/ns 政府/n]nt") and joins the words.</summary>
    private static string Words(string tagged)
    {
        var sb = new StringBuilder(tagged.Length);
        foreach (var token in tagged.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var t = token.StartsWith('[') ? token[1..] : token;
            var slash = t.LastIndexOf('/');
            if (slash > 0)
                t = t[..slash];
            sb.Append(t);
        }
        return sb.ToString();
    }

    private static string Squeeze(string s) => Whitespace().Replace(s, "");

    private static DateOnly? ParseDate(string s)
    {
        var m = DatePattern().Match(s);
        if (!m.Success)
            return null;
        var y = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        var mo = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
        var d = int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture);
        return y is > 1900 and < 2100 && mo is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, mo) ? new DateOnly(y, mo, d) : null;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"(\d{4})\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})")]
    private static partial Regex DatePattern();
}
