using NewsLens.Model;

namespace NewsLens.Link.Threads;

/// <summary>The verdict on whether two articles report the same story, with the reason that decided it.</summary>
internal readonly record struct StoryMatch(double Score, ThreadReason Reason)
{
    public static StoryMatch None { get; } = new(0, ThreadReason.SameStory);
}

/// <summary>
/// Scores whether two articles report the same real-world event. Evidence is weighed only where both
/// articles have it (events and entities are empty until those analysers run), and two vetoes keep
/// same-actor stories apart: story dates too far apart, or the same kind of event between the same
/// parties on different days.
/// </summary>
internal static class StoryMatcher
{
    /// <summary>
    /// Most follow-ups, rewrites and reposts of one event appear within a few days; a meeting between the
    /// same parties a week later is another event. Calibrated on the hand-written story set (versions 0–2
    /// days apart, same-actor negatives 5+ days apart).
    /// </summary>
    public const int StoryWindowDays = 4;

    /// <summary>A copy is the same story even if reposted later, but not a year later (recycled content).</summary>
    public const int CopyWindowDays = 60;

    /// <summary>Two dated events of one type and shared parties more than this many days apart are different events.</summary>
    public const int EventDayTolerance = 1;

    /// <summary>Share of participants two events must share (Jaccard) to count as the same parties.</summary>
    public const double SameParticipants = 0.5;

    public const double EventWeight = 0.45;

    public const double EntityWeight = 0.3;

    public const double KeywordWeight = 0.25;

    /// <summary>
    /// Keyword cosine at which the text evidence counts fully (see <c>eval links --pairs</c> for the
    /// calibration figures in the report).
    /// </summary>
    public const double KeywordSaturation = 0.5;

    /// <summary>Unknown dates lower the score by this factor: the date veto cannot protect the match.</summary>
    public const double UndatedPenalty = 0.85;

    public static StoryMatch Score(StoryProfile a, StoryProfile b, CopyKind? copy)
    {
        var gap = a.Date is { } da && b.Date is { } db ? Math.Abs(da.DayNumber - db.DayNumber) : (int?)null;
        if (copy is not null && (gap is null || gap <= CopyWindowDays))
            return new StoryMatch(1, ThreadReason.Copy);
        if (gap > StoryWindowDays)
            return StoryMatch.None;

        double sum = 0, weights = 0;
        var sameEvent = false;
        if (a.Events.Count > 0 && b.Events.Count > 0)
        {
            var verdict = CompareEvents(a.Events, b.Events);
            if (verdict == EventVerdict.Conflict)
                return StoryMatch.None;
            sameEvent = verdict == EventVerdict.Same;
            sum += EventWeight * (sameEvent ? 1 : 0);
            weights += EventWeight;
        }
        if (a.Entities.Count > 0 && b.Entities.Count > 0)
        {
            sum += EntityWeight * WeightedJaccard(a.Entities, b.Entities);
            weights += EntityWeight;
        }
        if (!a.Keywords.IsEmpty && !b.Keywords.IsEmpty)
        {
            sum += KeywordWeight * Math.Min(1, a.Keywords.Cosine(b.Keywords) / KeywordSaturation);
            weights += KeywordWeight;
        }
        if (weights == 0)
            return StoryMatch.None;
        var score = sum / weights;
        if (gap is null)
            score *= UndatedPenalty;
        return new StoryMatch(score, sameEvent ? ThreadReason.SameEvent : ThreadReason.SameStory);
    }

    private enum EventVerdict
    {
        Unrelated,
        Same,
        Conflict,
    }

    /// <summary>
    /// Same when one event of each article has the same type and parties on compatible days; Conflict when
    /// the only such pairs are dated on different days (same actors, different event).
    /// </summary>
    private static EventVerdict CompareEvents(IReadOnlyList<EventKey> a, IReadOnlyList<EventKey> b)
    {
        var conflict = false;
        foreach (var x in a)
        {
            foreach (var y in b)
            {
                if (x.Type != y.Type || Jaccard(x.Participants, y.Participants) < SameParticipants)
                    continue;
                if (x.Date is { } dx && y.Date is { } dy && Math.Abs(dx.DayNumber - dy.DayNumber) > EventDayTolerance)
                {
                    conflict = true;
                    continue;
                }
                return EventVerdict.Same;
            }
        }
        return conflict ? EventVerdict.Conflict : EventVerdict.Unrelated;
    }

    private static double Jaccard(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        var both = a.Count(x => b.Contains(x, StringComparer.Ordinal));
        var union = a.Count + b.Count - both;
        return union == 0 ? 0 : both / (double)union;
    }

    private static double WeightedJaccard(IReadOnlyList<WeightedKey> a, IReadOnlyList<WeightedKey> b)
    {
        double both = 0, total = 0;
        var bKeys = b.ToDictionary(k => k.Key, k => k.Weight, StringComparer.Ordinal);
        foreach (var k in a)
        {
            if (bKeys.Remove(k.Key, out var w))
            {
                both += Math.Min(k.Weight, w);
                total += Math.Max(k.Weight, w);
            }
            else
            {
                total += k.Weight;
            }
        }
        total += bKeys.Values.Sum();
        return total == 0 ? 0 : both / total;
    }
}
