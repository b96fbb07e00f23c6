using System.Globalization;
using NewsLens.Link;
using NewsLens.Model;
using NewsLens.Model.Json;

namespace NewsLens.Storage.Linking;

/// <summary>
/// Links articles that were stored without the Link stage (by scale-out workers, which cannot share one
/// linker): restores the linker from the store, then links every unlinked article in stored order and
/// saves each decision in its own transaction. Safe to interrupt and re-run.
/// </summary>
internal sealed class StoreRelinker(IArticleStore store, Linker linker)
{
    /// <summary>Unlinked ids fetched per round trip.</summary>
    private const int Batch = 500;

    public long Run(Action<long>? progress = null)
    {
        var storeLinker = new StoreLinker(store, linker);
        long linked = 0;
        while (true)
        {
            var ids = store.UnlinkedIds(Batch);
            if (ids.Count == 0)
                return linked;
            foreach (var id in ids)
            {
                var record = store.Get(id) ?? throw new InvalidOperationException($"article {id} vanished while linking");
                var (article, state) = storeLinker.Link(ToAnalysed(record));
                if (state is null)
                    throw new InvalidOperationException($"article {id} is unlinked in the store but known to the linker");
                store.SaveLinks(id, article.Links!, state);
                linked++;
                progress?.Invoke(linked);
            }
        }
    }

    /// <summary>The stored record back as an analysed article (everything linking reads; tokens are not stored).</summary>
    internal static AnalysedArticle ToAnalysed(ArticleRecord r)
    {
        var article = new Article(r.Id, r.Source, r.Url, r.Title, ParsePublished(r.Published), r.Site, r.Author, r.Language, r.Text, r.Sections, r.Removed, r.Extraction);
        return new AnalysedArticle(article)
        {
            Entities = r.Entities,
            Dates = r.Dates,
            Events = r.Events,
            Flags = r.Flags,
            Credibility = r.Credibility,
        };
    }

    /// <summary>Reads <see cref="PublishedAt.ToIso"/> output back: a day, a local time, or a time with its offset.</summary>
    internal static PublishedAt? ParsePublished(string? iso)
    {
        if (iso is null)
            return null;
        var c = CultureInfo.InvariantCulture;
        if (DateOnly.TryParseExact(iso, "yyyy-MM-dd", c, DateTimeStyles.None, out var day))
            return new PublishedAt(day, null, null);
        if (DateTimeOffset.TryParseExact(iso, "yyyy-MM-dd'T'HH:mm:sszzz", c, DateTimeStyles.None, out var withOffset))
            return new PublishedAt(DateOnly.FromDateTime(withOffset.DateTime), TimeOnly.FromDateTime(withOffset.DateTime), withOffset.Offset);
        if (DateTime.TryParseExact(iso, "yyyy-MM-dd'T'HH:mm:ss", c, DateTimeStyles.None, out var local))
            return new PublishedAt(DateOnly.FromDateTime(local), TimeOnly.FromDateTime(local), null);
        return null;
    }
}
