namespace NewsLens.Model;

/// <summary>What Extract hands on: the clean article and everything that was taken out of it.</summary>
/// <param name="Id">Content hash of the clean text and title (hex), stable across re-runs.</param>
/// <param name="Text">The clean body: paragraphs separated by one blank line ("\n\n"). Every span points here.</param>
/// <param name="Sections">Heading + paragraphs, in order; paragraph spans cover <see cref="Text"/>.</param>
/// <param name="Removed">Every block taken out of the page, with why (a later stage may flag injected junk in it).</param>
/// <param name="Extraction">Which step of the fallback chain produced the body, and the page's own navigation cues.</param>
public sealed record Article(
    string Id,
    string Source,
    string? Url,
    string? Title,
    PublishedAt? Published,
    string? Site,
    string? Author,
    string Language,
    string Text,
    IReadOnlyList<Section> Sections,
    IReadOnlyList<RemovedBlock> Removed,
    ExtractionInfo Extraction);

/// <summary>A publish date as precise as the page states it: never more precise, never guessed.</summary>
public sealed record PublishedAt(DateOnly Date, TimeOnly? Time, TimeSpan? Offset)
{
    public string ToIso()
    {
        if (Time is null)
            return Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var local = Date.ToDateTime(Time.Value);
        return Offset is { } o
            ? new DateTimeOffset(local, o).ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture)
            : local.ToString("yyyy-MM-dd'T'HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
    }

    public override string ToString() => ToIso();
}

public sealed record Section(string? Heading, Span? HeadingSpan, IReadOnlyList<Paragraph> Paragraphs);

public sealed record Paragraph(string Text, Span Span);

/// <summary>A block extraction removed. <paramref name="Hidden"/> is true when the page hid it from readers (CSS, attributes).</summary>
public sealed record RemovedBlock(string Text, RemovalReason Reason, string? Detail, bool Hidden, IReadOnlyList<RemovedLink> Links);

public sealed record RemovedLink(string Text, string? Href);

public enum RemovalReason
{
    Navigation,
    Breadcrumb,
    ShareBar,
    Footer,
    Header,
    RelatedLinks,
    Hidden,
    Byline,
    SourceLine,
    Comments,
    Advertisement,
    RepeatedTitle,
    InjectedText,
    Form,
    Script,
    LowTextDensity,
    OutsideMainContent,

    /// <summary>A photo or gallery caption, credit or counter ("Image 1 of 5"): describes a picture, not the story.</summary>
    Caption,
}

/// <param name="Step">The fallback-chain step that won, e.g. "1:semantic-article" (numbered, see Extract/).</param>
/// <param name="Navigation">Link texts of the page's own menus (the site's sections), used to judge whether the content belongs to the site.</param>
/// <param name="Breadcrumb">The page's breadcrumb trail (e.g. ["首页","企业文化"]), empty when none.</param>
/// <param name="TitleSource">Where the title came from (og:title, h1, title-tag, text-heading, ...).</param>
/// <param name="DateSource">Where the publish date came from (json-ld, meta, time, text-near-title, url, ...), null when none.</param>
/// <param name="MetaKeywords">The page's meta keywords, as given.</param>
public sealed record ExtractionInfo(
    string Step,
    IReadOnlyList<string> Navigation,
    IReadOnlyList<string> Breadcrumb,
    string? TitleSource,
    string? DateSource,
    IReadOnlyList<string> MetaKeywords)
{
    public static ExtractionInfo None(string step) => new(step, [], [], null, null, []);
}
