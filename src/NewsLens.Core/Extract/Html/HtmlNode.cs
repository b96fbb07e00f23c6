namespace NewsLens.Extract.Html;

/// <summary>Where the text of a subtree is written, piece by piece.</summary>
internal interface ITextSink
{
    void Append(ReadOnlySpan<char> text);
}

internal enum HtmlNodeKind
{
    Element,
    Text,
}

/// <summary>
/// One node of the parsed page. Deliberately small: extraction needs names, a few attributes, text and
/// the tree shape, nothing of the full DOM. Element names are lower-case; text is entity-decoded.
/// Children are a doubly linked sibling chain (no list per element, O(1) removal), and a text node
/// without entities keeps only its range of the page: its string is made the first time it is asked for.
/// </summary>
internal sealed class HtmlNode
{
    private string? classAndId;
    private string? text;
    private readonly string? source;
    private readonly int start;
    private readonly int length;

    private HtmlNode(HtmlNodeKind kind, string name, TagFlags flags, string? text, string[]? attributes)
    {
        Kind = kind;
        Name = name;
        Flags = flags;
        this.text = text;
        Attributes = attributes;
    }

    private HtmlNode(string source, int start, int length)
    {
        Kind = HtmlNodeKind.Text;
        Name = "#text";
        this.source = source;
        this.start = start;
        this.length = length;
    }

    public HtmlNodeKind Kind { get; }

    /// <summary>Lower-case tag name, or "#text".</summary>
    public string Name { get; }

    /// <summary>What the tag is (block, void, non-content...), from <see cref="TagTable"/>; none for text and unknown tags.</summary>
    public TagFlags Flags { get; }

    public bool Is(TagFlags flag) => (Flags & flag) != 0;

    /// <summary>Decoded text of a text node (also the raw content of raw-text elements such as JSON-LD scripts).</summary>
    public string? Text => text ??= source?.Substring(start, length);

    /// <summary>The text of a text node without making a string of it (empty for elements).</summary>
    public ReadOnlySpan<char> TextSpan => text is not null ? text.AsSpan() : source is not null ? source.AsSpan(start, length) : default;

    /// <summary>Kept attributes as name, value, name, value... (null when the element has none).</summary>
    private string[]? Attributes { get; }

    public bool HasAttributes => Attributes is not null;

    public HtmlNode? Parent { get; private set; }

    public HtmlNode? FirstChild { get; private set; }

    public HtmlNode? LastChild { get; private set; }

    public HtmlNode? NextSibling { get; private set; }

    public HtmlNode? PreviousSibling { get; private set; }

    public bool HasChildren => FirstChild is not null;

    /// <summary>Depth below the document root (the root is 0).</summary>
    public int Depth { get; private set; }

    public bool IsElement => Kind == HtmlNodeKind.Element;

    /// <summary>
    /// The element's number in the order the parser made it (0 for nodes made elsewhere): its hash code, so the
    /// per-node tables of scoring cost no identity-hash allocation. Equality stays reference equality.
    /// </summary>
    internal int Ordinal { get; set; }

