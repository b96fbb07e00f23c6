using System.Runtime.InteropServices;

namespace NewsLens.Analyse.Sequence;

/// <summary>
/// Zeroed native memory for a model's lookup tables, cache-line aligned, and for large tables backed by
/// 2 MB pages where the system allows it. The tables are read at random (several lookups per character into
/// tens of megabytes): with 4 KB pages nearly every lookup also misses the address-translation cache and
/// walks the page tables (twice as deep under a hypervisor), with 2 MB pages the whole model fits in it.
/// On Linux the range is marked MADV_HUGEPAGE before its first touch, so the kernel backs it with huge pages
/// when it has them (transparent huge pages in "always" or "madvise" mode) and with normal pages otherwise;
/// elsewhere it is plain aligned memory. Freed when the owning table is collected.
/// </summary>
internal sealed unsafe partial class TableMemory
{
    /// <summary>
    /// Tables from this size on get 2 MB alignment and a whole number of 2 MB pages (at most one page of
    /// rounding, i.e. ≤ 33 % more for the smallest); smaller ones (the cache-resident unigram and feature-kind
    /// tables) are few 4 KB pages and keep their exact size.
    /// </summary>
    private const long HugeFromBytes = 4L << 20;

    private const long HugePage = 2L << 20;

    private const int CacheLine = 64;

    /// <summary>Linux madvise advice: back the range with transparent huge pages.</summary>
    private const int MadvHugePage = 14;

    public TableMemory(long bytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bytes);
        var huge = bytes >= HugeFromBytes;
        Length = huge ? (bytes + HugePage - 1) / HugePage * HugePage : (bytes + CacheLine - 1) / CacheLine * CacheLine;
        Pointer = (byte*)NativeMemory.AlignedAlloc((nuint)Length, huge ? (nuint)HugePage : CacheLine);
        GC.AddMemoryPressure(Length);
        if (huge && OperatingSystem.IsLinux())
        {
            try
            {
                // Advice only: a kernel without transparent huge pages refuses it and normal pages serve.
                _ = Madvise(Pointer, (nuint)Length, MadvHugePage);
            }
            catch (DllNotFoundException)
            {
            }
            catch (EntryPointNotFoundException)
            {
            }
        }
        NativeMemory.Clear(Pointer, (nuint)Length);
    }

    ~TableMemory()
    {
        NativeMemory.AlignedFree(Pointer);
        GC.RemoveMemoryPressure(Length);
    }

    /// <summary>Start of the zeroed block (64-byte aligned; 2 MB aligned for large tables).</summary>
    public byte* Pointer { get; }

    /// <summary>Bytes held (the request rounded up).</summary>
    public long Length { get; }

    [LibraryImport("libc", EntryPoint = "madvise", SetLastError = false)]
    private static partial int Madvise(void* address, nuint length, int advice);
}
