using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using NewsLens.Extract.Html;
using NewsLens.Model;
using NewsLens.Pipeline;

namespace NewsLens.Extract;

/// <summary>
/// Extract: a decoded page to its clean article. HTML goes parse → read metadata → clean (hidden, non-content,
/// named boilerplate) → blocks → main-content selection (numbered fallback chain, see
/// <see cref="MainContentSelector"/>) → boundary trimming; text and Markdown pages go lines → blocks →
/// title line → the same trimming. Every block not kept is recorded in <see cref="Article.Removed"/> with why.
/// Section headings inside the body stay in <see cref="Article.Text"/> as their own paragraph; each
/// <see cref="Section.HeadingSpan"/> points at it, and <see cref="Section.Paragraphs"/> are the blocks under it.
/// The title line itself is not part of the text.
/// </summary>
internal sealed class ArticleExtractor : IArticleExtractor
{
    /// <summary>Blocks around the title line searched for the publish date and byline when the body lacks them.</summary>
    private const int NearTitleBlocks = 8;

    private readonly PipelineLimits limits;
    private readonly MetadataReader metadataReader = new();
    private readonly DomCleaner cleaner = new();
    private readonly BlockLinearizer linearizer = new();
    private readonly MainContentSelector selector = new();
    private readonly BoundaryTrimmer trimmer = new();
    private readonly PlainTextReader textReader = new();

    public ArticleExtractor(PipelineLimits limits) => this.limits = limits;

    public Article Extract(DecodedPage page) =>
        page.Format == PageFormat.Html ? ExtractHtml(page) : ExtractText(page);

