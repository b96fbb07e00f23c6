namespace NewsLens.Analyse.Sequence;

/// <summary>
/// Feature keys without strings: a template id and up to three 16-bit values are packed into 56 bits and
/// scrambled by a 64-bit bijection, so two different (template, values) never share a key.
/// </summary>
internal static class FeatureKey
{
    /// <summary>Packs and scrambles; <paramref name="template"/> must be 1..255 so that no key is 0 (0 marks an empty slot).</summary>
    public static ulong Of(int template, int a, int b = 0, int c = 0) => Scramble(Pack(template, a, b, c));

    /// <summary>The unscrambled form: template in bits 48–55, then the three 16-bit values.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static ulong Pack(int template, int a, int b = 0, int c = 0) =>
        ((ulong)(uint)template << 48) | ((ulong)(ushort)a << 32) | ((ulong)(ushort)b << 16) | (ushort)c;

    /// <summary>A word's identity as a feature: 48 bits of a hash of its characters (collisions are negligible at 10⁵ words).</summary>
    public static ulong OfWord(int template, ReadOnlySpan<char> word) => Scramble(((ulong)(uint)template << 48) | PackedWord(word));

    /// <summary>The low 48 bits of the packed <see cref="OfWord"/> key (the word hash's three 16-bit parts, low part first).</summary>
    public static ulong PackedWord(ReadOnlySpan<char> word)
    {
        var h = 0xcbf29ce484222325UL;
        foreach (var c in word)
            h = (h ^ c) * 0x100000001b3UL;
        h = Scramble(h);
        return Pack(0, (int)(h & 0xFFFF), (int)((h >> 16) & 0xFFFF), (int)((h >> 32) & 0xFFFF));
    }

    /// <summary>The MurmurHash3 64-bit finaliser: a bijection that spreads every input bit over the whole word.</summary>
    public static ulong Scramble(ulong x)
    {
        x ^= x >> 33;
        x *= 0xff51afd7ed558ccdUL;
        x ^= x >> 33;
        x *= 0xc4ceb9fe1a85ec53UL;
        x ^= x >> 33;
        return x;
    }

    /// <summary>The inverse of <see cref="Scramble"/> (xor-shifts undone, multipliers' inverses mod 2⁶⁴).</summary>
    public static ulong Unscramble(ulong x)
    {
        x ^= x >> 33;
        x *= 0x9cb4b2f8129337dbUL;
        x ^= x >> 33;
        x *= 0x4f74430c22a54005UL;
        x ^= x >> 33;
        return x;
    }
}
