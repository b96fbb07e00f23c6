namespace NewsLens.Analyse.Sequence;

/// <summary>Decides, during training, that a dictionary match is to be ignored (simulated out-of-vocabulary word).</summary>
internal delegate bool MatchFilter(int start, int length);

/// <summary>
/// A word list for lexicon features and forced words: an open-addressing set of rolling hashes of every
/// word and every word prefix, so scanning from a position stops as soon as no word can continue.
/// Words are stored as given; callers add them in the same normalised form as the text they scan.
/// Each entry is one 64-bit word: the hash with its two low bits replaced by the prefix / word flags, so a
/// scan step reads one array (62 hash bits compared: two strings are confused with odds of 2⁻⁶²).
/// </summary>
internal sealed class Lexicon
{
    /// <summary>Longest word kept; longer dictionary entries (rare, mostly long organisation names) are dropped.</summary>
    public const int MaxWordLength = 24;

    private const byte PrefixFlag = 1;
    private const byte WordFlag = 2;

    private const ulong FlagBits = 3;

    private readonly ulong[] entries;
    private readonly int shift;

    /// <summary>
    /// Bits of the hashed first two characters of every word of two or more characters: most text positions begin
    /// no such word, and one read of this 128 KB set (cache-resident) skips them instead of two table lookups.
    /// A clear bit is certain; a set bit (≈ 6 % falsely, with 84 k words) sends the scan to the table.
    /// </summary>
    private readonly ulong[] pairs = new ulong[PairBits / 64];

    /// <summary>Size of the pair set: 2²⁰ bits, the smallest that keeps false hits below one in ten for 10⁵ words.</summary>
    public const int PairBits = 1 << 20;

    // Runs once per load over the whole model: compiled fully optimised at once instead of starting in tier 0.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public Lexicon(IEnumerable<string> words)
    {
        var list = words as IReadOnlyList<string> ?? [.. words];
        // Sized from the number of prefixes before de-duplication (an upper bound), so entries go straight in.
        long prefixes = 0;
        foreach (var word in list)
            if (word.Length <= MaxWordLength)
                prefixes += word.Length;
        var capacity = 16;
        var bits = 4;
        while (capacity < prefixes * 2)
        {
            capacity <<= 1;
            bits++;
        }
        shift = 64 - bits;
        var mask = capacity - 1;
        entries = new ulong[capacity];
        var count = 0;
        foreach (var word in list)
        {
            if (word.Length == 0 || word.Length > MaxWordLength)
                continue;
            var h = Seed;
            for (var i = 0; i < word.Length; i++)
            {
                h = Step(h, word[i]);
                var flag = i == word.Length - 1 ? WordFlag : PrefixFlag;
                var slot = Slot(h);
                while (entries[slot] != 0 && (entries[slot] & ~FlagBits) != (h & ~FlagBits))
                    slot = (slot + 1) & mask;
                entries[slot] = (h & ~FlagBits) | (entries[slot] & FlagBits) | flag;
            }
            if (word.Length >= 2)
                SetPair(pairs, word[0], word[1]);
            MaxLength = Math.Max(MaxLength, word.Length);
            count++;
        }
        Count = count;
        foreach (var entry in entries)
            if (entry != 0)
                EntryCount++;
    }

    /// <summary>Distinct strings stored (words and word prefixes).</summary>
    public int EntryCount { get; }

    public static Lexicon Empty { get; } = new([]);

    public int Count { get; }

    public int MaxLength { get; }

    public bool Contains(ReadOnlySpan<char> word)
    {
        var h = Seed;
        foreach (var c in word)
            h = Step(h, c);
        return word.Length > 0 && (Lookup(h) & WordFlag) != 0;
    }

