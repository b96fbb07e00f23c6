using System.Runtime.InteropServices;
using System.Text;

namespace NewsLens.Analyse.Sequence;

/// <summary>
/// The binary model format (little-endian):
/// magic "NLSEQMDL", format version, kind, feature set, labels, transitions, feature count, keys block,
/// weights block, metadata, word lists, then an FNV-1a 64 checksum of every byte before it.
/// A file that is truncated, altered, of another version or of another kind is refused with a message
/// naming the file and what is wrong.
/// </summary>
internal static class SequenceModelFile
{
    public const int FormatVersion = 1;

    private static readonly byte[] Magic = "NLSEQMDL"u8.ToArray();

    /// <summary>Upper bounds that keep a corrupt header from asking for absurd allocations.</summary>
    private const int MaxLabels = 64;
    private const int MaxFeatures = 50_000_000;
    private const int MaxStringBytes = 1 << 20;
    private const int MaxListEntries = 5_000_000;
    private const int MaxEntries = 1024;

    public static void Write(string path, SequenceModelData model)
    {
        using var buffer = new MemoryStream();
        using (var w = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(Magic);
            w.Write(FormatVersion);
            WriteString(w, model.Kind);
            WriteString(w, model.FeatureSet);
            w.Write(model.Labels.Count);
            foreach (var label in model.Labels)
                WriteString(w, label);
            foreach (var t in model.Transitions)
                w.Write(t);
            w.Write(model.Keys.Length);
            w.Flush();
            buffer.Write(MemoryMarshal.AsBytes(model.Keys.AsSpan()));
            buffer.Write(MemoryMarshal.AsBytes(model.Weights.AsSpan()));
            w.Write(model.Metadata.Count);
            foreach (var (key, value) in model.Metadata.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                WriteString(w, key);
                WriteString(w, value);
            }
            w.Write(model.Lists.Count);
            foreach (var (name, items) in model.Lists.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                WriteString(w, name);
                w.Write(items.Count);
                foreach (var item in items)
                    WriteString(w, item);
            }
            w.Flush();
        }
        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        var sum = Checksum(bytes);
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (dir is not null)
            Directory.CreateDirectory(dir);
        using var file = File.Create(path);
        file.Write(bytes);
        file.Write(BitConverter.GetBytes(sum));
    }

    /// <summary>Reads and checks a model file; <paramref name="expectedKind"/> and <paramref name="expectedFeatureSet"/> must match.</summary>
    public static SequenceModelData Read(string path, string expectedKind, string expectedFeatureSet)
    {
        if (!BitConverter.IsLittleEndian)
            throw new PlatformNotSupportedException("model files are little-endian; big-endian hosts are not supported");
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (FileNotFoundException)
        {
            throw new FileNotFoundException($"model file {path} not found (train it with 'newslens train', see models/MODELS.md)", path);
        }
        return Parse(bytes, path, expectedKind, expectedFeatureSet);
    }

    // Runs once per load over the whole model: compiled fully optimised at once instead of starting in tier 0.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static SequenceModelData Parse(byte[] bytes, string name, string expectedKind, string expectedFeatureSet)
    {
        if (bytes.Length < Magic.Length + 12 || !bytes.AsSpan(0, Magic.Length).SequenceEqual(Magic))
            throw Bad(name, "not a NewsLens sequence model (bad magic bytes)");
        var body = bytes.AsSpan(0, bytes.Length - 8);
        var stored = BitConverter.ToUInt64(bytes, bytes.Length - 8);
        var version = BitConverter.ToInt32(bytes, Magic.Length);
        if (version != FormatVersion)
            throw Bad(name, $"format version {version}, this build reads version {FormatVersion}");
        if (Checksum(body) != stored)
            throw Bad(name, "checksum mismatch: the file is truncated or corrupt");

        using var stream = new MemoryStream(bytes, 0, body.Length, writable: false);
        using var r = new BinaryReader(stream, Encoding.UTF8);
        try
        {
            r.ReadBytes(Magic.Length);
            r.ReadInt32();
            var kind = ReadString(r);
            if (!string.Equals(kind, expectedKind, StringComparison.Ordinal))
                throw Bad(name, $"model kind '{kind}', expected '{expectedKind}'");
            var featureSet = ReadString(r);
            if (!string.Equals(featureSet, expectedFeatureSet, StringComparison.Ordinal))
                throw Bad(name, $"feature set '{featureSet}', this build computes '{expectedFeatureSet}' (retrain the model)");
            var labelCount = Bounded(r.ReadInt32(), 1, MaxLabels, name, "label count");
            var labels = new string[labelCount];
            for (var i = 0; i < labelCount; i++)
                labels[i] = ReadString(r);
            var transitions = new int[labelCount * labelCount];
            for (var i = 0; i < transitions.Length; i++)
                transitions[i] = r.ReadInt32();
            var count = Bounded(r.ReadInt32(), 0, MaxFeatures, name, "feature count");
            var keys = new ulong[count];
            var weights = new short[(long)count * labelCount];
            stream.ReadExactly(MemoryMarshal.AsBytes(keys.AsSpan()));
            stream.ReadExactly(MemoryMarshal.AsBytes(weights.AsSpan()));
            var metaCount = Bounded(r.ReadInt32(), 0, MaxEntries, name, "metadata count");
            var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < metaCount; i++)
                metadata[ReadString(r)] = ReadString(r);
            var listCount = Bounded(r.ReadInt32(), 0, MaxEntries, name, "list count");
            var lists = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            for (var i = 0; i < listCount; i++)
            {
                var listName = ReadString(r);
                var n = Bounded(r.ReadInt32(), 0, MaxListEntries, name, $"size of list '{listName}'");
                var items = new string[n];
                for (var j = 0; j < n; j++)
                    items[j] = ReadString(r);
                lists[listName] = items;
            }
            if (stream.Position != stream.Length)
                throw Bad(name, $"{stream.Length - stream.Position} unexpected bytes after the last section");
            return new SequenceModelData(kind, featureSet, labels, transitions, keys, weights, metadata, lists);
        }
        catch (EndOfStreamException)
        {
            throw Bad(name, "a section runs past the end of the file");
        }
    }

    // Runs once per load over the whole model: compiled fully optimised at once instead of starting in tier 0.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static ulong Checksum(ReadOnlySpan<byte> bytes)
    {
        var h = 0xcbf29ce484222325UL;
        foreach (var b in bytes)
        {
            h ^= b;
            h *= 0x100000001b3UL;
        }
        return h;
    }

    private static int Bounded(int value, int min, int max, string name, string what) =>
        value < min || value > max ? throw Bad(name, $"{what} {value} outside [{min}, {max}]") : value;

    private static void WriteString(BinaryWriter w, string s)
    {
        var bytes = Encoding.UTF8.GetBytes(s);
        w.Write(bytes.Length);
        w.Write(bytes);
    }

    private static string ReadString(BinaryReader r)
    {
        var length = r.ReadInt32();
        if (length < 0 || length > MaxStringBytes)
            throw new InvalidDataException($"string length {length} outside [0, {MaxStringBytes}]");
        var bytes = r.ReadBytes(length);
        if (bytes.Length != length)
            throw new EndOfStreamException();
        return Encoding.UTF8.GetString(bytes);
    }

    private static InvalidDataException Bad(string name, string what) => new($"model file {name}: {what}");
}
