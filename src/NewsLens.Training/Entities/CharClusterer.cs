using NewsLens.Analyse.Script;
using NewsLens.Analyse.Segmentation;

namespace NewsLens.Training.Entities;

/// <summary>
/// Character classes from unlabelled text: each character is described by its left and right neighbours
/// (positive pointwise mutual information with the most frequent characters, L2-normalised) and the
/// characters are grouped by spherical k-means (cosine), started from the most frequent characters and run
/// a fixed number of rounds, so the result is deterministic.
/// </summary>
internal static class CharClusterer
{
    /// <summary>Characters seen fewer times get no class (their contexts are too few to place them).</summary>
    private const int MinCount = 3;

    /// <summary>Default number of neighbours that count as context dimensions (per side); rarer neighbours share one "other" dimension.</summary>
    public const int DefaultContextCharacters = 600;

    /// <summary>k-means rounds; assignments stop changing by then on the 4 M-character corpus (under 1 % move in the last round).</summary>
    private const int Rounds = 15;

    public static string[] Cluster(IEnumerable<string> texts, int classes, ScriptFolder folder, TextWriter log, int contextCharacters = DefaultContextCharacters)
    {
        var pairs = new Dictionary<(char, int), int>();
        var counts = new Dictionary<char, int>();
        var normalised = texts.Select(t => Segmenter.NormaliseWord(t, folder)).ToList();
        foreach (var t in normalised)
            foreach (var c in t)
                counts[c] = counts.GetValueOrDefault(c) + 1;
        var contexts = counts.OrderByDescending(p => p.Value).ThenBy(p => p.Key).Take(contextCharacters)
            .Select((p, i) => (p.Key, i)).ToDictionary(p => p.Key, p => p.i);
        var other = contextCharacters;
        var dimensions = 2 * (contextCharacters + 1) + 2;
        var boundaryLeft = dimensions - 2;
        var boundaryRight = dimensions - 1;
        int Dim(char c, int side) => side * (contextCharacters + 1) + (contexts.TryGetValue(c, out var i) ? i : other);
        foreach (var t in normalised)
        {
            for (var i = 0; i < t.Length; i++)
            {
                if (counts[t[i]] < MinCount)
                    continue;
                var left = i == 0 ? boundaryLeft : Dim(t[i - 1], 0);
                var right = i == t.Length - 1 ? boundaryRight : Dim(t[i + 1], 1);
                pairs[(t[i], left)] = pairs.GetValueOrDefault((t[i], left)) + 1;
                pairs[(t[i], right)] = pairs.GetValueOrDefault((t[i], right)) + 1;
            }
        }
        var vocabulary = counts.Where(p => p.Value >= MinCount).OrderByDescending(p => p.Value).ThenBy(p => p.Key).Select(p => p.Key).ToArray();
        var row = vocabulary.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i);
        var dimTotals = new double[dimensions];
        var rowTotals = new double[vocabulary.Length];
        double total = 0;
        foreach (var ((c, d), n) in pairs)
        {
            dimTotals[d] += n;
            rowTotals[row[c]] += n;
            total += n;
        }
        var vectors = new List<(int Dim, float Value)>[vocabulary.Length];
        for (var i = 0; i < vectors.Length; i++)
            vectors[i] = [];
        foreach (var ((c, d), n) in pairs.OrderBy(p => p.Key.Item1).ThenBy(p => p.Key.Item2))
        {
            var r = row[c];
            var pmi = Math.Log(n * total / (rowTotals[r] * dimTotals[d]));
            if (pmi > 0)
                vectors[r].Add((d, (float)pmi));
        }
        var sparse = vectors.Select(v =>
        {
            var norm = Math.Sqrt(v.Sum(x => (double)x.Value * x.Value));
            return v.OrderBy(x => x.Dim).Select(x => (x.Dim, norm == 0 ? 0f : (float)(x.Value / norm))).ToArray();
        }).ToArray();

        var k = Math.Min(classes, vocabulary.Length);
        var centroids = new float[k][];
        for (var j = 0; j < k; j++)
        {
            centroids[j] = new float[dimensions];
            foreach (var (d, v) in sparse[j])
                centroids[j][d] = v;
        }
        var assignment = new int[vocabulary.Length];
        for (var round = 0; round < Rounds; round++)
        {
            var moved = 0;
            for (var i = 0; i < sparse.Length; i++)
            {
                var best = 0;
                var bestScore = double.NegativeInfinity;
                for (var j = 0; j < k; j++)
                {
                    double s = 0;
                    var centroid = centroids[j];
                    foreach (var (d, v) in sparse[i])
                        s += v * centroid[d];
                    if (s > bestScore)
                    {
                        bestScore = s;
                        best = j;
                    }
                }
                if (round == 0 || assignment[i] != best)
                    moved++;
                assignment[i] = best;
            }
            foreach (var centroid in centroids)
                Array.Clear(centroid);
            for (var i = 0; i < sparse.Length; i++)
                foreach (var (d, v) in sparse[i])
                    centroids[assignment[i]][d] += v;
            foreach (var centroid in centroids)
            {
                var norm = Math.Sqrt(centroid.Sum(x => (double)x * x));
                if (norm > 0)
                    for (var d = 0; d < centroid.Length; d++)
                        centroid[d] = (float)(centroid[d] / norm);
            }
            log.WriteLine($"  character classes, round {round + 1}: {moved:N0} of {vocabulary.Length:N0} characters moved");
        }
        var members = Enumerable.Range(0, k).Select(_ => new System.Text.StringBuilder()).ToArray();
        for (var i = 0; i < vocabulary.Length; i++)
            members[assignment[i]].Append(vocabulary[i]);
        return [.. members.Select(m => m.ToString()).Where(m => m.Length > 0)];
    }
}
