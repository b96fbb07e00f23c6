namespace NewsLens.Model;

public enum CopyKind
{
    Duplicate,
    NearDuplicate,
    Rewrite,
    Excerpt,
}

/// <summary>Another article this one copies or is copied by, with the estimated similarity.</summary>
public sealed record DuplicateLink(string OtherId, CopyKind Kind, double Similarity);

/// <param name="ThreadId">The story thread this article belongs to, null when it stands alone.</param>
public sealed record ArticleLinks(IReadOnlyList<DuplicateLink> Duplicates, string? ThreadId);
