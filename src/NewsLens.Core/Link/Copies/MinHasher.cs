namespace NewsLens.Link.Copies;

/// <summary>
/// MinHash with deterministic permutations h_i(x) = high 32 bits of (a_i·x + b_i) mod 2^64 (a_i odd), over
/// shingle hashes that are already avalanche-mixed, so one multiply-add per value and permutation.
/// </summary>
internal sealed class MinHasher
{
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
        for (var i = 0; i < sig.Length; i++)
        {
            var ai = a[i];
            var bi = b[i];
            var min = ulong.MaxValue;
            foreach (var x in shingles)
            {
                var v = ai * x + bi;
                if (v < min)
                    min = v;
            }
            sig[i] = (uint)(min >> 32);
        }
        return sig;
    }
}
