using System.Collections.Frozen;

namespace NewsLens.Extract.Html;

/// <summary>What the parser and the extraction passes need to know about a tag name, as bits read once per element.</summary>
[Flags]
internal enum TagFlags
{
    None = 0,

    /// <summary>Ends a text block (block-level for linearising and for removed-text line breaks).</summary>
    Block = 1,

    /// <summary>Never has content (HTML void element).</summary>
    Void = 1 << 1,

    /// <summary>Content is not markup (script, style, title...).</summary>
    RawText = 1 << 2,

    /// <summary>Its start tag closes an open p (HTML5 "closes a p element in button scope").</summary>
    ClosesParagraph = 1 << 3,

    /// <summary>HTML5 "special": an unmatched inline end tag never closes across it.</summary>
    Special = 1 << 4,

    /// <summary>A block end tag does not close elements outside it (table cells and the like).</summary>
    ScopeBoundary = 1 << 5,

    /// <summary>A void element extraction never reads: no node is made for it.</summary>
    SkippedVoid = 1 << 6,

    /// <summary>Never article text (scripts, media, form controls): cleaning drops it without a record.</summary>
    NonContent = 1 << 7,
}

/// <summary>
/// The tag names the parser knows, each with one shared lower-case string (so names compare by reference
/// first) and its <see cref="TagFlags"/>. Unknown names (custom elements) get no flags: inline, as browsers treat them.
/// </summary>
internal static class TagTable
{
    private const string Known =
        "a abbr address applet area article aside audio b base basefont bdi bdo bgsound big blockquote body br button canvas caption center cite code col colgroup data datalist dd del details dfn dialog dir div dl dt em embed fieldset figcaption figure font footer form frame frameset h1 h2 h3 h4 h5 h6 head header hgroup hr html i iframe img input ins kbd keygen label legend li link main map mark marquee math menu meta nav noembed noframes noscript object ol optgroup option p param picture plaintext pre q s samp script section select small source span strike strong style sub summary sup svg table tbody td template text textarea tfoot th thead time title tr track tt u ul var video wbr xmp";

    private static readonly (TagFlags Flag, string Names)[] Sets =
    [
        (TagFlags.Block, "address article aside blockquote body center dd details dialog dir div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html li main menu nav ol p pre section summary table tbody td tfoot th thead tr ul caption legend text option frame"),
        (TagFlags.Void, "area base br col embed hr img input link meta param source track wbr keygen basefont bgsound frame"),
        (TagFlags.RawText, "script style textarea title xmp iframe noembed noframes noscript plaintext svg math select"),
        (TagFlags.ClosesParagraph, "address article aside blockquote center details dialog dir div dl fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr main menu nav ol p pre section summary table ul li dd dt"),
        (TagFlags.Special, "address article aside blockquote body center dd details dir div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup html li main menu nav ol p pre section summary table tbody td tfoot th thead tr ul caption select button marquee object applet"),
        (TagFlags.ScopeBoundary, "html table td th caption template object marquee applet"),
        (TagFlags.SkippedVoid, "img source track wbr area col param embed input keygen basefont bgsound"),
        (TagFlags.NonContent, "script style noscript template svg canvas iframe object embed select option button input textarea audio video map head link meta title source picture img math noembed noframes frameset label"),
    ];

    private static readonly FrozenDictionary<string, (string Name, TagFlags Flags)> Table = Build();

    private static readonly AsciiNameTable Names = new([.. Table.Keys]);

    private static readonly TagFlags[] FlagsByIndex = [.. Table.Keys.Select(k => Table[k].Flags)];

    /// <summary>The synthetic root: a block, so the last run of text is flushed at the end.</summary>
    public const TagFlags DocumentFlags = TagFlags.Block;

    /// <summary>The shared lower-case name and flags of a tag name as written (any ASCII case), or false for a name the table does not know.</summary>
    public static bool TryGet(ReadOnlySpan<char> rawName, out string name, out TagFlags flags)
    {
        var i = Names.IndexOf(rawName);
        if (i >= 0)
        {
            name = Names[i];
            flags = FlagsByIndex[i];
            return true;
        }
        name = "";
        flags = TagFlags.None;
        return false;
    }

    public static TagFlags FlagsOf(string name) => Table.TryGetValue(name, out var entry) ? entry.Flags : name == "#document" ? DocumentFlags : TagFlags.None;

    private static FrozenDictionary<string, (string Name, TagFlags Flags)> Build()
    {
        var flags = new Dictionary<string, TagFlags>(StringComparer.Ordinal);
        foreach (var n in Known.Split(' '))
            flags[n] = TagFlags.None;
        foreach (var (flag, names) in Sets)
        {
            foreach (var n in names.Split(' '))
                flags[n] = flags.GetValueOrDefault(n) | flag;
        }
        return flags.ToFrozenDictionary(kv => kv.Key, kv => (kv.Key, kv.Value), StringComparer.Ordinal);
    }
}
