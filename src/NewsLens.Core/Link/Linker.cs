using NewsLens.Link.Copies;
using NewsLens.Link.Normalise;
using NewsLens.Link.Threads;
using NewsLens.Model;

namespace NewsLens.Link;

/// <summary>Everything linking decided about one new article, for a store to persist.</summary>
/// <param name="Signature">Keep it (<see cref="CopySignature.ToBytes"/>) to restore the index later.</param>
/// <param name="BandKeys">LSH band keys of <paramref name="Signature"/>, for a store that indexes candidates in SQL.</param>
/// <param name="Duplicates">Copy links to earlier articles (the store adds the reverse link to each of them).</param>
/// <param name="Profile">Keep it (JSON) to restore the thread builder later.</param>
internal sealed record LinkOutcome(
    string ArticleId,
    CopySignature Signature,
    long[] BandKeys,
    IReadOnlyList<DuplicateLink> Duplicates,
    StoryProfile Profile,
    ThreadAssignment Thread)
{
    public ArticleLinks ToArticleLinks() => new(Duplicates, Thread.ThreadId);
}

/// <summary>A copy relation between two articles (batch output), <see cref="Later"/> being the one added second.</summary>
internal sealed record CopyPair(string Earlier, string Later, CopyKind Kind, double Similarity);

/// <summary>The batch result: the articles with their links filled in, the copy pairs and the threads.</summary>
internal sealed record LinkResult(IReadOnlyList<AnalysedArticle> Articles, IReadOnlyList<CopyPair> Copies, IReadOnlyList<StoryThread> Threads);

/// <summary>
/// The linking engine: copy detection (MinHash + LSH) and story threads, usable incrementally (a store
/// calls <see cref="Add"/> per new article and <see cref="Restore"/> at start-up) or in batch
/// (<see cref="LinkAll"/>). Holds state; not thread-safe (one linker per writer).
/// </summary>
internal sealed class Linker
{
    private readonly CopyDetector detector;
    private readonly LshBanding banding;
    private readonly LshIndex index;
    private readonly StoryProfiler profiler;
    private readonly ThreadBuilder threads = new();

    public Linker(LinkOptions? options = null, IScriptFolder? folder = null, TermWeights? weights = null)
    {
        Options = options ?? LinkOptions.Default;
        folder ??= new FallbackScriptFolder();
        detector = new CopyDetector(Options, folder);
        banding = new LshBanding(Options);
        index = new LshIndex(Options);
        weights ??= TermWeights.Uniform;
        profiler = new StoryProfiler(folder, weights);
        Fingerprint = $"{Options.Fingerprint}/fold:{folder.GetType().Name}/terms:{weights.Documents}x{weights.Count}";
    }

    public LinkOptions Options { get; }

    /// <summary>
    /// Identifies everything stored link state depends on: MinHash options, the script folder (it changes
    /// shingles) and the term-weight table (it changes keyword profiles). A store keeps it with each
    /// article's state and re-links when it changes.
    /// </summary>
    public string Fingerprint { get; }

    public CopyDetector Detector => detector;

    public ThreadBuilder ThreadBuilder => threads;

    public int Count => threads.ArticleCount;

    /// <summary>Links a new article against everything added or restored before it.</summary>
    public LinkOutcome Add(AnalysedArticle article)
    {
        var id = article.Article.Id;
        var signature = detector.Sign(article.Article);
        var profile = profiler.Profile(article);
        var duplicates = detector.Find(index, signature, threads.Nearby(profile), selfId: id);
        index.Add(id, signature);
        var thread = threads.Assign(profile, duplicates);
        return new LinkOutcome(id, signature, banding.Keys(signature), duplicates, profile, thread);
    }

    /// <summary>Puts back a stored article without re-deciding anything (store start-up).</summary>
    public void Restore(StoryProfile profile, CopySignature signature, ThreadAssignment thread)
    {
        index.Add(profile.Id, signature);
        threads.Restore(profile, thread);
    }

    public StoryThread? Thread(string threadId) => threads.Thread(threadId);

    public IReadOnlyList<StoryThread> Threads(int minMembers = 1) => threads.Threads(minMembers);

    /// <summary>
    /// Links a set of articles: in story-date order (undated last, then by id) so the earliest report founds
    /// each thread; every article gets its copy links in both directions and its thread id (null when alone).
    /// </summary>
    public static LinkResult LinkAll(IEnumerable<AnalysedArticle> articles, LinkOptions? options = null, IScriptFolder? folder = null, TermWeights? weights = null) =>
        LinkAll(new Linker(options, folder, weights), articles);

    /// <summary>Batch linking with a configured (empty) linker.</summary>
    public static LinkResult LinkAll(Linker linker, IEnumerable<AnalysedArticle> articles)
    {
        var unique = articles
            .GroupBy(a => a.Article.Id, StringComparer.Ordinal)
            .Select(g => g.First())
            .OrderBy(a => a.Article.Published?.Date ?? DateOnly.MaxValue)
            .ThenBy(a => a.Article.Published?.Time ?? TimeOnly.MinValue)
            .ThenBy(a => a.Article.Id, StringComparer.Ordinal)
            .ToArray();
        var outcomes = unique.Select(linker.Add).ToArray();

        var links = unique.ToDictionary(a => a.Article.Id, _ => new List<DuplicateLink>(), StringComparer.Ordinal);
        var pairs = new List<CopyPair>();
        foreach (var o in outcomes)
        {
            foreach (var d in o.Duplicates)
            {
                links[o.ArticleId].Add(d);
                links[d.OtherId].Add(d with { OtherId = o.ArticleId });
                pairs.Add(new CopyPair(d.OtherId, o.ArticleId, d.Kind, d.Similarity));
            }
        }
        var allThreads = linker.Threads();
        var threadSize = allThreads.ToDictionary(t => t.Id, t => t.Timeline.Count, StringComparer.Ordinal);
        var linked = unique.Zip(outcomes, (a, o) => a with
        {
            Links = new ArticleLinks(
                [.. links[o.ArticleId].OrderBy(l => l.Kind).ThenByDescending(l => l.Similarity).ThenBy(l => l.OtherId, StringComparer.Ordinal)],
                threadSize[o.Thread.ThreadId] > 1 ? o.Thread.ThreadId : null),
        }).ToArray();
        return new LinkResult(linked, pairs, allThreads.Where(t => t.Timeline.Count > 1).ToArray());
    }
}
