namespace NewsLens.Link;

/// <summary>Deterministic 64-bit mixing shared by shingling, MinHash and LSH (stable across runs and machines).</summary>
internal static class LinkHash
{
    /// <summary>The SplitMix64 finaliser: a bijective avalanche mix.</summary>
    public static ulong Mix(ulong x)
    {
        x ^= x >> 30;
        x *= 0xBF58476D1CE4E5B9UL;
        x ^= x >> 27;
        x *= 0x94D049BB133111EBUL;
        x ^= x >> 31;
        return x;
    }

    /// <summary>Step of the SplitMix64 generator: advances <paramref name="state"/> and returns the next value.</summary>
    public static ulong Next(ref ulong state)
    {
        state += 0x9E3779B97F4A7C15UL;
        return Mix(state);
    }

    /// <summary>Combines a running hash with one more value (order-sensitive).</summary>
    public static ulong Combine(ulong h, ulong value) => (h ^ value) * 0x100000001B3UL + 0x9E3779B97F4A7C15UL;
}
