using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using NewsLens.Model;
using NewsLens.Model.Json;
using NewsLens.Pipeline;
using NewsLens.Storage.Search;

namespace NewsLens.Storage.Sqlite;

/// <summary>
/// The embedded store: one SQLite file in WAL mode (readers never block the writer), schema from embedded
/// migrations, FTS5 over <see cref="IndexTerms"/> ranked by BM25 with the title weighted. One instance owns
/// one connection and is used from one thread; open several instances for several threads or processes.
/// </summary>
internal sealed class SqliteArticleStore : IArticleStore
{
    /// <summary>BM25 column weights (title, body, words, facets). A title hit weighs like eight body hits, so an
    /// article about the query outranks one that mentions it in passing; whole-word hits from the segmenter
    /// add to bigram hits; facet terms only filter. Set by looking at rankings of the seeds and samples, not
    /// tuned on a metric.</summary>
    private static readonly double[] ColumnWeights = [8.0, 1.0, 2.0, 0.0];

    /// <summary>Rows (articles, newest first) the search walk covers before it widens; see Search.</summary>
    internal const long DefaultFirstWindowRows = 1 << 17;

    /// <summary>Most recent matches of a phrase read to estimate how common it is (see EstimatedHits).</summary>
    private const int FrequencySample = 256;

    /// <summary>Largest thread timeline returned, in articles.</summary>
    internal const int MaxTimelineEntries = 1_000;

    /// <summary>Events shown per timeline entry.</summary>
    internal const int TimelineEvents = 3;

    /// <summary>Page cache per connection (negative = KiB): 64 MiB keeps the FTS index's hot pages in memory.</summary>
    private const int CacheKib = 65_536;

    /// <summary>Memory-mapped I/O window: reads of a large index skip the page-cache copy.</summary>
    private const long MmapBytes = 1L << 30;

    /// <summary>The record's thread: only when the article shares it with another (a thread of one is no story thread).</summary>
    private const string SharedThread = "(SELECT t.id FROM threads t WHERE t.id = a.thread_id AND t.size > 1)";

    private readonly SqliteConnection connection;
    private readonly Dictionary<string, SqliteCommand> commands = new(StringComparer.Ordinal);
    private SqliteTransaction? current;

    public SqliteArticleStore(string path)
        : this(path, SqliteSearchIndex.DefaultSplitter())
    {
    }

