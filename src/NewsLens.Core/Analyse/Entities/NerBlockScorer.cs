using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using NewsLens.Analyse.Sequence;

namespace NewsLens.Analyse.Entities;

/// <summary>
/// The per-character label scores of an entity model (<see cref="NerFeatures.FeatureSet"/>), computed with
/// about half as many memory lookups as features. At load the model's keys are unscrambled and regrouped by
/// the value they share: the weights of one character at its seven window offsets form one block (one lookup
/// per character serves seven positions), likewise a bigram at its four offsets, a trigram at its three, a
/// character class at its five, a class bigram at its two, and a dictionary word as the word beginning at,
/// ending at and ending just before a character. The other templates keep one block each. The sums are
/// exactly those of the generic per-feature lookup (same integer weights, same features; a unit test compares
/// both). Read-only, thread-safe.
/// </summary>
internal sealed unsafe class NerBlockScorer
{
    /// <summary>Ints per position of the score rows: the labels rounded up to two 8-lane vectors.</summary>
    public const int Stride = 16;

    /// <summary>Labels the vector code handles: more than one 8-lane vector, at most two.</summary>
    private const int MinLabels = 9;

    /// <summary>A slot's weights are read as 16 shorts; the lanes past the labels are masked off.</summary>
    private const int ReadShorts = 16;

    private const ulong ValueMask = 0xFFFF_FFFF_FFFFUL;

    /// <summary>Grouped members of all groups (24); a bound for the per-call term list.</summary>
    private const int MaxTerms = 32;

    /// <summary>
    /// The feature templates sharing a value, as (index in a position's <see cref="NerFeatures.PerPosition"/> keys,
    /// offset of the position whose value it reads, template id). Each group becomes one block table whose
    /// slot k holds the weights of the group's template k. Indices and templates are those of <see cref="NerFeatures"/>.
    /// </summary>
    private static readonly Group[] Groups =
    [
        // Unigrams c−3 … c+3: templates 1–7 at indices 0–6.
        new([new Member(0, -3, 1), new Member(1, -2, 2), new Member(2, -1, 3), new Member(3, 0, 4), new Member(4, 1, 5), new Member(5, 2, 6), new Member(6, 3, 7)]),
        // Bigrams starting at −2 … +1: templates 8–11.
        new([new Member(7, -2, 8), new Member(8, -1, 9), new Member(9, 0, 10), new Member(10, 1, 11)]),
        // Trigrams starting at −1 (13), −2 (14), 0 (15).
        new([new Member(12, -1, 13), new Member(13, -2, 14), new Member(14, 0, 15)]),
        // Words: the word beginning here (25) is its own stream; the word ending here (26) is the word ending
        // just before the next position (27).
        new([new Member(21, 0, 25)], [new Member(22, 0, 26), new Member(23, -1, 27)]),
        // Character classes at −2 … +2 (35–39) and class bigrams starting at −1 (40) and 0 (41).
        new([new Member(31, -2, 35), new Member(32, -1, 36), new Member(33, 0, 37), new Member(34, 1, 38), new Member(35, 2, 39)]),
        new([new Member(36, -1, 40), new Member(37, 0, 41)]),
    ];

    /// <summary>Indices of the keys that keep a block each (skip bigram, kinds, dictionary, gazetteer, suffix features).</summary>
    private static readonly int[] OtherIndices = [11, 15, 16, 17, 18, 19, 20, 24, 25, 26, 27, 28, 29, 30];

    private readonly int labelCount;
    private readonly BlockTable[] tables;
    private readonly BlockTable others;
    private readonly Vector128<short> highMask;

    private NerBlockScorer(int labelCount, BlockTable[] tables, BlockTable others)
    {
        this.labelCount = labelCount;
        this.tables = tables;
        this.others = others;
        var mask = new short[8];
        for (var k = 0; k < labelCount - 8; k++)
            mask[k] = -1;
        highMask = Vector128.Create(mask);
    }

    public long MemoryBytes => tables.Sum(t => t.MemoryBytes) + others.MemoryBytes;

