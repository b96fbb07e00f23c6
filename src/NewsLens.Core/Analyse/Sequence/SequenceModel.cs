using System.Buffers;

namespace NewsLens.Analyse.Sequence;

/// <summary>When a <see cref="SequenceModel"/> builds its per-feature weight table.</summary>
internal enum WeightTableBuild
{
    AtLoad,
    OnFirstUse,
}

/// <summary>
/// A loaded linear-chain model: per-position feature weights plus label transitions, decoded by Viterbi
/// under the tag scheme's constraints. Read-only and thread-safe.
/// </summary>
internal sealed class SequenceModel
{
    /// <summary>A label a position is forced to take (user lexicon), or <see cref="Free"/>.</summary>
    public const sbyte Free = -1;

    private const long Impossible = long.MinValue / 4;

    /// <summary>Built on first use: a model served by a specialised scorer (segmentation) never needs it.</summary>
    private readonly Lazy<WeightTable> table;
    private readonly bool[] allowedStart;
    private readonly bool[] allowedEnd;

    /// <summary>
    /// The allowed transitions into each label, as lists: the predecessors of label y are
    /// <c>predecessor[predecessorStart[y] .. predecessorStart[y+1]]</c> in ascending order (so ties resolve
    /// as a full scan would), with their transition weights beside them. 61 of the 169 entity pairs.
    /// </summary>
    private readonly int[] predecessorStart;
    private readonly int[] predecessor;
    private readonly int[] predecessorWeight;

    /// <param name="tableBuild">When the per-feature weight table is built: at once (so that loading
    /// includes it), or on the first <see cref="Decode"/> (for a model a specialised scorer serves).</param>
    public SequenceModel(SequenceModelData data, WeightTableBuild tableBuild = WeightTableBuild.AtLoad)
    {
        Data = data;
        Labels = data.Labels;
        LabelCount = data.Labels.Count;
        if (data.Transitions.Length != LabelCount * LabelCount)
            throw new InvalidDataException($"model '{data.Kind}': {data.Transitions.Length} transition weights for {LabelCount} labels");
        table = new Lazy<WeightTable>(() => new WeightTable(LabelCount, data.Keys, data.Weights), LazyThreadSafetyMode.ExecutionAndPublication);
        if (tableBuild == WeightTableBuild.AtLoad)
            _ = table.Value;
        var allowed = TagScheme.AllowedTransitions(Labels);
        allowedStart = TagScheme.AllowedStarts(Labels);
        allowedEnd = TagScheme.AllowedEnds(Labels);
        var l = LabelCount;
        predecessorStart = new int[l + 1];
        var pairs = new List<(int Previous, int Weight)>();
        for (var y = 0; y < l; y++)
        {
            predecessorStart[y] = pairs.Count;
            for (var p = 0; p < l; p++)
                if (allowed[p * l + y])
                    pairs.Add((p, data.Transitions[p * l + y]));
        }
        predecessorStart[l] = pairs.Count;
        predecessor = [.. pairs.Select(p => p.Previous)];
        predecessorWeight = [.. pairs.Select(p => p.Weight)];
    }

    public SequenceModelData Data { get; }

    public IReadOnlyList<string> Labels { get; }

    public int LabelCount { get; }

    public int FeatureCount => Data.Keys.Length;

    /// <summary>Memory of the per-feature weight table (0 until a <see cref="Decode"/> call builds it).</summary>
    public long MemoryBytes => table.IsValueCreated ? table.Value.MemoryBytes : 0;

    public int LabelIndex(string label)
    {
        for (var i = 0; i < Labels.Count; i++)
            if (string.Equals(Labels[i], label, StringComparison.Ordinal))
                return i;
        throw new InvalidDataException($"model '{Data.Kind}' has no label '{label}' (labels: {string.Join(' ', Labels)})");
    }

