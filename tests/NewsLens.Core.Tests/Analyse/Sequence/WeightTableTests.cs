using NewsLens.Analyse.Sequence;

namespace NewsLens.Tests.Analyse.Sequence;

/// <summary>The packed weight table must give exactly the sums a plain dictionary gives, for every row layout.</summary>
public sealed class WeightTableTests
{
    [Theory]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(13)]
    [InlineData(20)]
    public void Scores_equal_a_dictionary_sum(int labels)
    {
        var random = new Random(labels);
        // A large template (goes to the big part), a few small ones, and keys of templates the table never saw.
        var known = new Dictionary<ulong, short[]>();
        for (var i = 0; i < 30_000; i++)
            known.TryAdd(FeatureKey.Of(6, random.Next(65536), random.Next(65536)), Row(random, labels));
        for (var t = 1; t <= 5; t++)
            for (var c = 0; c < 500; c++)
                known.TryAdd(FeatureKey.Of(t, 0x4E00 + c), Row(random, labels));
        var keys = known.Keys.ToArray();
        var weights = keys.SelectMany(k => known[k]).ToArray();
        var table = new WeightTable(labels, keys, weights);

        const int perPosition = 7;
        const int positions = 300;
        var query = new ulong[positions * perPosition];
        for (var i = 0; i < query.Length; i++)
        {
            query[i] = (i % 4) switch
            {
                0 => keys[random.Next(keys.Length)],
                1 => FeatureKey.Of(6, random.Next(65536), random.Next(65536)),
                2 => FeatureKey.Of(1 + random.Next(8), 0x4E00 + random.Next(800)),
                _ => 0,
            };
        }
        var scores = new int[positions * table.ScoreStride];
        Array.Fill(scores, 12345);
        table.ScoreAll(query, perPosition, scores, new nint[query.Length]);
        for (var i = 0; i < positions; i++)
        {
            var expected = new int[labels];
            for (var k = 0; k < perPosition; k++)
                if (known.TryGetValue(query[i * perPosition + k], out var row))
                    for (var y = 0; y < labels; y++)
                        expected[y] += row[y];
            Assert.Equal(expected, scores.AsSpan(i * table.ScoreStride, labels).ToArray());
            var single = new int[labels];
            for (var k = 0; k < perPosition; k++)
                table.AddTo(query[i * perPosition + k], single);
            Assert.Equal(expected, single);
        }
    }

    [Fact]
    public void A_repeated_key_is_refused()
    {
        var key = FeatureKey.Of(3, 0x4E2D);
        Assert.Throws<InvalidDataException>(() => new WeightTable(2, [key, key], [1, 2, 3, 4]));
    }

    [Fact]
    public void Unscramble_inverts_scramble()
    {
        var random = new Random(1);
        for (var i = 0; i < 1000; i++)
        {
            var x = (ulong)random.NextInt64() ^ ((ulong)random.Next() << 40);
            Assert.Equal(x, FeatureKey.Unscramble(FeatureKey.Scramble(x)));
        }
    }

    private static short[] Row(Random random, int labels) => [.. Enumerable.Range(0, labels).Select(_ => (short)random.Next(-32766, 32767))];
}