    /// <summary>The scorer for a model of <see cref="NerFeatures.FeatureSet"/> with 9–16 labels; null otherwise (the generic path then serves).</summary>
    // Runs once per load over the whole model: compiled fully optimised at once instead of starting in tier 0.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static NerBlockScorer? TryCreate(SequenceModelData data)
    {
        var l = data.Labels.Count;
        if (!string.Equals(data.FeatureSet, NerFeatures.FeatureSet, StringComparison.Ordinal) || l is < MinLabels or > ReadShorts)
            return null;
        // Template id → (group, slot); templates of no group go to the others (group = Groups.Length, slot 0).
        var groupOf = new int[256];
        var slotOf = new int[256];
        Array.Fill(groupOf, Groups.Length);
        var slotCounts = new int[Groups.Length + 1];
        slotCounts[Groups.Length] = 1;
        for (var g = 0; g < Groups.Length; g++)
        {
            var members = Groups[g].Streams.SelectMany(s => s.Members).ToArray();
            slotCounts[g] = members.Length;
            for (var k = 0; k < members.Length; k++)
            {
                groupOf[members[k].Template] = g;
                slotOf[members[k].Template] = k;
            }
        }
        var builders = slotCounts.Select(s => new BlockTableBuilder(s, l)).ToArray();
        var packedKeys = new ulong[data.Keys.Length];
        for (var i = 0; i < data.Keys.Length; i++)
        {
            packedKeys[i] = FeatureKey.Unscramble(data.Keys[i]);
            builders[groupOf[(int)(packedKeys[i] >> 48) & 0xFF]].Count++;
        }
        foreach (var builder in builders)
            builder.Allocate();
        for (var i = 0; i < packedKeys.Length; i++)
        {
            var packed = packedKeys[i];
            var template = (int)(packed >> 48) & 0xFF;
            var g = groupOf[template];
            builders[g].Add(g == Groups.Length ? packed : packed & ValueMask, slotOf[template], i);
        }
        var slack = 2 * (ReadShorts - l);
        var built = builders.Select(b => b.Build(data.Weights, slack)).ToArray();
        return new NerBlockScorer(l, built[..Groups.Length], built[Groups.Length]);
    }

