using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;

namespace NewsLens.Storage.Sqlite;

/// <summary>
/// An FTS5 ranking function, <c>newslens_rank(articles_fts, weights)</c>: BM25 (k1 1.2, b 0.75, the same
/// formula as FTS5's built-in <c>bm25()</c>) with the inverse document frequencies supplied by the caller.
/// Why not bm25(): it counts, once per query, every row that contains each phrase of the query (a full walk
/// of each phrase's posting lists, facet filters included), which for a word found in 40 % of a million
/// articles costs over 100 ms even when only 2,000 rows are ranked. The caller estimates each phrase's
/// frequency from its most recent matches (<see cref="SqliteArticleStore"/>), so ranking costs what the rows
/// ranked cost.
/// <para>
/// <c>weights</c> is a blob of little-endian doubles: one weight per FTS5 column, then one IDF per query
/// phrase in the order the phrases appear in the MATCH expression (a missing IDF counts as 0, so trailing
/// filter phrases need none). Higher scores are better. FTS5's extension API is C-only, so the function is
/// registered through the fts5_api pointer of the connection (see fts5.h); layouts below follow that header.
/// </para>
/// </summary>
internal static unsafe class Fts5Rank
{
    public const string Function = "newslens_rank";

    private const double K1 = 1.2;
    private const double B = 0.75;
    private const string Library = "e_sqlite3";
    private const int SqliteOk = 0;
    private const int SqliteRow = 100;

    /// <summary>Writes the weights blob: column weights, then one IDF per phrase.</summary>
    public static byte[] Weights(ReadOnlySpan<double> columns, IReadOnlyList<double> idfs)
    {
        var values = new double[columns.Length + idfs.Count];
        columns.CopyTo(values);
        for (var i = 0; i < idfs.Count; i++)
            values[columns.Length + i] = idfs[i];
        return MemoryMarshal.AsBytes(values.AsSpan()).ToArray();
    }

    /// <summary>BM25's IDF for a phrase found in <paramref name="hits"/> of <paramref name="rows"/> rows (as FTS5's bm25 floors it).</summary>
    public static double Idf(double hits, double rows)
    {
        var idf = Math.Log((rows - hits + 0.5) / (hits + 0.5));
        return idf <= 0 ? 1e-6 : idf;
    }

    /// <summary>Makes the function available on this connection (FTS5 functions are per connection).</summary>
    public static void Register(SqliteConnection connection)
    {
        var db = connection.Handle!.DangerousGetHandle();
        var api = IntPtr.Zero;
        IntPtr statement;
        var sql = "SELECT fts5(?1)\0"u8;
        fixed (byte* text = sql)
        {
            if (sqlite3_prepare_v2(db, text, -1, out statement, IntPtr.Zero) != SqliteOk)
                throw new InvalidOperationException("SQLite has no FTS5 module: cannot register the search ranking function.");
        }
        try
        {
            fixed (byte* type = "fts5_api_ptr\0"u8)
            {
                sqlite3_bind_pointer(statement, 1, &api, type, IntPtr.Zero);
                if (sqlite3_step(statement) != SqliteRow || api == IntPtr.Zero)
                    throw new InvalidOperationException("SQLite did not hand out its FTS5 API: cannot register the search ranking function.");
            }
        }
        finally
        {
            sqlite3_finalize(statement);
        }
        // struct fts5_api { int iVersion; xCreateTokenizer; xFindTokenizer; xCreateFunction; ... }
        var createFunction = (delegate* unmanaged<IntPtr, byte*, IntPtr, delegate* unmanaged<IntPtr, IntPtr, IntPtr, int, IntPtr*, void>, IntPtr, int>)
            ((IntPtr*)(api + sizeof(IntPtr)))[2];
        fixed (byte* name = System.Text.Encoding.UTF8.GetBytes(Function + "\0"))
        {
            if (createFunction(api, name, IntPtr.Zero, &Rank, IntPtr.Zero) != SqliteOk)
                throw new InvalidOperationException("SQLite refused the search ranking function.");
        }
    }

    /// <summary>fts5_extension_function: (const Fts5ExtensionApi*, Fts5Context*, sqlite3_context*, int, sqlite3_value**).</summary>
    [UnmanagedCallersOnly]
    private static void Rank(IntPtr extensionApi, IntPtr fts, IntPtr context, int valueCount, IntPtr* values)
    {
        try
        {
            if (valueCount != 1)
            {
                Error(context, "newslens_rank(articles_fts, weights) takes one weights blob"u8);
                return;
            }
            var api = new ExtensionApi(extensionApi);
            var weights = new ReadOnlySpan<double>((void*)sqlite3_value_blob(values[0]), sqlite3_value_bytes(values[0]) / sizeof(double));
            sqlite3_result_double(context, Score(api, fts, weights));
        }
        catch (Exception)
        {
            // An exception must not cross into SQLite's C frames; the statement fails with this message instead.
            Error(context, "newslens_rank failed"u8);
        }
    }

