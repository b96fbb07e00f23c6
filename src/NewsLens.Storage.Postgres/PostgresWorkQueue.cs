using System.Globalization;
using NewsLens.Model;
using NewsLens.Pipeline;
using Npgsql;

namespace NewsLens.Storage.Postgres;

public enum ClaimOutcome
{
    /// <summary>An item was processed and its result committed with the claim.</summary>
    Processed,

    /// <summary>No unclaimed item was pending (others may still be in flight in other workers).</summary>
    Empty,
}

public enum EnqueueOutcome
{
    Queued,
    AlreadyQueued,
}

/// <param name="Pending">Items not yet done (including ones a live worker is processing right now).</param>
public sealed record QueueCounts(long Pending, long Done);

/// <summary>
/// The scale-out work queue in PostgreSQL. A worker claims the oldest pending row with
/// <c>FOR UPDATE SKIP LOCKED</c> and keeps the transaction open while it processes the page; the article
/// (or rejection), the row's done state and a work-log line are written in that same transaction. If the
/// worker dies, PostgreSQL rolls the transaction back and the row is pending again: nothing is lost, and
/// nothing is stored twice because a result only exists together with the commit that marks the row done.
/// </summary>
internal sealed class PostgresWorkQueue(PostgresArticleStore store)
{
    public EnqueueOutcome Enqueue(RawPage page)
    {
        using var c = store.DataSource.OpenConnection();
        var inserted = PostgresArticleStore.Scalar(c, null,
            """
            INSERT INTO work_items (source, payload, content_type, url, format) VALUES (@s, @p, @ct, @u, @f)
            ON CONFLICT (source) DO NOTHING RETURNING seq
            """,
            ("s", page.Source), ("p", page.Bytes.ToArray()), ("ct", page.ContentType), ("u", page.Url), ("f", page.FormatHint.ToString()));
        return inserted is null ? EnqueueOutcome.AlreadyQueued : EnqueueOutcome.Queued;
    }

    /// <summary>Claims one pending item, runs <paramref name="process"/> on it and commits the result with the claim.</summary>
    public ClaimOutcome ProcessNext(string worker, Func<RawPage, ItemResult> process)
    {
        using var c = store.DataSource.OpenConnection();
        using var tx = c.BeginTransaction();
        long seq;
        RawPage page;
        using (var cmd = PostgresArticleStore.Command(c, tx,
            "SELECT seq, source, payload, content_type, url, format FROM work_items WHERE state = 0 ORDER BY seq LIMIT 1 FOR UPDATE SKIP LOCKED"))
        using (var reader = cmd.ExecuteReader())
        {
            if (!reader.Read())
                return ClaimOutcome.Empty;
            seq = reader.GetInt64(0);
            var format = Enum.TryParse<PageFormat>(reader.GetString(5), out var f) ? f : PageFormat.Unknown;
            page = new RawPage(reader.GetString(1), (byte[])reader.GetValue(2), reader.IsDBNull(3) ? null : reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4), format);
        }
        var result = process(page);
        var outcome = result.Article is { } article
            ? store.StoreIn(c, tx, ArticleRows.From(article))
            : store.RejectIn(c, tx, result.Rejection!);
        PostgresArticleStore.Exec(c, tx, "UPDATE work_items SET state = 1, payload = ''::bytea WHERE seq = @s", ("s", seq));
        PostgresArticleStore.Exec(c, tx, "INSERT INTO work_log (item_seq, worker, outcome) VALUES (@s, @w, @o)",
            ("s", seq), ("w", worker), ("o", ArticleRows.Code(outcome)));
        tx.Commit();
        return ClaimOutcome.Processed;
    }

    public QueueCounts Counts()
    {
        using var c = store.DataSource.OpenConnection();
        long Count(string sql) => Convert.ToInt64(PostgresArticleStore.Scalar(c, null, sql), CultureInfo.InvariantCulture);
        return new QueueCounts(Count("SELECT count(*) FROM work_items WHERE state = 0"), Count("SELECT count(*) FROM work_items WHERE state = 1"));
    }
}