    /// <summary>
    /// Best label sequence. <paramref name="features"/> holds <paramref name="perPosition"/> keys per position
    /// (0 = no feature); <paramref name="forced"/>, when not empty, pins positions to a label.
    /// </summary>
    public void Decode(ReadOnlySpan<ulong> features, int perPosition, Span<byte> output, ReadOnlySpan<sbyte> forced = default)
    {
        var n = output.Length;
        if (n == 0)
            return;
        if (features.Length < n * perPosition)
            throw new ArgumentException("fewer features than positions × perPosition", nameof(features));
        var l = LabelCount;
        var weights = table.Value;
        var stride = weights.ScoreStride;
        var emitArray = ArrayPool<int>.Shared.Rent(n * stride);
        var backArray = ArrayPool<byte>.Shared.Rent(n * l);
        var homeArray = ArrayPool<nint>.Shared.Rent(n * perPosition);
        try
        {
            var emit = emitArray.AsSpan(0, n * stride);
            weights.ScoreAll(features[..(n * perPosition)], perPosition, emit, homeArray);
            Viterbi(emit, stride, backArray.AsSpan(0, n * l), output, forced);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(emitArray);
            ArrayPool<byte>.Shared.Return(backArray);
            ArrayPool<nint>.Shared.Return(homeArray);
        }
    }

    /// <summary>
    /// Best label sequence from precomputed label scores: <paramref name="scores"/> holds a row of
    /// <paramref name="stride"/> ints per position whose first <see cref="LabelCount"/> are the labels' scores.
    /// </summary>
    public void DecodeScores(ReadOnlySpan<int> scores, int stride, Span<byte> output, ReadOnlySpan<sbyte> forced = default)
    {
        var n = output.Length;
        if (n == 0)
            return;
        if (stride < LabelCount || scores.Length < n * stride)
            throw new ArgumentException("fewer scores than positions × labels", nameof(scores));
        var backArray = ArrayPool<byte>.Shared.Rent(n * LabelCount);
        try
        {
            Viterbi(scores, stride, backArray.AsSpan(0, n * LabelCount), output, forced);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(backArray);
        }
    }

    private void Viterbi(ReadOnlySpan<int> emit, int stride, Span<byte> back, Span<byte> output, ReadOnlySpan<sbyte> forced)
    {
        var n = output.Length;
        var l = LabelCount;
        Span<long> prev = stackalloc long[l];
        Span<long> cur = stackalloc long[l];
        var hasForced = !forced.IsEmpty;
        var starts = predecessorStart;
        var from = predecessor;
        var weight = predecessorWeight;
        for (var y = 0; y < l; y++)
            prev[y] = allowedStart[y] && (!hasForced || forced[0] < 0 || forced[0] == y) ? emit[y] : Impossible;
        for (var i = 1; i < n; i++)
        {
            var pin = hasForced ? forced[i] : Free;
            var row = emit.Slice(i * stride, l);
            var backRow = back.Slice(i * l, l);
            for (var y = 0; y < l; y++)
            {
                var best = Impossible;
                var arg = 0;
                if (pin < 0 || pin == y)
                {
                    for (var j = starts[y]; j < starts[y + 1]; j++)
                    {
                        var pv = prev[from[j]];
                        if (pv == Impossible)
                            continue;
                        var s = pv + weight[j];
                        if (s > best)
                        {
                            best = s;
                            arg = from[j];
                        }
                    }
                }
                cur[y] = best == Impossible ? Impossible : best + row[y];
                backRow[y] = (byte)arg;
            }
            cur.CopyTo(prev);
        }
        var last = -1;
        var top = Impossible;
        for (var y = 0; y < l; y++)
        {
            if (allowedEnd[y] && prev[y] > top)
            {
                top = prev[y];
                last = y;
            }
        }
        if (last < 0)
        {
            // Contradictory pins (cannot happen with well-formed lexicon spans): fall back to the best unconstrained end.
            last = 0;
            for (var y = 1; y < l; y++)
                if (prev[y] > prev[last])
                    last = y;
        }
        for (var i = n - 1; i >= 0; i--)
        {
            output[i] = (byte)last;
            last = back[i * l + last];
        }
    }
}
