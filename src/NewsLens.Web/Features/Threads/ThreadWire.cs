using NewsLens.Model;
using NewsLens.Storage;

namespace NewsLens.Web.Features.Threads;

internal sealed record ThreadListResponse(string? Entity, int Count, IReadOnlyList<ThreadWire> Threads);

/// <param name="Label">The title of the thread's earliest article.</param>
internal sealed record ThreadWire(string Id, string? Label, string? FirstDay, string? LastDay, int Size)
{
    public static ThreadWire From(ThreadSummary t) => new(t.Id, t.Label, t.FirstDay, t.LastDay, t.Size);
}

/// <param name="Entries">Members in date order; a copy names the earlier member it copies (<c>copy_of</c>).</param>
internal sealed record TimelineWire(ThreadWire Thread, IReadOnlyList<TimelineEntryWire> Entries);

/// <param name="Events">Short readable lines for the member's first events ("CONSULT 俄罗斯 → 朝鲜 (2025-04-15)").</param>
internal sealed record TimelineEntryWire(string Id, string? Published, string? Site, string? Title, string? CopyOf, CopyKind? CopyKind, IReadOnlyList<string> Events)
{
    public static TimelineEntryWire From(ThreadEntry e) => new(e.Id, e.Published, e.Site, e.Title, e.CopyOf, e.CopyKind, e.Events);
}
