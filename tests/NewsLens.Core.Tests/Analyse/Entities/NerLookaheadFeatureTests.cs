using NewsLens.Analyse.Entities;
using NewsLens.Analyse.Script;
using NewsLens.Analyse.Sequence;
using NewsLens.Training.Sequence;

namespace NewsLens.Tests.Analyse.Entities;

/// <summary>
/// The name-ending look-ahead keys that say where such a name starts: the character before the start, and a
/// known place that begins an organisation name; and the mean of several trained models.
/// </summary>
public sealed class NerLookaheadFeatureTests
{
    // Key indices within a position (see NerFeatures.ExtractPacked): 38 = ORG ending with the character before,
    // 39 = LOC ending with the character before, 40 = a place beginning here, before the ORG ending.
    private const int OrgBefore = 38;
    private const int LocBefore = 39;
    private const int PlaceFirst = 40;

    private static NerFeatures Features(string[] places, string[] externalPlaces) => new(
        new Lexicon(["法院", "人民"]),
        [Lexicon.Empty, new Lexicon(places), Lexicon.Empty],
        ScriptFolder.Identity,
        new NerExtras(
            [Lexicon.Empty, new Lexicon(externalPlaces), Lexicon.Empty],
            [new SuffixSet(["法院", "政府"]), new SuffixSet(["市", "省"])],
            CharClusters.Empty));

    private static ulong[] Keys(NerFeatures features, string text)
    {
        var keys = new ulong[text.Length * NerFeatures.PerPosition];
        // Garbage first: every key must be written, whatever the (pooled) buffer held.
        keys.AsSpan().Fill(ulong.MaxValue);
        features.ExtractPacked(text, keys);
        return keys;
    }

    private static ulong At(ulong[] keys, int position, int index) => keys[position * NerFeatures.PerPosition + index];

    [Fact]
    public void The_character_before_a_name_with_a_known_ending_is_a_key()
    {
        const string text = "他诉南京市人民法院。张";
        var keys = Keys(Features(["南京市"], []), text);
        // 南 (2) is 6 before 院 (8), the end of 法院; the character before it is 诉.
        Assert.Equal(FeatureKey.Pack(42, 6, '诉'), At(keys, 2, OrgBefore));
        Assert.Equal(FeatureKey.Pack(42, 0, '法'), At(keys, 8, OrgBefore));
        // 市 (4) ends a place: 南 is 2 before it.
        Assert.Equal(FeatureKey.Pack(43, 2, '诉'), At(keys, 2, LocBefore));
        // Not across punctuation, nor past the text's end.
        Assert.Equal(0UL, At(keys, 9, OrgBefore));
        Assert.Equal(0UL, At(keys, 10, OrgBefore));
        Assert.Equal(0UL, At(keys, 10, LocBefore));
        // At the text start the character before is the padding value of the text view, never garbage.
        Assert.NotEqual(ulong.MaxValue, At(keys, 0, OrgBefore));
    }

    [Fact]
    public void A_known_place_that_begins_an_organisation_name_is_a_key()
    {
        const string text = "他诉南京市人民法院。";
        var features = Features(["南京市"], []);
        var keys = Keys(features, text);
        Assert.Equal(FeatureKey.Pack(44, 6, 3), At(keys, 2, PlaceFirst));
        Assert.Equal(0UL, At(keys, 1, PlaceFirst));
        Assert.Equal(0UL, At(keys, 3, PlaceFirst));

        // The external place list counts too, with the longer of the two matches.
        keys = Keys(Features(["南京"], ["南京市"]), text);
        Assert.Equal(FeatureKey.Pack(44, 6, 3), At(keys, 2, PlaceFirst));

        // A place that reaches past the ending is no such cue.
        keys = Keys(Features(["南京市人民法院"], []), text);
        Assert.Equal(0UL, At(keys, 2, PlaceFirst));

        // Training hides a gold place from the gazetteer: the cue goes with it.
        var hidden = new ulong[text.Length * NerFeatures.PerPosition];
        features.ExtractPacked(text, hidden, gazetteerFilter: t => t == 1 ? (start, length) => start == 2 : null);
        Assert.Equal(0UL, At(hidden, 2, PlaceFirst));
    }

    [Fact]
    public void Without_name_endings_the_new_keys_are_empty()
    {
        var features = new NerFeatures(new Lexicon(["法院"]), [Lexicon.Empty, new Lexicon(["南京市"]), Lexicon.Empty], ScriptFolder.Identity);
        var keys = Keys(features, "南京市人民法院");
        for (var i = 0; i < 7; i++)
        {
            Assert.Equal(0UL, At(keys, i, OrgBefore));
            Assert.Equal(0UL, At(keys, i, LocBefore));
            Assert.Equal(0UL, At(keys, i, PlaceFirst));
        }
    }

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
        Assert.Throws<ArgumentException>(() => PerceptronTrainer.AveragedWeights.Mean([]));
        Assert.Throws<ArgumentException>(() => PerceptronTrainer.AveragedWeights.Mean([a, new PerceptronTrainer.AveragedWeights(3, [], [], new float[9])]));
    }
}
