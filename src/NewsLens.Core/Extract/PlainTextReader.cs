using System.Text;
using System.Text.RegularExpressions;
using NewsLens.Model;

namespace NewsLens.Extract;

/// <summary>A text or Markdown page as blocks, with the title the page's own structure suggests.</summary>
internal sealed record TextPage(List<TextBlock> Blocks, string? Title, string? TitleSource, int TitleBlock);

/// <summary>
/// Reads plain-text and Markdown pages: one block per paragraph line, "#" headings as headings, list
/// items as list items, Markdown links reduced to their text (kept as links, so link lists are seen as such).
/// The title is the first level-1 heading; without one, the longest title-like line among the first short
/// lines (shorter lines above it are breadcrumb-like and trimmed as such).
/// </summary>
internal sealed partial class PlainTextReader
{
    /// <summary>A line longer than this (visible chars) or ending a sentence is a paragraph, never a title.</summary>
    private const int MaxTitleLineChars = 80;

    /// <summary>How many leading short lines compete for the title.</summary>
    private const int TitleWindow = 4;

    public TextPage Read(string text, PageFormat format)
    {
        var blocks = new List<TextBlock>();
        var markdown = format == PageFormat.Markdown || LooksMarkdown(text);
        var paragraph = new StringBuilder();
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.Trim();
            if (line.Length == 0)
                continue;
            if (markdown && HorizontalRule().IsMatch(line))
                continue;
            var kind = BlockKind.Paragraph;
            var level = 0;
            if (markdown)
            {
                var h = Heading().Match(line);
                var li = ListItem().Match(line);
                if (h.Success)
                {
                    kind = BlockKind.Heading;
                    level = h.Groups[1].Length;
                    line = h.Groups[2].Value.Trim().TrimEnd('#').Trim();
                }
                else if (li.Success)
                {
                    kind = BlockKind.ListItem;
                    line = li.Groups[1].Value;
                }
                else if (line.StartsWith('>'))
                {
                    kind = BlockKind.Quote;
                    line = line.TrimStart('>', ' ');
                }
            }
            var (plain, links, linkChars) = markdown ? StripInline(line) : (line, new List<RemovedLink>(), 0);
            plain = TextNormaliser.Collapse(plain);
            if (plain.Length > 0)
                blocks.Add(new TextBlock(plain, kind, level, linkChars, null, links));
        }
        var (title, source, index) = FindTitle(blocks);
        return new TextPage(blocks, title, source, index);
    }

    private static (string? Title, string? Source, int Index) FindTitle(List<TextBlock> blocks)
    {
        for (var i = 0; i < blocks.Count && i < TitleWindow * 2; i++)
        {
            if (blocks[i].Kind == BlockKind.Heading && blocks[i].HeadingLevel == 1)
                return (blocks[i].Text, "markdown-heading", i);
        }
        var best = -1;
        for (var i = 0; i < blocks.Count && i < TitleWindow; i++)
        {
            var b = blocks[i];
            if (!IsTitleLike(b))
                break;
            if (BoundaryTrimmer.IsDateLine(b.Text))
                continue;
            if (best < 0 || b.VisibleChars > blocks[best].VisibleChars)
                best = i;
        }
        if (best >= 0)
            return (blocks[best].Text, blocks[best].Kind == BlockKind.Heading ? "markdown-heading" : "text-heading", best);
        return (null, null, -1);
    }

    private static bool IsTitleLike(TextBlock b) =>
        b.VisibleChars <= MaxTitleLineChars && b.LinkDensity == 0 && !(b.Text[^1] is '。' or '.' or '；' or ';' or '，' or ',' or ':' or '：');

    private static bool LooksMarkdown(string text) =>
        text.Contains("\n#", StringComparison.Ordinal) || text.StartsWith('#') || text.Contains("](", StringComparison.Ordinal);

    private static (string Text, List<RemovedLink> Links, int LinkChars) StripInline(string line)
    {
        var links = new List<RemovedLink>();
        var linkChars = 0;
        var plain = MarkdownLink().Replace(line, m =>
        {
            var t = m.Groups[1].Value;
            links.Add(new RemovedLink(t, m.Groups[2].Value));
            linkChars += Html.TextStats.CountVisible(t);
            return t;
        });
        plain = Emphasis().Replace(plain, "");
        return (plain, links, linkChars);
    }

    [GeneratedRegex(@"^(#{1,6})\s+(.*)$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^(?:[-*+]|\d{1,3}[.)])\s+(.*)$")]
    private static partial Regex ListItem();

    [GeneratedRegex(@"^(?:-{3,}|\*{3,}|_{3,})$")]
    private static partial Regex HorizontalRule();

    [GeneratedRegex(@"!?\[([^\]]*)\]\(([^)\s]*)(?:\s+""[^""]*"")?\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"\*\*|__|(?<!\w)\*(?=\S)|(?<=\S)\*(?!\w)|`")]
    private static partial Regex Emphasis();
}
