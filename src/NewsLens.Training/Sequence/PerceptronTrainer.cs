using System.Diagnostics;
using NewsLens.Analyse.Sequence;

namespace NewsLens.Training.Sequence;

/// <summary>
/// Structured averaged perceptron (Collins 2002) for a first-order linear chain: decode each training
/// sentence with the current weights under the tag-scheme constraints; where the best path differs from
/// gold, add 1 to the gold path's features and subtract 1 from the predicted path's. The returned weights
/// are the average over all steps (lazy averaging: w − u / c). Deterministic for a given seed.
/// </summary>
internal sealed class PerceptronTrainer
{
    /// <summary>Largest quantised weight; averaged weights are scaled so that the largest maps here.</summary>
    private const int QuantisedMax = short.MaxValue - 1;

    private readonly PerceptronOptions options;
    private readonly TextWriter log;

    public PerceptronTrainer(PerceptronOptions options, TextWriter log)
    {
        this.options = options;
        this.log = log;
    }

    /// <summary>Called after each epoch with the averaged model so far (e.g. to print a dev score).</summary>
    public Action<int, Func<AveragedWeights>>? AfterEpoch { get; init; }

    public AveragedWeights Train(ITrainingSet set)
    {
        var labels = set.Labels.Count;
        var per = set.PerPosition;
        var clock = Stopwatch.StartNew();

        var counts = new Dictionary<ulong, int>();
        var buffer = new ulong[1024 * per];
        for (var s = 0; s < set.Count; s++)
        {
            var n = set.Length(s);
            if (buffer.Length < n * per)
                buffer = new ulong[n * per * 2];
            set.Features(s, 0, buffer.AsSpan(0, n * per));
            foreach (var key in buffer.AsSpan(0, n * per))
                if (key != 0)
                    counts[key] = counts.GetValueOrDefault(key) + 1;
        }
        var index = new Dictionary<ulong, int>();
        foreach (var (key, count) in counts)
            if (count >= options.MinFeatureCount)
                index[key] = index.Count;
        log.WriteLine($"features: {counts.Count:N0} distinct, {index.Count:N0} kept (count ≥ {options.MinFeatureCount}); {clock.Elapsed.TotalSeconds:F0}s");
        counts = null;

        var keys = new ulong[index.Count];
        foreach (var (key, i) in index)
            keys[i] = key;
        var state = new State(index.Count, labels);
        var allowed = TagScheme.AllowedTransitions(set.Labels);
        var starts = TagScheme.AllowedStarts(set.Labels);
        var ends = TagScheme.AllowedEnds(set.Labels);
        var rng = new SplitMix(options.Seed);
        var order = Enumerable.Range(0, set.Count).ToArray();
        var ids = new int[1024 * per];
        var gold = new byte[1024];
        var pred = new byte[1024];
        long step = 1;
        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            for (var i = order.Length - 1; i > 0; i--)
            {
                var j = (int)(rng.Next() % (ulong)(i + 1));
                (order[i], order[j]) = (order[j], order[i]);
            }
            var errors = 0L;
            var positions = 0L;
            foreach (var s in order)
            {
                var n = set.Length(s);
                if (n == 0)
                    continue;
                if (buffer.Length < n * per)
                    buffer = new ulong[n * per * 2];
                if (ids.Length < n * per)
                    ids = new int[n * per * 2];
                if (gold.Length < n)
                {
                    gold = new byte[n * 2];
                    pred = new byte[n * 2];
                }
                set.Features(s, epoch, buffer.AsSpan(0, n * per));
                for (var k = 0; k < n * per; k++)
                    ids[k] = buffer[k] != 0 && index.TryGetValue(buffer[k], out var id) ? id : -1;
                set.Gold(s, gold.AsSpan(0, n));
                state.Decode(ids.AsSpan(0, n * per), per, n, allowed, starts, ends, pred.AsSpan(0, n));
                var wrong = 0;
                for (var k = 0; k < n; k++)
                    if (pred[k] != gold[k])
                        wrong++;
                positions += n;
                errors += wrong;
                if (wrong > 0)
                    state.Update(ids.AsSpan(0, n * per), per, n, gold.AsSpan(0, n), pred.AsSpan(0, n), step);
                step++;
            }
            log.WriteLine($"epoch {epoch + 1}/{options.Epochs}: training label error {100.0 * errors / Math.Max(1, positions):F3} %; {clock.Elapsed.TotalSeconds:F0}s");
            var captured = step;
            AfterEpoch?.Invoke(epoch + 1, () => state.Average(keys, captured, options.MinWeight));
        }
        return state.Average(keys, step, options.MinWeight);
    }

    /// <summary>Averaged weights in update units, before quantisation.</summary>
    internal sealed class AveragedWeights(int labels, ulong[] keys, float[] weights, float[] transitions)
    {
        public int Labels { get; } = labels;

        public ulong[] Keys { get; } = keys;

        public float[] Weights { get; } = weights;

        public float[] Transitions { get; } = transitions;

        /// <summary>Features that keep a non-zero quantised weight (<see cref="Quantise"/> drops the others).</summary>
        public int QuantisedCount()
        {
            var scale = QuantisedMax / (double)Math.Max(1e-9f, Weights.Max(Math.Abs));
            var count = 0;
            for (var f = 0; f < Keys.Length; f++)
            {
                for (var y = 0; y < Labels; y++)
                {
                    if (Math.Abs(Weights[f * Labels + y] * scale) >= 0.5)
                    {
                        count++;
                        break;
                    }
                }
            }
            return count;
        }

        /// <summary>
        /// The mean of several models over the union of their features (a feature a model lacks counts as 0 there):
        /// averaging perceptrons trained with other sentence orders and dropout draws smooths their idiosyncrasies.
        /// The union is larger than any member; only the <paramref name="maxFeatures"/> features with the largest
        /// |weight| are kept (ties broken by key), so that the model, and the time to tag with it, can stay the size of one member.
        /// </summary>
        public static AveragedWeights Mean(IReadOnlyList<AveragedWeights> models, int maxFeatures = int.MaxValue)
        {
            if (models.Count == 0)
                throw new ArgumentException("no model to average", nameof(models));
            var labels = models[0].Labels;
            if (models.Any(m => m.Labels != labels || m.Transitions.Length != models[0].Transitions.Length))
                throw new ArgumentException("models with different labels", nameof(models));
            if (models.Count == 1)
                return models[0];
            var index = new Dictionary<ulong, int>();
            foreach (var m in models)
                foreach (var key in m.Keys)
                    index.TryAdd(key, index.Count);
            var keys = new ulong[index.Count];
            foreach (var (key, i) in index)
                keys[i] = key;
            var weights = new float[checked(keys.Length * labels)];
            var transitions = new float[models[0].Transitions.Length];
            var share = 1f / models.Count;
            foreach (var m in models)
            {
                for (var f = 0; f < m.Keys.Length; f++)
                {
                    var at = index[m.Keys[f]] * labels;
                    for (var y = 0; y < labels; y++)
                        weights[at + y] += m.Weights[f * labels + y] * share;
                }
                for (var k = 0; k < transitions.Length; k++)
                    transitions[k] += m.Transitions[k] * share;
            }
            if (keys.Length <= maxFeatures)
                return new AveragedWeights(labels, keys, weights, transitions);
            var strength = new float[keys.Length];
            for (var f = 0; f < keys.Length; f++)
                for (var y = 0; y < labels; y++)
                    strength[f] = Math.Max(strength[f], Math.Abs(weights[f * labels + y]));
            var kept = Enumerable.Range(0, keys.Length)
                .OrderByDescending(f => strength[f]).ThenBy(f => keys[f])
                .Take(Math.Max(0, maxFeatures))
                .Order()
                .ToArray();
            var keptKeys = new ulong[kept.Length];
            var keptWeights = new float[kept.Length * labels];
            for (var i = 0; i < kept.Length; i++)
            {
                keptKeys[i] = keys[kept[i]];
                Array.Copy(weights, kept[i] * labels, keptWeights, i * labels, labels);
            }
            return new AveragedWeights(labels, keptKeys, keptWeights, transitions);
        }

        /// <summary>Scales to 16-bit integers (largest |weight| → 32766), sorted by key for a byte-stable file.</summary>
        public (ulong[] Keys, short[] Weights, int[] Transitions, double Scale) Quantise()
        {
            var max = 1e-9f;
            foreach (var w in Weights)
                max = Math.Max(max, Math.Abs(w));
            var scale = QuantisedMax / (double)max;
            var order = Enumerable.Range(0, Keys.Length).OrderBy(i => Keys[i]).ToArray();
            var keys = new List<ulong>(Keys.Length);
            var weights = new List<short>(Keys.Length * Labels);
            Span<short> row = stackalloc short[Labels];
            foreach (var i in order)
            {
                var any = false;
                for (var y = 0; y < Labels; y++)
                {
                    row[y] = (short)Math.Round(Weights[i * Labels + y] * scale);
                    any |= row[y] != 0;
                }
                if (!any)
                    continue;
                keys.Add(Keys[i]);
                foreach (var v in row)
                    weights.Add(v);
            }
            var transitions = Transitions.Select(t => (int)Math.Round(t * scale)).ToArray();
            return ([.. keys], [.. weights], transitions, scale);
        }
    }

    private sealed class State(int features, int labels)
    {
        private readonly int[] w = new int[checked(features * labels)];
        private readonly long[] u = new long[checked(features * labels)];
        private readonly int[] t = new int[labels * labels];
        private readonly long[] tu = new long[labels * labels];
        private long[] emit = new long[1024 * labels];
        private byte[] back = new byte[1024 * labels];

        public void Decode(ReadOnlySpan<int> ids, int per, int n, bool[] allowed, bool[] starts, bool[] ends, Span<byte> output)
        {
            if (emit.Length < n * labels)
            {
                emit = new long[n * labels * 2];
                back = new byte[n * labels * 2];
            }
            Array.Clear(emit, 0, n * labels);
            for (var i = 0; i < n; i++)
            {
                for (var k = 0; k < per; k++)
                {
                    var id = ids[i * per + k];
                    if (id < 0)
                        continue;
                    for (var y = 0; y < labels; y++)
                        emit[i * labels + y] += w[id * labels + y];
                }
            }
            const long impossible = long.MinValue / 4;
            Span<long> prev = stackalloc long[labels];
            Span<long> cur = stackalloc long[labels];
            for (var y = 0; y < labels; y++)
                prev[y] = starts[y] ? emit[y] : impossible;
            for (var i = 1; i < n; i++)
            {
                for (var y = 0; y < labels; y++)
                {
                    var best = impossible;
                    var arg = 0;
                    for (var p = 0; p < labels; p++)
                    {
                        if (prev[p] == impossible || !allowed[p * labels + y])
                            continue;
                        var s = prev[p] + t[p * labels + y];
                        if (s > best)
                        {
                            best = s;
                            arg = p;
                        }
                    }
                    cur[y] = best == impossible ? impossible : best + emit[i * labels + y];
                    back[i * labels + y] = (byte)arg;
                }
                cur.CopyTo(prev);
            }
            var last = 0;
            var top = impossible;
            for (var y = 0; y < labels; y++)
            {
                if (ends[y] && prev[y] > top)
                {
                    top = prev[y];
                    last = y;
                }
            }
            for (var i = n - 1; i >= 0; i--)
            {
                output[i] = (byte)last;
                last = back[i * labels + last];
            }
        }

        public void Update(ReadOnlySpan<int> ids, int per, int n, ReadOnlySpan<byte> gold, ReadOnlySpan<byte> pred, long step)
        {
            for (var i = 0; i < n; i++)
            {
                if (gold[i] != pred[i])
                {
                    for (var k = 0; k < per; k++)
                    {
                        var id = ids[i * per + k];
                        if (id < 0)
                            continue;
                        Add(w, u, id * labels + gold[i], 1, step);
                        Add(w, u, id * labels + pred[i], -1, step);
                    }
                }
                if (i > 0 && (gold[i] != pred[i] || gold[i - 1] != pred[i - 1]))
                {
                    Add(t, tu, gold[i - 1] * labels + gold[i], 1, step);
                    Add(t, tu, pred[i - 1] * labels + pred[i], -1, step);
                }
            }
        }

        private static void Add(int[] weights, long[] sums, int at, int delta, long step)
        {
            weights[at] += delta;
            sums[at] += delta * step;
        }

        public AveragedWeights Average(ulong[] keys, long step, double minWeight)
        {
            var averaged = new float[w.Length];
            for (var i = 0; i < w.Length; i++)
                averaged[i] = (float)(w[i] - (double)u[i] / step);
            var kept = new List<int>();
            for (var f = 0; f < keys.Length; f++)
            {
                var max = 0f;
                for (var y = 0; y < labels; y++)
                    max = Math.Max(max, Math.Abs(averaged[f * labels + y]));
                if (max > 0 && max >= minWeight)
                    kept.Add(f);
            }
            var outKeys = new ulong[kept.Count];
            var outWeights = new float[kept.Count * labels];
            for (var i = 0; i < kept.Count; i++)
            {
                outKeys[i] = keys[kept[i]];
                Array.Copy(averaged, kept[i] * labels, outWeights, i * labels, labels);
            }
            var transitions = new float[t.Length];
            for (var i = 0; i < t.Length; i++)
                transitions[i] = (float)(t[i] - (double)tu[i] / step);
            return new AveragedWeights(labels, outKeys, outWeights, transitions);
        }
    }

    /// <summary>SplitMix64: a small, fixed, platform-independent generator (System.Random's algorithm may change).</summary>
    internal sealed class SplitMix(int seed)
    {
        private ulong state = (ulong)seed * 0x9E3779B97F4A7C15UL + 1;

        public ulong Next()
        {
            var z = state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
