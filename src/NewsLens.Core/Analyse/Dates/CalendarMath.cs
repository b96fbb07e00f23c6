using System.Globalization;
using NewsLens.Model;

namespace NewsLens.Analyse.Dates;

/// <summary>Pure calendar arithmetic and the ISO-style value formats of <see cref="DateMention.Value"/>.</summary>
internal static class CalendarMath
{
    /// <summary>Two-digit years at or above this are 19xx, below it 20xx ("89" → 1989, "27" → 2027). Fixed, not
    /// reference-dependent, so a value never changes with the article's date.</summary>
    public const int TwoDigitYearPivot = 50;

    /// <summary>Years outside this range are not dates we normalise (DateTime starts at year 1).</summary>
    public const int MinYear = 1;

    public const int MaxYear = 9998;

    /// <summary>A month without a year is put in the reference year unless that lands more than this many months
    /// away, then in the neighbouring year ("12月" in a January article is last December).</summary>
    private const int MonthWithoutYearReach = 6;

    /// <summary>How far (years) to look for a 2月29日 without a year.</summary>
    private const int LeapSearchYears = 4;

    private static readonly ChineseLunisolarCalendar Lunar = new();

    public static int ExpandTwoDigitYear(int yy) => yy >= TwoDigitYearPivot ? 1900 + yy : 2000 + yy;

