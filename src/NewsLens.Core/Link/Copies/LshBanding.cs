namespace NewsLens.Link.Copies;

/// <summary>
/// Band keys of a signature: one 64-bit key per band (band number mixed in, so keys of different bands
/// never meet). Two signatures are LSH candidates when any key is equal. A database store can index these
/// keys directly (one row per article and band) instead of holding <see cref="LshIndex"/> in memory.
/// </summary>
internal sealed class LshBanding(LinkOptions options)
{
    public int Bands => options.Bands;

    public long[] Keys(CopySignature signature)
    {
        var keys = new long[options.Bands];
        for (var band = 0; band < keys.Length; band++)
            keys[band] = (long)Key(signature.Values, band);
        return keys;
    }

    public ulong Key(uint[] values, int band)
    {
        var h = LinkHash.Mix(options.Seed ^ ((ulong)band + 1) * 0x9E3779B97F4A7C15UL);
        var start = band * options.Rows;
        for (var r = 0; r < options.Rows; r++)
            h = LinkHash.Combine(h, values[start + r]);
        return LinkHash.Mix(h);
    }
}