    /// <summary>
    /// Fills <paramref name="scores"/> (<see cref="Stride"/> ints per position; lanes past the labels are 0)
    /// from <paramref name="keys"/>, the <see cref="NerFeatures.ExtractPacked"/> keys of <paramref name="n"/> positions.
    /// </summary>
    public void Score(ReadOnlySpan<ulong> keys, int n, Span<int> scores)
    {
        if (n == 0)
            return;
        if (keys.Length < n * NerFeatures.PerPosition || scores.Length < n * Stride)
            throw new ArgumentException("key or score buffer too small");
        // One lookup sequence per stream, covering positions minOffset … n−1+maxOffset, then one per other key.
        var streamCount = 0;
        var lookups = 0;
        foreach (var group in Groups)
        {
            foreach (var stream in group.Streams)
            {
                lookups += n + stream.Span;
                streamCount++;
            }
        }
        lookups += n * OtherIndices.Length;
        var keyArray = ArrayPool<ulong>.Shared.Rent(lookups);
        var rowArray = ArrayPool<nint>.Shared.Rent(lookups);
        try
        {
            var lookupKeys = keyArray.AsSpan(0, lookups);
            var rows = rowArray.AsSpan(0, lookups);
            var at = 0;
            foreach (var group in Groups)
            {
                foreach (var stream in group.Streams)
                {
                    // Value at position j (j = min … n−1+max) from whichever member reads it; all members agree.
                    var sequence = lookupKeys.Slice(at, n + stream.Span);
                    foreach (var member in stream.Members)
                    {
                        var shift = member.Offset - stream.MinOffset;
                        for (var i = 0; i < n; i++)
                            sequence[i + shift] = keys[i * NerFeatures.PerPosition + member.Index];
                    }
                    at += n + stream.Span;
                }
            }
            var otherAt = at;
            for (var i = 0; i < n; i++)
                for (var k = 0; k < OtherIndices.Length; k++)
                    lookupKeys[at++] = keys[i * NerFeatures.PerPosition + OtherIndices[k]];

            // Request every row first (independent memory requests), then resolve.
            at = 0;
            for (var g = 0; g < Groups.Length; g++)
            {
                var group = Groups[g];
                var table = tables[g];
                foreach (var stream in group.Streams)
                {
                    Lookup(table, lookupKeys, rows, at, n + stream.Span, ValueMask);
                    at += n + stream.Span;
                }
            }
            Lookup(others, lookupKeys, rows, otherAt, n * OtherIndices.Length, ulong.MaxValue);

            // Per grouped member: where its lookups for position 0 are, and its slot's first weight.
            Span<int> termRow = stackalloc int[MaxTerms];
            Span<int> termShift = stackalloc int[MaxTerms];
            var terms = 0;
            at = 0;
            foreach (var group in Groups)
            {
                var slot = 0;
                foreach (var stream in group.Streams)
                {
                    foreach (var member in stream.Members)
                    {
                        termRow[terms] = at - stream.MinOffset + member.Offset;
                        termShift[terms] = slot * labelCount;
                        terms++;
                        slot++;
                    }
                    at += n + stream.Span;
                }
            }

            fixed (nint* r = rows)
            fixed (int* output = scores)
            fixed (int* tr = termRow)
            fixed (int* ts = termShift)
            {
                var mask = highMask;
                for (var i = 0; i < n; i++)
                {
                    Vector128<int> acc0 = default, acc1 = default, acc2 = default, acc3 = default;
                    for (var t = 0; t < terms; t++)
                        Add((short*)r[tr[t] + i] + ts[t], mask, ref acc0, ref acc1, ref acc2, ref acc3);
                    var o = r + otherAt + i * OtherIndices.Length;
                    for (var k = 0; k < OtherIndices.Length; k++)
                        Add((short*)o[k], mask, ref acc0, ref acc1, ref acc2, ref acc3);
                    var dst = output + i * Stride;
                    Vector128.Store(acc0, dst);
                    Vector128.Store(acc1, dst + 4);
                    Vector128.Store(acc2, dst + 8);
                    Vector128.Store(acc3, dst + 12);
                }
            }
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(keyArray);
            ArrayPool<nint>.Shared.Return(rowArray);
        }
    }

    /// <summary>Rows of <paramref name="count"/> packed keys from <paramref name="from"/>: 0 (no feature) → the zero block.</summary>
    private static void Lookup(BlockTable table, Span<ulong> keys, Span<nint> rows, int from, int count, ulong mask)
    {
        for (var k = from; k < from + count; k++)
            rows[k] = keys[k] == 0 ? 0 : (nint)table.HomeWide(keys[k] & mask);
        for (var k = from; k < from + count; k++)
            rows[k] = rows[k] == 0 ? (nint)table.Zero : (nint)table.Resolve((byte*)rows[k], keys[k] & mask);
    }

    /// <summary>Adds one slot's label weights (16 shorts read, the lanes past the labels masked off).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Add(short* weights, Vector128<short> highMask, ref Vector128<int> acc0, ref Vector128<int> acc1, ref Vector128<int> acc2, ref Vector128<int> acc3)
    {
        var (a, b) = Vector128.Widen(Vector128.Load(weights));
        var (c, d) = Vector128.Widen(Vector128.Load(weights + 8) & highMask);
        acc0 += a;
        acc1 += b;
        acc2 += c;
        acc3 += d;
    }

    /// <summary>A feature template of a group: its key's index in a position's keys, the offset of the value it reads, its id.</summary>
    private readonly record struct Member(int Index, int Offset, int Template);

    /// <summary>Members that read one sequence of values (e.g. the characters), at different offsets.</summary>
    private sealed class Stream(Member[] members)
    {
        public int MinOffset { get; } = members.Min(m => m.Offset);

        /// <summary>Extra lookups beyond one per position: max offset − min offset.</summary>
        public int Span { get; } = members.Max(m => m.Offset) - members.Min(m => m.Offset);

        public Member[] Members { get; } = members;
    }

    /// <summary>Templates that share one block table, in slot order, as one or more streams.</summary>
    private sealed class Group(params Member[][] streams)
    {
        public Stream[] Streams { get; } = [.. streams.Select(s => new Stream(s))];
    }
}
