using System.Numerics;
using System.Runtime.InteropServices;

namespace NewsLens.Analyse.Sequence;

/// <summary>
/// Collects the features of one template group and packs them into a <see cref="BlockTable"/>: blocks of
/// <c>slots × labels</c> weights, one block per shared key (a character n-gram, a dictionary word), one slot
/// per template offset. Used at model load by the block scorers of segmentation and entities.
/// </summary>
internal sealed class BlockTableBuilder(int slots, int labels)
{
    /// <summary>Block key → block number, open addressing at load ≤ 0.5 of the group's feature count (a bound on its keys).</summary>
    private ulong[] mapKeys = [];
    private int[] mapBlocks = [];
    private readonly List<ulong> blockKeys = [];

    /// <summary>Per added feature: its row in the model's weights, its block and slot.</summary>
    private int[] features = [];
    private int[] targets = [];
    private int added;

    /// <summary>Features the group will receive; set (counted) before <see cref="Allocate"/>.</summary>
    public int Count { get; set; }

    public void Allocate()
    {
        var capacity = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, Count * 2));
        mapKeys = new ulong[capacity];
        mapBlocks = new int[capacity];
        features = new int[Count];
        targets = new int[Count];
    }

    /// <summary>Feature <paramref name="feature"/> (its row in the model's weights) goes to <paramref name="slot"/> of block <paramref name="key"/>.</summary>
    public void Add(ulong key, int slot, int feature)
    {
        var mask = mapKeys.Length - 1;
        var at = (int)((key * 0x9E3779B97F4A7C15UL) >> 40) & mask;
        // Stored as key + 1 so that 0 marks a free entry (block keys stay below 2⁶³).
        while (mapKeys[at] != 0 && mapKeys[at] != key + 1)
            at = (at + 1) & mask;
        if (mapKeys[at] == 0)
        {
            mapKeys[at] = key + 1;
            mapBlocks[at] = blockKeys.Count;
            blockKeys.Add(key);
        }
        features[added] = feature;
        targets[added] = mapBlocks[at] * slots + slot;
        added++;
    }

    public BlockTable Build(short[] weights, int readSlackBytes = 0)
    {
        var blocks = new short[blockKeys.Count * slots * labels];
        for (var k = 0; k < added; k++)
            weights.AsSpan(features[k] * labels, labels).CopyTo(blocks.AsSpan(targets[k] * labels, labels));
        return new BlockTable(slots * labels, CollectionsMarshal.AsSpan(blockKeys), blocks, readSlackBytes);
    }
}
