using System.Globalization;
using System.Text;
using System.Text.Json;
using NewsLens.Model;
using NewsLens.Model.Json;
using NewsLens.Pipeline;
using NewsLens.Storage.Search;
using Npgsql;

namespace NewsLens.Storage.Postgres;

/// <summary>
/// The scale-out store: the same facts as <see cref="Sqlite.SqliteArticleStore"/> in PostgreSQL, searched
/// through a tsvector of <see cref="IndexTerms"/> with a GIN index and ranked by ts_rank (title weighted).
/// Write methods that take a transaction let the work queue store a result in the transaction that claimed it.
/// </summary>
internal sealed class PostgresArticleStore : IArticleStore
{
    /// <summary>ts_rank weights for {D, C, B, A} = body, segmenter words, unused, title: a title hit weighs like
    /// eight body hits (the same balance as the SQLite store's BM25 column weights).</summary>
    private const string RankWeights = "'{0.125, 0.25, 0.5, 1.0}'";

    /// <summary>The record's thread: only when the article shares it with another (a thread of one is no story thread).</summary>
    private const string SharedThread = "(SELECT t.id FROM threads t WHERE t.id = a.thread_id AND t.size > 1)";

    /// <summary>ts_rank normalisation 1: divide by 1 + log(document length), so a short article that is about
    /// the query outranks a long one that mentions it as often (BM25's length normalisation does the same in SQLite).</summary>
    private const int RankNormalization = 1;

    /// <summary>A logged source counts as done unless it failed with an internal error, which the next run retries.</summary>
    private const string Done = "NOT EXISTS (SELECT 1 FROM rejections r WHERE r.source = s.source AND r.reason = 'failed')";

    private readonly NpgsqlDataSource dataSource;

    public PostgresArticleStore(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        dataSource = NpgsqlDataSource.Create(builder.ConnectionString);
        PostgresMigrator.Migrate(dataSource);
    }

    internal NpgsqlDataSource DataSource => dataSource;

    public bool IsDone(string source)
    {
        using var c = dataSource.OpenConnection();
        return Scalar(c, null, $"SELECT 1 FROM sources s WHERE s.source = @s AND {Done}", ("s", source)) is not null;
    }

