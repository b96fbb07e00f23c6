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
    private string? classAndId;

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

    /// <summary>Removes every child the predicate picks, in one pass over the child list.</summary>
    public void RemoveChildren(Predicate<HtmlNode> drop)
    {
        if (children is null)
            return;
        children.RemoveAll(c =>
        {
            if (!drop(c))
                return false;
            c.Parent = null;
            return true;
        });
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

    /// <summary>Appends every descendant, in document order, to <paramref name="into"/> (no recursion, one stack).</summary>
    public void CollectDescendants(List<HtmlNode> into)
    {
        if (children is null)
            return;
        var stack = new Stack<HtmlNode>();
        for (var k = children.Count - 1; k >= 0; k--)
            stack.Push(children[k]);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            into.Add(node);
            var list = node.children;
            if (list is null)
                continue;
            for (var k = list.Count - 1; k >= 0; k--)
                stack.Push(list[k]);
        }
    }

    public override string ToString() => Kind == HtmlNodeKind.Text ? $"\"{Text}\"" : $"<{Name}>";
}
