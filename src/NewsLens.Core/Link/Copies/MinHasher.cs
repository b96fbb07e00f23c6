namespace NewsLens.Link.Copies;

/// <summary>
/// MinHash with deterministic permutations h_i(x) = high 32 bits of (a_i·x + b_i) mod 2^64 (a_i odd), over
/// shingle hashes that are already avalanche-mixed, so one multiply-add per value and permutation.
/// </summary>
internal sealed class MinHasher
{
    /// <summary>Permutations computed per pass over the shingles (kept in registers; the count must divide by it).</summary>
    private const int Lanes = 4;

    private readonly ulong[] a;
    private readonly ulong[] b;

    public MinHasher(LinkOptions options)
    {
        options.Validate();
        a = new ulong[options.Permutations];
        b = new ulong[options.Permutations];
        var state = options.Seed;
        for (var i = 0; i < a.Length; i++)
        {
            a[i] = LinkHash.Next(ref state) | 1UL;
            b[i] = LinkHash.Next(ref state);
        }
    }

    public int Permutations => a.Length;

    /// <summary>The signature of a shingle set; an empty set gets all-max values (similar to nothing but another empty text).</summary>
    public uint[] Sign(ReadOnlySpan<ulong> shingles)
    {
        var sig = new uint[a.Length];
        var i = 0;
        for (; i + Lanes <= sig.Length; i += Lanes)
        {
            ulong a0 = a[i], a1 = a[i + 1], a2 = a[i + 2], a3 = a[i + 3];
            ulong b0 = b[i], b1 = b[i + 1], b2 = b[i + 2], b3 = b[i + 3];
            ulong m0 = ulong.MaxValue, m1 = ulong.MaxValue, m2 = ulong.MaxValue, m3 = ulong.MaxValue;
            foreach (var x in shingles)
            {
                m0 = Math.Min(m0, a0 * x + b0);
                m1 = Math.Min(m1, a1 * x + b1);
                m2 = Math.Min(m2, a2 * x + b2);
                m3 = Math.Min(m3, a3 * x + b3);
            }
            sig[i] = (uint)(m0 >> 32);
            sig[i + 1] = (uint)(m1 >> 32);
            sig[i + 2] = (uint)(m2 >> 32);
            sig[i + 3] = (uint)(m3 >> 32);
        }
        for (; i < sig.Length; i++)
        {
            var min = ulong.MaxValue;
            foreach (var x in shingles)
                min = Math.Min(min, a[i] * x + b[i]);
            sig[i] = (uint)(min >> 32);
        }
        return sig;
    }
}
