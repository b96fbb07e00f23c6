using NewsLens.Training.Sequence;

namespace NewsLens.Tests.Analyse.Entities;

/// <summary>The mean of several trained entity models (the --seeds ensemble).</summary>
public sealed class NerModelMeanTests
{
    [Fact]
    public void The_mean_of_models_covers_the_union_of_their_features()
    {
        var a = new PerceptronTrainer.AveragedWeights(2, [10, 20], [1, 2, 3, 4], [2, 0, 0, 2]);
        var b = new PerceptronTrainer.AveragedWeights(2, [20, 30], [5, 6, 7, 8], [0, 4, 0, 0]);
        var mean = PerceptronTrainer.AveragedWeights.Mean([a, b]);
        var rows = mean.Keys.Select((k, i) => (k, mean.Weights[2 * i], mean.Weights[2 * i + 1])).OrderBy(r => r.k).ToList();
        Assert.Equal([(10UL, 0.5f, 1f), (20UL, 4f, 5f), (30UL, 3.5f, 4f)], rows);
        Assert.Equal([1f, 2f, 0f, 1f], mean.Transitions);
        Assert.Same(a, PerceptronTrainer.AveragedWeights.Mean([a]));

        // Capped: the strongest features stay (20: max 5; 30: max 4; 10: max 1), in key order.
        var capped = PerceptronTrainer.AveragedWeights.Mean([a, b], maxFeatures: 2);
        Assert.Equal([20UL, 30UL], capped.Keys);
        Assert.Equal([4f, 5f, 3.5f, 4f], capped.Weights);
        Assert.Equal(mean.Transitions, capped.Transitions);
        Assert.Equal(3, mean.QuantisedCount());
        Assert.Equal(2, new PerceptronTrainer.AveragedWeights(1, [1, 2, 3], [1000, 0.01f, -3], [0]).QuantisedCount());
        Assert.Throws<ArgumentException>(() => PerceptronTrainer.AveragedWeights.Mean([]));
        Assert.Throws<ArgumentException>(() => PerceptronTrainer.AveragedWeights.Mean([a, new PerceptronTrainer.AveragedWeights(3, [], [], new float[9])]));
    }
}
