using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using NewsLens.Analyse.Events;
using NewsLens.Analyse.Knowledge;
using NewsLens.Model;

namespace NewsLens.Eval.Events;

/// <summary>Recall of CEC's annotated triggers, times and places (out of domain: accidents and disasters).</summary>
/// <param name="LexiconTrigger">Gold triggers (Denoter) overlapped by a trigger word of our lexicon.</param>
/// <param name="EventTrigger">Gold triggers overlapped by the trigger of an event we output.</param>
internal sealed record CecReport(int Documents, PrfScore LexiconTrigger, PrfScore EventTrigger, PrfScore Time, PrfScore Place);

/// <summary>
/// Reads the CEC XML files (see data/events/README.md), rebuilds each document's text with the spans of its
/// Denoter, Time and Location elements, runs linking, dates and events, and measures recall.
/// </summary>
internal sealed class CecEvaluation(KnowledgeBase kb)
{
    /// <summary>Largest CEC file read (they are a few KB each).</summary>
    private const long MaxFileBytes = 4 * 1024 * 1024;

    public CecReport Run(string dir)
    {
        var linker = new EntityLinker(kb);
        var extractor = new EventExtractor(kb);
        var dates = new ArticleDates();
        int docs = 0, gTrig = 0, lexHit = 0, evHit = 0, gTime = 0, timeHit = 0, gPlace = 0, placeHit = 0;
        foreach (var file in Directory.EnumerateFiles(dir, "*.xml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (new FileInfo(file).Length > MaxFileBytes)
                continue;
            var doc = Parse(file);
            if (doc is null)
                continue;
            docs++;
            var article = new Article($"cec{docs}", file, null, null, doc.Published is { } p ? new PublishedAt(p, null, null) : null, null, null, "zh",
                doc.Text, [], [], ExtractionInfo.None("cec"));
            var analysed = extractor.Analyse(linker.Analyse(new AnalysedArticle(article)));
            var lexicon = LexiconSpans(doc.Text);
            var eventSpans = analysed.Events.Select(e => e.TriggerSpan).ToList();
            var dateSpans = dates.DatesOf(analysed).Select(d => d.Span).ToList();
            var places = analysed.Entities.Where(e => e.Type == EntityType.Location).Select(e => e.Span).ToList();
            foreach (var t in doc.Triggers)
            {
                gTrig++;
                lexHit += lexicon.Any(s => s.Overlaps(t)) ? 1 : 0;
                evHit += eventSpans.Any(s => s.Overlaps(t)) ? 1 : 0;
            }
            foreach (var t in doc.Times)
            {
                gTime++;
                timeHit += dateSpans.Any(s => s.Overlaps(t)) ? 1 : 0;
            }
            foreach (var l in doc.Places)
            {
                gPlace++;
                placeHit += places.Any(s => s.Overlaps(l)) ? 1 : 0;
            }
        }
        return new CecReport(docs,
            new PrfScore("trigger recall (lexicon)", lexHit, lexHit, gTrig),
            new PrfScore("trigger recall (events)", evHit, evHit, gTrig),
            new PrfScore("time recall", timeHit, timeHit, gTime),
            new PrfScore("place recall", placeHit, placeHit, gPlace));
    }

    private static List<Span> LexiconSpans(string text)
    {
        var spans = new List<Span>();
        foreach (var entry in EventLexicon.Triggers)
        {
            var at = 0;
            while ((at = text.IndexOf(entry.Word, at, StringComparison.Ordinal)) >= 0)
            {
                spans.Add(new Span(at, at + entry.Word.Length));
                at += entry.Word.Length;
            }
        }
        return spans;
    }

    private sealed record CecDocument(string Text, DateOnly? Published, List<Span> Triggers, List<Span> Times, List<Span> Places);

    private static CecDocument? Parse(string file)
    {
        XDocument xml;
        try
        {
            using var reader = XmlReader.Create(file, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            xml = XDocument.Load(reader);
        }
        catch (XmlException)
        {
            return null;
        }
        var sb = new StringBuilder();
        var triggers = new List<Span>();
        var times = new List<Span>();
        var places = new List<Span>();
        var title = xml.Root?.Element("Title")?.Value;
        if (title is not null)
            sb.Append(Squeeze(title)).Append('\n');
        foreach (var sentence in xml.Descendants("Sentence"))
        {
            Walk(sentence, sb, triggers, times, places);
            sb.Append('\n');
        }
        var report = xml.Root?.Element("ReportTime")?.Value ?? "";
        var published = SimpleDateResolver.Resolve(report, null).FirstOrDefault(d => d.Granularity == DateGranularity.Day && d.Value is not null)?.Value;
        return new CecDocument(sb.ToString(), published is null ? null : DateOnly.ParseExact(published, "yyyy-MM-dd", CultureInfo.InvariantCulture), triggers, times, places);
    }

    private static void Walk(XElement element, StringBuilder sb, List<Span> triggers, List<Span> times, List<Span> places)
    {
        foreach (var node in element.Nodes())
        {
            if (node is XText t)
            {
                sb.Append(Squeeze(t.Value));
                continue;
            }
            if (node is not XElement e)
                continue;
            var start = sb.Length;
            Walk(e, sb, triggers, times, places);
            var span = new Span(start, sb.Length);
            if (span.Length == 0)
                continue;
            switch (e.Name.LocalName)
            {
                case "Denoter":
                    triggers.Add(span);
                    break;
                case "Time":
                    times.Add(span);
                    break;
                case "Location":
                    places.Add(span);
                    break;
            }
        }
    }

    /// <summary>The XML's layout whitespace is not text: Chinese needs no spaces.</summary>
    private static string Squeeze(string s) => string.Concat(s.Where(c => !char.IsWhiteSpace(c)));
}
