namespace NewsLens.Training.Sequence;

/// <param name="Epochs">Passes over the training set.</param>
/// <param name="Seed">Seeds the sentence order of every epoch (and any dropout in the training set).</param>
/// <param name="MinFeatureCount">Features seen fewer times in the training set get no weight (pruning + regularisation).</param>
/// <param name="MinWeight">After averaging, features whose largest |weight| is below this (in update units) are dropped.</param>
internal sealed record PerceptronOptions(int Epochs, int Seed, int MinFeatureCount, double MinWeight);
