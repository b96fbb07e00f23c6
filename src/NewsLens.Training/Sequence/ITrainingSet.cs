namespace NewsLens.Training.Sequence;

/// <summary>Sentences with gold labels, and the features the model computes for them.</summary>
internal interface ITrainingSet
{
    int Count { get; }

    IReadOnlyList<string> Labels { get; }

    int PerPosition { get; }

    int Length(int sentence);

    /// <summary>
    /// Feature keys of one sentence for one epoch; the epoch lets a set vary simulated out-of-vocabulary
    /// dictionary dropout between passes (deterministically).
    /// </summary>
    void Features(int sentence, int epoch, Span<ulong> output);

    void Gold(int sentence, Span<byte> labels);
}
