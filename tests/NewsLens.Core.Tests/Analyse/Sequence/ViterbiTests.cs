using NewsLens.Analyse.Sequence;

namespace NewsLens.Tests.Analyse.Sequence;

/// <summary>
/// The decoder (vector or branch-free forward pass) must return exactly the path of a plain Viterbi that visits
/// the allowed transitions in ascending order with strict "greater" — ties included, pins included.
/// </summary>
public sealed class ViterbiTests
{
    private static readonly string[] Words = ["B", "M", "E", "S"];

    private static readonly string[] Entities =
        ["O", "B-PER", "I-PER", "E-PER", "S-PER", "B-LOC", "I-LOC", "E-LOC", "S-LOC", "B-ORG", "I-ORG", "E-ORG", "S-ORG"];

    [Theory]
    [InlineData(0, 4)]
    [InlineData(1, 8)]
    [InlineData(0, 16)]
    [InlineData(1, 16)]
    public void Paths_equal_a_plain_viterbi(int scheme, int stride)
    {
        var labels = scheme == 0 ? Words : Entities;
        var l = labels.Length;
        if (stride < l)
            stride = 16;
        var random = new Random(7 + scheme + stride);
        for (var round = 0; round < 300; round++)
        {
            // Small ranges make ties frequent; every third round pins some positions.
            var range = round % 2 == 0 ? 3 : 3000;
            var transitions = Enumerable.Range(0, l * l).Select(_ => random.Next(-range, range + 1)).ToArray();
            var model = new SequenceModel(new SequenceModelData("test", "none", labels, transitions, [], [],
                new Dictionary<string, string>(), new Dictionary<string, IReadOnlyList<string>>()), WeightTableBuild.OnFirstUse);
            var n = 1 + random.Next(60);
            var scores = new int[n * stride];
            for (var i = 0; i < n; i++)
                for (var y = 0; y < l; y++)
                    scores[i * stride + y] = random.Next(-range, range + 1);
            var forced = new sbyte[n];
            Array.Fill(forced, SequenceModel.Free);
            if (round % 3 == 0)
                for (var k = 0; k < 3; k++)
                    forced[random.Next(n)] = (sbyte)random.Next(l);
            var pins = round % 3 == 0 ? forced : [];
            var output = new byte[n];
            model.DecodeScores(scores, stride, output, pins);
            Assert.Equal(Reference(labels, transitions, scores, stride, n, pins), output);
        }
    }

    /// <summary>The textbook recursion: impossible predecessors skipped, first maximum kept.</summary>
    private static byte[] Reference(string[] labels, int[] transitions, int[] scores, int stride, int n, sbyte[] forced)
    {
        const long impossible = long.MinValue / 4;
        var l = labels.Length;
        var allowed = TagScheme.AllowedTransitions(labels);
        var starts = TagScheme.AllowedStarts(labels);
        var ends = TagScheme.AllowedEnds(labels);
        var prev = new long[l];
        var back = new byte[n * l];
        for (var y = 0; y < l; y++)
            prev[y] = starts[y] && (forced.Length == 0 || forced[0] < 0 || forced[0] == y) ? scores[y] : impossible;
        for (var i = 1; i < n; i++)
        {
            var cur = new long[l];
            for (var y = 0; y < l; y++)
            {
                var best = impossible;
                var arg = 0;
                if (forced.Length == 0 || forced[i] < 0 || forced[i] == y)
                {
                    for (var p = 0; p < l; p++)
                    {
                        if (!allowed[p * l + y] || prev[p] == impossible)
                            continue;
                        var s = prev[p] + transitions[p * l + y];
                        if (s > best)
                        {
                            best = s;
                            arg = p;
                        }
                    }
                }
                cur[y] = best == impossible ? impossible : best + scores[i * stride + y];
                back[i * l + y] = (byte)arg;
            }
            prev = cur;
        }
        var last = -1;
        var top = impossible;
        for (var y = 0; y < l; y++)
        {
            if (ends[y] && prev[y] > top)
            {
                top = prev[y];
                last = y;
            }
        }
        if (last < 0)
        {
            last = 0;
            for (var y = 1; y < l; y++)
                if (prev[y] > prev[last])
                    last = y;
        }
        var output = new byte[n];
        for (var i = n - 1; i >= 0; i--)
        {
            output[i] = (byte)last;
            last = back[i * l + last];
        }
        return output;
    }
}
