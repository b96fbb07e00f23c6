using System.Buffers.Binary;

namespace NewsLens.Link.Copies;

/// <summary>
/// What copy detection keeps per article: MinHash values, the shingle-set size (for containment) and a
/// hash of the whole normalised text (exact duplicates). Small and self-contained so a store can keep it
/// as one blob and compare without the text.
/// </summary>
internal sealed record CopySignature(uint[] Values, int Shingles, ulong TextHash)
{
    private const byte FormatVersion = 1;
    private const int HeaderBytes = 1 + 4 + 4 + 8;

    /// <summary>Upper bound on a stored signature, so a corrupt blob cannot ask for a huge allocation.</summary>
    private const int MaxValues = 1024;

    public bool IsEmpty => Shingles == 0;

    /// <summary>Fraction of equal MinHash values: an unbiased estimate of the shingle sets' Jaccard similarity.</summary>
    public double Jaccard(CopySignature other)
    {
        if (other.Values.Length != Values.Length)
            throw new ArgumentException($"signatures of different lengths ({Values.Length} vs {other.Values.Length}) are not comparable", nameof(other));
        if (IsEmpty || other.IsEmpty)
            return 0;
        var equal = 0;
        for (var i = 0; i < Values.Length; i++)
        {
            if (Values[i] == other.Values[i])
                equal++;
        }
        return equal / (double)Values.Length;
    }

    public byte[] ToBytes()
    {
        var bytes = new byte[HeaderBytes + 4 * Values.Length];
        bytes[0] = FormatVersion;
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(1), Values.Length);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(5), Shingles);
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(9), TextHash);
        for (var i = 0; i < Values.Length; i++)
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(HeaderBytes + 4 * i), Values[i]);
        return bytes;
    }

    /// <summary>Reads <see cref="ToBytes"/> output; a blob of another version or shape is a configuration error.</summary>
    public static CopySignature FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < HeaderBytes || bytes[0] != FormatVersion)
            throw new FormatException($"not a version-{FormatVersion} copy signature ({bytes.Length} bytes)");
        var count = BinaryPrimitives.ReadInt32LittleEndian(bytes[1..]);
        if (count is < 1 or > MaxValues || bytes.Length != HeaderBytes + 4 * count)
            throw new FormatException($"copy signature declares {count} values but holds {bytes.Length} bytes");
        var shingles = BinaryPrimitives.ReadInt32LittleEndian(bytes[5..]);
        var hash = BinaryPrimitives.ReadUInt64LittleEndian(bytes[9..]);
        var values = new uint[count];
        for (var i = 0; i < count; i++)
            values[i] = BinaryPrimitives.ReadUInt32LittleEndian(bytes[(HeaderBytes + 4 * i)..]);
        return new CopySignature(values, shingles, hash);
    }
}
