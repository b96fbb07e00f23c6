using System.Diagnostics;
using NewsLens.Ingest;
using NewsLens.Model;
using NewsLens.Pipeline;

namespace NewsLens.Storage;

/// <summary>Running totals of one ingest, reported after every item.</summary>
public sealed record IngestProgress(int EntriesDone, int Entries, long Stored, long Duplicates, long Skipped, long Rejected, TimeSpan Elapsed)
{
    public long Items => Stored + Duplicates + Rejected;

    /// <summary>Items processed (not skipped) per second so far.</summary>
    public double Rate => Elapsed.TotalSeconds > 0 ? Items / Elapsed.TotalSeconds : 0;
}

/// <summary>What ingest does with each article before storing it: the Link stage (copies, threads) plugs in here.</summary>
internal interface IIngestLinker
{
    /// <summary>Called in input order, one article at a time, before the article is stored; the state is saved with it.</summary>
    (AnalysedArticle Article, LinkState? State) Link(AnalysedArticle article);
}

/// <summary>
/// The ingest loop: read the inputs (files, directories, containers), skip sources the store already
/// logged (resume), run the pipeline on the rest in parallel, and store each result in input order, one
/// transaction per item. A killed run resumes where the last commit left it: nothing lost, nothing doubled.
/// </summary>
internal sealed class StoreIngest(IArticleStore store, ArticlePipeline pipeline, FileSource source, IIngestLinker? linker = null)
{
    /// <summary>
    /// Ingests <paramref name="paths"/>; <paramref name="progress"/> is called after every item (from this thread).
    /// </summary>
    public IngestProgress Run(IReadOnlyList<string> paths, int jobs, Action<IngestProgress>? progress = null)
    {
        var entries = source.Expand(paths);
        var done = store.DoneSources();
        var clock = Stopwatch.StartNew();
        long stored = 0, duplicates = 0, skipped = 0, rejected = 0;
        var entriesDone = 0;

        var results = entries
            .Select((entry, index) => (entry, index))
            .AsParallel().AsOrdered().WithDegreeOfParallelism(Math.Max(1, jobs))
            .WithMergeOptions(ParallelMergeOptions.AutoBuffered)
            .SelectMany(e => WithLast(source.Read(e.entry)).Select(x => (x.Item, x.Last)))
            .Select(x => (Result: done.Contains(x.Item.Source) ? null : Process(x.Item), x.Last));

        foreach (var (result, last) in results)
        {
            if (result is null)
            {
                skipped++;
            }
            else
            {
                StoreOutcome outcome;
                if (result.Article is { } article)
                {
                    var (linked, state) = linker is null ? (article, null) : linker.Link(article);
                    outcome = store.Store(linked, state);
                }
                else
                {
                    outcome = store.Reject(result.Rejection!);
                }
                switch (outcome)
                {
                    case StoreOutcome.Stored: stored++; break;
                    case StoreOutcome.Duplicate: duplicates++; break;
                    case StoreOutcome.Rejected: rejected++; break;
                    default: skipped++; break;
                }
            }
            if (last)
                entriesDone++;
            progress?.Invoke(new IngestProgress(entriesDone, entries.Count, stored, duplicates, skipped, rejected, clock.Elapsed));
        }
        return new IngestProgress(entriesDone, entries.Count, stored, duplicates, skipped, rejected, clock.Elapsed);
    }

    private ItemResult Process(IngestItem item) =>
        item.Page is { } page ? pipeline.Process(page) : ItemResult.Rejected(item.Rejection!);

    /// <summary>Marks the last item of a sequence (an entry's last page) so progress counts finished entries.</summary>
    private static IEnumerable<(IngestItem Item, bool Last)> WithLast(IEnumerable<IngestItem> items)
    {
        using var e = items.GetEnumerator();
        if (!e.MoveNext())
            yield break;
        var previous = e.Current;
        while (e.MoveNext())
        {
            yield return (previous, false);
            previous = e.Current;
        }
        yield return (previous, true);
    }
}
