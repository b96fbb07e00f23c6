namespace NewsLens.Analyse.Sequence;

/// <summary>
/// Feature key → per-label integer weights, in one open-addressing array so that a lookup touches one
/// cache line: each slot is [key low, key high, w0 … wL-1]. Read-only after construction.
/// </summary>
internal sealed class WeightTable
{
    /// <summary>Slots per feature: 2 keeps probe chains short (measured ≈1.3 probes per hit) at 2× memory.</summary>
    private const int SlotsPerFeature = 2;

    private readonly int[] slots;

    /// <summary>One bit per slot, set when the slot is used: 64× smaller than the slots, so it stays in cache and a key
    /// whose home slot is empty (most unknown features) is rejected without touching the big array.</summary>
    private readonly ulong[] used;
    private readonly int mask;
    private readonly int stride;

    public WeightTable(int labelCount, ReadOnlySpan<ulong> keys, ReadOnlySpan<short> weights)
    {
        if ((long)keys.Length * labelCount != weights.Length)
            throw new ArgumentException("weights must hold one row of labelCount values per key", nameof(weights));
        LabelCount = labelCount;
        stride = 2 + labelCount;
        var capacity = 16;
        while (capacity < keys.Length * SlotsPerFeature)
            capacity <<= 1;
        mask = capacity - 1;
        slots = new int[checked(capacity * stride)];
        used = new ulong[(capacity + 63) / 64];
        for (var i = 0; i < keys.Length; i++)
        {
            var key = keys[i];
            if (key == 0)
                throw new InvalidDataException("feature key 0 is reserved");
            var slot = (int)key & mask;
            while (true)
            {
                var at = slot * stride;
                var existing = ((ulong)(uint)slots[at + 1] << 32) | (uint)slots[at];
                if (existing == 0)
                {
                    used[slot >> 6] |= 1UL << (slot & 63);
                    slots[at] = (int)(uint)key;
                    slots[at + 1] = (int)(uint)(key >> 32);
                    for (var y = 0; y < labelCount; y++)
                        slots[at + 2 + y] = weights[i * labelCount + y];
                    break;
                }
                if (existing == key)
                    throw new InvalidDataException($"feature key {key:x16} occurs twice");
                slot = (slot + 1) & mask;
            }
        }
        Count = keys.Length;
    }

    public int LabelCount { get; }

    public int Count { get; }

    public long MemoryBytes => (long)slots.Length * sizeof(int) + (long)used.Length * sizeof(ulong);

    /// <summary>
    /// Adds the weights of every key to the score row of its position: <paramref name="keys"/> holds
    /// <paramref name="perPosition"/> keys per position (0 = none), <paramref name="scores"/> one row of
    /// <see cref="LabelCount"/> per position. Two passes: the first only loads the first slot of every key
    /// (independent loads, so the memory system fetches many cache lines at once instead of one after a
    /// mispredicted branch), the second compares and adds with the lines already in cache.
    /// </summary>
    public void AddAll(ReadOnlySpan<ulong> keys, int perPosition, Span<int> scores, Span<int> firstSlotKeys)
    {
        var s = slots;
        var bits = used;
        for (var k = 0; k < keys.Length; k++)
        {
            var slot = (int)keys[k] & mask;
            firstSlotKeys[k] = (bits[slot >> 6] & (1UL << (slot & 63))) == 0 ? 0 : s[slot * stride];
        }
        var labels = LabelCount;
        for (var k = 0; k < keys.Length; k++)
        {
            var key = keys[k];
            if (key == 0)
                continue;
            var lo = (int)(uint)key;
            var hi = (int)(uint)(key >> 32);
            var slot = lo & mask;
            var at = slot * stride;
            if (firstSlotKeys[k] != lo || s[at + 1] != hi)
            {
                if ((used[slot >> 6] & (1UL << (slot & 63))) == 0)
                    continue;
                at = Probe(lo, hi, (slot + 1) & mask);
                if (at < 0)
                    continue;
            }
            var row = scores.Slice(k / perPosition * labels, labels);
            var w = s.AsSpan(at + 2, labels);
            for (var y = 0; y < w.Length; y++)
                row[y] += w[y];
        }
    }

    private int Probe(int lo, int hi, int slot)
    {
        var s = slots;
        while (true)
        {
            var at = slot * stride;
            var klo = s[at];
            if (klo == lo && s[at + 1] == hi)
                return at;
            if (klo == 0 && s[at + 1] == 0)
                return -1;
            slot = (slot + 1) & mask;
        }
    }

    /// <summary>Adds the weights of <paramref name="key"/> (if known) to <paramref name="scores"/>.</summary>
    public void AddTo(ulong key, Span<int> scores)
    {
        var lo = (int)(uint)key;
        var hi = (int)(uint)(key >> 32);
        var slot = lo & mask;
        var s = slots;
        while (true)
        {
            var at = slot * stride;
            var klo = s[at];
            if (klo == lo && s[at + 1] == hi)
            {
                var w = s.AsSpan(at + 2, scores.Length);
                for (var y = 0; y < w.Length; y++)
                    scores[y] += w[y];
                return;
            }
            if (klo == 0 && s[at + 1] == 0)
                return;
            slot = (slot + 1) & mask;
        }
    }
}
