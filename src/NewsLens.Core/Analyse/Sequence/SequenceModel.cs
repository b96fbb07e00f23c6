using System.Buffers;
using System.Runtime.Intrinsics;

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

    /// <summary>
    /// The weight of a forbidden transition in the vector pass: a candidate through it (≤ −2⁶²) stays below every
    /// candidate through an allowed one, even from an impossible label (≈ −2⁶¹), and cannot overflow.
    /// </summary>
    private const long Disallowed = long.MinValue / 2;

    /// <summary>Most labels the vector forward pass handles (four 4-lane vectors).</summary>
    private const int MaxVectorLabels = 16;

    /// <summary>Below every sum of a predecessor's score and a transition weight, possible or not.</summary>
    private const long Unset = long.MinValue / 2;

    /// <summary>Scores below this come from impossible predecessors: real path scores stay within ±2⁴⁰ (2,048 positions × 64 features × 2¹⁵).</summary>
    private const long PossibleFloor = Impossible / 2;

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

    /// <summary>
    /// For the vector forward pass: per previous label p, the transition weights into every label, padded to whole
    /// 4-lane vectors, with <see cref="Disallowed"/> where the scheme forbids the pair (and in the padding).
    /// </summary>
    private readonly long[] transitionRows;

    /// <summary>4-lane vectors per position in the vector forward pass (labels rounded up).</summary>
    private readonly int vectorCount;

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
        vectorCount = (l + 3) / 4;
        transitionRows = new long[l * vectorCount * 4];
        Array.Fill(transitionRows, Disallowed);
        for (var p = 0; p < l; p++)
            for (var y = 0; y < l; y++)
                if (allowed[p * l + y])
                    transitionRows[p * vectorCount * 4 + y] = data.Transitions[p * l + y];
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

    /// <summary>
    /// The forward pass over 4-lane vectors of 64-bit scores, all labels at once: for each previous label p in
    /// ascending order, the candidates prev[p] + transition(p → y) replace the best so far where strictly greater,
    /// so ties resolve to the lowest predecessor as the scalar pass does. Forbidden pairs weigh
    /// <see cref="Disallowed"/> and never win over an allowed one; a label whose best candidate lies below
    /// <see cref="PossibleFloor"/> (all its predecessors impossible or forbidden) is impossible with back-pointer 0.
    /// Returns the scores of the last position in <paramref name="last"/> (at least <see cref="LabelCount"/>).
    /// </summary>
    private unsafe void ForwardVector(int* emitBase, int stride, byte* backBase, int n, ReadOnlySpan<sbyte> forced, long* last)
    {
        var l = LabelCount;
        var v = vectorCount;
        var buffer = stackalloc long[2 * MaxVectorLabels];
        var prev = buffer;
        var cur = buffer + MaxVectorLabels;
        var args = stackalloc long[MaxVectorLabels];
        var hasForced = !forced.IsEmpty;
        for (var y = 0; y < l; y++)
            prev[y] = allowedStart[y] && (!hasForced || forced[0] < 0 || forced[0] == y) ? emitBase[y] : Impossible;
        var floor = Vector256.Create(PossibleFloor);
        var impossibleScore = Vector256.Create(Impossible);
        fixed (long* transitions = transitionRows)
        {
            for (var i = 1; i < n; i++)
            {
                var row = emitBase + ((long)i * stride);
                for (var k = 0; k < v; k++)
                {
                    var best = Vector256.Create(long.MinValue);
                    var arg = Vector256<long>.Zero;
                    var t = transitions + (k * 4);
                    for (var p = 0; p < l; p++, t += v * 4)
                    {
                        var candidate = Vector256.Create(prev[p]) + Vector256.Load(t);
                        var wins = Vector256.GreaterThan(candidate, best);
                        best = Vector256.ConditionalSelect(wins, candidate, best);
                        arg = Vector256.ConditionalSelect(wins, Vector256.Create((long)p), arg);
                    }
                    var impossible = Vector256.LessThan(best, floor);
                    var emitted = Vector256.WidenLower(Vector128.Load(row + (k * 4)).ToVector256Unsafe());
                    Vector256.Store(Vector256.ConditionalSelect(impossible, impossibleScore, best + emitted), cur + (k * 4));
                    Vector256.Store(Vector256.AndNot(arg, impossible), args + (k * 4));
                }
                var backRow = backBase + ((long)i * l);
                for (var y = 0; y < l; y++)
                    backRow[y] = (byte)args[y];
                if (hasForced && forced[i] >= 0)
                {
                    for (var y = 0; y < l; y++)
                    {
                        if (y != forced[i])
                        {
                            cur[y] = Impossible;
                            backRow[y] = 0;
                        }
                    }
                }
                var swap = prev;
                prev = cur;
                cur = swap;
            }
        }
        for (var y = 0; y < l; y++)
            last[y] = prev[y];
    }

    /// <summary>
    /// Forward pass without data-dependent branches (the comparisons of near-equal path scores are what a branch
    /// predictor cannot learn): every allowed predecessor is compared by the sign of the difference, in ascending
    /// order with strict "greater", so ties resolve to the lowest predecessor as a scan with skips would. An
    /// impossible predecessor (score <see cref="Impossible"/>, far below any real path) never wins over a possible
    /// one; a label with no possible predecessor, or pinned away, is impossible with back-pointer 0.
    /// </summary>
    private unsafe void Viterbi(ReadOnlySpan<int> emit, int stride, Span<byte> back, Span<byte> output, ReadOnlySpan<sbyte> forced)
    {
        var n = output.Length;
        var l = LabelCount;
        var buffer = stackalloc long[2 * l];
        var prev = buffer;
        var cur = buffer + l;
        var hasForced = !forced.IsEmpty;
        if (Vector256.IsHardwareAccelerated && l <= MaxVectorLabels && stride >= vectorCount * 4)
        {
            fixed (int* emitBase = emit)
            fixed (byte* backBase = back)
                ForwardVector(emitBase, stride, backBase, n, forced, prev);
            Backtrace(prev, back, output);
            return;
        }
        for (var y = 0; y < l; y++)
            prev[y] = allowedStart[y] && (!hasForced || forced[0] < 0 || forced[0] == y) ? emit[y] : Impossible;
        fixed (int* starts = predecessorStart)
        fixed (int* from = predecessor)
        fixed (int* weight = predecessorWeight)
        fixed (int* emitBase = emit)
        fixed (byte* backBase = back)
        {
            for (var i = 1; i < n; i++)
            {
                var pin = hasForced ? forced[i] : Free;
                var row = emitBase + ((long)i * stride);
                var backRow = backBase + ((long)i * l);
                for (var y = 0; y < l; y++)
                {
                    var best = Unset;
                    var arg = 0L;
                    for (int j = starts[y], stop = starts[y + 1]; j < stop; j++)
                    {
                        var p = from[j];
                        var s = prev[p] + weight[j];
                        // All ones when s > best (no overflow: both lie within ±2⁶²).
                        var wins = (best - s) >> 63;
                        best ^= (best ^ s) & wins;
                        arg ^= (arg ^ p) & wins;
                    }
                    // Impossible when no predecessor was possible or the position is pinned to another label.
                    var impossible = (best - PossibleFloor) >> 63;
                    if (pin >= 0 && pin != y)
                        impossible = -1;
                    cur[y] = ((best + row[y]) & ~impossible) | (Impossible & impossible);
                    backRow[y] = (byte)(arg & ~impossible);
                }
                var swap = prev;
                prev = cur;
                cur = swap;
            }
        }
        Backtrace(prev, back, output);
    }

    /// <summary>The best allowed end label from the last position's <paramref name="scores"/>, then the back-pointers.</summary>
    private unsafe void Backtrace(long* scores, Span<byte> back, Span<byte> output)
    {
        var n = output.Length;
        var l = LabelCount;
        var prev = new ReadOnlySpan<long>(scores, l);
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
