namespace NewsLens.Extract.Html;

internal enum HtmlNodeKind
{
    Element,
    Text,
}

/// <summary>
/// One node of the parsed page. Deliberately small: extraction needs names, a few attributes, text and
/// the tree shape, nothing of the full DOM. Element names are lower-case; text is entity-decoded.
/// </summary>
internal sealed class HtmlNode
{
    private List<HtmlNode>? children;

    private HtmlNode(HtmlNodeKind kind, string name, string? text, List<KeyValuePair<string, string>>? attributes)
    {
        Kind = kind;
        Name = name;
        Text = text;
        Attributes = attributes;
    }

    public HtmlNodeKind Kind { get; }

    /// <summary>Lower-case tag name, or "#text".</summary>
    public string Name { get; }

    /// <summary>Decoded text of a text node (also the raw content of raw-text elements such as JSON-LD scripts).</summary>
    public string? Text { get; }

    public List<KeyValuePair<string, string>>? Attributes { get; }

    public HtmlNode? Parent { get; private set; }

    public IReadOnlyList<HtmlNode> Children => (IReadOnlyList<HtmlNode>?)children ?? [];

    public bool HasChildren => children is { Count: > 0 };

    /// <summary>Depth below the document root (the root is 0).</summary>
    public int Depth { get; private set; }

    public bool IsElement => Kind == HtmlNodeKind.Element;

    /// <summary>Visible characters (whitespace excluded) in this subtree; filled by <see cref="TextStats"/>.</summary>
    public int TextChars { get; set; }

    /// <summary>Of <see cref="TextChars"/>, those inside links.</summary>
    public int LinkChars { get; set; }

    public static HtmlNode Element(string name, List<KeyValuePair<string, string>>? attributes) => new(HtmlNodeKind.Element, name, null, attributes);

    public static HtmlNode TextNode(string text) => new(HtmlNodeKind.Text, "#text", text, null);

    public void Append(HtmlNode child)
    {
        child.Parent = this;
        child.Depth = Depth + 1;
        (children ??= []).Add(child);
    }

    /// <summary>Detaches this node from its parent (extraction removes boilerplate subtrees this way).</summary>
    public void Remove()
    {
        Parent?.children?.Remove(this);
        Parent = null;
    }

    public string? Attr(string name)
    {
        if (Attributes is null)
            return null;
        foreach (var kv in Attributes)
        {
            if (string.Equals(kv.Key, name, StringComparison.Ordinal))
                return kv.Value;
        }
        return null;
    }

    /// <summary>Class and id joined, lower-case: what boilerplate and content cues are matched against.</summary>
    public string ClassAndId()
    {
        var c = Attr("class");
        var i = Attr("id");
        if (c is null && i is null)
            return "";
        return string.Concat(c ?? "", " ", i ?? "").ToLowerInvariant();
    }

    /// <summary>Every descendant element, depth-first in document order, without recursion.</summary>
    public IEnumerable<HtmlNode> Descendants()
    {
        if (children is null)
            yield break;
        var stack = new Stack<(HtmlNode Node, int Index)>();
        stack.Push((this, 0));
        while (stack.Count > 0)
        {
            var (node, index) = stack.Pop();
            var list = node.children;
            if (list is null || index >= list.Count)
                continue;
            stack.Push((node, index + 1));
            var child = list[index];
            yield return child;
            if (child.children is { Count: > 0 })
                stack.Push((child, 0));
        }
    }

    public override string ToString() => Kind == HtmlNodeKind.Text ? $"\"{Text}\"" : $"<{Name}>";
}
