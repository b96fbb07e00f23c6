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
        var store = idle.TryTake(out var s) ? s : open();
        var healthy = false;
        try
        {
            var result = work(store);
            healthy = true;
            return result;
        }
        finally
        {
            // A store that threw may hold a broken connection or transaction: close it rather than reuse it.
            if (healthy && idle.Count < maxIdle && Volatile.Read(ref disposed) == 0)
                idle.Add(store);
            else
                store.Dispose();
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
            return;
        while (idle.TryTake(out var s))
            s.Dispose();
    }
}
