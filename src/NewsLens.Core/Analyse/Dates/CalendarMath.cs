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

    /// <summary>Year for a month (and day) stated without one, nearest the reference.</summary>
    public static int? YearForMonthDay(int month, int? day, DateOnly reference)
    {
        if (day is null)
        {
            var diff = month - reference.Month;
            return diff > MonthWithoutYearReach ? reference.Year - 1
                : diff < -MonthWithoutYearReach ? reference.Year + 1
                : reference.Year;
        }
        int? best = null;
        var bestDistance = int.MaxValue;
        var reach = month == 2 && day == 29 ? LeapSearchYears : 1;
        for (var y = reference.Year - reach; y <= reference.Year + reach; y++)
        {
            if (!IsValid(y, month, day.Value))
                continue;
            var distance = Math.Abs(new DateOnly(y, month, day.Value).DayNumber - reference.DayNumber);
            if (distance < bestDistance) // ascending years: on a tie the earlier (past) reading stays
            {
                best = y;
                bestDistance = distance;
            }
        }
        return best;
    }

    /// <summary>Month (with its year) for a day of month stated alone, nearest the reference.</summary>
    public static (int Year, int Month)? MonthForDay(int day, DateOnly reference)
    {
        (int, int)? best = null;
        var bestDistance = int.MaxValue;
        var first = new DateOnly(reference.Year, reference.Month, 1);
        for (var k = -1; k <= 1; k++)
        {
            var m = first.AddMonths(k);
            if (!IsValid(m.Year, m.Month, day))
                continue;
            var distance = Math.Abs(new DateOnly(m.Year, m.Month, day).DayNumber - reference.DayNumber);
            if (distance < bestDistance)
            {
                best = (m.Year, m.Month);
                bestDistance = distance;
            }
        }
        return best;
    }

    /// <summary>The weekday (1–7) nearest the reference: this week's or the neighbouring week's, past on a tie.</summary>
    public static DateOnly NearestWeekday(int isoDay, DateOnly reference)
    {
        var thisWeek = Monday(reference).AddDays(isoDay - 1);
        DateOnly best = thisWeek;
        foreach (var c in new[] { thisWeek.AddDays(-7), thisWeek, thisWeek.AddDays(7) })
        {
            var d = Math.Abs(c.DayNumber - reference.DayNumber);
            var b = Math.Abs(best.DayNumber - reference.DayNumber);
            if (d < b || (d == b && c < best))
                best = c;
        }
        return best;
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

    /// <summary>Lunar year for a lunar month/day stated without one, nearest the reference.</summary>
    public static DateOnly? NearestLunar(int month, int day, DateOnly reference)
    {
        DateOnly? best = null;
        for (var y = reference.Year - 1; y <= reference.Year + 1; y++)
        {
            if (FromLunar(y, month, day) is not { } g)
                continue;
            if (best is null || Math.Abs(g.DayNumber - reference.DayNumber) < Math.Abs(best.Value.DayNumber - reference.DayNumber))
                best = g;
        }
        return best;
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
