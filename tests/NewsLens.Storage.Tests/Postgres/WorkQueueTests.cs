using System.Text;
using NewsLens.Model;
using NewsLens.Pipeline;
using NewsLens.Storage.Postgres;
using Npgsql;

namespace NewsLens.Tests.Postgres;

/// <summary>The scale-out queue: concurrent workers, and a worker that dies holding a claim.</summary>
public sealed class WorkQueueTests
{
    private const int Items = 120;

    /// <summary>Stands in for the pipeline: the page's text becomes the article (duplicates share text).</summary>
    private static ItemResult Process(RawPage page)
    {
        var text = Encoding.UTF8.GetString(page.Bytes.Span);
        if (text.Length == 0)
            return ItemResult.Rejected(new Rejection(page.Source, RejectionReason.Empty, "0 bytes"));
        var a = TestArticles.Make(page.Source, "标题" + text, "正文：" + text + "。朝鲜与俄罗斯。");
        return ItemResult.Done(a);
    }

    private static void Enqueue(PostgresWorkQueue queue)
    {
        for (var i = 0; i < Items; i++)
        {
            // Every tenth page repeats an earlier page's content; every 25th is empty (a rejection).
            var body = i % 25 == 0 ? "" : i % 10 == 0 ? "page-" + (i - 1).ToString(System.Globalization.CultureInfo.InvariantCulture) : "page-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            queue.Enqueue(new RawPage($"q/{i:D4}.html", Encoding.UTF8.GetBytes(body), null, null, PageFormat.Text));
        }
    }

    [PostgresFact]
    public void Four_workers_process_every_item_exactly_once_even_when_one_dies_holding_a_claim()
    {
        using var t = new TestStore(StoreKind.Postgres);
        var store = (PostgresArticleStore)t.Store;
        var queue = new PostgresWorkQueue(store);
        Enqueue(queue);
        Assert.Equal(EnqueueOutcome.AlreadyQueued, queue.Enqueue(new RawPage("q/0001.html", "x"u8.ToArray(), null, null, PageFormat.Text)));

        // A worker that claims an item, then dies before committing: its connection is cut by the server.
        var doomed = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(t.Location) { Pooling = false }.ConnectionString);
        doomed.Open();
        var tx = doomed.BeginTransaction();
        long claimed;
        using (var cmd = new NpgsqlCommand("SELECT seq FROM work_items WHERE state = 0 ORDER BY seq LIMIT 1 FOR UPDATE SKIP LOCKED", doomed, tx))
            claimed = (long)cmd.ExecuteScalar()!;
        int doomedPid;
        using (var cmd = new NpgsqlCommand("SELECT pg_backend_pid()", doomed, tx))
            doomedPid = (int)cmd.ExecuteScalar()!;

        var processedBy = new int[4];
        var killed = 0;
        // Dedicated threads released together: on two cores a pooled task could otherwise drain the queue
        // before the others start, and the run would prove nothing about concurrent claims.
        using var start = new Barrier(4);
        var workers = Enumerable.Range(0, 4).Select(w => Task.Factory.StartNew(() =>
        {
            var q = new PostgresWorkQueue(store);
            start.SignalAndWait();
            while (true)
            {
                if (q.ProcessNext($"w{w}", Process) == ClaimOutcome.Empty)
                {
                    // The dead worker's claim lapses once the server notices; until then its item is locked.
                    if (Interlocked.CompareExchange(ref killed, 1, 0) == 0)
                    {
                        Terminate(t.Location, doomedPid);
                        continue;
                    }
                    if (q.Counts().Pending == 0)
                        return;
                    Thread.Sleep(20);
                    continue;
                }
                processedBy[w]++;
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToArray();
        Assert.True(Task.WaitAll(workers, TimeSpan.FromMinutes(2)), "workers did not finish");
        // The dead worker's connection was cut by the server; closing it reports exactly that.
        var closed = Record.Exception(doomed.Dispose);
        Assert.True(closed is null or PostgresException { SqlState: "57P01" }, closed?.Message);

        using var c = new NpgsqlConnection(t.Location);
        c.Open();
        long Scalar(string sql)
        {
            using var cmd = new NpgsqlCommand(sql, c);
            return Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }
        Assert.Equal(Items, Scalar("SELECT count(*) FROM work_items WHERE state = 1"));
        Assert.Equal(Items, Scalar("SELECT count(*) FROM work_log"));
        Assert.Equal(Items, Scalar("SELECT count(DISTINCT item_seq) FROM work_log"));
        Assert.Equal(1, Scalar($"SELECT count(*) FROM work_log WHERE item_seq = {claimed}"));
        Assert.Equal(Items, Scalar("SELECT count(*) FROM sources"));
        var rejected = Enumerable.Range(0, Items).Count(i => i % 25 == 0);
        var duplicates = Enumerable.Range(0, Items).Count(i => i % 25 != 0 && i % 10 == 0 && (i - 1) % 25 != 0);
        Assert.Equal(rejected, Scalar("SELECT count(*) FROM rejections"));
        Assert.Equal(Items - rejected - duplicates, Scalar("SELECT count(*) FROM articles"));
        Assert.True(processedBy.Count(n => n > 0) >= 2, $"work was not shared: {string.Join(",", processedBy)}");
    }

    private static void Terminate(string connectionString, int pid)
    {
        using var admin = new NpgsqlConnection(connectionString);
        admin.Open();
        using var cmd = new NpgsqlCommand("SELECT pg_terminate_backend(@p)", admin);
        cmd.Parameters.AddWithValue("p", pid);
        cmd.ExecuteNonQuery();
    }
}
