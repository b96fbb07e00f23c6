using NewsLens.Link.Normalise;

namespace NewsLens.Link.Copies;

/// <summary>Turns normalised units into the sorted, distinct set of hashed k-unit shingles.</summary>
internal sealed class Shingler(LinkOptions options)
{
    public ulong[] Shingles(NormalisedUnits text)
    {
        var units = text.Units;
        if (units.Length == 0)
            return [];
        var k = Math.Min(text.MostlyCjk ? options.CjkShingle : options.WordShingle, units.Length);
        var shingles = new ulong[units.Length - k + 1];
        for (var i = 0; i < shingles.Length; i++)
        {
            var h = (ulong)k;
            for (var j = 0; j < k; j++)
                h = LinkHash.Combine(h, units[i + j]);
            shingles[i] = LinkHash.Mix(h);
        }
        Array.Sort(shingles);
        var n = 1;
        for (var i = 1; i < shingles.Length; i++)
        {
            if (shingles[i] != shingles[n - 1])
                shingles[n++] = shingles[i];
        }
        return n == shingles.Length ? shingles : shingles[..n];
    }

    /// <summary>Hash of the whole unit sequence: equal exactly when the normalised texts are equal.</summary>
    public static ulong TextHash(NormalisedUnits text)
    {
        var h = (ulong)text.Units.Length;
        foreach (var u in text.Units)
            h = LinkHash.Combine(h, u);
        return LinkHash.Mix(h);
    }
}
