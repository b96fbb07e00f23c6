namespace NewsLens.Link.Copies;

/// <summary>
/// In-memory LSH index over copy signatures with incremental add, remove and query. Buckets are chains in
/// flat arrays (one head per band key, one "next" slot per document and band) to keep per-document memory
/// small at 100k+ documents. Thread-safe: one lock guards adds and queries.
/// </summary>
internal sealed class LshIndex
{
    private const int NoDoc = -1;

    private readonly LshBanding banding;
    private readonly int bands;
    private readonly Dictionary<ulong, int> heads = [];
    private readonly Dictionary<string, int> ordinals = new(StringComparer.Ordinal);
    private readonly List<string> ids = [];
    private readonly List<CopySignature?> signatures = [];
    private readonly Lock gate = new();
    private int[] next = [];

    public LshIndex(LinkOptions options)
    {
        options.Validate();
        banding = new LshBanding(options);
        bands = options.Bands;
    }

    public int Count
    {
        get
        {
            lock (gate)
                return ordinals.Count;
        }
    }

    public bool Contains(string id)
    {
        lock (gate)
            return ordinals.ContainsKey(id);
    }

    public CopySignature? Get(string id)
    {
        lock (gate)
            return ordinals.TryGetValue(id, out var d) ? signatures[d] : null;
    }

    /// <summary>Adds a document; adding an id again, or a text with no shingles, changes nothing and returns false.</summary>
    public bool Add(string id, CopySignature signature)
    {
        lock (gate)
        {
            if (ordinals.ContainsKey(id) || signature.IsEmpty)
                return false;
            var doc = ids.Count;
            ids.Add(id);
            signatures.Add(signature);
            ordinals[id] = doc;
            if (next.Length < (doc + 1) * bands)
                Array.Resize(ref next, Math.Max((doc + 1) * bands, next.Length * 2));
            for (var band = 0; band < bands; band++)
            {
                var key = banding.Key(signature.Values, band);
                next[doc * bands + band] = heads.TryGetValue(key, out var head) ? head : NoDoc;
                heads[key] = doc;
            }
            return true;
        }
    }

    /// <summary>Forgets a document: it is no longer returned (its bucket slots are skipped).</summary>
    public bool Remove(string id)
    {
        lock (gate)
        {
            if (!ordinals.Remove(id, out var doc))
                return false;
            signatures[doc] = null;
            return true;
        }
    }

    /// <summary>Every indexed document sharing at least one band with <paramref name="signature"/>, with its signature.</summary>
    public IReadOnlyList<(string Id, CopySignature Signature)> Candidates(CopySignature signature)
    {
        if (signature.IsEmpty)
            return [];
        lock (gate)
        {
            var seen = new HashSet<int>();
            var found = new List<(string, CopySignature)>();
            for (var band = 0; band < bands; band++)
            {
                if (!heads.TryGetValue(banding.Key(signature.Values, band), out var doc))
                    continue;
                for (; doc != NoDoc; doc = next[doc * bands + band])
                {
                    if (signatures[doc] is { } s && seen.Add(doc))
                        found.Add((ids[doc], s));
                }
            }
            return found;
        }
    }
}
