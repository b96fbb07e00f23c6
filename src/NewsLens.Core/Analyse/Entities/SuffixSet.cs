namespace NewsLens.Analyse.Entities;

/// <summary>
/// A set of short strings (1 to <see cref="MaxLength"/> characters) that typically end names of one type,
/// such as 部, 委员会 or 公司 for organisations and 省, 市 or 斯坦 for places. Each string is packed into one
/// 64-bit value (16 bits per character), so a lookup allocates nothing.
/// </summary>
internal sealed class SuffixSet
{
    public const int MaxLength = 4;

    private readonly HashSet<ulong> packed = [];

    /// <summary>Whether some suffix ends with the character: most characters end none, so most lookups stop at one array read.</summary>
    private readonly bool[] finalChar = new bool[char.MaxValue + 1];

    public SuffixSet(IEnumerable<string> suffixes)
    {
        foreach (var s in suffixes)
        {
            if (s.Length is 0 or > MaxLength || s.Contains('\0', StringComparison.Ordinal))
                continue;
            packed.Add(Pack(s));
            finalChar[s[^1]] = true;
        }
    }

    public static SuffixSet Empty { get; } = new([]);

    public int Count => packed.Count;

    /// <summary>Length of the longest suffix that ends at <paramref name="end"/> (inclusive) of <paramref name="text"/>; 0 when none.</summary>
    public int LongestEndingAt(ReadOnlySpan<char> text, int end)
    {
        if (packed.Count == 0 || !finalChar[text[end]])
            return 0;
        for (var length = Math.Min(MaxLength, end + 1); length >= 1; length--)
            if (packed.Contains(Pack(text.Slice(end - length + 1, length))))
                return length;
        return 0;
    }

    private static ulong Pack(ReadOnlySpan<char> s)
    {
        var x = 0UL;
        foreach (var c in s)
            x = (x << 16) | c;
        return x;
    }
}