    public IReadOnlySet<string> DoneSources()
    {
        using var c = dataSource.OpenConnection();
        using var cmd = Command(c, null, $"SELECT source FROM sources s WHERE {Done}");
        using var reader = cmd.ExecuteReader();
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read())
            set.Add(reader.GetString(0));
        return set;
    }

    public StoreOutcome Store(AnalysedArticle article, LinkState? link = null)
    {
        var rows = ArticleRows.From(article);
        using var c = dataSource.OpenConnection();
        using var tx = c.BeginTransaction();
        var outcome = StoreIn(c, tx, rows, link);
        tx.Commit();
        return outcome;
    }

    public StoreOutcome Reject(Rejection rejection)
    {
        using var c = dataSource.OpenConnection();
        using var tx = c.BeginTransaction();
        var outcome = RejectIn(c, tx, rejection);
        tx.Commit();
        return outcome;
    }

    /// <summary>Stores one article inside the caller's transaction (the caller commits).</summary>
    internal StoreOutcome StoreIn(NpgsqlConnection c, NpgsqlTransaction tx, ArticleRows r, LinkState? link = null)
    {
        ClearFailed(c, tx, r.Source);
        // Logging the source first makes a concurrent second writer of the same source wait, then do nothing.
        if (Scalar(c, tx, "INSERT INTO sources (source, article_id, outcome) VALUES (@s, @id, 'pending') ON CONFLICT (source) DO NOTHING RETURNING 1",
                ("s", r.Source), ("id", r.Id)) is null)
            return StoreOutcome.AlreadyDone;
        var seq = Scalar(c, tx,
            """
            INSERT INTO articles (id, source, url, title, published, published_day, site, author, language, credibility, thread_id, record, tsv)
            VALUES (@id, @source, @url, @title, @published, @day, @site, @author, @language, @credibility, @thread, @record,
                    setweight(to_tsvector('simple', @tt), 'A') || setweight(to_tsvector('simple', @bt), 'D') || setweight(to_tsvector('simple', @wt), 'C'))
            ON CONFLICT (id) DO NOTHING
            RETURNING seq
            """,
            ("id", r.Id), ("source", r.Source), ("url", r.Url), ("title", r.Title), ("published", r.Published), ("day", r.PublishedDay), ("site", r.Site),
            ("author", r.Author), ("language", r.Language), ("credibility", r.Credibility), ("thread", r.ThreadId), ("record", r.RecordJson),
            ("tt", r.TitleTerms), ("bt", r.BodyTerms), ("wt", r.WordTerms));
        var outcome = seq is long s ? StoreOutcome.Stored : StoreOutcome.Duplicate;
        if (seq is long articleSeq)
        {
            InsertChildren(c, tx, articleSeq, r);
            if (link is not null)
            {
                Exec(c, tx,
                    """
                    INSERT INTO link_state (article_seq, article_id, fingerprint, signature, profile, thread_id, founded, reason, matched_id, score)
                    VALUES (@seq, @id, @f, @sig, @p, @t, @founded, @reason, @m, @score)
                    """,
                    ("seq", articleSeq), ("id", link.ArticleId), ("f", link.Fingerprint), ("sig", link.Signature), ("p", link.Profile), ("t", link.ThreadId),
                    ("founded", link.Founded), ("reason", link.Reason), ("m", link.MatchedId), ("score", link.Score));
            }
        }
        Exec(c, tx, "UPDATE sources SET outcome = @o WHERE source = @s", ("o", ArticleRows.Code(outcome)), ("s", r.Source));
        return outcome;
    }

    internal StoreOutcome RejectIn(NpgsqlConnection c, NpgsqlTransaction tx, Rejection rejection)
    {
        ClearFailed(c, tx, rejection.Source);
        if (Scalar(c, tx, "INSERT INTO sources (source, article_id, outcome) VALUES (@s, NULL, @o) ON CONFLICT (source) DO NOTHING RETURNING 1",
                ("s", rejection.Source), ("o", ArticleRows.Code(StoreOutcome.Rejected))) is null)
            return StoreOutcome.AlreadyDone;
        Exec(c, tx, "INSERT INTO rejections (source, reason, detail) VALUES (@s, @r, @d)",
            ("s", rejection.Source), ("r", ArticleRows.Code(rejection.Reason)), ("d", rejection.Detail));
        return StoreOutcome.Rejected;
    }

    /// <summary>Removes an earlier internal-failure rejection of <paramref name="source"/> so this run's result replaces it.</summary>
    private static void ClearFailed(NpgsqlConnection c, NpgsqlTransaction tx, string source)
    {
        if (Scalar(c, tx, "DELETE FROM rejections WHERE source = @s AND reason = 'failed' RETURNING 1", ("s", source)) is not null)
            Exec(c, tx, "DELETE FROM sources WHERE source = @s", ("s", source));
    }

    private static void InsertChildren(NpgsqlConnection c, NpgsqlTransaction tx, long seq, ArticleRows r)
    {
        var batch = new NpgsqlBatch(c, tx);
        for (var i = 0; i < r.Entities.Count; i++)
        {
            var e = r.Entities[i];
            Add(batch,
                "INSERT INTO entities (article_seq, ord, text, type, span_start, span_end, kb_id, canonical, country, role, role_check) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11)",
                seq, i, e.Text, e.Type, e.Start, e.End, e.KbId, e.Canonical, e.Country, e.Role, e.RoleCheck);
        }
        for (var i = 0; i < r.Events.Count; i++)
        {
            var e = r.Events[i];
            Add(batch,
                "INSERT INTO events (article_seq, ord, type, mode, modality, date, trigger, sentence, span_start, span_end, actors, recipients, location) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13)",
                seq, i, e.Type, e.Mode, e.Modality, e.Date, e.Trigger, e.Sentence, e.Start, e.End, e.Actors, e.Recipients, e.Location);
        }
        for (var i = 0; i < r.Flags.Count; i++)
        {
            var f = r.Flags[i];
            Add(batch, "INSERT INTO flags (article_seq, ord, code, severity, message_en, message_zh) VALUES ($1,$2,$3,$4,$5,$6)",
                seq, i, f.Code, f.Severity, f.MessageEn, f.MessageZh);
        }
        for (var i = 0; i < r.Removed.Count; i++)
        {
            var b = r.Removed[i];
            Add(batch, "INSERT INTO removed_blocks (article_seq, ord, reason, hidden, detail, text) VALUES ($1,$2,$3,$4,$5,$6)",
                seq, i, b.Reason, b.Hidden, b.Detail, b.Text);
        }
        foreach (var link in r.Links)
        {
            if (string.Equals(link.OtherId, r.Id, StringComparison.Ordinal))
                continue;
            Add(batch,
                "INSERT INTO links (article_id, other_id, kind, similarity) VALUES ($1,$2,$3,$4) ON CONFLICT (article_id, other_id) DO UPDATE SET kind = excluded.kind, similarity = excluded.similarity",
                r.Id, link.OtherId, ArticleRows.Code(link.Kind), link.Similarity);
        }
        if (batch.BatchCommands.Count > 0)
            batch.ExecuteNonQuery();
        batch.Dispose();
        if (r.ThreadId is not null)
            RefreshThread(c, tx, r.ThreadId);
    }

    private static void Add(NpgsqlBatch batch, string sql, params object?[] values)
    {
        var cmd = new NpgsqlBatchCommand(sql);
        foreach (var v in values)
            cmd.Parameters.Add(new NpgsqlParameter { Value = v ?? DBNull.Value });
        batch.BatchCommands.Add(cmd);
    }

    public IReadOnlyList<string> UnlinkedIds(int limit)
    {
        using var c = dataSource.OpenConnection();
        using var cmd = Command(c, null,
            "SELECT a.id FROM articles a WHERE NOT EXISTS (SELECT 1 FROM link_state l WHERE l.article_seq = a.seq) ORDER BY a.seq LIMIT @n",
            ("n", Math.Clamp(limit, 1, SearchQuery.MaxLimit * 10)));
        using var reader = cmd.ExecuteReader();
        var list = new List<string>();
        while (reader.Read())
            list.Add(reader.GetString(0));
        return list;
    }

    public void SaveLinks(string articleId, ArticleLinks links, LinkState state)
    {
        using var c = dataSource.OpenConnection();
        using var tx = c.BeginTransaction();
        if (Scalar(c, tx, "SELECT seq FROM articles WHERE id = @id FOR UPDATE", ("id", articleId)) is not long seq)
            throw new InvalidOperationException($"article {articleId} is not stored");
        if (Scalar(c, tx, "SELECT 1 FROM link_state WHERE article_seq = @s", ("s", seq)) is not null)
            return;
        foreach (var link in links.Duplicates)
        {
            if (string.Equals(link.OtherId, articleId, StringComparison.Ordinal))
                continue;
            Exec(c, tx,
                "INSERT INTO links (article_id, other_id, kind, similarity) VALUES (@a, @b, @k, @s) ON CONFLICT (article_id, other_id) DO UPDATE SET kind = excluded.kind, similarity = excluded.similarity",
                ("a", articleId), ("b", link.OtherId), ("k", ArticleRows.Code(link.Kind)), ("s", link.Similarity));
        }
        Exec(c, tx,
            """
            INSERT INTO link_state (article_seq, article_id, fingerprint, signature, profile, thread_id, founded, reason, matched_id, score)
            VALUES (@seq, @id, @f, @sig, @p, @t, @founded, @reason, @m, @score)
            """,
            ("seq", seq), ("id", state.ArticleId), ("f", state.Fingerprint), ("sig", state.Signature), ("p", state.Profile), ("t", state.ThreadId),
            ("founded", state.Founded), ("reason", state.Reason), ("m", state.MatchedId), ("score", state.Score));
        if (links.ThreadId is not null)
        {
            var old = Scalar(c, tx, "SELECT thread_id FROM articles WHERE seq = @s", ("s", seq)) as string;
            Exec(c, tx, "UPDATE articles SET thread_id = @t WHERE seq = @s", ("t", links.ThreadId), ("s", seq));
            if (old is not null && old != links.ThreadId)
                RefreshThread(c, tx, old);
            RefreshThread(c, tx, links.ThreadId);
        }
        tx.Commit();
    }

    public IEnumerable<LinkState> LinkStates()
    {
        using var c = dataSource.OpenConnection();
        using var cmd = Command(c, null, "SELECT article_id, fingerprint, signature, profile, thread_id, founded, reason, matched_id, score FROM link_state ORDER BY article_seq");
        using var reader = cmd.ExecuteReader();
        var list = new List<LinkState>();
        while (reader.Read())
        {
            list.Add(new LinkState(reader.GetString(0), reader.GetString(1), (byte[])reader.GetValue(2), reader.GetString(3), reader.GetString(4),
                reader.GetBoolean(5), reader.GetString(6), Str(reader, 7), reader.GetDouble(8)));
        }
        return list;
    }

    public void AssignThread(string threadId, IReadOnlyList<string> articleIds)
    {
        using var c = dataSource.OpenConnection();
        using var tx = c.BeginTransaction();
        var touched = new SortedSet<string>(StringComparer.Ordinal) { threadId };
        foreach (var id in articleIds.Order(StringComparer.Ordinal))
        {
            if (Scalar(c, tx, "SELECT thread_id FROM articles WHERE id = @id FOR UPDATE", ("id", id)) is string old)
                touched.Add(old);
            Exec(c, tx, "UPDATE articles SET thread_id = @t WHERE id = @id", ("t", threadId), ("id", id));
        }
        foreach (var t in touched)
            RefreshThread(c, tx, t);
        tx.Commit();
    }

    private static void RefreshThread(NpgsqlConnection c, NpgsqlTransaction tx, string threadId)
    {
        var size = Convert.ToInt64(Scalar(c, tx, "SELECT count(*) FROM articles WHERE thread_id = @t", ("t", threadId)), CultureInfo.InvariantCulture);
        if (size == 0)
        {
            Exec(c, tx, "DELETE FROM threads WHERE id = @t", ("t", threadId));
            return;
        }
        Exec(c, tx,
            """
            INSERT INTO threads (id, label, first_day, last_day, size)
            SELECT @t,
                   (SELECT title FROM articles WHERE thread_id = @t ORDER BY published_day IS NULL, published_day COLLATE "C", id COLLATE "C" LIMIT 1),
                   min(published_day COLLATE "C"), max(published_day COLLATE "C"), count(*)
            FROM articles WHERE thread_id = @t
            ON CONFLICT (id) DO UPDATE SET label = excluded.label, first_day = excluded.first_day, last_day = excluded.last_day, size = excluded.size
            """,
            ("t", threadId));
    }

    public SearchResults Search(SearchQuery query)
    {
        query.Validate();
        var terms = QueryTerms.Parse(query.Text);
        if (terms.Count == 0)
            return new SearchResults([], terms);
        var args = new List<(string, object?)>();
        var tsquery = TsQuery(terms, args);
        // Rank only the most recently stored matches (SearchQuery.RankedCandidates): ts_rank reads each
        // candidate's tsvector, so ranking every match of a common word would dominate the query.
        var sql = new StringBuilder(
            $"""
            SELECT seq, id, title, published, site, ts_rank({RankWeights}, tsv, query, {RankNormalization}) AS score FROM (
                SELECT a.seq, a.id, a.title, a.published, a.site, a.tsv, q.query
                FROM articles a, (SELECT {tsquery} AS query) q
                WHERE a.tsv @@ q.query
            """);
        PostgresFilters.Append(query, sql, args);
        sql.Append(" ORDER BY a.seq DESC LIMIT @cap) c ORDER BY score DESC, seq DESC LIMIT @limit");
        args.Add(("cap", SearchQuery.RankedCandidates));
        args.Add(("limit", query.BoundedLimit));
        using var c = dataSource.OpenConnection();
        var found = new List<(long Seq, string Id, string? Title, string? Published, string? Site, double Score)>();
        using (var tx = c.BeginTransaction())
        {
            // The planner does not price reading a tsvector (out of line, ≈ 11 KB, decompressed per row): left alone,
            // it walks the primary key backwards testing every row, or scans the table, which for a word in 10 % of
            // 100k articles took 1.9 s. The GIN bitmap reads only the matching rows (0.2 s for that word).
            using (var hint = Command(c, tx, "SET LOCAL enable_indexscan = off; SET LOCAL enable_seqscan = off"))
                hint.ExecuteNonQuery();
            using (var cmd = Command(c, tx, sql.ToString(), [.. args]))
            using (var reader = cmd.ExecuteReader())
            {
                while (reader.Read())
                    found.Add((reader.GetInt64(0), reader.GetString(1), Str(reader, 2), Str(reader, 3), Str(reader, 4), reader.GetFloat(5)));
            }
            tx.Commit();
        }
        var hits = new List<SearchHit>(found.Count);
        foreach (var f in found)
        {
            var text = Scalar(c, null, "SELECT record::json->>'text' FROM articles WHERE seq = @s", ("s", f.Seq)) as string ?? "";
            hits.Add(new SearchHit(f.Id, f.Title, f.Published, f.Site, f.Score, Snippets.Build(text, terms)));
        }
        return new SearchResults(hits, terms);
    }

    /// <summary>The tsquery as SQL over parameters: every term required; a CJK term may also match a whole segmenter word (weight C).</summary>
    private static string TsQuery(IReadOnlyList<QueryTerm> terms, List<(string, object?)> args)
    {
        var parts = new List<string>();
        for (var i = 0; i < terms.Count; i++)
        {
            var t = terms[i];
            args.Add(($"t{i}", string.Join(' ', t.Lexemes)));
            var main = t.Kind == QueryTermKind.Prefix
                ? $"to_tsquery('simple', quote_literal(@t{i}) || ':*')"
                : $"phraseto_tsquery('simple', @t{i})";
            if (t.Word is not null)
            {
                args.Add(($"w{i}", t.Word));
                main = $"({main} || to_tsquery('simple', quote_literal(@w{i}) || ':C'))";
            }
            parts.Add(main);
        }
        return string.Join(" && ", parts);
    }

    public ArticleRecord? Get(string id)
    {
        if (!StoredIds.IsIdLike(id))
            return null;
        using var c = dataSource.OpenConnection();
        var matches = new List<(string Id, string Record, string? Thread)>();
        var sql = id.Length >= StoredIds.FullLength
            ? $"SELECT id, record, {SharedThread} FROM articles a WHERE id = @id"
            : $"SELECT id, record, {SharedThread} FROM articles a WHERE starts_with(id, @id) ORDER BY id COLLATE \"C\" LIMIT 2";
        using (var cmd = Command(c, null, sql, ("id", id)))
        using (var reader = cmd.ExecuteReader())
        {
            while (reader.Read())
                matches.Add((reader.GetString(0), reader.GetString(1), Str(reader, 2)));
        }
        if (matches.Count != 1 || (id.Length < StoredIds.MinPrefix && matches[0].Id != id))
            return null;
        return Assemble(c, matches[0].Id, matches[0].Record, matches[0].Thread);
    }

    private static ArticleRecord Assemble(NpgsqlConnection c, string id, string record, string? thread)
    {
        var links = new List<DuplicateLink>();
        using (var cmd = Command(c, null,
            """
            SELECT * FROM (
                SELECT other_id, kind, similarity FROM links WHERE article_id = @id
                UNION ALL SELECT article_id, kind, similarity FROM links WHERE other_id = @id) l
            ORDER BY similarity DESC, other_id COLLATE "C"
            """,
            ("id", id)))
        using (var reader = cmd.ExecuteReader())
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
        using var c = dataSource.OpenConnection();
        using var cmd = Command(c, null, "SELECT source, reason, detail FROM rejections ORDER BY source COLLATE \"C\" LIMIT @n", ("n", Math.Clamp(limit, 1, int.MaxValue)));
        using var reader = cmd.ExecuteReader();
        var list = new List<StoredRejection>();
        while (reader.Read())
            list.Add(new StoredRejection(reader.GetString(0), StoredIds.ParseReason(reader.GetString(1)), reader.GetString(2)));
        return list;
    }

    public IReadOnlyList<ThreadSummary> Threads(ThreadQuery query)
    {
        if (query.Entity is { Length: > SearchQuery.MaxFilterChars })
            throw new ArgumentException($"the --entity value is {query.Entity.Length} characters long; the limit is {SearchQuery.MaxFilterChars}");
        var sql = query.Entity is null
            ? "SELECT id, label, first_day, last_day, size FROM threads WHERE size >= @min ORDER BY size DESC, last_day COLLATE \"C\" DESC NULLS LAST, id COLLATE \"C\" LIMIT @n"
            : """
              SELECT id, label, first_day, last_day, size FROM threads WHERE id IN (
                  SELECT a.thread_id FROM entities e JOIN articles a ON a.seq = e.article_seq
                  WHERE (e.kb_id = @e OR e.canonical = @e OR e.text = @e) AND a.thread_id IS NOT NULL) AND size >= @min
              ORDER BY size DESC, last_day COLLATE "C" DESC NULLS LAST, id COLLATE "C" LIMIT @n
              """;
        using var c = dataSource.OpenConnection();
        var min = Math.Max(1, query.MinSize);
        using var cmd = query.Entity is null
            ? Command(c, null, sql, ("n", query.BoundedLimit), ("min", min))
            : Command(c, null, sql, ("n", query.BoundedLimit), ("e", query.Entity), ("min", min));
        using var reader = cmd.ExecuteReader();
        var list = new List<ThreadSummary>();
        while (reader.Read())
            list.Add(ReadThread(reader));
        return list;
    }

    private static ThreadSummary ReadThread(NpgsqlDataReader r) => new(r.GetString(0), Str(r, 1), Str(r, 2), Str(r, 3), r.GetInt32(4));

    public ThreadTimeline? Thread(string id)
    {
        if (id.Length > SearchQuery.MaxFilterChars)
            return null;
        using var c = dataSource.OpenConnection();
        ThreadSummary? summary = null;
        using (var cmd = Command(c, null, "SELECT id, label, first_day, last_day, size FROM threads WHERE id = @t", ("t", id)))
        using (var reader = cmd.ExecuteReader())
        {
            if (reader.Read())
                summary = ReadThread(reader);
        }
        if (summary is null)
            return null;
        var members = new List<(long Seq, string Id, string? Published, string? Site, string? Title)>();
        using (var cmd = Command(c, null,
            "SELECT seq, id, published, site, title FROM articles WHERE thread_id = @t ORDER BY published_day IS NULL, published_day COLLATE \"C\", published COLLATE \"C\", id COLLATE \"C\" LIMIT @n",
            ("t", id), ("n", Sqlite.SqliteArticleStore.MaxTimelineEntries)))
        using (var reader = cmd.ExecuteReader())
        {
            while (reader.Read())
                members.Add((reader.GetInt64(0), reader.GetString(1), Str(reader, 2), Str(reader, 3), Str(reader, 4)));
        }
        var earlier = new HashSet<string>(StringComparer.Ordinal);
        var entries = new List<ThreadEntry>(members.Count);
        foreach (var m in members)
        {
            string? copyOf = null;
            CopyKind? kind = null;
            using (var cmd = Command(c, null,
                "SELECT * FROM (SELECT other_id, kind FROM links WHERE article_id = @id UNION ALL SELECT article_id, kind FROM links WHERE other_id = @id) l ORDER BY other_id COLLATE \"C\"",
                ("id", m.Id)))
            using (var reader = cmd.ExecuteReader())
            {
                while (reader.Read() && copyOf is null)
                {
                    var other = reader.GetString(0);
                    if (earlier.Contains(other))
                        (copyOf, kind) = (other, StoredIds.ParseKind(reader.GetString(1)));
                }
            }
            var events = new List<string>();
            using (var cmd = Command(c, null, "SELECT type, actors, recipients, date FROM events WHERE article_seq = @s ORDER BY ord LIMIT @n", ("s", m.Seq), ("n", Sqlite.SqliteArticleStore.TimelineEvents)))
            using (var reader = cmd.ExecuteReader())
            {
                while (reader.Read())
                    events.Add(TimelineText.Event(reader.GetString(0), reader.GetString(1), reader.GetString(2), Str(reader, 3)));
            }
            entries.Add(new ThreadEntry(m.Id, m.Published, m.Site, m.Title, copyOf, kind, events));
            earlier.Add(m.Id);
        }
        return new ThreadTimeline(summary, entries);
    }

    public StoreCounts Counts()
    {
        using var c = dataSource.OpenConnection();
        long Count(string table) => Convert.ToInt64(Scalar(c, null, $"SELECT count(*) FROM {table}"), CultureInfo.InvariantCulture);
        return new StoreCounts(Count("articles"), Count("sources"), Count("rejections"), Count("threads"), Count("links"));
    }

    public IEnumerable<string> Export()
    {
        using var c = dataSource.OpenConnection();
        var articles = new List<(string Id, string Record, string? Thread)>();
        using (var cmd = Command(c, null, $"SELECT id, record, {SharedThread} FROM articles a ORDER BY id COLLATE \"C\""))
        using (var reader = cmd.ExecuteReader())
        {
            while (reader.Read())
                articles.Add((reader.GetString(0), reader.GetString(1), Str(reader, 2)));
        }
        var lines = new List<string>();
        foreach (var a in articles)
            lines.Add(JsonSerializer.Serialize(Assemble(c, a.Id, a.Record, a.Thread), RecordJson.Options));
        lines.AddRange(ExportRows(c, "SELECT source, article_id, outcome FROM sources ORDER BY source COLLATE \"C\"", "source", "article_id", "outcome"));
        lines.AddRange(ExportRows(c, "SELECT source, reason, detail FROM rejections ORDER BY source COLLATE \"C\"", "rejected", "reason", "detail"));
        lines.AddRange(ExportRows(c, "SELECT id, label, first_day, last_day, size::text FROM threads ORDER BY id COLLATE \"C\"", "thread", "label", "first_day", "last_day", "size"));
        return lines;
    }

    private static List<string> ExportRows(NpgsqlConnection c, string sql, params string[] names)
    {
        var lines = new List<string>();
        using var cmd = Command(c, null, sql);
        using var reader = cmd.ExecuteReader();
        while (reader.Read())
        {
            var values = new string?[names.Length];
            for (var i = 0; i < names.Length; i++)
                values[i] = Str(reader, i);
            lines.Add(StoredIds.ExportLine(names, values));
        }
        return lines;
    }

    internal static NpgsqlCommand Command(NpgsqlConnection c, NpgsqlTransaction? tx, string sql, params (string Name, object? Value)[] args)
    {
        var cmd = new NpgsqlCommand(sql, c, tx);
        foreach (var (name, value) in args)
            cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return cmd;
    }

    internal static object? Scalar(NpgsqlConnection c, NpgsqlTransaction? tx, string sql, params (string, object?)[] args)
    {
        using var cmd = Command(c, tx, sql, args);
        return cmd.ExecuteScalar();
    }

    internal static void Exec(NpgsqlConnection c, NpgsqlTransaction? tx, string sql, params (string, object?)[] args)
    {
        using var cmd = Command(c, tx, sql, args);
        cmd.ExecuteNonQuery();
    }

    private static string? Str(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    public void Dispose() => dataSource.Dispose();
}
