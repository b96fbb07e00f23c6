using System.Text.Json;
using NewsLens.Link;
using NewsLens.Link.Copies;
using NewsLens.Link.Threads;
using NewsLens.Model;
using NewsLens.Model.Json;

namespace NewsLens.Storage.Linking;

/// <summary>
/// The Link stage during ingest: restores the copy index and thread builder from the store's saved
/// <see cref="LinkState"/>s, then links each new article against everything stored before it and hands
/// back the state to save in the article's own transaction. A killed ingest therefore resumes with exactly
/// the linker state of its last commit. Not thread-safe (one per writer).
/// </summary>
internal sealed class StoreLinker : IIngestLinker
{
    private readonly Linker linker;
    private readonly HashSet<string> known = new(StringComparer.Ordinal);

    /// <summary>Links with <paramref name="linker"/> (from <c>AnalysisResources.Link.CreateLinker()</c>, so script folding and term weights apply).</summary>
    public StoreLinker(IArticleStore store, Linker linker)
    {
        this.linker = linker;
        foreach (var s in store.LinkStates())
        {
            if (!string.Equals(s.Fingerprint, linker.Fingerprint, StringComparison.Ordinal))
            {
                throw new InvalidOperationException(
                    $"article {s.ArticleId} was linked with '{s.Fingerprint}' but this build links with '{linker.Fingerprint}'; re-ingest into a new store");
            }
            var profile = JsonSerializer.Deserialize<StoryProfile>(s.Profile, RecordJson.Options)
                ?? throw new InvalidDataException($"stored story profile of {s.ArticleId} is empty");
            var reason = Enum.Parse<ThreadReason>(s.Reason, ignoreCase: false);
            linker.Restore(profile, CopySignature.FromBytes(s.Signature), new ThreadAssignment(s.ThreadId, s.Founded, reason, s.MatchedId, s.Score));
            known.Add(s.ArticleId);
        }
    }

    /// <summary>Articles the linker knows (restored plus linked in this run).</summary>
    public int Count => known.Count;

    public (AnalysedArticle Article, LinkState? State) Link(AnalysedArticle article)
    {
        // The same content from another source is already linked; the store only logs the new source.
        if (!known.Add(article.Article.Id))
            return (article, null);
        var outcome = linker.Add(article);
        var state = new LinkState(
            outcome.ArticleId,
            linker.Fingerprint,
            outcome.Signature.ToBytes(),
            JsonSerializer.Serialize(outcome.Profile, RecordJson.Options),
            outcome.Thread.ThreadId,
            outcome.Thread.Founded,
            outcome.Thread.Reason.ToString(),
            outcome.Thread.MatchedId,
            outcome.Thread.Score);
        return (article with { Links = outcome.ToArticleLinks() }, state);
    }
}
