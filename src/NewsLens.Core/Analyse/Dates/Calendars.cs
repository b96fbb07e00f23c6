using System.Collections.Frozen;

namespace NewsLens.Analyse.Dates;

/// <summary>How a holiday falls: a fixed Gregorian day, a fixed lunar day, or the n-th weekday of a month.</summary>
internal enum HolidayRule
{
    Gregorian,
    Lunar,
    NthWeekday,
}

/// <param name="Nth">For <see cref="HolidayRule.NthWeekday"/>: which occurrence; <paramref name="Day"/> is then the ISO weekday.</param>
internal sealed record Holiday(HolidayRule Rule, int Month, int Day, int Nth = 0);

/// <summary>Named days and era names: public calendar facts, immutable tables.</summary>
internal static class Calendars
{
    public static readonly FrozenDictionary<string, Holiday> Holidays = new Dictionary<string, Holiday>
    {
        ["元旦节"] = new(HolidayRule.Gregorian, 1, 1),
        ["元旦"] = new(HolidayRule.Gregorian, 1, 1),
        ["新年"] = new(HolidayRule.Gregorian, 1, 1),
        ["情人节"] = new(HolidayRule.Gregorian, 2, 14),
        ["女生节"] = new(HolidayRule.Gregorian, 3, 7),
        ["妇女节"] = new(HolidayRule.Gregorian, 3, 8),
        ["植树节"] = new(HolidayRule.Gregorian, 3, 12),
        ["愚人节"] = new(HolidayRule.Gregorian, 4, 1),
        ["清明节"] = new(HolidayRule.Gregorian, 4, 4),
        ["清明"] = new(HolidayRule.Gregorian, 4, 4),
        ["劳动节"] = new(HolidayRule.Gregorian, 5, 1),
        ["五一"] = new(HolidayRule.Gregorian, 5, 1),
        ["青年节"] = new(HolidayRule.Gregorian, 5, 4),
        ["儿童节"] = new(HolidayRule.Gregorian, 6, 1),
        ["建党节"] = new(HolidayRule.Gregorian, 7, 1),
        ["建军节"] = new(HolidayRule.Gregorian, 8, 1),
        ["教师节"] = new(HolidayRule.Gregorian, 9, 10),
        ["国庆节"] = new(HolidayRule.Gregorian, 10, 1),
        ["万圣节"] = new(HolidayRule.Gregorian, 10, 31),
        ["光棍节"] = new(HolidayRule.Gregorian, 11, 11),
        ["双十一"] = new(HolidayRule.Gregorian, 11, 11),
        ["平安夜"] = new(HolidayRule.Gregorian, 12, 24),
        ["圣诞节"] = new(HolidayRule.Gregorian, 12, 25),
        ["春节"] = new(HolidayRule.Lunar, 1, 1),
        ["元宵节"] = new(HolidayRule.Lunar, 1, 15),
        ["端午节"] = new(HolidayRule.Lunar, 5, 5),
        ["端午"] = new(HolidayRule.Lunar, 5, 5),
        ["七夕"] = new(HolidayRule.Lunar, 7, 7),
        ["中秋节"] = new(HolidayRule.Lunar, 8, 15),
        ["中秋"] = new(HolidayRule.Lunar, 8, 15),
        ["重阳节"] = new(HolidayRule.Lunar, 9, 9),
        ["除夕"] = new(HolidayRule.Lunar, 12, 30),
        ["母亲节"] = new(HolidayRule.NthWeekday, 5, 7, 2),
        ["父亲节"] = new(HolidayRule.NthWeekday, 6, 7, 3),
        ["感恩节"] = new(HolidayRule.NthWeekday, 11, 4, 4),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Era name → Gregorian year of its first year (元年). 民国 and the Japanese eras still date news;
    /// the imperial Chinese ones date history pieces (their months are lunar).</summary>
    public static readonly FrozenDictionary<string, (int FirstYear, bool LunarMonths)> Eras = new Dictionary<string, (int, bool)>
    {
        ["民国"] = (1912, false),
        ["令和"] = (2019, false),
        ["平成"] = (1989, false),
        ["昭和"] = (1926, false),
        ["大正"] = (1912, false),
        ["明治"] = (1868, false),
        ["宣统"] = (1909, true),
        ["光绪"] = (1875, true),
        ["同治"] = (1862, true),
        ["咸丰"] = (1851, true),
        ["道光"] = (1821, true),
        ["嘉庆"] = (1796, true),
        ["乾隆"] = (1736, true),
        ["雍正"] = (1723, true),
        ["康熙"] = (1662, true),
        ["顺治"] = (1644, true),
        ["崇祯"] = (1628, true),
        ["万历"] = (1573, true),
        ["嘉靖"] = (1522, true),
        ["永乐"] = (1403, true),
        ["洪武"] = (1368, true),
        ["开元"] = (713, true),
        ["神龙"] = (705, true),
        ["贞观"] = (627, true),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static string Alternation(IEnumerable<string> names) =>
        string.Join('|', names.OrderByDescending(n => n.Length).ThenBy(n => n, StringComparer.Ordinal).Select(System.Text.RegularExpressions.Regex.Escape));
}
