using System.Collections.Concurrent;
using NewsLens.Storage;

namespace NewsLens.Web.Stores;

/// <summary>
/// Hands each request a store instance of its own (an <see cref="IArticleStore"/> serves one thread at a time)
/// and keeps up to <c>maxIdle</c> of them open for the next requests, so a request rarely pays for opening one.
/// </summary>
internal sealed class StorePool : IDisposable
{
    private readonly Func<IArticleStore> open;
    private readonly int maxIdle;
    private readonly ConcurrentBag<IArticleStore> idle = [];

    /// <summary>Idle slots taken: reserved before a store goes into <see cref="idle"/>, freed after one leaves it, so
    /// the bag never holds more than <see cref="maxIdle"/> even when requests end at the same moment.</summary>
    private int idleSlots;

    private int disposed;

    public StorePool(Func<IArticleStore> open, int maxIdle)
    {
        this.open = open;
        this.maxIdle = Math.Max(1, maxIdle);
    }

    /// <summary>Runs <paramref name="work"/> with a store nobody else uses meanwhile.</summary>
    public T Use<T>(Func<IArticleStore, T> work)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) != 0, this);
        IArticleStore store;
        if (idle.TryTake(out var s))
        {
            store = s;
            Interlocked.Decrement(ref idleSlots);
        }
        else
        {
            store = open();
        }
        var healthy = false;
        try
        {
            var result = work(store);
            healthy = true;
            return result;
        }
        finally
        {
            // A store that threw may hold a broken connection or transaction: close it rather than reuse it. A healthy
            // one is kept only in an idle slot it reserved itself (the increment's own result), so requests ending
            // together cannot all see room and keep theirs, as a check of idle.Count followed by an add allowed.
            var slot = healthy && Volatile.Read(ref disposed) == 0 ? Interlocked.Increment(ref idleSlots) : 0;
            if (slot is > 0 && slot <= maxIdle)
            {
                idle.Add(store);
                if (Volatile.Read(ref disposed) != 0)
                    CloseIdle(); // the pool was disposed meanwhile: nothing may stay open
            }
            else
            {
                if (slot > 0)
                    Interlocked.Decrement(ref idleSlots);
                store.Dispose();
            }
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
            return;
        CloseIdle();
    }

    private void CloseIdle()
    {
        while (idle.TryTake(out var s))
            s.Dispose();
    }
}