    private Article ExtractHtml(DecodedPage page)
    {
        var root = new HtmlParser(limits.MaxDomDepth).Parse(page.Text);
        var meta = metadataReader.Read(root);
        var url = page.Url ?? meta.WrapperUrl ?? meta.CanonicalUrl ?? meta.MetaValue("og:url");
        var log = new CleaningLog();
        cleaner.Clean(root, log);
        var blocks = linearizer.Linearize(root);
        var title = MetadataResolver.ChooseTitle(meta, blocks);
        var selection = selector.Select(blocks, title.Title);
        var (reasons, findings) = SelectAndTrim(blocks, selection, title.Title);
        if (Array.TrueForAll(reasons, r => r is not null) && selection.Step[0] is '1' or '2')
        {
            // The container held only the title and its furniture: the chain goes on to the dense blocks.
            selection = selector.Fallback(blocks);
            (reasons, findings) = SelectAndTrim(blocks, selection, title.Title);
        }
        var (nearDates, nearBylines) = NearTitle(blocks, title.Title);
        var date = MetadataResolver.ChooseDate(meta, [.. findings.DateLines, .. nearDates], url);
        var author = MetadataResolver.ChooseAuthor(meta, [.. findings.BylineLines, .. nearBylines]);
        var breadcrumb = log.Breadcrumb.Count > 0 ? log.Breadcrumb : Trail(findings.BreadcrumbLines);
        var keywords = meta.MetaValue("keywords") is { } k
            ? k.Split([',', '，', ';', '；', '、', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(50).ToList()
            : [];
        var info = new ExtractionInfo(selection.Step, log.Navigation, breadcrumb, title.Source, date.Source, keywords);
        var removed = new List<RemovedBlock>(log.Removed);
        removed.AddRange(RemovedRuns(blocks, reasons));
        return Assemble(page, url, title.Title, date.Date, MetadataResolver.ChooseSite(meta, url), author, blocks, reasons, removed, info);
    }

    private Article ExtractText(DecodedPage page)
    {
        var text = textReader.Read(page.Text, page.Format);
        var blocks = text.Blocks;
        var reasons = new RemovalReason?[blocks.Count];
        var breadcrumbLines = new List<string>();
        if (text.TitleBlock >= 0)
        {
            reasons[text.TitleBlock] = RemovalReason.RepeatedTitle;
            // Short lines above the title are a breadcrumb or a section label ("企业文化", "首页 > 新闻").
            for (var i = 0; i < text.TitleBlock; i++)
            {
                reasons[i] = RemovalReason.Breadcrumb;
                breadcrumbLines.Add(blocks[i].Text);
            }
        }
        var findings = trimmer.Trim(blocks, reasons, text.Title);
        breadcrumbLines.AddRange(findings.BreadcrumbLines);
        var date = MetadataResolver.ChooseDate(new PageMetadata(), findings.DateLines, page.Url);
        var author = MetadataResolver.ChooseAuthor(null, findings.BylineLines);
        var info = new ExtractionInfo(page.Format == PageFormat.Markdown ? "t1:markdown-lines" : "t1:text-lines", [], Trail(breadcrumbLines), text.TitleSource, date.Source, []);
        return Assemble(page, page.Url, text.Title, date.Date, MetadataResolver.ChooseSite(new PageMetadata(), page.Url), author, blocks, reasons, RemovedRuns(blocks, reasons), info);
    }

    private (RemovalReason?[] Reasons, TrimFindings Findings) SelectAndTrim(IReadOnlyList<TextBlock> blocks, Selection selection, string? title)
    {
        var reasons = new RemovalReason?[blocks.Count];
        for (var i = 0; i < blocks.Count; i++)
        {
            if (!selection.Kept[i])
                reasons[i] = RemovalReason.OutsideMainContent;
        }
        return (reasons, trimmer.Trim(blocks, reasons, title));
    }

    /// <summary>Date and byline lines right under the title heading, wherever selection put them.</summary>
    private static (List<string> Dates, List<string> Bylines) NearTitle(IReadOnlyList<TextBlock> blocks, string? title)
    {
        var dates = new List<string>();
        var bylines = new List<string>();
        if (title is null)
            return (dates, bylines);
        var t = BoundaryTrimmer.Squeeze(title);
        var at = -1;
        for (var i = 0; i < blocks.Count; i++)
        {
            var length = BoundaryTrimmer.SqueezedLength(blocks[i].Text, t.Length * 2 + 10);
            if (length == 0 || length > t.Length * 2 + 10 || length < t.Length)
                continue;
            var b = BoundaryTrimmer.Squeeze(blocks[i].Text);
            if (b.Length > 0 && b.Length <= t.Length * 2 + 10 && b.Contains(t, StringComparison.Ordinal))
            {
                at = i;
                break;
            }
        }
        if (at < 0)
            return (dates, bylines);
        for (var i = at + 1; i < blocks.Count && i <= at + NearTitleBlocks; i++)
        {
            var text = blocks[i].Text;
            if (text.Length > 120)
                break;
            // Only lines about the article (date, source, byline), never its first sentence ("1998年8月7日，…").
            if (!BoundaryTrimmer.IsMetaLine(text))
                continue;
            if (DateParser.FindInText(text) is not null && (BoundaryTrimmer.IsDateLine(text) || text.Length <= 80))
                dates.Add(text);
            if (text.Length <= 80)
                bylines.Add(text);
        }
        return (dates, bylines);
    }

    private static List<string> Trail(List<string> lines)
    {
        var trail = new List<string>();
        foreach (var line in lines)
            trail.AddRange(DomCleaner.BreadcrumbTrail(line, []));
        return trail;
    }

    /// <summary>Consecutive removed blocks with the same reason, merged into one record entry each.</summary>
    private static List<RemovedBlock> RemovedRuns(IReadOnlyList<TextBlock> blocks, RemovalReason?[] reasons)
    {
        var runs = new List<RemovedBlock>();
        var i = 0;
        while (i < blocks.Count)
        {
            if (reasons[i] is not { } reason)
            {
                i++;
                continue;
            }
            var sb = new StringBuilder();
            var links = new List<RemovedLink>();
            var j = i;
            for (; j < blocks.Count && reasons[j] == reason; j++)
            {
                if (sb.Length < DomCleaner.MaxRemovedText)
                {
                    if (sb.Length > 0)
                        sb.Append('\n');
                    sb.Append(blocks[j].Text);
                }
                foreach (var l in blocks[j].Links)
                {
                    if (links.Count < DomCleaner.MaxRemovedLinks)
                        links.Add(l);
                }
            }
            var text = sb.Length > DomCleaner.MaxRemovedText ? sb.ToString(0, DomCleaner.MaxRemovedText) : sb.ToString();
            runs.Add(new RemovedBlock(text, reason, null, false, links));
            i = j;
        }
        return runs;
    }

    /// <summary>
    /// The first 16 hex digits of SHA-256 over the UTF-8 of title, a line break and the text, encoded into a pooled
    /// buffer (the joined string and its bytes were two copies of the whole article per page).
    /// </summary>
    internal static string ArticleId(string title, string text)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(title.Length + 1 + text.Length));
        try
        {
            var n = Encoding.UTF8.GetBytes(title, buffer);
            buffer[n++] = (byte)'\n';
            n += Encoding.UTF8.GetBytes(text, buffer.AsSpan(n));
            Span<byte> hash = stackalloc byte[32];
            SHA256.HashData(buffer.AsSpan(0, n), hash);
            return Convert.ToHexStringLower(hash[..8]);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static Article Assemble(DecodedPage page, string? url, string? title, PublishedAt? published, string? site, string? author,
        IReadOnlyList<TextBlock> blocks, RemovalReason?[] reasons, List<RemovedBlock> removed, ExtractionInfo info)
    {
        var sb = new StringBuilder();
        var sections = new List<Section>();
        string? heading = null;
        Span? headingSpan = null;
        var paragraphs = new List<Paragraph>();
        for (var i = 0; i < blocks.Count; i++)
        {
            if (reasons[i] is not null)
                continue;
            var b = blocks[i];
            if (sb.Length > 0)
                sb.Append("\n\n");
            var span = new Span(sb.Length, sb.Length + b.Text.Length);
            sb.Append(b.Text);
            if (b.Kind == BlockKind.Heading)
            {
                if (heading is not null || paragraphs.Count > 0)
                    sections.Add(new Section(heading, headingSpan, paragraphs));
                heading = b.Text;
                headingSpan = span;
                paragraphs = [];
            }
            else
            {
                paragraphs.Add(new Paragraph(b.Text, span));
            }
        }
        if (heading is not null || paragraphs.Count > 0)
            sections.Add(new Section(heading, headingSpan, paragraphs));
        if (sb.Length == 0)
            throw new PageRejectedException(RejectionReason.NoContent, $"no article text found ({blocks.Count} text blocks on the page, all boilerplate)");
        var text = sb.ToString();
        var id = ArticleId(title ?? "", text);
        return new Article(id, page.Source, url, title?.Trim(), published, site, author, LanguageGuesser.Guess(text), text, sections, removed, info);
    }
}
