using System.Globalization;
using System.Net;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using NewsLens.Model;
using NewsLens.Pipeline;

namespace NewsLens.Ingest.Feeds;

/// <summary>
/// Reads RSS (0.9x, 1.0/RDF, 2.0) and Atom feeds: every item or entry becomes one HTML page holding its
/// title, link, date, author and the fullest content the feed gives (content:encoded, Atom content, else
/// description/summary), so the usual decode → extract chain handles it. Claims <c>.rss</c> and <c>.atom</c>
/// files, and <c>.xml</c> files whose root is a feed. DTDs are ignored and entities are not expanded.
/// </summary>
internal sealed class FeedReader : IContainerReader
{
    /// <summary>Most items read from one feed; real feeds carry 10–100.</summary>
    internal const int MaxItems = 100_000;

    /// <summary>How much of an .xml file is looked at to decide whether it is a feed.</summary>
    private const int SniffBytes = 2048;

    private static readonly XNamespace Content = "http://purl.org/rss/1.0/modules/content/";
    private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    public bool Claims(string path)
    {
        if (path.EndsWith(".rss", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".atom", StringComparison.OrdinalIgnoreCase))
            return true;
        if (!path.EndsWith(".xml", StringComparison.OrdinalIgnoreCase))
            return false;
        try
        {
            using var file = File.OpenRead(path);
            var head = new byte[SniffBytes];
            var read = file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            var text = Encoding.UTF8.GetString(head, 0, read);
            return text.Contains("<rss", StringComparison.Ordinal) || text.Contains("<feed", StringComparison.Ordinal) || text.Contains("<rdf:RDF", StringComparison.Ordinal);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    public IEnumerable<IngestItem> Read(string path, int maxBytes)
    {
        XDocument? doc = null;
        Rejection? failure = null;
        try
        {
            var length = new FileInfo(path).Length;
            if (length > maxBytes)
                failure = new Rejection(path, RejectionReason.TooLarge, $"{length:N0} bytes exceeds the limit of {maxBytes:N0}");
            else
                doc = Load(path, maxBytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            failure = new Rejection(path, RejectionReason.Unreadable, e.Message);
        }
        catch (XmlException e)
        {
            failure = new Rejection(path, RejectionReason.Unsupported, $"not a well-formed feed: {e.Message}");
        }
        if (failure is not null)
            return [new IngestItem(path, null, failure)];
        return Items(path, doc!);
    }

    private static XDocument Load(string path, int maxBytes)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Ignore,
            XmlResolver = null,
            MaxCharactersInDocument = maxBytes,
            MaxCharactersFromEntities = 0,
            IgnoreComments = true,
        };
        using var reader = XmlReader.Create(path, settings);
        return XDocument.Load(reader, LoadOptions.None);
    }

    private static IEnumerable<IngestItem> Items(string path, XDocument doc)
    {
        var root = doc.Root;
        if (root is null)
            yield break;
        var isAtom = root.Name == Atom + "feed";
        var items = isAtom
            ? root.Elements(Atom + "entry")
            : root.Descendants().Where(e => e.Name.LocalName == "item");
        var number = 0;
        foreach (var item in items.Take(MaxItems))
        {
            number++;
            var source = $"{path}#{number.ToString(CultureInfo.InvariantCulture)}";
            var entry = isAtom ? AtomEntry(item) : RssItem(item);
            var html = Html(entry);
            yield return IngestItem.Of(new RawPage(source, Encoding.UTF8.GetBytes(html), "text/html; charset=utf-8", entry.Link, PageFormat.Html));
        }
    }

    private static FeedEntry RssItem(XElement item)
    {
        string? Child(string local) => item.Elements().FirstOrDefault(e => e.Name.LocalName == local && e.Name.Namespace != Content)?.Value.Trim();
        var content = item.Element(Content + "encoded")?.Value;
        var description = Child("description");
        var body = !string.IsNullOrWhiteSpace(content) ? content : description;
        return new FeedEntry(
            Child("title"),
            Child("link") ?? item.Element("guid")?.Value.Trim(),
            FeedDates.ToIso(Child("pubDate") ?? item.Element(Dc + "date")?.Value),
            item.Element(Dc + "creator")?.Value.Trim() ?? Child("author"),
            body,
            BodyIsHtml: true);
    }

    private static FeedEntry AtomEntry(XElement entry)
    {
        var link = entry.Elements(Atom + "link")
            .Where(l => (string?)l.Attribute("rel") is null or "alternate")
            .Select(l => (string?)l.Attribute("href"))
            .FirstOrDefault();
        var content = entry.Element(Atom + "content") ?? entry.Element(Atom + "summary");
        string? body = null;
        var isHtml = true;
        if (content is not null)
        {
            switch ((string?)content.Attribute("type"))
            {
                case "xhtml":
                    body = string.Concat(content.Nodes().Select(n => n.ToString(SaveOptions.DisableFormatting)));
                    break;
                case "html":
                    body = content.Value;
                    break;
                default:
                    body = content.Value;
                    isHtml = false;
                    break;
            }
        }
        return new FeedEntry(
            entry.Element(Atom + "title")?.Value.Trim(),
            link,
            FeedDates.ToIso(entry.Element(Atom + "published")?.Value ?? entry.Element(Atom + "updated")?.Value),
            entry.Element(Atom + "author")?.Element(Atom + "name")?.Value.Trim(),
            body,
            isHtml);
    }

    /// <summary>The item as a small HTML page: metadata in the head where the extractor looks for it, content in an article.</summary>
    internal static string Html(FeedEntry e)
    {
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">");
        if (e.Title is not null)
            sb.Append("<title>").Append(WebUtility.HtmlEncode(e.Title)).Append("</title>");
        if (e.Published is not null)
            sb.Append("<meta property=\"article:published_time\" content=\"").Append(WebUtility.HtmlEncode(e.Published)).Append("\">");
        if (e.Author is not null)
            sb.Append("<meta name=\"author\" content=\"").Append(WebUtility.HtmlEncode(e.Author)).Append("\">");
        if (e.Link is not null)
            sb.Append("<link rel=\"canonical\" href=\"").Append(WebUtility.HtmlEncode(e.Link)).Append("\">");
        sb.Append("</head><body><article>");
        if (e.Title is not null)
            sb.Append("<h1>").Append(WebUtility.HtmlEncode(e.Title)).Append("</h1>");
        if (e.Body is not null)
        {
            if (e.BodyIsHtml)
                sb.Append(e.Body);
            else
                sb.Append(string.Concat(e.Body.Split("\n\n").Select(p => "<p>" + WebUtility.HtmlEncode(p.Trim()) + "</p>")));
        }
        sb.Append("</article></body></html>\n");
        return sb.ToString();
    }
}

