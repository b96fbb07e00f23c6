using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace NewsLens.Analyse.Sequence;

/// <summary>
/// Exact 63-bit key → a fixed-size block of 16-bit weights, for the scorers that group several feature
/// templates sharing one key (e.g. the same character bigram seen at four offsets) into one cache line.
/// Rows are a power of two bytes, aligned so that a row never straddles a cache line: the key (with its top
/// bit set, so that 0 marks an empty row) then the block. Open addressing with linear probing at load
/// ≤ <see cref="MaxLoad"/>. Lookups are split in two steps, <see cref="Home"/> (address and prefetch) and
/// <see cref="Resolve"/>, so a caller can issue many independent memory requests before waiting on any.
/// Read-only after construction, so thread-safe.
/// </summary>
internal sealed unsafe class BlockTable
{
    /// <summary>Same trade-off as the weight table's: short probe runs at 40 % spare rows.</summary>
    private const double MaxLoad = 0.6;

    private const int CacheLine = 64;

    /// <summary>Rows after the last home row so that probing runs on without wrapping (see <see cref="WeightTable"/>).</summary>
    private const int OverflowRows = 256;

    private const ulong Used = 1UL << 63;

    private readonly TableMemory storage;
    private readonly byte* rows;
    private readonly uint rowCount;
    private readonly int rowBytes;

    /// <summary>An all-zero block returned for absent keys, so callers add it without a branch.</summary>
    private readonly short* zero;

    /// <param name="blockShorts">Weights per block.</param>
    /// <param name="keys">Distinct keys below 2⁶³; block k of <paramref name="weights"/> belongs to keys[k].</param>
    /// <param name="weights"><paramref name="blockShorts"/> weights per key.</param>
    /// <param name="readSlackBytes">Bytes a reader may read past the end of a block (a wide vector load of its
    /// last slot); the zero block and the storage's end get that much readable slack.</param>
    // Runs once per load over the whole model: compiled fully optimised at once instead of starting in tier 0.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public BlockTable(int blockShorts, ReadOnlySpan<ulong> keys, ReadOnlySpan<short> weights, int readSlackBytes = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(blockShorts, 1);
        if ((long)keys.Length * blockShorts != weights.Length)
            throw new ArgumentException("weights must hold one block per key", nameof(weights));
        BlockShorts = blockShorts;
        rowBytes = (int)BitOperations.RoundUpToPowerOf2((uint)(8 + 2 * blockShorts));
        rowCount = (uint)Math.Max(4, (long)Math.Ceiling(keys.Length / MaxLoad));
        var tableBytes = ((long)rowCount + OverflowRows) * rowBytes;
        ArgumentOutOfRangeException.ThrowIfNegative(readSlackBytes);
        var zeroBytes = Math.Max(CacheLine, 2 * blockShorts) + readSlackBytes;
        storage = new TableMemory(tableBytes + zeroBytes);
        rows = storage.Pointer;
        zero = (short*)(rows + tableBytes);
        var end = rows + ((long)rowCount + OverflowRows - 1) * rowBytes;
        for (var k = 0; k < keys.Length; k++)
        {
            var key = keys[k];
            if ((key & Used) != 0)
                throw new ArgumentException($"block key {key:x16} uses the top bit", nameof(keys));
            var row = rows + (long)HomeIndex(key) * rowBytes;
            while (*(ulong*)row != 0)
            {
                if (*(ulong*)row == (key | Used))
                    throw new ArgumentException($"block key {key:x16} occurs twice", nameof(keys));
                row += rowBytes;
                if (row == end)
                    throw new InvalidDataException($"block keys cluster too much (probe run over {OverflowRows} rows)");
            }
            *(ulong*)row = key | Used;
            weights.Slice(k * blockShorts, blockShorts).CopyTo(new Span<short>(row + 8, blockShorts));
        }
        Count = keys.Length;
    }

    public int BlockShorts { get; }

    public int Count { get; }

    public long MemoryBytes => storage.Length;

    /// <summary>The all-zero block that stands for an absent key.</summary>
    public short* Zero => zero;

    /// <summary>The home row of <paramref name="key"/>, already requested from memory.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public byte* Home(ulong key)
    {
        var row = rows + (long)HomeIndex(key) * rowBytes;
        if (Sse.IsSupported)
            Sse.Prefetch0(row);
        return row;
    }

    /// <summary>The home row of <paramref name="key"/>, every cache line of it requested (for rows wider than a line).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public byte* HomeWide(ulong key)
    {
        var row = rows + (long)HomeIndex(key) * rowBytes;
        if (Sse.IsSupported)
        {
            for (var line = 0; line < rowBytes; line += CacheLine)
                Sse.Prefetch0(row + line);
        }
        return row;
    }

    /// <summary>The block of <paramref name="key"/>, probing from its <paramref name="home"/> row; an all-zero block when absent.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public short* Resolve(byte* home, ulong key)
    {
        var wanted = key | Used;
        while (true)
        {
            var stored = *(ulong*)home;
            if (stored == wanted)
                return (short*)(home + 8);
            if (stored == 0)
                return zero;
            home += rowBytes;
        }
    }

    /// <summary>The block of <paramref name="key"/> (a copy), or null when absent; for tests and tools.</summary>
    public short[]? Find(ulong key)
    {
        var block = Resolve(Home(key), key);
        return block == zero ? null : new ReadOnlySpan<short>(block, BlockShorts).ToArray();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private uint HomeIndex(ulong key) => (uint)(((key * 0x9E3779B97F4A7C15UL) >> 32) * rowCount >> 32);
}
