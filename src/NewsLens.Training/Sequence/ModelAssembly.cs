using System.Globalization;
using NewsLens.Analyse.Sequence;

namespace NewsLens.Training.Sequence;

/// <summary>Turns averaged weights into the model file's data, with the training facts as metadata.</summary>
internal static class ModelAssembly
{
    public static SequenceModelData Build(
        string kind,
        string featureSet,
        IReadOnlyList<string> labels,
        PerceptronTrainer.AveragedWeights weights,
        IReadOnlyDictionary<string, string> metadata,
        IReadOnlyDictionary<string, IReadOnlyList<string>> lists)
    {
        var (keys, quantised, transitions, scale) = weights.Quantise();
        var meta = new Dictionary<string, string>(metadata, StringComparer.Ordinal)
        {
            ["scale"] = scale.ToString("R", CultureInfo.InvariantCulture),
            ["features"] = keys.Length.ToString(CultureInfo.InvariantCulture),
        };
        return new SequenceModelData(kind, featureSet, labels, transitions, keys, quantised, meta, lists);
    }

    public static Dictionary<string, string> Describe(PerceptronOptions options, string data, long sentences, long characters) => new(StringComparer.Ordinal)
    {
        ["trainer"] = "averaged structured perceptron, first-order",
        ["epochs"] = options.Epochs.ToString(CultureInfo.InvariantCulture),
        ["seed"] = options.Seed.ToString(CultureInfo.InvariantCulture),
        ["min-feature-count"] = options.MinFeatureCount.ToString(CultureInfo.InvariantCulture),
        ["min-weight"] = options.MinWeight.ToString("R", CultureInfo.InvariantCulture),
        ["data"] = data,
        ["sentences"] = sentences.ToString(CultureInfo.InvariantCulture),
        ["characters"] = characters.ToString(CultureInfo.InvariantCulture),
    };
}