internal sealed record FeedEntry(string? Title, string? Link, string? Published, string? Author, string? Body, bool BodyIsHtml);

/// <summary>Feed dates (RFC 822 in RSS, RFC 3339 in Atom) to ISO 8601, keeping the offset when one is given.</summary>
internal static class FeedDates
{
    private static readonly string[] Rfc822Formats =
    [
        "d MMM yyyy HH:mm:ss zzz", "d MMM yyyy HH:mm zzz", "d MMM yy HH:mm:ss zzz", "d MMM yyyy HH:mm:ss", "d MMM yyyy HH:mm", "d MMM yyyy",
    ];

    public static string? ToIso(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        var s = value.Trim();
        if (DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var iso) && s.Length >= 10 && s[4] == '-' && char.IsAsciiDigit(s[0]))
            return HasOffset(s) ? iso.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture) : iso.ToString(s.Length <= 10 ? "yyyy-MM-dd" : "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        // RFC 822: optional weekday, then "15 Apr 2025 10:00:00 +0800" (or GMT/UT/Z).
        var comma = s.IndexOf(',', StringComparison.Ordinal);
        if (comma >= 0)
            s = s[(comma + 1)..].Trim();
        var hasZone = false;
        foreach (var (zone, offset) in new[] { (" GMT", " +00:00"), (" UTC", " +00:00"), (" UT", " +00:00"), (" Z", " +00:00") })
        {
            if (s.EndsWith(zone, StringComparison.Ordinal))
            {
                s = s[..^zone.Length] + offset;
                hasZone = true;
                break;
            }
        }
        if (!hasZone && s.Length > 5 && s[^5] is '+' or '-' && s[^4..].All(char.IsAsciiDigit))
        {
            s = s[..^2] + ":" + s[^2..];
            hasZone = true;
        }
        if (!hasZone && s.LastIndexOf(' ') is > 0 and var space && s[(space + 1)..].All(char.IsAsciiLetter))
            s = s[..space]; // A named zone other than GMT (EST, CST...) is ambiguous: keep the local time only.
        foreach (var format in Rfc822Formats)
        {
            if (format.EndsWith("zzz", StringComparison.Ordinal) != hasZone)
                continue;
            if (DateTimeOffset.TryParseExact(s, format, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            {
                return hasZone ? parsed.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture)
                    : format.Contains("HH", StringComparison.Ordinal) ? parsed.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture)
                    : parsed.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            }
        }
        return null;
    }

    private static bool HasOffset(string s) =>
        s.EndsWith('Z') || (s.Length > 6 && s[^6] is '+' or '-' && s[^3] == ':');
}
