using NewsLens.Model;

namespace NewsLens.Analyse.Events;

/// <summary>
/// One event per real-world action: mentions with the same type, mode and modality, overlapping participants
/// and compatible dates (equal, or one undated) are merged; the merged event keeps the most informative
/// mention as evidence, unions topics and contexts, and counts the mentions.
/// </summary>
internal static class EventMerger
{
    public static IReadOnlyList<RawEvent> Merge(IReadOnlyList<RawEvent> mentions)
    {
        var merged = new List<RawEvent>();
        foreach (var m in mentions)
        {
            var index = merged.FindIndex(e => Same(e, m));
            if (index < 0)
            {
                merged.Add(m);
                continue;
            }
            merged[index] = Combine(merged[index], m);
        }
        return merged;
    }

    private static bool Same(RawEvent a, RawEvent b)
    {
        if (a.Type != b.Type || a.Mode != b.Mode || a.Modality != b.Modality)
            return false;
        if (a.Date?.Value is { } da && b.Date?.Value is { } db && da != db)
            return false;
        var partiesA = a.Actors.Concat(a.Recipients).Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        var partiesB = b.Actors.Concat(b.Recipients).Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        if (!a.Actors.Any(x => partiesB.Contains(x.Key)))
            return false;
        // Both sides named: the same action has the same parties (a smaller set may leave one out).
        return partiesA.IsSubsetOf(partiesB) || partiesB.IsSubsetOf(partiesA);
    }

    private static RawEvent Combine(RawEvent kept, RawEvent other)
    {
        var best = Score(other) > Score(kept) ? other : kept;
        var rest = ReferenceEquals(best, kept) ? other : kept;
        var contexts = new SortedSet<string>(best.Contexts, StringComparer.Ordinal);
        contexts.UnionWith(rest.Contexts);
        var topics = new SortedSet<string>(best.Topics, StringComparer.Ordinal);
        topics.UnionWith(rest.Topics);
        return best with
        {
            Contexts = contexts,
            Topics = topics,
            Date = best.Date?.Value is not null ? best.Date : rest.Date?.Value is not null ? rest.Date : best.Date ?? rest.Date,
            Location = best.Location ?? rest.Location,
            Recipients = best.Recipients.Count > 0 ? best.Recipients : rest.Recipients,
            Mentions = kept.Mentions + other.Mentions,
        };
    }

    /// <summary>How informative a mention is as evidence: a dated one with named people beats a bare one.</summary>
    private static int Score(RawEvent e) =>
        (e.Date?.Value is not null ? 4 : 0) + (e.Location is not null ? 2 : 0) + e.Actors.Count(a => a.KbId is not null || a.ClaimedOffice is not null) + e.Recipients.Count;
}