    public static bool IsValid(int year, int month, int day) =>
        year is >= MinYear and <= MaxYear && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);

    public static DateOnly Monday(DateOnly d) => d.AddDays(-(((int)d.DayOfWeek + 6) % 7));

    /// <summary>1 = Monday … 7 = Sunday.</summary>
    public static int IsoDay(DateOnly d) => ((int)d.DayOfWeek + 6) % 7 + 1;

    /// <summary>An underspecified date with no future cue is read as the latest one on or before the reference
    /// (news reports what happened) when that lies within this many days, else as the nearest one. Half a year:
    /// further back, an upcoming date is the likelier reading ("3月1日" in a January article).</summary>
    public const int PastReachDays = 183;

    /// <summary>Picks among the readings of an underspecified date: with a future cue the first on or after the
    /// reference, otherwise the last on or before it within <see cref="PastReachDays"/>, else the nearest (past on a tie).</summary>
    public static DateOnly? Choose(IEnumerable<DateOnly> candidates, DateOnly reference, bool future)
    {
        var list = candidates.Order().ToList();
        if (list.Count == 0)
            return null;
        if (future && list.Where(c => c >= reference).Select(c => (DateOnly?)c).FirstOrDefault() is { } next)
            return next;
        if (!future && list.Where(c => c <= reference).Select(c => (DateOnly?)c).LastOrDefault() is { } last
            && reference.DayNumber - last.DayNumber <= PastReachDays)
            return last;
        var best = list[0];
        foreach (var c in list)
            if (Math.Abs(c.DayNumber - reference.DayNumber) < Math.Abs(best.DayNumber - reference.DayNumber))
                best = c;
        return best;
    }

    /// <summary>Year for a month (and day) stated without one.</summary>
    public static int? YearForMonthDay(int month, int? day, DateOnly reference, bool future = false)
    {
        if (day is null)
        {
            var diff = month - reference.Month;
            return diff > MonthWithoutYearReach ? reference.Year - 1
                : diff < -MonthWithoutYearReach ? reference.Year + 1
                : reference.Year;
        }
        var reach = month == 2 && day == 29 ? LeapSearchYears : 1;
        var candidates = Enumerable.Range(reference.Year - reach, (2 * reach) + 1)
            .Where(y => IsValid(y, month, day.Value))
            .Select(y => new DateOnly(y, month, day.Value));
        return Choose(candidates, reference, future)?.Year;
    }

    /// <summary>Month (with its year) for a day of month stated alone.</summary>
    public static (int Year, int Month)? MonthForDay(int day, DateOnly reference, bool future = false)
    {
        var first = new DateOnly(reference.Year, reference.Month, 1);
        var candidates = new[] { -1, 0, 1 }.Select(first.AddMonths)
            .Where(m => IsValid(m.Year, m.Month, day))
            .Select(m => new DateOnly(m.Year, m.Month, day));
        return Choose(candidates, reference, future) is { } d ? (d.Year, d.Month) : null;
    }

    /// <summary>A weekday (1–7) stated alone: this week's or a neighbouring week's.</summary>
    public static DateOnly NearestWeekday(int isoDay, DateOnly reference, bool future = false)
    {
        var thisWeek = Monday(reference).AddDays(isoDay - 1);
        return Choose([thisWeek.AddDays(-7), thisWeek, thisWeek.AddDays(7)], reference, future)!.Value;
    }

    /// <summary>Gregorian date of a Chinese lunar date (non-leap month); day 30 of a 29-day month is its last day.</summary>
    public static DateOnly? FromLunar(int lunarYear, int month, int day)
    {
        if (lunarYear < Lunar.MinSupportedDateTime.Year + 1 || lunarYear >= Lunar.MaxSupportedDateTime.Year || month is < 1 or > 12 || day is < 1 or > 30)
            return null;
        var leap = Lunar.GetLeapMonth(lunarYear);
        var index = leap > 0 && month >= leap ? month + 1 : month;
        var days = Lunar.GetDaysInMonth(lunarYear, index);
        if (day > days)
        {
            if (day != 30)
                return null;
            day = days;
        }
        return DateOnly.FromDateTime(Lunar.ToDateTime(lunarYear, index, day, 0, 0, 0, 0));
    }

    /// <summary>Lunar year for a lunar month/day stated without one.</summary>
    public static DateOnly? NearestLunar(int month, int day, DateOnly reference, bool future = false)
    {
        var candidates = new List<DateOnly>();
        for (var y = reference.Year - 1; y <= reference.Year + 1; y++)
            if (FromLunar(y, month, day) is { } g)
                candidates.Add(g);
        return Choose(candidates, reference, future);
    }

    public static string Year(int y) => y.ToString("D4", CultureInfo.InvariantCulture);

    public static string Month(int y, int m) => $"{Year(y)}-{m:D2}";

    public static string Day(DateOnly d) => $"{Year(d.Year)}-{d.Month:D2}-{d.Day:D2}";

    public static string Week(DateOnly monday) =>
        $"{Year(ISOWeek.GetYear(monday.ToDateTime(TimeOnly.MinValue)))}-W{ISOWeek.GetWeekOfYear(monday.ToDateTime(TimeOnly.MinValue)):D2}";

    public static string PartCode(DayPart part) => part switch
    {
        DayPart.EarlyMorning => "EM",
        DayPart.Morning => "MO",
        DayPart.Midday => "MI",
        DayPart.Afternoon => "AF",
        DayPart.Evening => "EV",
        _ => "NI",
    };

    /// <summary>Conventional hours of a part of day [start, end), as Recognizers-Text and TIMEX3 practice use them.</summary>
    public static (int Start, int End) PartHours(DayPart part) => part switch
    {
        DayPart.EarlyMorning => (0, 6),
        DayPart.Morning => (8, 12),
        DayPart.Midday => (11, 13),
        DayPart.Afternoon => (12, 16),
        DayPart.Evening => (16, 20),
        _ => (20, 24),
    };

    /// <summary>A written hour read in the light of its part of day ("下午5点" → 17, "凌晨2点" → 2, "晚上12点" → 0 next day is left as 24).</summary>
    public static int To24Hour(int hour, DayPart? part) => part switch
    {
        DayPart.EarlyMorning => hour == 12 ? 0 : hour,
        DayPart.Morning => hour,
        DayPart.Midday => hour <= 4 ? hour + 12 : hour,
        DayPart.Afternoon => hour < 12 ? hour + 12 : hour,
        DayPart.Evening => hour < 12 ? hour + 12 : hour,
        DayPart.Night => hour is >= 6 and < 12 ? hour + 12 : hour == 12 ? 24 : hour,
        _ => hour,
    };

    /// <summary>Start instant of an ISO-style value at any granularity this recogniser writes; null for codes it cannot place.</summary>
    public static DateTime? StartOf(string? value)
    {
        if (string.IsNullOrEmpty(value))
            return null;
        var s = value.AsSpan();
        if (s.Length < 4 || !int.TryParse(s[..4], NumberStyles.None, CultureInfo.InvariantCulture, out var y) || y < MinYear)
            return null;
        if (s.Length == 4)
            return new DateTime(y, 1, 1);
        if (s.Length >= 7 && s[4] == '-' && char.IsAsciiDigit(s[5]) && int.TryParse(s.Slice(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var m))
        {
            if (s.Length == 7)
                return new DateTime(y, m, 1);
            if (s.Length >= 10 && int.TryParse(s.Slice(8, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var d) && IsValid(y, m, d))
            {
                var day = new DateTime(y, m, d);
                if (s.Length == 10)
                    return day;
                if (s[10] == 'T' && s.Length >= 13 && int.TryParse(s.Slice(11, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var h))
                {
                    var mi = s.Length >= 16 && int.TryParse(s.Slice(14, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var mm) ? mm : 0;
                    var se = s.Length >= 19 && int.TryParse(s.Slice(17, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var ss) ? ss : 0;
                    return day.AddHours(h).AddMinutes(mi).AddSeconds(se);
                }
                if (s[10] == 'T' && s.Length == 13)
                {
                    foreach (DayPart p in Enum.GetValues<DayPart>())
                        if (s[11..].SequenceEqual(PartCode(p)))
                            return day.AddHours(PartHours(p).Start);
                }
            }
        }
        return null;
    }
}
