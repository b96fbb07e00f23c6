namespace NewsLens.Analyse.Sequence;

/// <summary>
/// Everything a trained sequence model holds, as written to and read from its file.
/// Weights are integers (the averaged perceptron weights scaled and rounded), one row of
/// <c>Labels.Count</c> values per key.
/// </summary>
/// <param name="Kind">What the model does ("cws", "ner"); a loader checks it.</param>
/// <param name="FeatureSet">Name and version of the feature templates the model was trained with; must match the code.</param>
/// <param name="Transitions">Row-major [previous, next] label transition weights.</param>
/// <param name="Metadata">Training facts (data, seed, epochs, scores) carried for the record.</param>
/// <param name="Lists">Word lists the features need (lexicon, gazetteers), by name.</param>
internal sealed record SequenceModelData(
    string Kind,
    string FeatureSet,
    IReadOnlyList<string> Labels,
    int[] Transitions,
    ulong[] Keys,
    short[] Weights,
    IReadOnlyDictionary<string, string> Metadata,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Lists);
