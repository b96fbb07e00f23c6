using NewsLens.Model;

namespace NewsLens.Assess;

/// <summary>
/// Turns flags into a 0..1 score a reader can follow: each distinct signal multiplies the score by
/// (1 − its penalty), so one false claim hurts a lot and every further signal a bit more, never below 0.
/// </summary>
internal static class CredibilityScorer
{
    /// <summary>
    /// Penalty per severity. Chosen so that one high flag alone leaves 0.6 ("doubtful"), two leave 0.36
    /// ("not credible"), and a medium flag alone 0.85: readers should see that style signals weigh less than
    /// false claims or injected spam.
    /// </summary>
    private const double HighPenalty = 0.4;

    private const double MediumPenalty = 0.15;

    private const double LowPenalty = 0.05;

    public static Credibility Score(IReadOnlyList<Flag> flags)
    {
        var score = 1.0;
        var reasons = new List<string>();
        // One penalty per code at its worst severity: ten evidence items of one signal are still one signal.
        foreach (var group in flags.GroupBy(f => f.Code, StringComparer.Ordinal)
                     .Select(g => g.OrderByDescending(f => f.Severity).First())
                     .OrderByDescending(f => f.Severity).ThenBy(f => f.Code, StringComparer.Ordinal))
        {
            score *= 1 - group.Severity switch
            {
                Severity.High => HighPenalty,
                Severity.Medium => MediumPenalty,
                _ => LowPenalty,
            };
            reasons.Add($"{group.Severity.ToString().ToLowerInvariant()} {group.Code}: {group.MessageEn}");
        }
        return new Credibility(Math.Round(score, 2), reasons);
    }
}
