using System.Numerics;

namespace NewsLens.Analyse.Sequence;

/// <summary>
/// Several lexicons (up to <see cref="MaxLists"/>) scanned in one pass: the union of their word and prefix
/// hashes in one open-addressing table whose entries say which lists hold the string as a whole word. Scanning
/// from a position walks on while any list has the prefix, so a text is read once instead of once per list, and
/// the results are those of <see cref="Lexicon.LongestMatches"/> run per list (no filter). Entries compare the
/// rolling hash's top 56 bits (a string is taken for another with odds below 2⁻⁵⁵ per lookup, against 2⁻⁶¹ in
/// one lexicon). Read-only after construction, so thread-safe.
/// </summary>
internal sealed class LexiconSet
{
    /// <summary>Lists one entry can flag: the low byte of an entry holds a word bit per list and a presence bit.</summary>
    public const int MaxLists = 7;

    private const ulong FlagBits = 0xFF;

    /// <summary>Set in every entry, so that 0 marks a free slot (and a prefix that is no list's word is still present).</summary>
    private const ulong Present = 0x80;

    private readonly ulong[] entries;
    private readonly int shift;

    /// <summary>The union of the lists' first-two-character sets (<see cref="Lexicon.HasPair"/>): positions where no list's word begins are skipped.</summary>
    private readonly ulong[] pairs = new ulong[Lexicon.PairBits / 64];

    // Runs once per load over every list: compiled fully optimised at once instead of starting in tier 0.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public LexiconSet(IReadOnlyList<Lexicon> lists)
    {
        if (lists.Count > MaxLists)
            throw new ArgumentException($"at most {MaxLists} lexicons in one set", nameof(lists));
        Count = lists.Count;
        // At most half full even if no string is shared between lists.
        var capacity = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, 2 * lists.Sum(l => l.EntryCount)));
        shift = 64 - BitOperations.Log2((uint)capacity);
        var table = new ulong[capacity];
        var mask = capacity - 1;
        for (var t = 0; t < lists.Count; t++)
        {
            var bit = 1UL << t;
            var stored = new ulong[lists[t].EntryCount];
            lists[t].CopyEntries(stored);
            foreach (var entry in stored)
            {
                var hash = entry & ~FlagBits;
                var slot = Slot(hash);
                while (table[slot] != 0 && (table[slot] & ~FlagBits) != hash)
                    slot = (slot + 1) & mask;
                table[slot] |= hash | Present | ((entry & 1) != 0 ? bit : 0);
            }
            MaxLength = Math.Max(MaxLength, lists[t].MaxLength);
            lists[t].AddPairs(pairs);
        }
        entries = table;
    }

    /// <summary>Number of lists.</summary>
    public int Count { get; }

    public int MaxLength { get; }

    /// <summary>
    /// For list t and position i, at <c>t * text.Length + i</c>: the length (capped at <paramref name="cap"/>) of the
    /// longest word of list t (≥ 2 characters) that begins at, ends at, or strictly covers position i; 0 when none.
    /// Each span holds at least <see cref="Count"/> × text length bytes.
    /// </summary>
    public void LongestMatches(ReadOnlySpan<char> text, Span<byte> begin, Span<byte> end, Span<byte> inside, int cap)
    {
        var n = text.Length;
        begin[..(Count * n)].Clear();
        end[..(Count * n)].Clear();
        inside[..(Count * n)].Clear();
        var table = entries;
        var slotMask = table.Length - 1;
        for (var i = 0; i + 1 < n; i++)
        {
            if (!Lexicon.HasPair(pairs, text[i], text[i + 1]))
                continue;
            var h = Lexicon.Step(Lexicon.Seed, text[i]);
            var limit = Math.Min(n, i + MaxLength);
            for (var j = i + 1; j < limit; j++)
            {
                h = Lexicon.Step(h, text[j]);
                var wanted = h & ~FlagBits;
                var slot = Slot(wanted);
                ulong entry;
                while ((entry = table[slot]) != 0 && (entry & ~FlagBits) != wanted)
                    slot = (slot + 1) & slotMask;
                if (entry == 0)
                    break;
                var words = (uint)(entry & (Present - 1));
                if (words == 0)
                    continue;
                var capped = (byte)Math.Min(j - i + 1, cap);
                while (words != 0)
                {
                    var at = BitOperations.TrailingZeroCount(words) * n;
                    words &= words - 1;
                    if (capped > begin[at + i])
                        begin[at + i] = capped;
                    if (capped > end[at + j])
                        end[at + j] = capped;
                    for (var k = i + 1; k < j; k++)
                        if (capped > inside[at + k])
                            inside[at + k] = capped;
                }
            }
        }
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private int Slot(ulong h) => (int)((h * 0x9E3779B97F4A7C15UL) >> shift);
}
