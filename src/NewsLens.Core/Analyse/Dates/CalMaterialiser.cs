using NewsLens.Model;

namespace NewsLens.Analyse.Dates;

/// <summary>What earlier mentions in the same text established, for 当天/次日/同年 and for a day stated alone (15日).</summary>
internal sealed class DateContext
{
    public DateOnly? LastDay { get; private set; }
    public (int Year, int Month)? LastMonth { get; private set; }
    public int? LastYear { get; private set; }

    public void Note(Cal resolved)
    {
        if (resolved.Year is { } y)
        {
            LastYear = y;
            if (resolved.Month is { } m)
            {
                LastMonth = (y, m);
                if (resolved.Day is { } d && CalendarMath.IsValid(y, m, d))
                    LastDay = new DateOnly(y, m, d);
            }
        }
    }
}

/// <summary>
/// Turns a <see cref="Cal"/> into a <see cref="DateMention"/>: fills left-out fields (from a range's first end, the
/// text's context or the reference date), converts lunar dates, applies the part of day and sets granularity, value,
/// From and To. Also returns the fully resolved fields, which the next mentions use as context.
/// </summary>
internal static class CalMaterialiser
{
    public static (DateMention Mention, Cal? Resolved) Materialise(Cal cal, DateOnly? reference, DateContext context, Cal? fillFrom = null)
    {
        var anchor = cal.FromReference ? DateAnchor.Reference : DateAnchor.None;
        if (cal.NeedsMissingReference)
            return (Unresolved(GranularityOf(cal)), null);

        // 1. Context words.
        switch (cal.Context)
        {
            case ContextUnit.Day:
            {
                var baseDay = context.LastDay ?? reference;
                if (baseDay is null)
                    return (Unresolved(GranularityOf(cal)), null);
                anchor = context.LastDay is null ? DateAnchor.Reference : DateAnchor.EarlierMention;
                var d = baseDay.Value.AddDays(cal.ContextOffset);
                cal = cal with { Year = d.Year, Month = d.Month, Day = d.Day, Context = ContextUnit.None };
                break;
            }
            case ContextUnit.Month:
            {
                (int Year, int Month)? ym = context.LastMonth ?? (reference is { } r ? (r.Year, r.Month) : null);
                if (ym is null)
                    return (Unresolved(GranularityOf(cal)), null);
                anchor = context.LastMonth is null ? DateAnchor.Reference : DateAnchor.EarlierMention;
                cal = cal with { Year = ym.Value.Year, Month = ym.Value.Month, Context = ContextUnit.None };
                break;
            }
            case ContextUnit.Year:
            {
                if (context.LastYear is null)
                {
                    // 当年 with no year before it means "back then"; 次年 has nothing to count from.
                    return (cal.ContextOffset == 0 ? Vague() : Unresolved(DateGranularity.Year), null);
                }
                anchor = DateAnchor.EarlierMention;
                cal = cal with { Year = context.LastYear + cal.ContextOffset, Context = ContextUnit.None };
                break;
            }
        }

        // 2. A clock time with no date stays a time of day unless a range end lends it one.
        if (cal is { Year: null, Month: null, Day: null })
        {
            if (fillFrom is { Year: not null, Month: not null, Day: not null } f)
            {
                cal = cal with { Year = f.Year, Month = f.Month, Day = f.Day, Part = cal.Part ?? (cal.Hour is null ? null : f.Part) };
                anchor = DateAnchor.None;
            }
            else
            {
                return (TimeOfDay(cal), null);
            }
        }

        // 3. Fill the fields the text leaves out.
        if (cal.Year is null)
        {
            if (fillFrom?.Year is { } fy)
            {
                var fm = fillFrom.Month ?? 1;
                var month = cal.Month ?? fm;
                var day = cal.Day ?? 1;
                var y = fy;
                var m = month;
                if (cal.Month is null && fillFrom.Month is not null && cal.Day < fillFrom.Day)
                {
                    // 28日至3日: the second end runs into the next month.
                    var next = new DateOnly(fy, fm, 1).AddMonths(1);
                    (y, m) = (next.Year, next.Month);
                }
                else if (cal.Month is not null && (month < fm || (month == fm && fillFrom.Day is { } fd && day < fd)))
                {
                    y = fy + 1;
                }
                cal = cal with { Year = y, Month = m };
            }
            else if (cal.Month is null && cal.Day is not null && context.LastMonth is { } lm)
            {
                cal = cal with { Year = lm.Year, Month = lm.Month };
                anchor = DateAnchor.EarlierMention;
            }
            else if (reference is not { } r)
            {
                return (Unresolved(GranularityOf(cal)), null);
            }
            else if (cal.Lunar)
            {
                if (cal.Month is null || cal.Day is null || CalendarMath.NearestLunar(cal.Month.Value, cal.Day.Value, r) is not { } g)
                    return (Unresolved(GranularityOf(cal)), null);
                cal = cal with { Year = g.Year, Month = g.Month, Day = g.Day, Lunar = false };
                anchor = DateAnchor.Reference;
            }
            else if (cal.Month is null)
            {
                if (cal.Day is not { } dd || CalendarMath.MonthForDay(dd, r) is not { } ym)
                    return (Unresolved(GranularityOf(cal)), null);
                cal = cal with { Year = ym.Year, Month = ym.Month };
                anchor = DateAnchor.Reference;
            }
            else
            {
                var y = CalendarMath.YearForMonthDay(cal.Month.Value, cal.Day, r);
                if (y is null)
                    return (Unresolved(GranularityOf(cal)), null);
                cal = cal with { Year = y };
                anchor = DateAnchor.Reference;
            }
        }
        else if (cal.Month is null && cal.Day is not null)
        {
            return (Unresolved(DateGranularity.Day), null);
        }

        if (cal.Lunar)
        {
            if (cal.Month is null || cal.Day is null || CalendarMath.FromLunar(cal.Year!.Value, cal.Month.Value, cal.Day.Value) is not { } g)
                return (Unresolved(GranularityOf(cal)), null);
            cal = cal with { Year = g.Year, Month = g.Month, Day = g.Day, Lunar = false };
        }

        var year = cal.Year!.Value;
        if (year is < CalendarMath.MinYear or > CalendarMath.MaxYear)
            return (Unresolved(GranularityOf(cal)), null);
        if (cal.Month is not { } month2)
        {
            var from = new DateTime(year, 1, 1);
            return (Mention(DateKind.Exact, DateGranularity.Year, CalendarMath.Year(year), from, from.AddYears(1), anchor), cal);
        }
        if (cal.Day is not { } day2)
        {
            var from = new DateTime(year, month2, 1);
            return (Mention(DateKind.Exact, DateGranularity.Month, CalendarMath.Month(year, month2), from, from.AddMonths(1), anchor), cal);
        }
        if (!CalendarMath.IsValid(year, month2, day2))
            return (Unresolved(DateGranularity.Day), null);
        var date = new DateOnly(year, month2, day2);
        var dayStart = date.ToDateTime(TimeOnly.MinValue);
        if (cal.Hour is { } h)
        {
            var hour = CalendarMath.To24Hour(h, cal.Part);
            var at = dayStart.AddHours(hour).AddMinutes(cal.Minute ?? 0).AddSeconds(cal.Second ?? 0);
            var (g, step, fmt) = cal.Second is not null ? (DateGranularity.Second, TimeSpan.FromSeconds(1), "yyyy-MM-dd'T'HH:mm:ss")
                : cal.Minute is not null ? (DateGranularity.Minute, TimeSpan.FromMinutes(1), "yyyy-MM-dd'T'HH:mm")
                : (DateGranularity.Hour, TimeSpan.FromHours(1), "yyyy-MM-dd'T'HH");
            return (Mention(DateKind.Exact, g, at.ToString(fmt, System.Globalization.CultureInfo.InvariantCulture), at, at + step, anchor), cal);
        }
        if (cal.Part is { } part)
        {
            var (s, e) = CalendarMath.PartHours(part);
            return (Mention(DateKind.Exact, DateGranularity.PartOfDay, CalendarMath.Day(date) + "T" + CalendarMath.PartCode(part), dayStart.AddHours(s), dayStart.AddHours(e), anchor), cal);
        }
        return (Mention(DateKind.Exact, DateGranularity.Day, CalendarMath.Day(date), dayStart, dayStart.AddDays(1), anchor), cal);
    }

