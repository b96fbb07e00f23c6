using System.Globalization;
using System.Text;

namespace NewsLens.Storage.Postgres;

/// <summary>
/// The search filters (--from/--to/--site/--flag/--entity) as parameterised SQL conditions on the candidate
/// article <c>a</c>; the planner combines them with the GIN match through the column indexes. (The SQLite
/// store filters through facet terms in its full-text index instead; see Search/Facets.cs.)
/// </summary>
internal static class PostgresFilters
{
    public static void Append(SearchQuery q, StringBuilder sql, List<(string, object?)> args)
    {
        void Add(string condition, string name, object value)
        {
            sql.Append(" AND ").Append(condition);
            args.Add((name, value));
        }

        if (q.From is { } from)
            Add("a.published_day >= @from", "from", from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (q.To is { } to)
            Add("a.published_day <= @to", "to", to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (q.Site is not null)
            Add("a.site = @site", "site", q.Site);
        if (q.Flag is not null)
            Add("EXISTS (SELECT 1 FROM flags f WHERE f.article_seq = a.seq AND (f.code = @flag OR starts_with(f.code, @flag || '.')))", "flag", q.Flag);
        if (q.Entity is not null)
            Add("EXISTS (SELECT 1 FROM entities e WHERE e.article_seq = a.seq AND (e.kb_id = @entity OR e.canonical = @entity OR e.text = @entity))", "entity", q.Entity);
    }
}
