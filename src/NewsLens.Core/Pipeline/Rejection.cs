namespace NewsLens.Pipeline;

/// <summary>Why an item was not turned into an article. Bad input is a value: the run goes on.</summary>
public enum RejectionReason
{
    /// <summary>The file or stream could not be read (missing, permission, I/O error).</summary>
    Unreadable,

    /// <summary>Zero bytes, or nothing but whitespace.</summary>
    Empty,

    /// <summary>Larger than <see cref="PipelineLimits.MaxBytes"/>.</summary>
    TooLarge,

    /// <summary>Binary content (images, archives, executables): not a text or HTML page.</summary>
    Binary,

    /// <summary>No charset decodes the bytes to sensible text.</summary>
    Undecodable,

    /// <summary>Markup nested deeper than <see cref="PipelineLimits.MaxDomDepth"/>.</summary>
    TooDeep,

    /// <summary>The page decodes but holds no article text.</summary>
    NoContent,

    /// <summary>A container (WARC, feed) or format NewsLens cannot read.</summary>
    Unsupported,

    /// <summary>An internal error while processing this item; the message says where. This is a bug to report.</summary>
    Failed,
}

/// <param name="Source">The item as the user named it (path, path#record, URL).</param>
/// <param name="Detail">A plain sentence naming the place and the value, e.g. "nesting depth 10001 exceeds 512".</param>
public sealed record Rejection(string Source, RejectionReason Reason, string Detail)
{
    public override string ToString() => $"{Source}: {Reason}: {Detail}";
}

/// <summary>Thrown by a stage on bad input; the per-item runner turns it into a <see cref="Rejection"/>.</summary>
public sealed class PageRejectedException(RejectionReason reason, string detail) : Exception(detail)
{
    public RejectionReason Reason { get; } = reason;
}
