using NewsLens.Storage;
using NewsLens.Web.Stores;

namespace NewsLens.Web.Tests.Stores;

public sealed class StorePoolTests
{
    [Fact]
    public void Stores_are_reused_up_to_the_idle_limit_and_never_shared()
    {
        var opened = new List<CountingStore>();
        using var pool = new StorePool(() => { var (s, probe) = CountingStore.Create(); lock (opened) opened.Add(probe); return s; }, maxIdle: 2);
        for (var i = 0; i < 5; i++)
            pool.Use(s => s.Counts());
        Assert.Single(opened);

        // Four at once need four stores; afterwards only two stay open.
        using var barrier = new Barrier(4);
        Parallel.For(0, 4, new ParallelOptions { MaxDegreeOfParallelism = 4 }, _ => pool.Use(s =>
        {
            barrier.SignalAndWait(TimeSpan.FromSeconds(10));
            return s.Counts();
        }));
        Assert.Equal(4, opened.Count);
        Assert.Equal(2, opened.Count(s => s.Disposed));
        Assert.All(opened, s => Assert.Equal(0, s.MaxConcurrent - 1));
    }

    [Fact]
    public void A_store_that_threw_is_closed_not_reused()
    {
        var opened = new List<CountingStore>();
        using var pool = new StorePool(() => { var (s, probe) = CountingStore.Create(); opened.Add(probe); return s; }, maxIdle: 4);
        Assert.Throws<InvalidOperationException>(() => pool.Use<int>(_ => throw new InvalidOperationException("boom")));
        pool.Use(s => s.Counts());
        Assert.Equal(2, opened.Count);
        Assert.True(opened[0].Disposed);
    }

    /// <summary>A store that notes whether two threads ever used it at once. A proxy, so the test does not
    /// break when the store interface grows: only Counts and Dispose are answered.</summary>
    public class CountingStore : System.Reflection.DispatchProxy
    {
        private int inUse;

        public int MaxConcurrent { get; private set; }

        public bool Disposed { get; private set; }

        public static (IArticleStore Store, CountingStore Probe) Create()
        {
            var store = Create<IArticleStore, CountingStore>();
            return (store, (CountingStore)(object)store);
        }

        protected override object? Invoke(System.Reflection.MethodInfo? targetMethod, object?[]? args)
        {
            switch (targetMethod?.Name)
            {
                case nameof(IArticleStore.Counts):
                    var now = Interlocked.Increment(ref inUse);
                    MaxConcurrent = Math.Max(MaxConcurrent, now);
                    Thread.Sleep(5);
                    Interlocked.Decrement(ref inUse);
                    return new StoreCounts(0, 0, 0, 0, 0);
                case nameof(IDisposable.Dispose):
                    Disposed = true;
                    return null;
                default:
                    throw new NotSupportedException(targetMethod?.Name);
            }
        }
    }
}
