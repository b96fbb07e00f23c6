using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace NewsLens.Link.Threads;

/// <summary>
/// Inverse document frequencies of Han character bigrams, from a background corpus (a file written by
/// <c>newslens eval links --write-term-weights</c>), so that story keywords are the rare, telling bigrams
/// (names, places, numbers with units) and not the words every report shares (会谈, 表示, 双方).
/// Without a table every bigram weighs the same.
/// </summary>
internal sealed class TermWeights
{
    /// <summary>Bigrams seen in fewer documents than this are left out of the table (they weigh as unseen).</summary>
    public const int MinDocumentFrequency = 2;

    /// <summary>Digit runs: telling within a story (counts, magnitudes) but shared by chance across stories; weigh them like a bigram found in 5 % of documents.</summary>
    public const double NumberDocumentShare = 0.05;

    /// <summary>Longest table accepted (bounded input).</summary>
    private const int MaxEntries = 2_000_000;

    private const string Header = "# newslens term weights v1: docs=";

    private readonly Dictionary<ulong, int> frequencies;

    private TermWeights(int documents, Dictionary<ulong, int> frequencies)
    {
        Documents = documents;
        this.frequencies = frequencies;
    }

    public static TermWeights Uniform { get; } = new(0, []);

    public int Documents { get; }

    public int Count => frequencies.Count;

    public bool IsUniform => Documents == 0;

    public double Idf(ulong term)
    {
        if (IsUniform)
            return 1;
        var df = frequencies.GetValueOrDefault(term);
        return Math.Log((Documents + 1.0) / (df + 1.0)) + 1;
    }

    public double NumberIdf => IsUniform ? 1 : Math.Log(1 / NumberDocumentShare) + 1;

    public static ulong BigramKey(char a, char b) => ((ulong)a << 16) | b;

    /// <summary>Counts, per bigram, the documents containing it; <paramref name="documents"/> are folded texts.</summary>
    public static TermWeights FromDocuments(IEnumerable<string> documents)
    {
        var df = new Dictionary<ulong, int>();
        var n = 0;
        var seen = new HashSet<ulong>();
        foreach (var doc in documents)
        {
            n++;
            seen.Clear();
            for (var i = 0; i + 1 < doc.Length; i++)
            {
                if (Normalise.LinkTextNormaliser.IsCjk(doc[i]) && Normalise.LinkTextNormaliser.IsCjk(doc[i + 1]))
                    seen.Add(BigramKey(doc[i], doc[i + 1]));
            }
            foreach (var k in seen)
                df[k] = df.GetValueOrDefault(k) + 1;
        }
        return new TermWeights(n, df.Where(kv => kv.Value >= MinDocumentFrequency).ToDictionary(kv => kv.Key, kv => kv.Value));
    }

    /// <summary>Writes the table as gzip text: a header line, then "bigram TAB df" lines, most frequent first.</summary>
    public void Save(string path)
    {
        using var file = File.Create(path);
        using var gz = new GZipStream(file, CompressionLevel.SmallestSize);
        using var w = new StreamWriter(gz, new UTF8Encoding(false));
        w.Write(Header);
        w.WriteLine(Documents.ToString(CultureInfo.InvariantCulture));
        foreach (var (key, df) in frequencies.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key))
        {
            w.Write((char)(key >> 16));
            w.Write((char)(key & 0xFFFF));
            w.Write('\t');
            w.WriteLine(df.ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary>Reads <see cref="Save"/> output. A malformed file is a configuration error (exception naming the line).</summary>
    public static TermWeights Load(string path)
    {
        using var file = File.OpenRead(path);
        using var gz = new GZipStream(file, CompressionMode.Decompress);
        using var r = new StreamReader(gz, Encoding.UTF8);
        var header = r.ReadLine();
        if (header is null || !header.StartsWith(Header, StringComparison.Ordinal)
            || !int.TryParse(header.AsSpan(Header.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var docs) || docs < 1)
            throw new InvalidDataException($"{path}: not a term-weight table (header '{header}')");
        var df = new Dictionary<ulong, int>();
        string? line;
        var lineNo = 1;
        while ((line = r.ReadLine()) is not null)
        {
            lineNo++;
            if (line.Length < 4 || line[2] != '\t' || !int.TryParse(line.AsSpan(3), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
                throw new InvalidDataException($"{path}:{lineNo}: expected 'bigram<TAB>count', got '{line}'");
            if (df.Count >= MaxEntries)
                throw new InvalidDataException($"{path}: more than {MaxEntries:N0} entries");
            df[BigramKey(line[0], line[1])] = n;
        }
        return new TermWeights(docs, df);
    }
}
