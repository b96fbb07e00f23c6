using NewsLens.Model;
using NewsLens.Pipeline;

namespace NewsLens.Ingest;

/// <summary>One item found by a source: a page to process, or a rejection (unreadable, too large) already decided.</summary>
public sealed record IngestItem(string Source, RawPage? Page, Rejection? Rejection)
{
    public static IngestItem Of(RawPage page) => new(page.Source, page, null);

    public static IngestItem Rejected(string source, RejectionReason reason, string detail) => new(source, null, new Rejection(source, reason, detail));
}
