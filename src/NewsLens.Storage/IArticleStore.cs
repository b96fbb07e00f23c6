using NewsLens.Model;
using NewsLens.Model.Json;
using NewsLens.Pipeline;
using NewsLens.Storage.Search;

namespace NewsLens.Storage;

/// <summary>
/// Where articles live: SQLite (embedded default) or PostgreSQL (scale-out), with the same behaviour.
/// Every write of one item happens in one transaction, and writes are idempotent: the article id is its
/// content hash and each source is logged once, so re-running an interrupted ingest loses and doubles nothing.
/// An instance is used from one thread at a time.
/// </summary>
public interface IArticleStore : IDisposable
{
    /// <summary>True when this source was already stored or rejected (resume skips it).</summary>
    bool IsDone(string source);

    /// <summary>Every logged source, loaded once when an ingest starts so resume skips them without a query per item.</summary>
    IReadOnlySet<string> DoneSources();

    /// <summary>Stores the article, its rows, search terms, links and the Link stage's state, and logs its source, in one transaction.</summary>
    StoreOutcome Store(AnalysedArticle article, LinkState? link = null);

    /// <summary>The Link stage's saved state of every stored article, in the order they were stored (to restore a linker).</summary>
    IEnumerable<LinkState> LinkStates();

    /// <summary>Logs a rejected item (reason and detail) in one transaction; a second rejection of the same source replaces nothing.</summary>
    StoreOutcome Reject(Rejection rejection);

    /// <summary>Ids of stored articles the Link stage has not seen (stored by workers), oldest first.</summary>
    IReadOnlyList<string> UnlinkedIds(int limit);

    /// <summary>Saves what the Link stage decided for an already stored article: its copy links, thread and state, in one transaction.</summary>
    void SaveLinks(string articleId, ArticleLinks links, LinkState state);

    /// <summary>Puts stored articles in a story thread (the Link stage may join older articles to a new thread).</summary>
    void AssignThread(string threadId, IReadOnlyList<string> articleIds);

    SearchResults Search(SearchQuery query);

    /// <summary>One stored record by id (or by an unambiguous id prefix of at least 8 characters), with its links and thread.</summary>
    ArticleRecord? Get(string id);

    IReadOnlyList<StoredRejection> Rejections(int limit);

    IReadOnlyList<ThreadSummary> Threads(ThreadQuery query);

    ThreadTimeline? Thread(string id);

    StoreCounts Counts();

    /// <summary>Every stored fact in a canonical order (records sorted by id, then links, threads, sources,
    /// rejections) as JSON lines, so two stores can be compared line by line.</summary>
    IEnumerable<string> Export();
}

public enum StoreOutcome
{
    /// <summary>A new article was stored.</summary>
    Stored,

    /// <summary>The same content was already stored (from another source); only the source was logged.</summary>
    Duplicate,

    /// <summary>This source was already logged; nothing changed.</summary>
    AlreadyDone,

    /// <summary>The rejection was logged.</summary>
    Rejected,
}

/// <param name="Text">The user's query (see <see cref="QueryTerms"/> for the syntax and limits).</param>
/// <param name="From">Earliest publish day (inclusive), or null.</param>
/// <param name="To">Latest publish day (inclusive), or null.</param>
/// <param name="Entity">Only articles mentioning this entity (KB id, canonical name or surface text).</param>
/// <param name="Flag">Only articles with this flag code, or a code under it ("spam" matches "spam.injected_link").</param>
/// <param name="Site">Only articles from this site.</param>
public sealed record SearchQuery(string Text, DateOnly? From = null, DateOnly? To = null, string? Entity = null, string? Flag = null, string? Site = null, int Limit = SearchQuery.DefaultLimit)
{
    public const int DefaultLimit = 20;

    /// <summary>Most hits one query returns; deeper paging is not what full-text ranking is for.</summary>
    public const int MaxLimit = 500;

    /// <summary>
    /// Most matches ranked per query: when a query matches more articles than this, the most recently
    /// stored ones are ranked and the rest are not shown. Ranking every match of a word found in half of a
    /// million articles costs seconds. SQLite also stops walking back once a window of recent articles has
    /// filled a page (see SqliteArticleStore.Search), so a sparse combination of common words does not
    /// intersect posting lists over the whole corpus. bench/storage.sh at 1M articles on the quiet 2-core
    /// machine: p50 4.3 ms, p95 6.6 ms, p99 9.2 ms. News search favours recent reports anyway; a date filter
    /// reaches older ones.
    /// </summary>
    public const int RankedCandidates = 2_000;

    /// <summary>Longest filter value accepted (entity, flag, site), in characters.</summary>
    public const int MaxFilterChars = 200;

    internal int BoundedLimit => Math.Clamp(Limit, 1, MaxLimit);

    internal void Validate()
    {
        foreach (var (name, value) in new[] { ("entity", Entity), ("flag", Flag), ("site", Site) })
        {
            if (value is not null && value.Length > MaxFilterChars)
                throw new ArgumentException($"the --{name} value is {value.Length} characters long; the limit is {MaxFilterChars}");
        }
    }
}

/// <param name="Score">Higher is better; comparable only within one result list.</param>
public sealed record SearchHit(string Id, string? Title, string? Published, string? Site, double Score, Snippet Snippet);

public sealed record SearchResults(IReadOnlyList<SearchHit> Hits, IReadOnlyList<QueryTerm> Terms);

public sealed record StoredRejection(string Source, RejectionReason Reason, string Detail);

/// <param name="Entity">Only threads with an article mentioning this entity (KB id, canonical name or surface text).</param>
/// <param name="MinSize">Smallest thread listed; an article that matched no other is a thread of one, not listed by default.</param>
public sealed record ThreadQuery(string? Entity = null, int Limit = 50, int MinSize = 2)
{
    internal int BoundedLimit => Math.Clamp(Limit, 1, SearchQuery.MaxLimit);
}

/// <param name="Label">The title of the thread's earliest article.</param>
public sealed record ThreadSummary(string Id, string? Label, string? FirstDay, string? LastDay, int Size);

/// <param name="CopyOf">For an article that copies another member of the thread: that member's id (the timeline folds it under).</param>
public sealed record ThreadEntry(string Id, string? Published, string? Site, string? Title, string? CopyOf, CopyKind? CopyKind, IReadOnlyList<string> Events);

public sealed record ThreadTimeline(ThreadSummary Thread, IReadOnlyList<ThreadEntry> Entries);

/// <summary>What the Link stage keeps per article (see NewsLens.Link.LinkOutcome), opaque to the store.</summary>
/// <param name="Fingerprint">The link options the signature was made with; signatures of other options are not comparable.</param>
/// <param name="Profile">The story profile as JSON.</param>
public sealed record LinkState(string ArticleId, string Fingerprint, byte[] Signature, string Profile, string ThreadId, bool Founded, string Reason, string? MatchedId, double Score);

public sealed record StoreCounts(long Articles, long Sources, long Rejections, long Threads, long Links);
