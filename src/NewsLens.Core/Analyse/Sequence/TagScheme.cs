namespace NewsLens.Analyse.Sequence;

/// <summary>
/// Which label may follow which, derived from label names: "B"/"M"/"E"/"S" (segmentation) or
/// "O"/"B-X"/"I-X"/"E-X"/"S-X" (entities). A chunk that is open (B, M/I) must continue or close with the
/// same type; a closed one (E, S, O) must be followed by a fresh start.
/// </summary>
internal static class TagScheme
{
    public static bool[] AllowedTransitions(IReadOnlyList<string> labels)
    {
        var n = labels.Count;
        var allowed = new bool[n * n];
        for (var p = 0; p < n; p++)
            for (var q = 0; q < n; q++)
                allowed[p * n + q] = Allowed(labels[p], labels[q]);
        return allowed;
    }

    public static bool[] AllowedStarts(IReadOnlyList<string> labels) => [.. labels.Select(l => !IsInside(Prefix(l)))];

    public static bool[] AllowedEnds(IReadOnlyList<string> labels) => [.. labels.Select(l => !IsOpen(Prefix(l)))];

    private static bool Allowed(string previous, string next)
    {
        var (pp, pt) = (Prefix(previous), TypeOf(previous));
        var (np, nt) = (Prefix(next), TypeOf(next));
        if (IsOpen(pp))
            return IsInside(np) && string.Equals(pt, nt, StringComparison.Ordinal);
        return !IsInside(np);
    }

    private static char Prefix(string label) => label.Length == 0 ? 'O' : label[0];

    private static string TypeOf(string label) => label.Length > 2 ? label[2..] : "";

    /// <summary>B, M, I: the chunk goes on after this position.</summary>
    private static bool IsOpen(char prefix) => prefix is 'B' or 'M' or 'I';

    /// <summary>M, I, E: the position continues a chunk opened before it.</summary>
    private static bool IsInside(char prefix) => prefix is 'M' or 'I' or 'E';
}
