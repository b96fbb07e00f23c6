using System.Globalization;
using System.Text.RegularExpressions;
using NewsLens.Assess.Knowledge;
using NewsLens.Assess.Rules;
using NewsLens.Model;

namespace NewsLens.Assess;

internal enum UnitKind
{
    Title,
    Heading,
    Paragraph,
    ListItem,
    Removed,
    MetaKeywords,
}

/// <summary>
/// One piece of the page a detector can look at: a paragraph, heading or list item of the clean text (with its
/// span in <see cref="Article.Text"/>), the title, a removed block, or the meta keywords.
/// </summary>
/// <param name="Text">The visible words (Markdown markers such as "## " and "[..](..)" stripped).</param>
/// <param name="Span">Where <paramref name="Text"/> sits in the article text (or the title); null for removed blocks.</param>
internal sealed record TextUnit(UnitKind Kind, string Text, EvidenceLocation Location, Span? Span, int? RemovedIndex, RemovedBlock? Block)
{
    public Evidence ToEvidence() => new(Text, Location, Span, RemovedIndex);

    /// <summary>Evidence for a part [start, end) of this unit's text.</summary>
    public Evidence Part(int start, int end)
    {
        var text = Text[start..end];
        return Span is { } s ? new Evidence(text, Location, new Span(s.Start + start, s.Start + end), RemovedIndex) : new Evidence(text, Location, null, RemovedIndex);
    }
}

internal readonly record struct Sentence(string Text, Span Span);

/// <summary>
/// What every detector reads: the analysed article split into units and sentences once, the rules, the
/// knowledge adapter and the date claims are checked against.
/// </summary>
internal sealed partial class AssessContext
{
    /// <summary>Body units beyond this count are not examined (hostile pages with 100k paragraphs).</summary>
    public const int MaxUnits = 20_000;

    /// <summary>The publish date is searched for in this many leading characters when the page's metadata has none.</summary>
    private const int DateSearchChars = 600;

    public AssessContext(AnalysedArticle analysed, AssessRules rules, IRoleKnowledge knowledge)
    {
        Analysed = analysed;
        Rules = rules;
        Knowledge = knowledge;
        var a = analysed.Article;
        var units = new List<TextUnit>();
        if (!string.IsNullOrWhiteSpace(a.Title))
        {
            // Spans in the title index the title string as the article holds it; Markdown markers are skipped.
            var shown = TitleLines.StripMarkers(a.Title);
            var at = Math.Max(0, a.Title.IndexOf(shown, StringComparison.Ordinal));
            units.Add(new TextUnit(UnitKind.Title, shown, EvidenceLocation.Title, new Span(at, at + shown.Length), null, null));
        }
        foreach (var section in a.Sections)
        {
            if (section.Heading is { } h && !string.IsNullOrWhiteSpace(h) && units.Count < MaxUnits)
            {
                var span = section.HeadingSpan ?? Find(a.Text, h);
                units.Add(new TextUnit(UnitKind.Heading, h.Trim(), span is null ? EvidenceLocation.Metadata : EvidenceLocation.Text, span, null, null));
            }
            foreach (var p in section.Paragraphs)
            {
                if (units.Count >= MaxUnits)
                    break;
                units.Add(FromParagraph(p));
            }
        }
        for (var i = 0; i < a.Removed.Count && units.Count < MaxUnits; i++)
            units.Add(new TextUnit(UnitKind.Removed, a.Removed[i].Text, EvidenceLocation.Removed, null, i, a.Removed[i]));
        if (a.Extraction.MetaKeywords.Count > 0)
            units.Add(new TextUnit(UnitKind.MetaKeywords, string.Join(",", a.Extraction.MetaKeywords), EvidenceLocation.Metadata, null, null, null));
        Units = units;
        Body = units.Where(u => u.Kind is UnitKind.Paragraph or UnitKind.ListItem or UnitKind.Heading && u.Location == EvidenceLocation.Text).ToArray();
        Sentences = SplitSentences(a.Text, units.Where(u => u.Kind == UnitKind.Paragraph));
        ReferenceDate = FindReferenceDate(analysed);
    }

    public AnalysedArticle Analysed { get; }

    public Article Article => Analysed.Article;

