using System.Globalization;
using System.Text;

namespace NewsLens.Storage.Search;

/// <summary>
/// The search filters (--from/--to/--site/--flag/--entity) as parameterised SQL, written once for both
/// stores; a <see cref="Dialect"/> names the few things that differ (parameter prefix, the article key
/// column, how a prefix test is spelt).
/// </summary>
internal static class FilterSql
{
    /// <param name="Parameter">Prefix of a parameter name in the SQL text ("$" for SQLite, "@" for PostgreSQL).</param>
    /// <param name="ArgumentPrefix">Prefix of the name in the argument list (SQLite keeps "$", Npgsql takes the bare name).</param>
    /// <param name="ChildKey">Column of the child tables (flags, entities) that points at an article, e.g. "article_rowid".</param>
    /// <param name="ArticleKey">The article table's own key that <paramref name="ChildKey"/> refers to, e.g. "rowid".</param>
    /// <param name="CodeUnderFlag">SQL that is true when <c>f.code</c> lies under the flag parameter given by {0}.</param>
    internal sealed record Dialect(string Parameter, string ArgumentPrefix, string ChildKey, string ArticleKey, string CodeUnderFlag);

    public static void Append(SearchQuery q, StringBuilder sql, List<(string, object?)> args, Dialect d)
    {
        void Add(string condition, string name, object value)
        {
            sql.Append(" AND ").Append(string.Format(CultureInfo.InvariantCulture, condition, d.Parameter + name));
            args.Add((d.ArgumentPrefix + name, value));
        }

        if (q.From is { } from)
            Add("a.published_day >= {0}", "from", from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (q.To is { } to)
            Add("a.published_day <= {0}", "to", to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (q.Site is not null)
        {
            // The site's articles come from the site index as one set, so a common word's match list is
            // checked against it without reading each candidate's row (1M articles: 470 ms → see bench).
            Add($"a.{d.ArticleKey} IN (SELECT s.{d.ArticleKey} FROM articles s WHERE s.site = {{0}})", "site", q.Site);
        }
        if (q.Flag is not null)
            Add($"EXISTS (SELECT 1 FROM flags f WHERE f.{d.ChildKey} = a.{d.ArticleKey} AND (f.code = {{0}} OR {d.CodeUnderFlag}))", "flag", q.Flag);
        if (q.Entity is not null)
            Add($"EXISTS (SELECT 1 FROM entities e WHERE e.{d.ChildKey} = a.{d.ArticleKey} AND (e.kb_id = {{0}} OR e.canonical = {{0}} OR e.text = {{0}}))", "entity", q.Entity);
    }
}
