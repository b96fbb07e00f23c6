using NewsLens.Extract.Html;
using NewsLens.Model;

namespace NewsLens.Extract;

internal enum BlockKind
{
    Paragraph,
    Heading,
    ListItem,
    Preformatted,
    Quote,
    TableCell,
    Caption,
}

/// <summary>
/// One run of text between block boundaries, HTML or plain text alike: the unit that selection scores and
/// trimming keeps or removes.
/// </summary>
internal sealed class TextBlock
{
    public TextBlock(string text, BlockKind kind, int headingLevel, int linkChars, HtmlNode? owner, IReadOnlyList<RemovedLink> links)
    {
        Text = text;
        Kind = kind;
        HeadingLevel = headingLevel;
        LinkChars = linkChars;
        Owner = owner;
        Links = links;
        // One pass for the three counts (same rules as TextStats.CountVisible, TextNormaliser.EffectiveLength and CountPunctuation).
        int visible = 0, effective = 0, punctuation = 0;
        foreach (var c in text)
        {
            if (c > ' ' && c < '\u0080')
            {
                // Printable ASCII (most of the text): visible, one Latin character, punctuation from the ASCII set only.
                visible++;
                effective++;
                if (c is ',' or '.' or ';' or '!' or '?' or ':')
                    punctuation++;
                continue;
            }
            if (!char.IsWhiteSpace(c))
                visible++;
            if (!TextNormaliser.IsSpace(c))
                effective += TextNormaliser.IsCjk(c) ? 3 : 1;
            if (TextNormaliser.IsProsePunctuation(c))
                punctuation++;
        }
        VisibleChars = visible;
        EffectiveLength = effective;
        Punctuation = punctuation;
    }

    public string Text { get; }

    public BlockKind Kind { get; }

    /// <summary>1–6 for headings, 0 otherwise.</summary>
    public int HeadingLevel { get; }

    public int LinkChars { get; }

    /// <summary>The nearest block element holding the text (null for plain-text pages).</summary>
    public HtmlNode? Owner { get; }

    public IReadOnlyList<RemovedLink> Links { get; }

    public int VisibleChars { get; }

    public int EffectiveLength { get; }

    public int Punctuation { get; }

    public double LinkDensity => VisibleChars == 0 ? 0 : Math.Min(1.0, LinkChars / (double)VisibleChars);

    public override string ToString() => $"{Kind}: {Text}";
}
