namespace NewsLens.Eval.Links;

/// <summary>Pairwise clustering scores: a pair counts when both items are put together (predicted) or belong together (gold).</summary>
internal readonly record struct PairCounts(long TruePositive, long Predicted, long Gold)
{
    public double Precision => Predicted == 0 ? 1 : TruePositive / (double)Predicted;

    public double Recall => Gold == 0 ? 1 : TruePositive / (double)Gold;

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    /// <summary>Counts from each item's predicted and gold cluster labels (a null predicted label is a singleton).</summary>
    public static PairCounts FromLabels(IReadOnlyList<(string? Predicted, string Gold)> items)
    {
        static long Pairs(long n) => n * (n - 1) / 2;
        var predicted = items.Select((x, i) => x.Predicted ?? "#single" + i).ToArray();
        var tp = predicted.Zip(items, (p, x) => (p, x.Gold)).GroupBy(k => k).Sum(g => Pairs(g.LongCount()));
        var pred = predicted.GroupBy(p => p, StringComparer.Ordinal).Sum(g => Pairs(g.LongCount()));
        var gold = items.GroupBy(x => x.Gold, StringComparer.Ordinal).Sum(g => Pairs(g.LongCount()));
        return new PairCounts(tp, pred, gold);
    }

    public override string ToString() =>
        $"P={Precision:F3} R={Recall:F3} F1={F1:F3} (pairs: {TruePositive} right, {Predicted - TruePositive} wrong, {Gold - TruePositive} missed)";
}