    public override int GetHashCode() => Ordinal != 0 ? Ordinal : System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this);

    /// <summary>
    /// Whitespace-only runs between tags (a third of all nodes on real pages if each were a " " text node) are kept
    /// as counts where they stood: this one, before the first child; <see cref="GapsAfter"/>, right after this node.
    /// Readers of text treat each gap as one " " text node at that place (<see cref="AppendInnerText{TSink}"/>).
    /// </summary>
    public int GapsBeforeChildren { get; set; }

    /// <summary>Whitespace-only runs between the end of this node and its next sibling (or the end of its parent).</summary>
    public int GapsAfter { get; set; }

    /// <summary>Visible characters (whitespace excluded) in this subtree; filled by <see cref="TextStats"/>.</summary>
    public int TextChars { get; set; }

    /// <summary>Of <see cref="TextChars"/>, those inside links.</summary>
    public int LinkChars { get; set; }

    public static HtmlNode Element(string name, TagFlags flags, string[]? attributes) => new(HtmlNodeKind.Element, name, flags, null, attributes);

    public static HtmlNode Element(string name, string[]? attributes) => new(HtmlNodeKind.Element, name, TagTable.FlagsOf(name), null, attributes);

    public static HtmlNode TextNode(string text) => new(HtmlNodeKind.Text, "#text", TagFlags.None, text, null);

    /// <summary>A text node standing for <c>source[start..start+length]</c>, materialised only when read as a string.</summary>
    public static HtmlNode TextNode(string source, int start, int length) => new(source, start, length);

    public void Append(HtmlNode child)
    {
        child.Parent = this;
        child.Depth = Depth + 1;
        child.PreviousSibling = LastChild;
        child.NextSibling = null;
        if (LastChild is null)
            FirstChild = child;
        else
            LastChild.NextSibling = child;
        LastChild = child;
    }

    /// <summary>Detaches this node from its parent (extraction removes boilerplate subtrees this way).</summary>
    public void Remove()
    {
        if (Parent is { } parent)
        {
            // The whitespace after this node stays in the tree, now after the previous sibling (or leading the parent).
            if (GapsAfter > 0)
            {
                if (PreviousSibling is { } previous)
                    previous.GapsAfter += GapsAfter;
                else
                    parent.GapsBeforeChildren += GapsAfter;
                GapsAfter = 0;
            }
            if (PreviousSibling is null)
                parent.FirstChild = NextSibling;
            else
                PreviousSibling.NextSibling = NextSibling;
            if (NextSibling is null)
                parent.LastChild = PreviousSibling;
            else
                NextSibling.PreviousSibling = PreviousSibling;
        }
        Parent = null;
        NextSibling = null;
        PreviousSibling = null;
    }

    /// <summary>Removes every child the predicate picks, in one pass over the children.</summary>
    public void RemoveChildren(Predicate<HtmlNode> drop)
    {
        for (var c = FirstChild; c is not null;)
        {
            var next = c.NextSibling;
            if (drop(c))
                c.Remove();
            c = next;
        }
    }

    /// <summary>Children in document order (a fresh list: for the few callers that need indexing).</summary>
    public List<HtmlNode> ChildList()
    {
        var list = new List<HtmlNode>();
        for (var c = FirstChild; c is not null; c = c.NextSibling)
            list.Add(c);
        return list;
    }

    /// <summary>
    /// The node after <paramref name="node"/> in a depth-first walk of this subtree, or null at its end;
    /// with <paramref name="skipChildren"/> the walk does not enter <paramref name="node"/>. No stack, no allocation.
    /// </summary>
    public HtmlNode? NextInSubtree(HtmlNode node, bool skipChildren = false)
    {
        if (!skipChildren && node.FirstChild is { } first)
            return first;
        for (var n = node; n is not null && n != this; n = n.Parent)
        {
            if (n.NextSibling is { } next)
                return next;
        }
        return null;
    }

    public string? Attr(string name)
    {
        var a = Attributes;
        if (a is null)
            return null;
        for (var k = 0; k + 1 < a.Length; k += 2)
        {
            if (string.Equals(a[k], name, StringComparison.Ordinal))
                return a[k + 1];
        }
        return null;
    }

    /// <summary>Class and id joined, lower-case: what boilerplate and content cues are matched against.</summary>
    public string ClassAndId()
    {
        if (classAndId is not null)
            return classAndId;
        var c = Attr("class");
        var i = Attr("id");
        classAndId = c is null && i is null ? "" : string.Concat(c ?? "", " ", i ?? "").ToLowerInvariant();
        return classAndId;
    }

    /// <summary>Every descendant node, depth-first in document order, without recursion.</summary>
    public List<HtmlNode> Descendants()
    {
        var result = new List<HtmlNode>();
        CollectDescendants(result);
        return result;
    }

    /// <summary>Appends every descendant, in document order, to <paramref name="into"/> (no recursion, no stack).</summary>
    public void CollectDescendants(List<HtmlNode> into)
    {
        for (var n = FirstChild; n is not null; n = NextInSubtree(n))
            into.Add(n);
    }

    /// <summary>The concatenated text of every text node below this one, each whitespace gap as one space.</summary>
    public void AppendInnerText(System.Text.StringBuilder into) => AppendInnerText(new StringBuilderSink(into));

    /// <summary>
    /// Every text node below this one in document order, with one " " for each whitespace gap where it stood (the
    /// gaps after this node itself are outside it). A walk with enter and leave, no stack, no allocation.
    /// </summary>
    public void AppendInnerText<TSink>(TSink into)
        where TSink : ITextSink
    {
        if (Kind == HtmlNodeKind.Text)
            return;
        var node = this;
        while (true)
        {
            if (node.Kind == HtmlNodeKind.Text)
            {
                into.Append(node.TextSpan);
            }
            else
            {
                AppendGaps(into, node.GapsBeforeChildren);
                if (node.FirstChild is { } first)
                {
                    node = first;
                    continue;
                }
            }
            while (node != this && node.NextSibling is null)
            {
                AppendGaps(into, node.GapsAfter);
                node = node.Parent!;
            }
            if (node == this)
                return;
            AppendGaps(into, node.GapsAfter);
            node = node.NextSibling!;
        }
    }

    /// <summary>Writes each of <paramref name="gaps"/> whitespace gaps as the " " text node it stands for.</summary>
    public static void AppendGaps<TSink>(TSink into, int gaps)
        where TSink : ITextSink
    {
        for (var k = 0; k < gaps; k++)
            into.Append(" ");
    }

    private readonly struct StringBuilderSink(System.Text.StringBuilder builder) : ITextSink
    {
        public void Append(ReadOnlySpan<char> text) => builder.Append(text);
    }

    public override string ToString() => Kind == HtmlNodeKind.Text ? $"\"{Text}\"" : $"<{Name}>";
}
