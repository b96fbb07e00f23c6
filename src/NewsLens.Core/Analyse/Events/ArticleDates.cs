using System.Globalization;
using System.Text.RegularExpressions;
using NewsLens.Model;

namespace NewsLens.Analyse.Events;

/// <summary>Where knowledge and event steps get the article's date mentions from.</summary>
internal interface IDateSource
{
    IReadOnlyList<DateMention> DatesOf(AnalysedArticle article);
}

/// <summary>
/// Uses the Dates step's mentions when it ran (<see cref="AnalysedArticle.Dates"/> non-empty), else resolves the
/// common news forms itself with <see cref="SimpleDateResolver"/>. One switch point for when Dates lands.
/// </summary>
internal sealed class ArticleDates : IDateSource
{
    public IReadOnlyList<DateMention> DatesOf(AnalysedArticle article) =>
        article.Dates.Count > 0 ? article.Dates : SimpleDateResolver.Resolve(article.Article.Text, article.Article.Published?.Date);
}

/// <summary>
/// A small resolver for the date forms news uses most (2025年4月15日, 4月15日, 15日, 当天, 昨天, 2025-06-06,
/// 2024年6月, 2024年, 近年来). Relative forms resolve against the last explicit date before them, else the
/// publish date; vague forms stay vague. The full Chinese date grammar is the Dates step's job.
/// </summary>
internal static partial class SimpleDateResolver
{
    /// <summary>A day-of-month later than the publish day by more than this is taken as last month ("28日" in a 3 June article).</summary>
    private const int FutureDaySlack = 0;

    [GeneratedRegex(@"(?<y>(?:19|20)\d{2})\s*年\s*(?<m>1[0-2]|0?[1-9])\s*月\s*(?<d>3[01]|[12]\d|0?[1-9])\s*[日号]|(?<y>(?:19|20)\d{2})[-/.](?<m>1[0-2]|0?[1-9])[-/.](?<d>3[01]|[12]\d|0?[1-9])(?!\d)|(?<y>(?:19|20)\d{2})\s*年\s*(?<m>1[0-2]|0?[1-9])\s*月(?!\s*\d)|(?<!\d)(?<m>1[0-2]|0?[1-9])\s*月\s*(?<d>3[01]|[12]\d|0?[1-9])\s*[日号]|(?<y>(?:19|20)\d{2})\s*年(?!\s*\d)(?!代)|(?<![\d月])(?<d>3[01]|[12]\d|0?[1-9])\s*日(?![\d])|(?<rel>当天|当日|同日|同一天|今天|今日|昨天|昨日|前天|明天|明日|后天)|(?<vague>近年来|近年|近期|近日|日前|不久前|此前|最近|早些时候|未来几年)", RegexOptions.CultureInvariant)]
    private static partial Regex DatePattern();

    public static IReadOnlyList<DateMention> Resolve(string text, DateOnly? published)
    {
        var found = new List<DateMention>();
        DateOnly? anchor = published;
        int? anchorYear = published?.Year;
        foreach (Match m in DatePattern().Matches(text))
        {
            var span = new Span(m.Index, m.Index + m.Length);
            if (m.Groups["vague"].Success)
            {
                found.Add(new DateMention(m.Value, span, DateKind.Vague, DateGranularity.Day, null, null));
                continue;
            }
            if (m.Groups["rel"].Success)
            {
                var baseDate = m.Value is "当天" or "当日" or "同日" or "同一天" ? anchor : published;
                if (baseDate is not { } b)
                {
                    found.Add(new DateMention(m.Value, span, DateKind.Unresolved, DateGranularity.Day, null, null));
                    continue;
                }
                var offset = m.Value switch { "昨天" or "昨日" => -1, "前天" => -2, "明天" or "明日" => 1, "后天" => 2, _ => 0 };
                var day = b.AddDays(offset);
                found.Add(Day(m.Value, span, day));
                continue;
            }
            int? y = m.Groups["y"].Success ? int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture) : null;
            int? mo = m.Groups["m"].Success ? int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture) : null;
            int? d = m.Groups["d"].Success ? int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture) : null;
            if (y is { } yy && mo is null && d is null)
            {
                anchorYear = yy;
                found.Add(new DateMention(m.Value, span, DateKind.Exact, DateGranularity.Year, yy.ToString("D4", CultureInfo.InvariantCulture), null));
                continue;
            }
            if (y is { } y2 && mo is { } m2 && d is null)
            {
                anchorYear = y2;
                found.Add(new DateMention(m.Value, span, DateKind.Exact, DateGranularity.Month, string.Create(CultureInfo.InvariantCulture, $"{y2:D4}-{m2:D2}"), null));
                continue;
            }
            var year = y ?? anchorYear;
            var month = mo ?? anchor?.Month;
            if (year is null || month is null || d is null)
            {
                found.Add(new DateMention(m.Value, span, DateKind.Unresolved, DateGranularity.Day, null, null));
                continue;
            }
            if (d.Value > DateTime.DaysInMonth(year.Value, month.Value))
                continue;
            var date = new DateOnly(year.Value, month.Value, d.Value);
            // Without a year (or month) the text means the most recent such date up to the publish date.
            if (published is { } p && date > p.AddDays(FutureDaySlack))
            {
                if (y is null && mo is not null)
                    date = date.AddYears(-1);
                else if (mo is null && anchor == published)
                    date = date.AddMonths(-1);
            }
            if (y is not null)
                anchorYear = y;
            anchor = date;
            found.Add(Day(m.Value, span, date));
        }
        return found;
    }

    private static DateMention Day(string text, Span span, DateOnly d) =>
        new(text, span, DateKind.Exact, DateGranularity.Day, d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), null);
}