    /// <summary>
    /// For every position: the length of the longest word (≥ 2 characters) that begins there, ends there,
    /// or covers it strictly inside; 0 when none. Lengths are capped at <paramref name="cap"/>.
    /// </summary>
    public void LongestMatches(ReadOnlySpan<char> text, Span<byte> begin, Span<byte> end, Span<byte> inside, int cap, MatchFilter? filter = null)
    {
        begin.Clear();
        end.Clear();
        inside.Clear();
        if (Count == 0)
            return;
        for (var i = 0; i + 1 < text.Length; i++)
        {
            // No word of two or more characters begins here: nothing to record (one-character words never are).
            if (!HasPair(pairs, text[i], text[i + 1]))
                continue;
            var h = Step(Seed, text[i]);
            var limit = Math.Min(text.Length, i + MaxLength);
            for (var j = i + 1; j < limit; j++)
            {
                h = Step(h, text[j]);
                var flag = Lookup(h);
                if (flag == 0)
                    break;
                var length = j - i + 1;
                if ((flag & WordFlag) == 0 || (filter is not null && filter(i, length)))
                    continue;
                var capped = (byte)Math.Min(length, cap);
                if (capped > begin[i])
                    begin[i] = capped;
                if (capped > end[j])
                    end[j] = capped;
                for (var k = i + 1; k < j; k++)
                    if (capped > inside[k])
                        inside[k] = capped;
            }
        }
    }

    /// <summary>Leftmost-longest non-overlapping words of at least two characters, as (start, length).</summary>
    public void GreedyWords(ReadOnlySpan<char> text, List<(int Start, int Length)> output)
    {
        output.Clear();
        if (Count == 0)
            return;
        var i = 0;
        while (i < text.Length)
        {
            if (i + 1 == text.Length || !HasPair(pairs, text[i], text[i + 1]))
            {
                i++;
                continue;
            }
            var h = Step(Seed, text[i]);
            var best = 0;
            var limit = Math.Min(text.Length, i + MaxLength);
            for (var j = i + 1; j < limit; j++)
            {
                h = Step(h, text[j]);
                var flag = Lookup(h);
                if (flag == 0)
                    break;
                if ((flag & WordFlag) != 0 && j - i + 1 >= 2)
                    best = j - i + 1;
            }
            if (best > 0)
            {
                output.Add((i, best));
                i += best;
            }
            else
            {
                i++;
            }
        }
    }

    /// <summary>
    /// Every stored entry (<see cref="EntryCount"/> of them) into <paramref name="output"/>: the rolling hash of a
    /// word or word prefix with its two low bits cleared, bit 0 set when the string is a whole word; for
    /// <see cref="LexiconSet"/>, which merges lexicons hashed the same way.
    /// </summary>
    public void CopyEntries(Span<ulong> output)
    {
        var at = 0;
        foreach (var entry in entries)
            if (entry != 0)
                output[at++] = (entry & ~FlagBits) | ((entry & WordFlag) != 0 ? 1UL : 0);
    }

    /// <summary>Adds this lexicon's pair bits to <paramref name="union"/> (of <see cref="PairBits"/> bits), for <see cref="LexiconSet"/>.</summary>
    public void AddPairs(ulong[] union)
    {
        for (var k = 0; k < pairs.Length; k++)
            union[k] |= pairs[k];
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static bool HasPair(ulong[] set, char first, char second)
    {
        var bit = PairBit(first, second);
        return (set[bit >> 6] & (1UL << (int)(bit & 63))) != 0;
    }

    private static void SetPair(ulong[] set, char first, char second)
    {
        var bit = PairBit(first, second);
        set[bit >> 6] |= 1UL << (int)(bit & 63);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static uint PairBit(char first, char second) => ((first * 0x9E3779B1u) ^ (second * 0x85EBCA77u)) * 0xC2B2AE3Du >> 12;

    /// <summary>The rolling hash of the empty string; a text's hash is <see cref="Step"/> applied per character.</summary>
    public const ulong Seed = 0xcbf29ce484222325UL;

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static ulong Step(ulong h, char c) => (h ^ c) * 0x100000001b3UL + 0x9E3779B97F4A7C15UL;

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private int Slot(ulong h) => (int)((h * 0x9E3779B97F4A7C15UL) >> shift);

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private byte Lookup(ulong h)
    {
        var table = entries;
        var mask = table.Length - 1;
        var slot = Slot(h);
        var wanted = h & ~FlagBits;
        while (true)
        {
            var entry = table[slot];
            if (entry == 0)
                return 0;
            if ((entry & ~FlagBits) == wanted)
                return (byte)(entry & FlagBits);
            slot = (slot + 1) & mask;
        }
    }
}