    private static DateMention TimeOfDay(Cal cal)
    {
        if (cal.Hour is { } h)
        {
            var hour = CalendarMath.To24Hour(h, cal.Part) % 24;
            var value = cal.Second is not null ? $"T{hour:D2}:{cal.Minute ?? 0:D2}:{cal.Second:D2}"
                : cal.Minute is not null ? $"T{hour:D2}:{cal.Minute:D2}"
                : $"T{hour:D2}";
            var g = cal.Second is not null ? DateGranularity.Second : cal.Minute is not null ? DateGranularity.Minute : DateGranularity.Hour;
            return new DateMention(string.Empty, default, DateKind.TimeOfDay, g, value, null);
        }
        return new DateMention(string.Empty, default, DateKind.TimeOfDay, DateGranularity.PartOfDay, "T" + CalendarMath.PartCode(cal.Part ?? DayPart.Morning), null);
    }

    private static DateGranularity GranularityOf(Cal cal) =>
        cal.Second is not null ? DateGranularity.Second
        : cal.Minute is not null ? DateGranularity.Minute
        : cal.Hour is not null ? DateGranularity.Hour
        : cal.Part is not null ? DateGranularity.PartOfDay
        : cal.Day is not null || cal.Context == ContextUnit.Day ? DateGranularity.Day
        : cal.Month is not null || cal.Context == ContextUnit.Month ? DateGranularity.Month
        : DateGranularity.Year;

    private static DateMention Mention(DateKind kind, DateGranularity g, string value, DateTime from, DateTime to, DateAnchor anchor) =>
        new(string.Empty, default, kind, g, value, null) { From = from, To = to, Anchor = anchor };

    private static DateMention Unresolved(DateGranularity g) => new(string.Empty, default, DateKind.Unresolved, g, null, null);

    private static DateMention Vague() => new(string.Empty, default, DateKind.Vague, DateGranularity.Year, null, null);
}