    public AssessRules Rules { get; }

    public IRoleKnowledge Knowledge { get; }

    public IReadOnlyList<TextUnit> Units { get; }

    /// <summary>Headings, paragraphs and list items of the clean text, in order.</summary>
    public IReadOnlyList<TextUnit> Body { get; }

    /// <summary>Sentences of the body paragraphs (headings and list items excluded).</summary>
    public IReadOnlyList<Sentence> Sentences { get; }

    /// <summary>The date claims are checked against: the publish date, else the first full date near the top.</summary>
    public DateOnly? ReferenceDate { get; }

    public TextUnit? Title => Units.FirstOrDefault(u => u.Kind == UnitKind.Title);

    /// <summary>Body text length in characters, excluding separators.</summary>
    public int BodyChars => Body.Sum(u => u.Text.Length);

    private static TextUnit FromParagraph(Paragraph p)
    {
        var text = p.Text;
        var start = 0;
        var kind = UnitKind.Paragraph;
        var heading = HeadingMarker().Match(text);
        if (heading.Success)
        {
            kind = UnitKind.Heading;
            start = heading.Length;
        }
        else if (ListMarker().Match(text) is { Success: true } list)
        {
            kind = UnitKind.ListItem;
            start = list.Length;
        }
        var visible = text[start..];
        var end = visible.Length;
        // A Markdown link "[label](target)" shows only its label.
        if (MarkdownLink().Match(visible) is { Success: true } link && link.Index == 0 && link.Length == visible.Length)
        {
            start += 1;
            end = link.Groups[1].Length;
            visible = link.Groups[1].Value;
        }
        return new TextUnit(kind, visible, EvidenceLocation.Text, new Span(p.Span.Start + start, p.Span.Start + start + end), null, null);
    }

    private static Span? Find(string text, string needle)
    {
        var i = text.IndexOf(needle.Trim(), StringComparison.Ordinal);
        return i < 0 ? null : new Span(i, i + needle.Trim().Length);
    }

    private static List<Sentence> SplitSentences(string text, IEnumerable<TextUnit> paragraphs)
    {
        var result = new List<Sentence>();
        foreach (var p in paragraphs)
        {
            if (p.Span is not { } ps)
                continue;
            var start = 0;
            for (var i = 0; i < p.Text.Length; i++)
            {
                var c = p.Text[i];
                var end = c is '。' or '！' or '？' or '!' or '?' or '；' or ';';
                if (!end && i < p.Text.Length - 1)
                    continue;
                var stop = i + 1;
                // Closing quotes stay with their sentence.
                while (stop < p.Text.Length && p.Text[stop] is '”' or '」' or '’' or '）' or ')')
                    stop++;
                var s = p.Text[start..stop];
                var trimmed = s.Trim();
                if (trimmed.Length > 0)
                {
                    var lead = s.Length - s.TrimStart().Length;
                    result.Add(new Sentence(trimmed, new Span(ps.Start + start + lead, ps.Start + start + lead + trimmed.Length)));
                }
                start = stop;
                i = stop - 1;
            }
        }
        _ = text;
        return result;
    }

    private static DateOnly? FindReferenceDate(AnalysedArticle analysed)
    {
        var a = analysed.Article;
        if (a.Published is { } p)
            return p.Date;
        var head = a.Text.Length > DateSearchChars ? a.Text[..DateSearchChars] : a.Text;
        var m = FullDate().Match(head);
        if (!m.Success)
            return null;
        var y = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
        var mo = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
        var d = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
        return y is >= 1900 and <= 2100 && mo is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, mo) ? new DateOnly(y, mo, d) : null;
    }

    [GeneratedRegex(@"^#{1,6}\s+")]
    private static partial Regex HeadingMarker();

    [GeneratedRegex(@"^(?:[-*•·]\s+|\d{1,3}[.、)]\s*)")]
    private static partial Regex ListMarker();

    [GeneratedRegex(@"^\[([^\]]*)\]\(([^)]*)\)$")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"(?<y>(?:19|20)\d\d)(?:年|-|/|\.)(?<m>\d{1,2})(?:月|-|/|\.)(?<d>\d{1,2})(?!\d)")]
    private static partial Regex FullDate();
}