    private static double Score(ExtensionApi api, IntPtr fts, ReadOnlySpan<double> weights)
    {
        var columns = api.ColumnCount(fts);
        var phrases = api.PhraseCount(fts);
        if (weights.Length < columns || phrases <= 0)
            return 0;
        Span<double> frequency = phrases <= 128 ? stackalloc double[phrases] : new double[phrases];
        frequency.Clear();
        var instances = api.InstanceCount(fts);
        for (var i = 0; i < instances; i++)
        {
            var (phrase, column) = api.Instance(fts, i);
            if ((uint)phrase < (uint)phrases && (uint)column < (uint)columns)
                frequency[phrase] += weights[column];
        }
        var rows = api.RowCount(fts);
        var averageLength = rows > 0 ? (double)api.TotalTokens(fts) / rows : 1;
        var lengthNorm = K1 * (1 - B + B * api.RowTokens(fts) / Math.Max(averageLength, 1));
        var idfs = weights[columns..];
        var score = 0.0;
        for (var p = 0; p < phrases && p < idfs.Length; p++)
        {
            var f = frequency[p];
            if (f > 0)
                score += idfs[p] * f * (K1 + 1) / (f + lengthNorm);
        }
        return score;
    }

    private static void Error(IntPtr context, ReadOnlySpan<byte> message)
    {
        fixed (byte* text = message)
            sqlite3_result_error(context, text, message.Length);
    }

    /// <summary>The Fts5ExtensionApi function table: an int version, then function pointers in header order.</summary>
    private readonly struct ExtensionApi(IntPtr table)
    {
        private IntPtr Slot(int index) => ((IntPtr*)(table + sizeof(IntPtr)))[index];

        public int ColumnCount(IntPtr fts) => ((delegate* unmanaged<IntPtr, int>)Slot(1))(fts);

        public long RowCount(IntPtr fts)
        {
            long rows;
            Check(((delegate* unmanaged<IntPtr, long*, int>)Slot(2))(fts, &rows));
            return rows;
        }

        /// <summary>Tokens over all rows and columns (xColumnTotalSize with column -1).</summary>
        public long TotalTokens(IntPtr fts)
        {
            long tokens;
            Check(((delegate* unmanaged<IntPtr, int, long*, int>)Slot(3))(fts, -1, &tokens));
            return tokens;
        }

        public int PhraseCount(IntPtr fts) => ((delegate* unmanaged<IntPtr, int>)Slot(5))(fts);

        public int InstanceCount(IntPtr fts)
        {
            int count;
            Check(((delegate* unmanaged<IntPtr, int*, int>)Slot(7))(fts, &count));
            return count;
        }

        public (int Phrase, int Column) Instance(IntPtr fts, int index)
        {
            int phrase, column, offset;
            Check(((delegate* unmanaged<IntPtr, int, int*, int*, int*, int>)Slot(8))(fts, index, &phrase, &column, &offset));
            return (phrase, column);
        }

        /// <summary>Tokens of the current row over all columns (xColumnSize with column -1).</summary>
        public int RowTokens(IntPtr fts)
        {
            int tokens;
            Check(((delegate* unmanaged<IntPtr, int, int*, int>)Slot(11))(fts, -1, &tokens));
            return tokens;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static void Check(int rc)
        {
            if (rc != SqliteOk)
                throw new InvalidOperationException($"FTS5 extension call failed ({rc})");
        }
    }

    [DllImport(Library)]
    private static extern int sqlite3_prepare_v2(IntPtr db, byte* sql, int bytes, out IntPtr statement, IntPtr tail);

    [DllImport(Library)]
    private static extern int sqlite3_bind_pointer(IntPtr statement, int index, void* pointer, byte* type, IntPtr destructor);

    [DllImport(Library)]
    private static extern int sqlite3_step(IntPtr statement);

    [DllImport(Library)]
    private static extern int sqlite3_finalize(IntPtr statement);

    [DllImport(Library)]
    private static extern IntPtr sqlite3_value_blob(IntPtr value);

    [DllImport(Library)]
    private static extern int sqlite3_value_bytes(IntPtr value);

    [DllImport(Library)]
    private static extern void sqlite3_result_double(IntPtr context, double value);

    [DllImport(Library)]
    private static extern void sqlite3_result_error(IntPtr context, byte* message, int bytes);
}