    /// <param name="words">Splits stored text into words when a schema migration rebuilds the full-text index.</param>
    internal SqliteArticleStore(string path, SqliteSearchIndex.WordSplitter words)
    {
        Path = path;
        var builder = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false, DefaultTimeout = 30 };
        connection = new SqliteConnection(builder.ToString());
        connection.Open();
        // WAL: readers see the last commit while a writer appends. synchronous=NORMAL: a commit is durable
        // against a killed process (the WAL is in the OS cache), only a power cut can drop the last commits.
        Pragma("journal_mode = WAL");
        Pragma("synchronous = NORMAL");
        Pragma("busy_timeout = 30000");
        Pragma($"cache_size = -{CacheKib}");
        Pragma($"mmap_size = {MmapBytes}");
        Pragma("temp_store = MEMORY");
        Fts5Rank.Register(connection);
        SqliteMigrator.Migrate(connection, words);
    }

    public string Path { get; }

    /// <summary>The search walk's first window (<see cref="DefaultFirstWindowRows"/>; tests make it small).</summary>
    internal long FirstWindowRows { get; init; } = DefaultFirstWindowRows;

    /// <summary>Matches read per phrase to estimate its frequency (<see cref="FrequencySample"/>; tests make it small).</summary>
    internal int FrequencySampleSize { get; init; } = FrequencySample;

    /// <summary>A logged source counts as done unless it failed with an internal error, which the next run retries.</summary>
    private const string Done = "NOT EXISTS (SELECT 1 FROM rejections r WHERE r.source = s.source AND r.reason = 'failed')";

    public bool IsDone(string source) =>
        Scalar($"SELECT 1 FROM sources s WHERE s.source = $s AND {Done}", ("$s", source)) is not null;

    public IReadOnlySet<string> DoneSources()
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        using var reader = Reader($"SELECT source FROM sources s WHERE {Done}");
        while (reader.Read())
            set.Add(reader.GetString(0));
        return set;
    }

    public StoreOutcome Store(AnalysedArticle article, LinkState? link = null)
    {
        var rows = ArticleRows.From(article);
        return InTransaction(() =>
        {
            if (!ClearFailed(rows.Source))
                return StoreOutcome.AlreadyDone;
            var outcome = StoreOutcome.Duplicate;
            if (Scalar("SELECT rowid FROM articles WHERE id = $id", ("$id", rows.Id)) is null)
            {
                var rowid = InsertArticle(rows);
                if (link is not null)
                    InsertLinkState(rowid, link);
                outcome = StoreOutcome.Stored;
            }
            Exec("INSERT INTO sources (source, article_id, outcome) VALUES ($s, $id, $o)",
                ("$s", rows.Source), ("$id", rows.Id), ("$o", ArticleRows.Code(outcome)));
            return outcome;
        });
    }

    /// <summary>
    /// Benchmark corpus building only: no fsync and a 2 GiB page cache, so a million-article corpus builds
    /// at the speed of the inserts instead of the disk. A crash during the build can corrupt the file, which is
    /// then rebuilt; never used by ingest.
    /// </summary>
    internal void TuneForBulkLoad()
    {
        Pragma("synchronous = OFF");
        Pragma("cache_size = -2097152");
    }

    /// <summary>Bulk load for benchmarks and imports: many articles in one transaction (ingest uses <see cref="Store"/>, one each).</summary>
    internal int StoreMany(IReadOnlyList<AnalysedArticle> articles)
    {
        var rows = articles.Select(a => ArticleRows.From(a)).ToList();
        return InTransaction(() =>
        {
            var stored = 0;
            foreach (var r in rows)
            {
                if (Scalar("SELECT 1 FROM sources WHERE source = $s", ("$s", r.Source)) is not null)
                    continue;
                if (Scalar("SELECT rowid FROM articles WHERE id = $id", ("$id", r.Id)) is null)
                {
                    InsertArticle(r);
                    stored++;
                }
                Exec("INSERT INTO sources (source, article_id, outcome) VALUES ($s, $id, $o)",
                    ("$s", r.Source), ("$id", r.Id), ("$o", ArticleRows.Code(StoreOutcome.Stored)));
            }
            return stored;
        });
    }

    public StoreOutcome Reject(Rejection rejection) => InTransaction(() =>
    {
        if (!ClearFailed(rejection.Source))
            return StoreOutcome.AlreadyDone;
        Exec("INSERT INTO rejections (source, reason, detail) VALUES ($s, $r, $d)",
            ("$s", rejection.Source), ("$r", ArticleRows.Code(rejection.Reason)), ("$d", rejection.Detail));
        Exec("INSERT INTO sources (source, article_id, outcome) VALUES ($s, NULL, $o)",
            ("$s", rejection.Source), ("$o", ArticleRows.Code(StoreOutcome.Rejected)));
        return StoreOutcome.Rejected;
    });

    public void AssignThread(string threadId, IReadOnlyList<string> articleIds) => InTransaction(() =>
    {
        var touched = new SortedSet<string>(StringComparer.Ordinal) { threadId };
        foreach (var id in articleIds)
        {
            if (Scalar("SELECT thread_id FROM articles WHERE id = $id", ("$id", id)) is string old)
                touched.Add(old);
            Exec("UPDATE articles SET thread_id = $t WHERE id = $id", ("$t", threadId), ("$id", id));
        }
        foreach (var t in touched)
            RefreshThread(t);
        return 0;
    });

    /// <summary>True when <paramref name="source"/> may be written: never logged, or logged as an internal failure (then cleared for the retry).</summary>
    private bool ClearFailed(string source)
    {
        if (Scalar("SELECT 1 FROM sources WHERE source = $s", ("$s", source)) is null)
            return true;
        if (Scalar("SELECT 1 FROM rejections WHERE source = $s AND reason = 'failed'", ("$s", source)) is null)
            return false;
        Exec("DELETE FROM rejections WHERE source = $s", ("$s", source));
        Exec("DELETE FROM sources WHERE source = $s", ("$s", source));
        return true;
    }

    /// <summary>Runs <paramref name="work"/> in one write transaction (BEGIN IMMEDIATE), committed when it returns.</summary>
    private T InTransaction<T>(Func<T> work)
    {
        using var tx = connection.BeginTransaction(deferred: false);
        current = tx;
        try
        {
            var result = work();
            tx.Commit();
            return result;
        }
        finally
        {
            current = null;
        }
    }

    private void InsertLinkState(long rowid, LinkState s) =>
        Exec(
            """
            INSERT INTO link_state (article_rowid, article_id, fingerprint, signature, profile, thread_id, founded, reason, matched_id, score)
            VALUES ($r, $id, $f, $sig, $p, $t, $founded, $reason, $m, $score)
            """,
            ("$r", rowid), ("$id", s.ArticleId), ("$f", s.Fingerprint), ("$sig", s.Signature), ("$p", s.Profile), ("$t", s.ThreadId),
            ("$founded", s.Founded ? 1 : 0), ("$reason", s.Reason), ("$m", s.MatchedId), ("$score", s.Score));

    public IReadOnlyList<string> UnlinkedIds(int limit)
    {
        var list = new List<string>();
        using var reader = Reader(
            "SELECT a.id FROM articles a WHERE NOT EXISTS (SELECT 1 FROM link_state l WHERE l.article_rowid = a.rowid) ORDER BY a.rowid LIMIT $n",
            ("$n", Math.Clamp(limit, 1, SearchQuery.MaxLimit * 10)));
        while (reader.Read())
            list.Add(reader.GetString(0));
        return list;
    }

    public void SaveLinks(string articleId, ArticleLinks links, LinkState state) => InTransaction(() =>
    {
        if (Scalar("SELECT rowid FROM articles WHERE id = $id", ("$id", articleId)) is not long rowid)
            throw new InvalidOperationException($"article {articleId} is not stored");
        if (Scalar("SELECT 1 FROM link_state WHERE article_rowid = $r", ("$r", rowid)) is not null)
            return 0;
        InsertLinks(articleId, links.Duplicates);
        InsertLinkState(rowid, state);
        if (links.ThreadId is not null)
        {
            var old = Scalar("SELECT thread_id FROM articles WHERE rowid = $r", ("$r", rowid)) as string;
            Exec("UPDATE articles SET thread_id = $t WHERE rowid = $r", ("$t", links.ThreadId), ("$r", rowid));
            if (old is not null && old != links.ThreadId)
                RefreshThread(old);
            RefreshThread(links.ThreadId);
        }
        return 0;
    });

    public IEnumerable<LinkState> LinkStates()
    {
        var list = new List<LinkState>();
        using var reader = Reader("SELECT article_id, fingerprint, signature, profile, thread_id, founded, reason, matched_id, score FROM link_state ORDER BY article_rowid");
        while (reader.Read())
        {
            list.Add(new LinkState(reader.GetString(0), reader.GetString(1), (byte[])reader.GetValue(2), reader.GetString(3), reader.GetString(4),
                reader.GetInt64(5) != 0, reader.GetString(6), NullableString(reader, 7), reader.GetDouble(8)));
        }
        return list;
    }

    private long InsertArticle(ArticleRows r)
    {
        var rowid = (long)Scalar(
            """
            INSERT INTO articles (id, source, url, title, published, published_day, site, author, language, credibility, thread_id, record)
            VALUES ($id, $source, $url, $title, $published, $day, $site, $author, $language, $credibility, $thread, $record)
            RETURNING rowid
            """,
            ("$id", r.Id), ("$source", r.Source), ("$url", r.Url), ("$title", r.Title), ("$published", r.Published), ("$day", r.PublishedDay),
            ("$site", r.Site), ("$author", r.Author), ("$language", r.Language), ("$credibility", r.Credibility), ("$thread", r.ThreadId), ("$record", r.RecordJson))!;
        Exec("INSERT INTO articles_fts (rowid, title, body, words, facets) VALUES ($r, $t, $b, $w, $f)",
            ("$r", rowid), ("$t", r.TitleTerms), ("$b", r.BodyTerms), ("$w", r.WordTerms),
            ("$f", Facets.Build(r.Site, r.PublishedDay, r.Flags.Select(f => f.Code), r.Entities.SelectMany(e => new[] { e.KbId, e.Canonical, e.Text }))));
        for (var i = 0; i < r.Entities.Count; i++)
        {
            var e = r.Entities[i];
            Exec(
                """
                INSERT INTO entities (article_rowid, ord, text, type, span_start, span_end, kb_id, canonical, country, role, role_check)
                VALUES ($r, $o, $text, $type, $s, $e, $kb, $can, $country, $role, $check)
                """,
                ("$r", rowid), ("$o", i), ("$text", e.Text), ("$type", e.Type), ("$s", e.Start), ("$e", e.End), ("$kb", e.KbId), ("$can", e.Canonical),
                ("$country", e.Country), ("$role", e.Role), ("$check", e.RoleCheck));
        }
        for (var i = 0; i < r.Events.Count; i++)
        {
            var e = r.Events[i];
            Exec(
                """
                INSERT INTO events (article_rowid, ord, type, mode, modality, date, trigger, sentence, span_start, span_end, actors, recipients, location)
                VALUES ($r, $o, $type, $mode, $modality, $date, $trigger, $sentence, $s, $e, $actors, $recipients, $location)
                """,
                ("$r", rowid), ("$o", i), ("$type", e.Type), ("$mode", e.Mode), ("$modality", e.Modality), ("$date", e.Date), ("$trigger", e.Trigger),
                ("$sentence", e.Sentence), ("$s", e.Start), ("$e", e.End), ("$actors", e.Actors), ("$recipients", e.Recipients), ("$location", e.Location));
        }
        for (var i = 0; i < r.Flags.Count; i++)
        {
            var f = r.Flags[i];
            Exec("INSERT INTO flags (article_rowid, ord, code, severity, message_en, message_zh) VALUES ($r, $o, $c, $s, $en, $zh)",
                ("$r", rowid), ("$o", i), ("$c", f.Code), ("$s", f.Severity), ("$en", f.MessageEn), ("$zh", f.MessageZh));
        }
        for (var i = 0; i < r.Removed.Count; i++)
        {
            var b = r.Removed[i];
            Exec("INSERT INTO removed_blocks (article_rowid, ord, reason, hidden, detail, text) VALUES ($r, $o, $reason, $h, $d, $t)",
                ("$r", rowid), ("$o", i), ("$reason", b.Reason), ("$h", b.Hidden), ("$d", b.Detail), ("$t", b.Text));
        }
        InsertLinks(r.Id, r.Links);
        if (r.ThreadId is not null)
            RefreshThread(r.ThreadId);
        return rowid;
    }

    private void InsertLinks(string id, IReadOnlyList<DuplicateLink> links)
    {
        foreach (var link in links)
        {
            if (string.Equals(link.OtherId, id, StringComparison.Ordinal))
                continue;
            Exec(
                """
                INSERT INTO links (article_id, other_id, kind, similarity) VALUES ($a, $b, $k, $s)
                ON CONFLICT (article_id, other_id) DO UPDATE SET kind = excluded.kind, similarity = excluded.similarity
                """,
                ("$a", id), ("$b", link.OtherId), ("$k", ArticleRows.Code(link.Kind)), ("$s", link.Similarity));
        }
    }

    private void RefreshThread(string threadId)
    {
        var size = Convert.ToInt64(Scalar("SELECT count(*) FROM articles WHERE thread_id = $t", ("$t", threadId)), CultureInfo.InvariantCulture);
        if (size == 0)
        {
            Exec("DELETE FROM threads WHERE id = $t", ("$t", threadId));
            return;
        }
        Exec(
            """
            INSERT INTO threads (id, label, first_day, last_day, size)
            SELECT $t,
                   (SELECT title FROM articles WHERE thread_id = $t ORDER BY published_day IS NULL, published_day, id LIMIT 1),
                   min(published_day), max(published_day), count(*)
            FROM articles WHERE thread_id = $t
            ON CONFLICT (id) DO UPDATE SET label = excluded.label, first_day = excluded.first_day, last_day = excluded.last_day, size = excluded.size
            """,
            ("$t", threadId));
    }

    public SearchResults Search(SearchQuery query)
    {
        query.Validate();
        var terms = QueryTerms.Parse(query.Text);
        if (terms.Count == 0 || FacetMatch(query) is not { } facets)
            return new SearchResults([], terms);
        // Rank only the most recently stored matches (see RankedCandidates), walking back from the newest
        // article in windows that double in size: a word found in half the corpus fills the cap within the
        // first window, and a sparse combination (two common words that rarely meet, a rare word in a narrow
        // date range) stops once a window has filled a page instead of intersecting long posting lists over
        // the whole corpus. Older matches of such queries are reached with a date filter. Filters are index
        // terms too (Facets), so the walk never reads an article row; rows are read for the hits shown only.
        var match = Fts5Match(terms) + facets;
        var newest = Convert.ToInt64(Scalar("SELECT coalesce(max(rowid), 0) FROM articles") ?? 0L, CultureInfo.InvariantCulture);
        var weights = RankWeights(terms, newest);
        var found = new List<(long Rowid, double Score)>();
        var end = newest + 1;
        for (var width = FirstWindowRows; end > 0 && found.Count < SearchQuery.RankedCandidates; width *= 2)
        {
            var start = Math.Max(0, end - width);
            using (var reader = Reader(
                $"""
                SELECT rowid, {Fts5Rank.Function}(articles_fts, $weights) FROM articles_fts
                WHERE articles_fts MATCH $match AND rowid >= $start AND rowid < $end ORDER BY rowid DESC LIMIT $room
                """,
                ("$match", match), ("$weights", weights), ("$start", start), ("$end", end), ("$room", SearchQuery.RankedCandidates - found.Count)))
            {
                while (reader.Read())
                    found.Add((reader.GetInt64(0), reader.GetDouble(1)));
            }
            end = start;
            if (found.Count >= query.BoundedLimit)
                break;
        }
        found.Sort((x, y) => y.Score != x.Score ? y.Score.CompareTo(x.Score) : y.Rowid.CompareTo(x.Rowid));
        if (found.Count > query.BoundedLimit)
            found.RemoveRange(query.BoundedLimit, found.Count - query.BoundedLimit);
        var hits = new List<SearchHit>(found.Count);
        foreach (var (rowid, score) in found)
        {
            using var reader = Reader("SELECT id, title, published, site, json_extract(record, '$.text') FROM articles WHERE rowid = $r", ("$r", rowid));
            if (!reader.Read())
                continue;
            hits.Add(new SearchHit(reader.GetString(0), NullableString(reader, 1), NullableString(reader, 2), NullableString(reader, 3), score,
                Snippets.Build(NullableString(reader, 4) ?? "", terms)));
        }
        return new SearchResults(hits, terms);
    }

    /// <summary>
    /// The ranking function's weights for <see cref="Fts5Match"/>(terms): the column weights, then an IDF per
    /// phrase in match order (each term's bigram phrase, then its whole-word phrase when it has one; the
    /// facet phrases after them get none, so they only filter).
    /// </summary>
    /// <param name="newest">The newest rowid: rowids are assigned in storing order and articles are rarely
    /// deleted, so it stands in for the article count.</param>
    private byte[] RankWeights(IReadOnlyList<QueryTerm> terms, long newest)
    {
        var rows = (double)newest;
        var idfs = new List<double>(terms.Count * 2);
        foreach (var t in terms)
        {
            // A phrase occurs at most as often as its rarest bigram; estimating per bigram keeps each walk short.
            var hits = t.Kind == QueryTermKind.Prefix
                ? EstimatedHits($"{{title body}} : {Quote(string.Join(' ', t.Lexemes))}*", rows)
                : t.Lexemes.Min(l => EstimatedHits($"{{title body}} : {Quote(l)}", rows));
            idfs.Add(Fts5Rank.Idf(hits, rows));
            if (t.Word is not null)
                idfs.Add(Fts5Rank.Idf(EstimatedHits($"words : {Quote(t.Word)}", rows), rows));
        }
        return Fts5Rank.Weights(ColumnWeights, idfs);
    }

    /// <summary>
    /// How many articles match: exact when the phrase has fewer than <see cref="FrequencySampleSize"/> matches,
    /// otherwise the share of recent rows holding its newest matches times all rows. Reading a sample from
    /// the newest end costs the same for a rare word and for one in half the corpus.
    /// </summary>
    internal double EstimatedHits(string match, double rows)
    {
        using var reader = Reader(
            "SELECT count(*), min(rowid) FROM (SELECT rowid FROM articles_fts WHERE articles_fts MATCH $m ORDER BY rowid DESC LIMIT $n)",
            ("$m", match), ("$n", FrequencySampleSize));
        reader.Read();
        var count = reader.GetInt64(0);
        return count < FrequencySampleSize ? count : Math.Min(rows, count * rows / Math.Max(1, rows - reader.GetInt64(1) + 1));
    }

    /// <summary>
    /// The filters as an FTS5 condition on the facets column (" AND facets : ..."), "" without filters, or
    /// null when no article can pass (a date range that is empty or outside every stored publish day).
    /// </summary>
    private string? FacetMatch(SearchQuery q)
    {
        var sb = new StringBuilder();
        void Require(IEnumerable<string> anyOf) =>
            sb.Append(" AND facets : (").AppendJoin(" OR ", anyOf.Select(Quote)).Append(')');
        if (q.Site is not null)
            Require([Facets.Site(q.Site)]);
        if (q.Flag is not null)
            Require([Facets.Flag(q.Flag)]);
        if (q.Entity is not null)
            Require([Facets.Entity(q.Entity)]);
        if (q.From is not null || q.To is not null)
        {
            // An open end is the earliest or latest stored publish day, so the range stays a few dozen terms.
            // Two subqueries: SQLite answers a lone min() or max() from the index, but scans it for both at once.
            using var reader = Reader("SELECT (SELECT min(published_day) FROM articles), (SELECT max(published_day) FROM articles)");
            if (!reader.Read() || reader.IsDBNull(0))
                return null;
            var first = DateOnly.ParseExact(reader.GetString(0), "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var last = DateOnly.ParseExact(reader.GetString(1), "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var from = q.From is { } f && f > first ? f : first;
            var to = q.To is { } t && t < last ? t : last;
            var days = Facets.DayRange(from, to);
            if (days.Count == 0)
                return null;
            Require(days);
        }
        return sb.ToString();
    }

    /// <summary>The FTS5 query: every term required; a CJK term also matches whole segmenter words (rank only).</summary>
    internal static string Fts5Match(IReadOnlyList<QueryTerm> terms)
    {
        var parts = new List<string>(terms.Count);
        foreach (var t in terms)
        {
            var phrase = Quote(string.Join(' ', t.Lexemes));
            var main = t.Kind == QueryTermKind.Prefix ? $"{{title body}} : {phrase}*" : $"{{title body}} : {phrase}";
            parts.Add(t.Word is null ? $"({main})" : $"({main} OR words : {Quote(t.Word)})");
        }
        return string.Join(" AND ", parts);
    }

    private static string Quote(string s) => "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public ArticleRecord? Get(string id)
    {
        if (!StoredIds.IsIdLike(id))
            return null;
        var matches = new List<(string Id, string Record, string? Thread)>();
        var sql = id.Length >= StoredIds.FullLength
            ? $"SELECT id, record, {SharedThread} FROM articles a WHERE id = $id"
            : $"SELECT id, record, {SharedThread} FROM articles a WHERE id >= $id AND id < $id || '~' ORDER BY id LIMIT 2";
        using (var reader = Reader(sql, ("$id", id)))
        {
            while (reader.Read())
                matches.Add((reader.GetString(0), reader.GetString(1), NullableString(reader, 2)));
        }
        if (matches.Count != 1 || (id.Length < StoredIds.MinPrefix && matches[0].Id != id))
            return null;
        return Assemble(matches[0].Id, matches[0].Record, matches[0].Thread);
    }

    private ArticleRecord Assemble(string id, string record, string? thread)
    {
        var links = new List<DuplicateLink>();
        using (var reader = Reader(
            """
            SELECT other_id, kind, similarity FROM links WHERE article_id = $id
            UNION ALL SELECT article_id, kind, similarity FROM links WHERE other_id = $id
            ORDER BY 3 DESC, 1
            """,
            ("$id", id)))
        {
            while (reader.Read())
                links.Add(new DuplicateLink(reader.GetString(0), StoredIds.ParseKind(reader.GetString(1)), reader.GetDouble(2)));
        }
        var parsed = JsonSerializer.Deserialize<ArticleRecord>(record, RecordJson.Options)
            ?? throw new InvalidDataException($"stored record {id} is empty");
        return parsed with { Duplicates = links, Thread = thread };
    }

    public IReadOnlyList<StoredRejection> Rejections(int limit)
    {
        var list = new List<StoredRejection>();
        using var reader = Reader("SELECT source, reason, detail FROM rejections ORDER BY source LIMIT $n", ("$n", Math.Clamp(limit, 1, int.MaxValue)));
        while (reader.Read())
            list.Add(new StoredRejection(reader.GetString(0), StoredIds.ParseReason(reader.GetString(1)), reader.GetString(2)));
        return list;
    }

    public IReadOnlyList<ThreadSummary> Threads(ThreadQuery query)
    {
        if (query.Entity is { Length: > SearchQuery.MaxFilterChars })
            throw new ArgumentException($"the --entity value is {query.Entity.Length} characters long; the limit is {SearchQuery.MaxFilterChars}");
        var sql = query.Entity is null
            ? "SELECT id, label, first_day, last_day, size FROM threads WHERE size >= $min ORDER BY size DESC, last_day DESC, id LIMIT $n"
            : """
              SELECT id, label, first_day, last_day, size FROM threads WHERE id IN (
                  SELECT a.thread_id FROM entities e JOIN articles a ON a.rowid = e.article_rowid
                  WHERE (e.kb_id = $e OR e.canonical = $e OR e.text = $e) AND a.thread_id IS NOT NULL) AND size >= $min
              ORDER BY size DESC, last_day DESC, id LIMIT $n
              """;
        var list = new List<ThreadSummary>();
        using var reader = Reader(sql, ("$n", query.BoundedLimit), ("$e", query.Entity), ("$min", Math.Max(1, query.MinSize)));
        while (reader.Read())
            list.Add(ReadThread(reader));
        return list;
    }

    private static ThreadSummary ReadThread(SqliteDataReader r) =>
        new(r.GetString(0), NullableString(r, 1), NullableString(r, 2), NullableString(r, 3), r.GetInt32(4));

    public ThreadTimeline? Thread(string id)
    {
        if (id.Length > SearchQuery.MaxFilterChars)
            return null;
        ThreadSummary? summary = null;
        using (var reader = Reader("SELECT id, label, first_day, last_day, size FROM threads WHERE id = $t", ("$t", id)))
        {
            if (reader.Read())
                summary = ReadThread(reader);
        }
        if (summary is null)
            return null;
        var members = new List<(long Rowid, string Id, string? Published, string? Site, string? Title)>();
        using (var reader = Reader(
            "SELECT rowid, id, published, site, title FROM articles WHERE thread_id = $t ORDER BY published_day IS NULL, published_day, published, id LIMIT $n",
            ("$t", id), ("$n", MaxTimelineEntries)))
        {
            while (reader.Read())
                members.Add((reader.GetInt64(0), reader.GetString(1), NullableString(reader, 2), NullableString(reader, 3), NullableString(reader, 4)));
        }
        var earlier = new HashSet<string>(StringComparer.Ordinal);
        var entries = new List<ThreadEntry>(members.Count);
        foreach (var m in members)
        {
            string? copyOf = null;
            CopyKind? kind = null;
            using (var reader = Reader(
                """
                SELECT other_id, kind FROM links WHERE article_id = $id
                UNION ALL SELECT article_id, kind FROM links WHERE other_id = $id
                ORDER BY 1
                """,
                ("$id", m.Id)))
            {
                while (reader.Read() && copyOf is null)
                {
                    var other = reader.GetString(0);
                    if (earlier.Contains(other))
                        (copyOf, kind) = (other, StoredIds.ParseKind(reader.GetString(1)));
                }
            }
            var events = new List<string>();
            using (var reader = Reader("SELECT type, actors, recipients, date FROM events WHERE article_rowid = $r ORDER BY ord LIMIT $n", ("$r", m.Rowid), ("$n", TimelineEvents)))
            {
                while (reader.Read())
                    events.Add(TimelineText.Event(reader.GetString(0), reader.GetString(1), reader.GetString(2), NullableString(reader, 3)));
            }
            entries.Add(new ThreadEntry(m.Id, m.Published, m.Site, m.Title, copyOf, kind, events));
            earlier.Add(m.Id);
        }
        return new ThreadTimeline(summary, entries);
    }

    public StoreCounts Counts() => new(
        Count("SELECT count(*) FROM articles"),
        Count("SELECT count(*) FROM sources"),
        Count("SELECT count(*) FROM rejections"),
        Count("SELECT count(*) FROM threads"),
        Count("SELECT count(*) FROM links"));

    public IEnumerable<string> Export()
    {
        var articles = new List<(string Id, string Record, string? Thread)>();
        using (var reader = Reader($"SELECT id, record, {SharedThread} FROM articles a ORDER BY id"))
        {
            while (reader.Read())
                articles.Add((reader.GetString(0), reader.GetString(1), NullableString(reader, 2)));
        }
        foreach (var a in articles)
            yield return JsonSerializer.Serialize(Assemble(a.Id, a.Record, a.Thread), RecordJson.Options);
        foreach (var line in ExportRows("SELECT source, article_id, outcome FROM sources ORDER BY source", "source", "article_id", "outcome"))
            yield return line;
        foreach (var line in ExportRows("SELECT source, reason, detail FROM rejections ORDER BY source", "rejected", "reason", "detail"))
            yield return line;
        foreach (var line in ExportRows("SELECT id, label, first_day, last_day, CAST(size AS TEXT) FROM threads ORDER BY id", "thread", "label", "first_day", "last_day", "size"))
            yield return line;
    }

    private List<string> ExportRows(string sql, params string[] names)
    {
        var lines = new List<string>();
        using var reader = Reader(sql);
        while (reader.Read())
        {
            var values = new string?[names.Length];
            for (var i = 0; i < names.Length; i++)
                values[i] = NullableString(reader, i);
            lines.Add(StoredIds.ExportLine(names, values));
        }
        return lines;
    }

    private long Count(string sql) => Convert.ToInt64(Scalar(sql), CultureInfo.InvariantCulture);

    private void Pragma(string pragma)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "PRAGMA " + pragma;
        cmd.ExecuteNonQuery();
    }

    private SqliteCommand Command(string sql, (string Name, object? Value)[] args)
    {
        if (!commands.TryGetValue(sql, out var cmd))
        {
            cmd = connection.CreateCommand();
            cmd.CommandText = sql;
            commands[sql] = cmd;
        }
        cmd.Parameters.Clear();
        foreach (var (name, value) in args)
        {
            if (sql.Contains(name, StringComparison.Ordinal))
                cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }
        // Microsoft.Data.Sqlite requires a command to name the connection's open transaction.
        cmd.Transaction = current;
        return cmd;
    }

    private object? Scalar(string sql, params (string, object?)[] args) => Command(sql, args).ExecuteScalar();

    private void Exec(string sql, params (string, object?)[] args) => Command(sql, args).ExecuteNonQuery();

    private SqliteDataReader Reader(string sql, params (string, object?)[] args) => Command(sql, args).ExecuteReader();

    private static string? NullableString(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetValue(i) switch
    {
        string s => s,
        var v => Convert.ToString(v, CultureInfo.InvariantCulture),
    };

    public void Dispose()
    {
        foreach (var cmd in commands.Values)
            cmd.Dispose();
        commands.Clear();
        connection.Dispose();
    }
}
