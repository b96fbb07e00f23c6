namespace NewsLens.Model;

public enum CopyKind
{
    /// <summary>The same text once script, punctuation, width and whitespace are folded (or nearly so).</summary>
    Duplicate,

    /// <summary>The same text with small changes: new boilerplate, a changed sentence or two.</summary>
    NearDuplicate,

    /// <summary>Substantial shared wording: a rewrite or a reworked copy of the same report.</summary>
    Rewrite,

    /// <summary>One text is mostly contained in the other, which is much longer.</summary>
    Excerpt,
}

/// <summary>Another article this one copies or is copied by, with the estimated similarity.</summary>
/// <param name="Similarity">Estimated Jaccard similarity of the shingle sets (for <see cref="CopyKind.Excerpt"/>: containment of the shorter text in the longer).</param>
public sealed record DuplicateLink(string OtherId, CopyKind Kind, double Similarity);

/// <param name="ThreadId">The story thread this article belongs to, null when it stands alone.</param>
public sealed record ArticleLinks(IReadOnlyList<DuplicateLink> Duplicates, string? ThreadId);

/// <summary>How a thread member came into its thread: why the thread builder put it there.</summary>
public enum ThreadReason
{
    /// <summary>The first article of the thread.</summary>
    Founder,

    /// <summary>A copy (duplicate, near-duplicate, rewrite, excerpt) of a member.</summary>
    Copy,

    /// <summary>Reports the same event (type, actors, date) as a member.</summary>
    SameEvent,

    /// <summary>Close in time, with shared entities and wording, to a member.</summary>
    SameStory,
}

/// <summary>One article on a story's timeline, in date order.</summary>
/// <param name="Date">The story date used for ordering: the publish date, else the earliest event date, null when neither is known.</param>
/// <param name="MatchedId">The member this article was matched to (null for the founder).</param>
/// <param name="Score">The match score (0..1) that admitted it; 1 for the founder.</param>
public sealed record TimelineEntry(
    string ArticleId,
    PublishedAt? Published,
    DateOnly? Date,
    string? Title,
    string Source,
    string? Site,
    ThreadReason Reason,
    string? MatchedId,
    double Score);

/// <summary>
/// A story thread: articles about the same real-world event, with a date-ordered timeline.
/// </summary>
/// <param name="Id">Stable id derived from the founding article ("t-" + its id prefix).</param>
/// <param name="Title">The title of the earliest member.</param>
/// <param name="First">The earliest known date on the timeline, null when no member is dated.</param>
/// <param name="Last">The latest known date on the timeline.</param>
public sealed record StoryThread(
    string Id,
    string? Title,
    DateOnly? First,
    DateOnly? Last,
    IReadOnlyList<TimelineEntry> Timeline)
{
    public IEnumerable<string> Members => Timeline.Select(t => t.ArticleId);
}
