using System.Text.RegularExpressions;
using NewsLens.Model;
using static NewsLens.Analyse.Dates.DatePatterns;

namespace NewsLens.Analyse.Dates;

/// <summary>What every rule sees: the folded text and the reference date (null = none).</summary>
internal readonly record struct RuleInput(string Folded, DateOnly? Reference);

/// <summary>One recognition rule: a pattern and how a match becomes an atom (null = rejected on inspection).</summary>
internal sealed record DateRule(string Name, Regex Pattern, int Priority, Func<Match, RuleInput, Atom?> Build);

/// <summary>The rule set, built once. Rules are tried everywhere; overlaps are settled by <see cref="AtomSelector"/>.</summary>
internal static partial class DateRules
{
    /// <summary>Per-pattern match timeout: the patterns are linear, this only guards against a regression.</summary>
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(2);

    // Priorities: calendar readings beat duration readings of the same span ("07年" is 2007, not seven years).
    private const int CalendarPriority = 0;
    private const int PeriodPriority = 1;
    private const int VaguePriority = 2;
    private const int DurationPriority = 3;

    public static readonly IReadOnlyList<DateRule> All = Build();

    private static Regex R(string pattern) =>
        new(pattern, RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.Compiled, MatchTimeout);

    private static IReadOnlyList<DateRule> Build()
    {
        var holidays = Calendars.Alternation(Calendars.Holidays.Keys);
        var eras = Calendars.Alternation(Calendars.Eras.Keys);
        return
        [
            new("numeric-ymd", R(@"(?<![\d.:/])(?<y>\d{4})(?<s>[-/.])(?<m>\d{1,2})\k<s>(?<d>\d{1,2})(?!\d)(?!\.\d)"), CalendarPriority, NumericYmd),
            new("numeric-ymd-spaced", R(@"(?<![\d.:/])(?<y>\d{4}) (?<m>\d{2}) (?<d>\d{2})(?![\d.])"), CalendarPriority, NumericYmd),
            new("numeric-dmy", R(@"(?<![\d.:/])(?<a>\d{1,2})(?<s>[-/.])(?<b>\d{1,2})\k<s>(?<c>\d{1,4})(?!\d)(?!\.\d)"), CalendarPriority, NumericDmy),
            new("cn-date", R(NotAfterNumeral + @"(?:(?<lunar>农历|阴历)\s*)?(?:(?:" + Year + @"\s*年|" + RelYear + @")\s*(?:的)?\s*)?(?:(?<lunar2>农历|阴历)\s*)?"
                + Month + @"\s*月(?:份)?(?:\s*(?:" + Day + @"\s*(?<dsuf>[日号])|" + Day + NotAfterBareDay + @")|\s*" + MonthPart + ")?"), CalendarPriority, CnDate),
            new("cn-year", R(@"(?<pre>在|于|公元)?" + NotAfterNumeral + Year + @"\s*年(?:度)?(?![代])"), CalendarPriority, CnYear),
            new("year-part", R(@"(?:" + NotAfterNumeral + Year + @"\s*年|" + RelYear + @"\s*(?:年)?|(?<![\d零〇一二两三四五六七八九十百千几多每同当近])年)(?<yp>初|中(?![国央心方外期旬])|底|末)"), PeriodPriority, YearPart),
            new("rel-year", R(RelYear + "(?![初底末])"), CalendarPriority, RelYearOnly),
            new("rel-month", R(@"(?:" + RelYear + @"\s*(?:的)?\s*)?(?<rel>上上个|上一个|上个|上|下下个|下一个|下个|下|本|这个|这一个|这|当|同一个|同一|同)\s*月(?:份)?(?:\s*" + Day + @"\s*[日号]|\s*" + MonthPart + ")?"), CalendarPriority, RelMonth),
            new("bare-month-part", R(@"(?<![\d零〇一二两三四五六七八九十个本上下这当每同满足年])月(?<pm>初|底|末)"), PeriodPriority, RelMonth),
            new("day-only", R(NotAfterNumeral + @"(?<![月第])" + Day + @"\s*(?<dsuf>[日号])(?![线楼院令文房门机台车位码字坑种元届])"), CalendarPriority, DayOnly),
            new("weekday", R(@"(?:" + RelWeek + @"|(?<last>最后一个的?))?\s*(?<![一二两三四五六七八九十\d几每])" + WeekWord + Weekday + @"(?![一二三四五六七八九十\d])"), CalendarPriority, WeekdayRule),
            new("week", R(RelWeek + @"\s*" + WeekWord + @"(?<we>末)?(?![期年岁边围刊报])"), PeriodPriority, Week),
            new("rel-day", R(@"(?<w>大前天|前天|昨天|昨日|今天|今日(?!头条)|今儿|本日|明天|明日|后天|大后天|当天|当日|同日|同一天|次日|翌日|第二天|隔天|前一天|前一日)"), CalendarPriority, RelDay),
            new("rel-day-part", R(@"(?<w>今晨|今早|今晚|今夜|昨晚|昨夜|昨晨|明晚|明早|明晨|前晚|当晚|当夜|次晚)"), CalendarPriority, RelDayPart),
            new("quarter", R(@"(?:" + YearPrefix + @")?(?<![前后头])(?:第\s*)?(?<q>[一二三四1-4])\s*季度"), PeriodPriority, Quarter),
            new("half-year", R(@"(?:" + YearPrefix + @")?(?<hh>上|下|前|后)\s*半年"), PeriodPriority, HalfYear),
            new("rel-half-year", R(@"(?<rel>上|下|这)个\s*半年"), PeriodPriority, RelHalfYear),
            new("half-month-week", R(@"(?<hh>上|下)半(?<u>月|周)"), PeriodPriority, HalfMonthWeek),
            new("season", R(YearPrefix + @"(?<s>春|夏|秋|冬)(?:天|季)(?!度)"), PeriodPriority, Season),
            new("nth-of", R(@"(?:" + YearPrefix + "|" + NotAfterNumeral + Month + @"\s*月\s*(?:的)?\s*)第\s*(?<n>\d{1,2}|[一二三四五六七八九十]{1,3})\s*(?:个)?\s*(?<u>周|星期|月)"), PeriodPriority, NthOf),
            new("first-last-n", R(YearPrefix + @"(?<fl>前|最后|后)\s*" + SmallNumber + @"\s*(?:个)?\s*(?<u>周|星期|天|日|月)"), PeriodPriority, FirstLastN),
            new("decade", R(@"(?:(?<c>上|本|\d{1,2}|[一二三四五六七八九十]{1,3})\s*世纪\s*)?(?<dd>\d0|[一二三四五六七八九]十)\s*年代"), PeriodPriority, Decade),
            new("century", R(@"(?<c>上|本|\d{1,2}|[一二三四五六七八九十]{1,3})\s*世纪(?!\s*(?:\d0|[一二三四五六七八九]十)\s*年代)"), PeriodPriority, Century),
            new("window", R(@"(?<dir>最近|近|过去|以往|未来|今后|接下来|往后|之后|之前|前|后|上|下)\s*(?:的)?\s*" + SmallNumber + @"\s*(?:个)?\s*(?<u>年|月|周|星期|礼拜|天|日|小时|钟头|分钟)(?:以来|来|里|内|间)?"), PeriodPriority, Window),
            new("clock-relative", R(@"(?:上|下|这|前|后)一?个\s*(?:小时|钟头)"), PeriodPriority, (m, _) => FixedAtom(m, Unresolved(DateGranularity.Hour), PeriodPriority)),
            new("vague-window", R(@"(?<w>(?:最近|近|过去|以往|未来|今后|接下来)\s*(?:的)?\s*(?:几|数|若干|一些)\s*(?:个)?\s*(?:年|月|周|星期|天|日)(?:以来|来|里|内|间)?)"), VaguePriority, VagueWord),
            new("ago", R(NotAfterNumeral + @"(?<n>[1-9]\d{0,2}|[一二两三四五六七八九十百]{1,4}|半)\s*(?:个)?\s*(?<u>年|月|周|星期|天|小时|钟头|分钟|秒钟?)\s*(?<dir>之前|以前|前|之后|以后|后)(?![一二三四五六七八九十\d几半个季者来])"), PeriodPriority, Ago),
            new("vague-ago", R(@"(?<w>(?:几|数|多|若干)\s*(?:个)?\s*(?:年|月|周|星期|天|日)\s*(?:之前|以前|前)|(?:多年|近年|近些年|这些年|近几年|近来|数年)来)"), VaguePriority, VagueWord),
            new("vague", R(@"(?<w>近年来|近年|近些年|近几年|这些年|多年来|近来|近期|近日|日前|不久前|前不久|前些日子|前些天|早些时候|最近|此前|如今|目前|当前|眼下|现在|马上|这会儿|此时|此刻|今后|将来|未来|过去几年|往年|历年)"), VaguePriority, VagueWord),
            new("holiday", R(@"(?:" + YearPrefix + @")?(?<h>" + holidays + ")"), CalendarPriority, HolidayRuleBuild),
            new("era", R(@"(?<era>" + eras + @")\s*(?<n>元|\d{1,3}|[一二三四五六七八九十百]{1,4})\s*年(?:\s*" + Month + @"\s*月(?:\s*" + Day + @"\s*[日号]?)?|\s*大年(?<d2>初[一二三四五六七八九十]|三十))?"), CalendarPriority, Era),
            new("lunar-new-year", R(@"大年(?<d>初[一二三四五六七八九十]|三十)"), CalendarPriority, LunarNewYear),
            new("clock", R(@"(?:" + PartOfDayWord + @"\s*)?(?<![\d.:])" + ClockHour + @"\s*:\s*(?<mi>[0-5]\d)(?:\s*:\s*(?<s>[0-5]\d))?(?:\s*(?<ampm>[ap])\.?\s*m\.?)?(?![\d.:])"), CalendarPriority, Clock),
            new("cn-time", R(@"(?:" + PartOfDayWord + @"\s*)?(?<![第几每])(?:(?<![\d.])(?<h>[01]?\d|2[0-4])|(?<![零〇一二两三四五六七八九十百千万])(?<h>[零〇一二两三四五六七八九十]{1,3}))\s*(?<unit>点钟|点|时)(?:\s*(?<half>半)|\s*(?<q>[一二三123])\s*刻|\s*(?<mi>[0-5]?\d|[零〇一二三四五六七八九十]{1,3})\s*(?:(?<fen>分)(?:\s*(?<s>[0-5]?\d|[零〇一二三四五六七八九十]{1,3})\s*秒)?|(?![\d万亿个%多余.])))?(?<zheng>整)?(?:许|左右)?"), CalendarPriority, CnTime),
            new("part-of-day", R(PartOfDayWord), PeriodPriority, PartOfDayOnly),
            new("year-range", R(@"(?<pre>从|自)?(?<![\d.])(?<y1>\d{4})\s*(?:年)?\s*(?:到|至|-|~)\s*(?<y2>\d{4})\s*(?<nian>年)?(?![\d月])"), CalendarPriority, YearRange),
            new("duration", R(NotAfterNumeral + @"(?:(?:\d{1,3}(?:\.\d)?|[一二两三四五六七八九十百几]{1,4}|半)\s*(?:个)?\s*(?:年(?![份级代龄度])|月(?!份)|周(?![岁年])|星期|礼拜|天|日|小时|钟头|分钟|秒钟|秒)(?:半)?(?:\s*[又多余零]?\s*)?)+"), DurationPriority, Duration),
            new("recurring", R(@"每(?:个)?\s*(?<u>天|日|周|星期|礼拜|月|年)(?<wd>[一二三四五六日天])?"), CalendarPriority, Recurring),
        ];
    }

    // ---------- helpers ----------

    private static DateMention Mention(DateKind kind, DateGranularity g, string? value, string? end, DateTime? from, DateTime? to, DateAnchor anchor = DateAnchor.None) =>
        new(string.Empty, default, kind, g, value, end) { From = from, To = to, Anchor = anchor };

    private static DateMention Unresolved(DateGranularity g) => Mention(DateKind.Unresolved, g, null, null, null, null);

    private static Atom FixedAtom(Match m, DateMention mention, int priority) =>
        new(m.Index, m.Index + m.Length, AtomKind.Fixed, priority) { Fixed = mention };

    private static Atom CalAtom(Match m, Cal cal, bool weak = false) =>
        new(m.Index, m.Index + m.Length, AtomKind.Calendar, CalendarPriority) { Cal = cal, Weak = weak };

    private static int? Num(Group g) => g.Success ? ChineseNumber.Parse(g.ValueSpan) : null;

    private static int? MonthOf(Group g) => !g.Success ? null : g.Value switch
    {
        "元" or "正" => 1,
        "冬" => 11,
        "腊" => 12,
        _ => ChineseNumber.Parse(g.ValueSpan),
    };

    private static int? DayOf(Group g, out bool lunar)
    {
        lunar = false;
        if (!g.Success)
            return null;
        var v = g.ValueSpan;
        if (v.Length > 0 && v[0] == '初')
        {
            lunar = true;
            return ChineseNumber.Parse(v[1..]);
        }
        return ChineseNumber.Parse(v);
    }

    /// <summary>A year written before 年, or null when the number should not be read as a year
    /// (two-digit and positional forms need a month after them: "15年" alone is fifteen years).</summary>
    private static int? YearOf(Group g, bool hasMonth, bool hasMarker)
    {
        if (!g.Success)
            return null;
        var s = g.ValueSpan;
        var value = ChineseNumber.Parse(s);
        if (value is null)
            return null;
        var ascii = char.IsAsciiDigit(s[0]);
        var digitByDigit = ChineseNumber.IsDigitByDigit(s);
        if (s.Length == 4 && digitByDigit)
            return value;
        if (s.Length == 3 && digitByDigit && (hasMonth || hasMarker || !ascii))
            return value;
        if (s.Length == 2 && digitByDigit)
        {
            var leadingZero = s[0] is '0' or '零' or '〇';
            return hasMonth || leadingZero ? CalendarMath.ExpandTwoDigitYear(value.Value) : null;
        }
        return !digitByDigit && hasMonth && value >= 1000 ? value : null;
    }

    /// <summary>Year of a relative year word, or null for the context words (当年/同年/次年) handled by the caller.</summary>
    private static int? RelYearOffset(string word) => word switch
    {
        "大前年" => -3,
        "前年" => -2,
        "去年" or "上一年" => -1,
        "今年" or "本年" => 0,
        "明年" or "下一年" => 1,
        "后年" => 2,
        "大后年" => 3,
        _ => null,
    };

    /// <summary>Fills the year of a cal from an explicit year group or a relative year word. False when rejected.</summary>
    private static bool ApplyYear(Match m, RuleInput input, bool hasMonth, ref Cal cal)
    {
        if (m.Groups["y"].Success)
        {
            var pre = m.Groups["pre"];
            var y = YearOf(m.Groups["y"], hasMonth, pre.Success);
            if (y is null)
                return false;
            cal = cal with { Year = y };
            return true;
        }
        if (m.Groups["yrel"].Success)
        {
            var word = m.Groups["yrel"].Value;
            if (RelYearOffset(word) is { } off)
                cal = input.Reference is { } r
                    ? cal with { Year = r.Year + off, FromReference = true }
                    : cal with { NeedsMissingReference = true };
            else
                cal = cal with { Context = ContextUnit.Year, ContextOffset = word is "次年" or "翌年" ? 1 : 0 };
        }
        return true;
    }

    /// <summary>The year a period expression with an optional year prefix refers to (reference year when absent).</summary>
    private static (int? Year, DateAnchor Anchor, bool Missing) PrefixYear(Match m, RuleInput input)
    {
        var cal = new Cal();
        if (!ApplyYear(m, input, hasMonth: true, ref cal))
            return (null, DateAnchor.None, true);
        if (cal.Year is { } y)
            return (y, cal.FromReference ? DateAnchor.Reference : DateAnchor.None, false);
        if (cal.Context != ContextUnit.None || cal.NeedsMissingReference)
            return (input.Reference?.Year, DateAnchor.Reference, input.Reference is null);
        return input.Reference is { } r ? (r.Year, DateAnchor.Reference, false) : (null, DateAnchor.None, true);
    }

    private static DateMention Months(int year, int month, int count, DateGranularity g, DateAnchor anchor, string? value = null)
    {
        var from = new DateTime(year, month, 1);
        var to = from.AddMonths(count);
        var last = to.AddMonths(-1);
        return count == 1 && value is null
            ? Mention(DateKind.Exact, g, CalendarMath.Month(year, month), null, from, to, anchor)
            : Mention(DateKind.Exact, g, value ?? CalendarMath.Month(year, month), value is null ? CalendarMath.Month(last.Year, last.Month) : null, from, to, anchor);
    }

    // ---------- calendar rules ----------

    private static Atom? NumericYmd(Match m, RuleInput input)
    {
        var y = int.Parse(m.Groups["y"].ValueSpan, provider: System.Globalization.CultureInfo.InvariantCulture);
        var mo = int.Parse(m.Groups["m"].ValueSpan, provider: System.Globalization.CultureInfo.InvariantCulture);
        var d = int.Parse(m.Groups["d"].ValueSpan, provider: System.Globalization.CultureInfo.InvariantCulture);
        return mo is < 1 or > 12 || d is < 1 or > 31 ? null : CalAtom(m, new Cal { Year = y, Month = mo, Day = d });
    }

    private static Atom? NumericDmy(Match m, RuleInput input)
    {
        var a = m.Groups["a"].Value;
        var b = int.Parse(m.Groups["b"].ValueSpan, provider: System.Globalization.CultureInfo.InvariantCulture);
        var c = m.Groups["c"].Value;
        var av = int.Parse(a, System.Globalization.CultureInfo.InvariantCulture);
        var cv = int.Parse(c, System.Globalization.CultureInfo.InvariantCulture);
        int y, mo, d;
        if (c.Length == 4)
            (y, mo, d) = (cv, b, av);
        else if (c.Length == 1 && a.Length == 2)
            (y, mo, d) = (CalendarMath.ExpandTwoDigitYear(av), b, cv);
        else if (c.Length == 2 && (a.Length == 1 || cv > 31))
            (y, mo, d) = (CalendarMath.ExpandTwoDigitYear(cv), b, av);
        else if (c.Length == 2 && a.Length == 2)
            (y, mo, d) = (CalendarMath.ExpandTwoDigitYear(av), b, cv);
        else
            return null;
        // A dotted triple with a one-digit year part is a version number, not a date.
        if (m.Groups["s"].Value == "." && c.Length < 4)
            return null;
        return mo is < 1 or > 12 || d is < 1 or > 31 ? null : CalAtom(m, new Cal { Year = y, Month = mo, Day = d });
    }

    private static Atom? CnDate(Match m, RuleInput input)
    {
        var month = MonthOf(m.Groups["m"]);
        if (month is null or < 1 or > 12)
            return null;
        var day = DayOf(m.Groups["d"], out var lunarDay);
        var lunar = lunarDay || m.Groups["lunar"].Success || m.Groups["lunar2"].Success || m.Groups["m"].Value is "正" or "腊" or "冬";
        var cal = new Cal { Month = month, Day = day, Lunar = lunar };
        if (!ApplyYear(m, input, hasMonth: true, ref cal))
            return null;
        if (m.Groups["pm"].Success)
            return MonthPartAtom(m, cal, m.Groups["pm"].Value, input);
        return CalAtom(m, cal);
    }

    /// <summary>上旬/月初 = days 1–10, 中旬 = 11–20, 下旬/月底/月末 = 21 to the end of the month.</summary>
    private static Atom? MonthPartAtom(Match m, Cal cal, string part, RuleInput input)
    {
        int? year = cal.Year;
        var anchor = cal.FromReference ? DateAnchor.Reference : DateAnchor.None;
        if (year is null && cal.Month is { } mo && input.Reference is { } r)
        {
            year = CalendarMath.YearForMonthDay(mo, null, r);
            anchor = DateAnchor.Reference;
        }
        if (year is null || cal.Month is null || cal.Lunar)
            return FixedAtom(m, Unresolved(DateGranularity.PartOfMonth), PeriodPriority);
        var (first, last) = part switch
        {
            "上旬" or "初" => (1, 10),
            "中旬" => (11, 20),
            _ => (21, DateTime.DaysInMonth(year.Value, cal.Month.Value)),
        };
        var from = new DateOnly(year.Value, cal.Month.Value, first);
        var to = new DateOnly(year.Value, cal.Month.Value, last);
        return FixedAtom(m, Mention(DateKind.Exact, DateGranularity.PartOfMonth, CalendarMath.Day(from), CalendarMath.Day(to),
            from.ToDateTime(TimeOnly.MinValue), to.AddDays(1).ToDateTime(TimeOnly.MinValue), anchor), PeriodPriority);
    }

    private static Atom? CnYear(Match m, RuleInput input)
    {
        var y = YearOf(m.Groups["y"], hasMonth: false, hasMarker: m.Groups["pre"].Success);
        if (y is null)
            return null;
        // The marker (在/于/公元) only licenses the reading; it is not part of the expression.
        var start = m.Groups["y"].Index;
        return new Atom(start, m.Index + m.Length, AtomKind.Calendar, CalendarPriority) { Cal = new Cal { Year = y } };
    }

    private static Atom? YearPart(Match m, RuleInput input)
    {
        var cal = new Cal();
        if (!ApplyYear(m, input, hasMonth: true, ref cal))
            return null;
        int? year = cal.Year;
        var anchor = cal.FromReference ? DateAnchor.Reference : DateAnchor.None;
        if (year is null && !m.Groups["yrel"].Success && !m.Groups["y"].Success)
        {
            year = input.Reference?.Year;
            anchor = DateAnchor.Reference;
        }
        if (year is null)
            return FixedAtom(m, Unresolved(DateGranularity.PartOfYear), PeriodPriority);
        var (first, count) = m.Groups["yp"].Value switch
        {
            "初" => (1, 2),
            "中" => (6, 2),
            _ => (11, 2),
        };
        return FixedAtom(m, Months(year.Value, first, count, DateGranularity.PartOfYear, anchor), PeriodPriority);
    }

    private static Atom? RelYearOnly(Match m, RuleInput input)
    {
        var cal = new Cal();
        ApplyYear(m, input, hasMonth: false, ref cal);
        // 当年 alone usually means "back then": without an earlier year it stays vague (decided when materialised).
        return CalAtom(m, cal);
    }

    private static Atom? RelMonth(Match m, RuleInput input)
    {
        var rel = m.Groups["rel"].Success ? m.Groups["rel"].Value : "本";
        var offset = rel switch
        {
            "上上个" => -2,
            "上" or "上个" or "上一个" => -1,
            "下" or "下个" or "下一个" => 1,
            "下下个" => 2,
            _ => 0,
        };
        var day = DayOf(m.Groups["d"], out _);
        Cal cal;
        if (rel is "当" or "同" or "同一" or "同一个")
        {
            cal = new Cal { Context = ContextUnit.Month, Day = day };
        }
        else if (input.Reference is not { } r)
        {
            cal = new Cal { NeedsMissingReference = true, Day = day };
        }
        else
        {
            var baseMonth = new DateOnly(r.Year, r.Month, 1).AddMonths(offset);
            cal = new Cal { Year = baseMonth.Year, Month = baseMonth.Month, Day = day, FromReference = true };
            if (m.Groups["yrel"].Success && RelYearOffset(m.Groups["yrel"].Value) is { } yoff)
                cal = cal with { Year = r.Year + yoff };
        }
        if (m.Groups["pm"].Success)
        {
            if (cal.Context != ContextUnit.None || cal.NeedsMissingReference)
                return FixedAtom(m, Unresolved(DateGranularity.PartOfMonth), PeriodPriority);
            return MonthPartAtom(m, cal, m.Groups["pm"].Value, input);
        }
        return CalAtom(m, cal);
    }

    private static Atom? DayOnly(Match m, RuleInput input)
    {
        var day = DayOf(m.Groups["d"], out var lunar);
        return day is null or < 1 or > 31 || lunar ? null : CalAtom(m, new Cal { Day = day });
    }

    private static readonly string NotAfterWeekdayOne = "些起致直定样般份切旦度律同再并贯批系";

    private static Atom? WeekdayRule(Match m, RuleInput input)
    {
        var wdText = m.Groups["wd"].Value;
        var end = m.Index + m.Length;
        if (wdText == "一" && end < input.Folded.Length && NotAfterWeekdayOne.Contains(input.Folded[end], StringComparison.Ordinal))
            return null;
        var wd = wdText switch
        {
            "日" or "天" => 7,
            _ => ChineseNumber.Parse(wdText) ?? 0,
        };
        if (wd is < 1 or > 7)
            return null;
        if (input.Reference is not { } r)
            return CalAtom(m, new Cal { NeedsMissingReference = true });
        DateOnly date;
        if (m.Groups["last"].Success)
        {
            date = CalendarMath.Monday(r).AddDays(wd - 1);
            if (date >= r)
                date = date.AddDays(-7);
        }
        else if (m.Groups["rel"].Success)
        {
            var weeks = WeekOffset(m.Groups["rel"].Value);
            date = CalendarMath.Monday(r).AddDays((7 * weeks) + wd - 1);
        }
        else
        {
            date = CalendarMath.NearestWeekday(wd, r);
        }
        return CalAtom(m, new Cal { Year = date.Year, Month = date.Month, Day = date.Day, FromReference = true });
    }

    private static int WeekOffset(string rel) => rel switch
    {
        "上上" or "上上个" => -2,
        "上" or "上个" or "上一个" => -1,
        "下" or "下个" or "下一个" => 1,
        "下下" or "下下个" => 2,
        _ => 0,
    };

    private static Atom? Week(Match m, RuleInput input)
    {
        var weekend = m.Groups["we"].Success;
        var g = DateGranularity.Week;
        if (input.Reference is not { } r)
            return FixedAtom(m, Unresolved(g), PeriodPriority);
        var monday = CalendarMath.Monday(r).AddDays(7 * WeekOffset(m.Groups["rel"].Value));
        var value = CalendarMath.Week(monday);
        if (weekend)
        {
            var sat = monday.AddDays(5);
            return FixedAtom(m, Mention(DateKind.Exact, g, value + "-WE", null, sat.ToDateTime(TimeOnly.MinValue), sat.AddDays(2).ToDateTime(TimeOnly.MinValue), DateAnchor.Reference), PeriodPriority);
        }
        return FixedAtom(m, Mention(DateKind.Exact, g, value, null, monday.ToDateTime(TimeOnly.MinValue), monday.AddDays(7).ToDateTime(TimeOnly.MinValue), DateAnchor.Reference), PeriodPriority);
    }

    private static Atom? RelDay(Match m, RuleInput input)
    {
        var w = m.Groups["w"].Value;
        int? offset = w switch
        {
            "大前天" => -3,
            "前天" => -2,
            "昨天" or "昨日" => -1,
            "今天" or "今日" or "今儿" or "本日" => 0,
            "明天" or "明日" => 1,
            "后天" => 2,
            "大后天" => 3,
            _ => null,
        };
        if (offset is null)
        {
            var ctx = w switch
            {
                "次日" or "翌日" or "第二天" or "隔天" => 1,
                "前一天" or "前一日" => -1,
                _ => 0,
            };
            return CalAtom(m, new Cal { Context = ContextUnit.Day, ContextOffset = ctx });
        }
        return CalAtom(m, FromReferenceDay(input, offset.Value));
    }

    private static Cal FromReferenceDay(RuleInput input, int offset)
    {
        if (input.Reference is not { } r)
            return new Cal { NeedsMissingReference = true };
        var d = r.AddDays(offset);
        return new Cal { Year = d.Year, Month = d.Month, Day = d.Day, FromReference = true };
    }

    private static Atom? RelDayPart(Match m, RuleInput input)
    {
        var w = m.Groups["w"].Value;
        var part = w[1] switch
        {
            '晨' or '早' => DayPart.Morning,
            '夜' => DayPart.Night,
            _ => DayPart.Evening,
        };
        Cal cal = w[0] switch
        {
            '今' => FromReferenceDay(input, 0),
            '昨' => FromReferenceDay(input, -1),
            '明' => FromReferenceDay(input, 1),
            '前' => FromReferenceDay(input, -2),
            '次' => new Cal { Context = ContextUnit.Day, ContextOffset = 1 },
            _ => new Cal { Context = ContextUnit.Day },
        };
        return CalAtom(m, cal with { Part = part });
    }

    // ---------- periods ----------

    private static Atom? Quarter(Match m, RuleInput input)
    {
        var q = ChineseNumber.Parse(m.Groups["q"].ValueSpan) ?? 0;
        var (year, anchor, missing) = PrefixYear(m, input);
        if (missing || year is null)
            return FixedAtom(m, Unresolved(DateGranularity.Quarter), PeriodPriority);
        return FixedAtom(m, Months(year.Value, (3 * (q - 1)) + 1, 3, DateGranularity.Quarter, anchor, $"{CalendarMath.Year(year.Value)}-Q{q}"), PeriodPriority);
    }

    private static Atom? HalfYear(Match m, RuleInput input)
    {
        var first = m.Groups["hh"].Value is "上" or "前";
        var (year, anchor, missing) = PrefixYear(m, input);
        if (missing || year is null)
            return FixedAtom(m, Unresolved(DateGranularity.HalfYear), PeriodPriority);
        return FixedAtom(m, Months(year.Value, first ? 1 : 7, 6, DateGranularity.HalfYear, anchor, $"{CalendarMath.Year(year.Value)}-H{(first ? 1 : 2)}"), PeriodPriority);
    }

    private static Atom? RelHalfYear(Match m, RuleInput input)
    {
        if (input.Reference is not { } r)
            return FixedAtom(m, Unresolved(DateGranularity.HalfYear), PeriodPriority);
        var current = new DateOnly(r.Year, r.Month <= 6 ? 1 : 7, 1);
        var start = current.AddMonths(m.Groups["rel"].Value switch { "上" => -6, "下" => 6, _ => 0 });
        return FixedAtom(m, Months(start.Year, start.Month, 6, DateGranularity.HalfYear, DateAnchor.Reference, $"{CalendarMath.Year(start.Year)}-H{(start.Month == 1 ? 1 : 2)}"), PeriodPriority);
    }

    private static Atom? HalfMonthWeek(Match m, RuleInput input)
    {
        var first = m.Groups["hh"].Value == "上";
        var month = m.Groups["u"].Value == "月";
        if (input.Reference is not { } r)
            return FixedAtom(m, Unresolved(month ? DateGranularity.PartOfMonth : DateGranularity.Week), PeriodPriority);
        DateOnly from, to;
        if (month)
        {
            var start = new DateOnly(r.Year, r.Month, 1);
            (from, to) = first ? (start, start.AddDays(15)) : (start.AddDays(15), start.AddMonths(1));
        }
        else
        {
            var mon = CalendarMath.Monday(r);
            (from, to) = first ? (mon, mon.AddDays(3)) : (mon.AddDays(3), mon.AddDays(7));
        }
        return FixedAtom(m, Mention(DateKind.Exact, month ? DateGranularity.PartOfMonth : DateGranularity.Day, CalendarMath.Day(from), CalendarMath.Day(to.AddDays(-1)),
            from.ToDateTime(TimeOnly.MinValue), to.ToDateTime(TimeOnly.MinValue), DateAnchor.Reference), PeriodPriority);
    }

    /// <summary>Seasons as TIMEX3 codes; From/To use the meteorological seasons (Mar–May, Jun–Aug, Sep–Nov, Dec–Feb).</summary>
    private static Atom? Season(Match m, RuleInput input)
    {
        var (year, anchor, missing) = PrefixYear(m, input);
        if (missing || year is null)
            return FixedAtom(m, Unresolved(DateGranularity.Season), PeriodPriority);
        var (code, month) = m.Groups["s"].Value switch
        {
            "春" => ("SP", 3),
            "夏" => ("SU", 6),
            "秋" => ("FA", 9),
            _ => ("WI", 12),
        };
        return FixedAtom(m, Months(year.Value, month, 3, DateGranularity.Season, anchor, $"{CalendarMath.Year(year.Value)}-{code}"), PeriodPriority);
    }

    /// <summary>第N周 of a year or month counts whole weeks from the first Monday in it; 第N个月 of a year is month N.</summary>
    private static Atom? NthOf(Match m, RuleInput input)
    {
        var n = Num(m.Groups["n"]) ?? 0;
        var unit = m.Groups["u"].Value;
        var monthOf = MonthOf(m.Groups["m"]);
        var (year, anchor, missing) = PrefixYear(m, input);
        if (monthOf is not null && input.Reference is { } r && !m.Groups["y"].Success && !m.Groups["yrel"].Success)
            year = CalendarMath.YearForMonthDay(monthOf.Value, null, r);
        else if (monthOf is not null && m.Groups["y"].Success is false && m.Groups["yrel"].Success is false && input.Reference is null)
            missing = true;
        if (missing || year is null || n < 1)
            return FixedAtom(m, Unresolved(unit == "月" ? DateGranularity.Month : DateGranularity.Week), PeriodPriority);
        if (unit == "月")
            return n > 12 || monthOf is not null ? null : FixedAtom(m, Months(year.Value, n, 1, DateGranularity.Month, anchor), PeriodPriority);
        var first = new DateOnly(year.Value, monthOf ?? 1, 1);
        var monday = first.AddDays((8 - CalendarMath.IsoDay(first)) % 7).AddDays(7 * (n - 1));
        return FixedAtom(m, Mention(DateKind.Exact, DateGranularity.Week, CalendarMath.Week(monday), null,
            monday.ToDateTime(TimeOnly.MinValue), monday.AddDays(7).ToDateTime(TimeOnly.MinValue), anchor), PeriodPriority);
    }

    private static Atom? FirstLastN(Match m, RuleInput input)
    {
        var n = Num(m.Groups["n"]) ?? 0;
        var unit = m.Groups["u"].Value;
        var first = m.Groups["fl"].Value == "前";
        var (year, anchor, missing) = PrefixYear(m, input);
        if (missing || year is null || n < 1)
            return FixedAtom(m, Unresolved(DateGranularity.Day), PeriodPriority);
        var jan1 = new DateOnly(year.Value, 1, 1);
        var next = jan1.AddYears(1);
        DateOnly from, to;
        switch (unit)
        {
            case "月":
                if (n > 12)
                    return null;
                (from, to) = first ? (jan1, jan1.AddMonths(n)) : (next.AddMonths(-n), next);
                break;
            case "天" or "日":
                (from, to) = first ? (jan1, jan1.AddDays(n)) : (next.AddDays(-n), next);
                break;
            default:
                var firstMonday = jan1.AddDays((8 - CalendarMath.IsoDay(jan1)) % 7);
                var endMonday = CalendarMath.Monday(next);
                (from, to) = first ? (firstMonday, firstMonday.AddDays(7 * n)) : (endMonday.AddDays(-7 * n), endMonday);
                break;
        }
        return FixedAtom(m, Mention(DateKind.Exact, DateGranularity.Day, CalendarMath.Day(from), CalendarMath.Day(to.AddDays(-1)),
            from.ToDateTime(TimeOnly.MinValue), to.ToDateTime(TimeOnly.MinValue), anchor), PeriodPriority);
    }

    /// <summary>A decade without a century is the latest one that has begun by the reference year ("九十年代" → 1990s).</summary>
    private static Atom? Decade(Match m, RuleInput input)
    {
        var dd = ChineseNumber.Parse(m.Groups["dd"].ValueSpan) ?? -1;
        if (dd is < 0 or > 90 || dd % 10 != 0)
            return null;
        int? start = null;
        var anchor = DateAnchor.None;
        if (m.Groups["c"].Success)
        {
            var c = CenturyStart(m.Groups["c"].Value, input);
            if (c is not null)
            {
                start = c + dd;
                anchor = m.Groups["c"].Value is "上" or "本" ? DateAnchor.Reference : DateAnchor.None;
            }
        }
        else if (input.Reference is { } r)
        {
            start = (r.Year / 100 * 100) + dd;
            if (start > r.Year)
                start -= 100;
            anchor = DateAnchor.Reference;
        }
        if (start is null)
            return FixedAtom(m, Unresolved(DateGranularity.Decade), PeriodPriority);
        var from = new DateTime(start.Value, 1, 1);
        return FixedAtom(m, Mention(DateKind.Exact, DateGranularity.Decade, CalendarMath.Year(start.Value)[..3] + "X", null, from, from.AddYears(10), anchor), PeriodPriority);
    }

    /// <summary>First year of a century as counted in decades (20世纪 → 1900; 上世纪 in 2025 → 1900).</summary>
    private static int? CenturyStart(string c, RuleInput input) => c switch
    {
        "上" => input.Reference is { } r ? ((r.Year / 100) - 1) * 100 : null,
        "本" => input.Reference is { } r2 ? r2.Year / 100 * 100 : null,
        _ => ChineseNumber.Parse(c) is { } n and >= 1 and <= 99 ? (n - 1) * 100 : null,
    };

    private static Atom? Century(Match m, RuleInput input)
    {
        var start = CenturyStart(m.Groups["c"].Value, input);
        if (start is null or < 1)
            return FixedAtom(m, Unresolved(DateGranularity.Century), PeriodPriority);
        var from = new DateTime(start.Value, 1, 1);
        return FixedAtom(m, Mention(DateKind.Exact, DateGranularity.Century, CalendarMath.Year(start.Value)[..2] + "XX", null, from, from.AddYears(100),
            m.Groups["c"].Value is "上" or "本" ? DateAnchor.Reference : DateAnchor.None), PeriodPriority);
    }

    /// <summary>近三年 / 过去十年 / 前1周 = the N units up to the reference day [ref − N, ref);
    /// 未来两天 / 后1年 = the N units after it [ref + 1, ref + 1 + N).</summary>
    private static Atom? Window(Match m, RuleInput input)
    {
        var dir = m.Groups["dir"].Value;
        var unit = m.Groups["u"].Value;
        var nText = m.Groups["n"].Value;
        if (nText == "半")
            return null;
        var n = Num(m.Groups["n"]);
        if (n is null or < 1 or > 500)
            return null;
        // 上/下 + number only reads as a window with a unit that is not a calendar word on its own (上1月, 下2个月).
        var past = dir is "最近" or "近" or "过去" or "以往" or "之前" or "前" or "上";
        if (unit is "小时" or "钟头" or "分钟")
            return FixedAtom(m, Unresolved(DateGranularity.Minute), PeriodPriority);
        if (input.Reference is not { } r)
            return FixedAtom(m, Mention(DateKind.Unresolved, DateGranularity.Day, null, null, null, null), PeriodPriority);
        DateOnly Shift(DateOnly d, int k) => unit switch
        {
            "年" => d.AddYears(k),
            "月" => d.AddMonths(k),
            "周" or "星期" or "礼拜" => d.AddDays(7 * k),
            _ => d.AddDays(k),
        };
        var (from, to) = past ? (Shift(r, -n.Value), r) : (r.AddDays(1), Shift(r.AddDays(1), n.Value));
        return FixedAtom(m, Mention(DateKind.Window, DateGranularity.Day, CalendarMath.Day(from), CalendarMath.Day(to.AddDays(-1)),
            from.ToDateTime(TimeOnly.MinValue), to.ToDateTime(TimeOnly.MinValue), DateAnchor.Reference), PeriodPriority);
    }

    /// <summary>N units before/after the reference (5天前, 三年前): a point at the unit's granularity.</summary>
    private static Atom? Ago(Match m, RuleInput input)
    {
        var n = Num(m.Groups["n"]);
        var unit = m.Groups["u"].Value;
        var before = m.Groups["dir"].Value.EndsWith('前');
        if (m.Groups["n"].Value == "半" || n is null or < 1)
            return null;
        if (unit is "小时" or "钟头" or "分钟" or "秒" or "秒钟")
            return FixedAtom(m, Unresolved(DateGranularity.Minute), PeriodPriority);
        if (input.Reference is not { } r)
            return FixedAtom(m, Unresolved(DateGranularity.Day), PeriodPriority);
        var k = before ? -n.Value : n.Value;
        DateMention mention = unit switch
        {
            "年" => Months(r.AddYears(k).Year, 1, 12, DateGranularity.Year, DateAnchor.Reference, CalendarMath.Year(r.AddYears(k).Year)),
            "月" => Months(r.AddMonths(k).Year, r.AddMonths(k).Month, 1, DateGranularity.Month, DateAnchor.Reference),
            "周" or "星期" => WeekOf(CalendarMath.Monday(r.AddDays(7 * k))),
            _ => DayMention(r.AddDays(k), DateAnchor.Reference),
        };
        return FixedAtom(m, mention, PeriodPriority);
    }

    private static DateMention WeekOf(DateOnly monday) => Mention(DateKind.Exact, DateGranularity.Week, CalendarMath.Week(monday), null,
        monday.ToDateTime(TimeOnly.MinValue), monday.AddDays(7).ToDateTime(TimeOnly.MinValue), DateAnchor.Reference);

    private static DateMention DayMention(DateOnly d, DateAnchor anchor) =>
        Mention(DateKind.Exact, DateGranularity.Day, CalendarMath.Day(d), null, d.ToDateTime(TimeOnly.MinValue), d.AddDays(1).ToDateTime(TimeOnly.MinValue), anchor);

    private static Atom? VagueWord(Match m, RuleInput input) =>
        FixedAtom(m, Mention(DateKind.Vague, DateGranularity.Day, null, null, null, null), VaguePriority);

    private static Atom? HolidayRuleBuild(Match m, RuleInput input)
    {
        var h = Calendars.Holidays[m.Groups["h"].Value];
        var hasYear = m.Groups["y"].Success || m.Groups["yrel"].Success;
        var (year, _, missing) = PrefixYear(m, input);
        if (!hasYear)
        {
            if (input.Reference is not { } r)
                return CalAtom(m, new Cal { NeedsMissingReference = true });
            DateOnly? best = null;
            for (var y = r.Year - 1; y <= r.Year + 1; y++)
                if (HolidayDate(h, y) is { } c && (best is null || Math.Abs(c.DayNumber - r.DayNumber) < Math.Abs(best.Value.DayNumber - r.DayNumber)))
                    best = c;
            return best is { } b ? CalAtom(m, new Cal { Year = b.Year, Month = b.Month, Day = b.Day, FromReference = true }) : null;
        }
        if (missing || year is null)
            return CalAtom(m, new Cal { NeedsMissingReference = true });
        return HolidayDate(h, year.Value) is { } d ? CalAtom(m, new Cal { Year = d.Year, Month = d.Month, Day = d.Day, FromReference = m.Groups["yrel"].Success }) : null;
    }

    /// <summary>Gregorian date of a holiday in a given year (for lunar holidays: the lunar year starting that year;
    /// 除夕 closes it, so it falls early in the next Gregorian year).</summary>
    private static DateOnly? HolidayDate(Holiday h, int year) => h.Rule switch
    {
        HolidayRule.Gregorian => new DateOnly(year, h.Month, h.Day),
        HolidayRule.Lunar => h.Month == 12 ? CalendarMath.FromLunar(year - 1, 12, 30) : CalendarMath.FromLunar(year, h.Month, h.Day),
        _ => NthWeekday(year, h.Month, h.Day, h.Nth),
    };

    private static DateOnly NthWeekday(int year, int month, int isoDay, int nth)
    {
        var first = new DateOnly(year, month, 1);
        return first.AddDays(((isoDay - CalendarMath.IsoDay(first) + 7) % 7) + (7 * (nth - 1)));
    }

    private static Atom? Era(Match m, RuleInput input)
    {
        var (firstYear, lunarMonths) = Calendars.Eras[m.Groups["era"].Value];
        var n = m.Groups["n"].Value == "元" ? 1 : Num(m.Groups["n"]);
        if (n is null or < 1 or > 200)
            return null;
        var month = MonthOf(m.Groups["m"]);
        var day = DayOf(m.Groups["d"], out var lunarDay);
        if (m.Groups["d2"].Success)
        {
            month = 1;
            day = DayOf(m.Groups["d2"], out lunarDay);
            // 大年三十 is the eve: the last day of the twelfth month of the year before.
            if (m.Groups["d2"].Value == "三十")
                return CalAtom(m, new Cal { Year = firstYear + n.Value - 2, Month = 12, Day = 30, Lunar = true });
        }
        return CalAtom(m, new Cal { Year = firstYear + n.Value - 1, Month = month, Day = day, Lunar = (lunarMonths && month is not null) || lunarDay });
    }

    private static Atom? LunarNewYear(Match m, RuleInput input)
    {
        var eve = m.Groups["d"].Value == "三十";
        var day = eve ? 30 : DayOf(m.Groups["d"], out _);
        return CalAtom(m, new Cal { Month = eve ? 12 : 1, Day = day, Lunar = true });
    }

    // ---------- time of day ----------

    private static DayPart? PartOf(string word) => word switch
    {
        "凌晨" => DayPart.EarlyMorning,
        "清晨" or "早晨" or "早上" or "早间" or "上午" or "早" => DayPart.Morning,
        "中午" or "午间" => DayPart.Midday,
        "下午" or "午后" => DayPart.Afternoon,
        "傍晚" or "晚上" or "晚间" or "晚" => DayPart.Evening,
        "夜里" or "夜间" or "深夜" or "午夜" or "半夜" => DayPart.Night,
        _ => null,
    };

    private static Atom? Clock(Match m, RuleInput input)
    {
        var h = int.Parse(m.Groups["h"].ValueSpan, provider: System.Globalization.CultureInfo.InvariantCulture);
        var mi = int.Parse(m.Groups["mi"].ValueSpan, provider: System.Globalization.CultureInfo.InvariantCulture);
        int? s = m.Groups["s"].Success ? int.Parse(m.Groups["s"].ValueSpan, provider: System.Globalization.CultureInfo.InvariantCulture) : null;
        var part = m.Groups["pod"].Success ? PartOf(m.Groups["pod"].Value) : null;
        if (m.Groups["ampm"].Success)
            part = m.Groups["ampm"].Value == "p" ? DayPart.Afternoon : DayPart.Morning;
        if (h > 24)
            return null;
        return CalAtom(m, new Cal { Hour = h, Minute = mi, Second = s, Part = part });
    }

    private static Atom? CnTime(Match m, RuleInput input)
    {
        var h = Num(m.Groups["h"]);
        if (h is null or > 24)
            return null;
        int? mi = m.Groups["half"].Success ? 30
            : m.Groups["q"].Success ? 15 * (ChineseNumber.Parse(m.Groups["q"].ValueSpan) ?? 0)
            : Num(m.Groups["mi"]);
        if (mi is > 59)
            return null;
        var s = Num(m.Groups["s"]);
        var part = m.Groups["pod"].Success ? PartOf(m.Groups["pod"].Value) : null;
        // A bare "三点" is as often "three points" as three o'clock: it needs a date or a part of day to stand.
        var weak = m.Groups["unit"].Value == "点" && part is null && mi is null && !m.Groups["zheng"].Success;
        return CalAtom(m, new Cal { Hour = h, Minute = mi, Second = s is > 59 ? null : s, Part = part }, weak);
    }

    private static Atom? PartOfDayOnly(Match m, RuleInput input)
    {
        var part = PartOf(m.Groups["pod"].Value);
        return part is null ? null : CalAtom(m, new Cal { Part = part });
    }

    private static Atom? YearRange(Match m, RuleInput input)
    {
        var y1 = int.Parse(m.Groups["y1"].ValueSpan, provider: System.Globalization.CultureInfo.InvariantCulture);
        var y2 = int.Parse(m.Groups["y2"].ValueSpan, provider: System.Globalization.CultureInfo.InvariantCulture);
        // Bare "1000-2000" is as likely a number range: years only when ordered, close and marked or modern.
        if (y2 <= y1 || y2 - y1 > 200)
            return null;
        if (!m.Groups["pre"].Success && !m.Groups["nian"].Success && (y1 < 1800 || y2 > 2200))
            return null;
        var from = new DateTime(y1, 1, 1);
        return FixedAtom(m, Mention(DateKind.Range, DateGranularity.Year, CalendarMath.Year(y1), CalendarMath.Year(y2), from, new DateTime(y2 + 1, 1, 1)), CalendarPriority);
    }

    // ---------- durations and sets ----------

    private static Atom? Duration(Match m, RuleInput input)
    {
        var text = m.Value;
        var parts = DurationPart().Matches(text);
        var amounts = new SortedDictionary<int, decimal>();
        foreach (Match p in parts)
        {
            var nText = p.Groups["n"].Value;
            decimal n = nText == "半" ? 0.5m
                : nText.Contains('.', StringComparison.Ordinal) ? decimal.Parse(nText, System.Globalization.CultureInfo.InvariantCulture)
                : ChineseNumber.Parse(nText) ?? -1;
            if (n < 0)
                return null;
            if (p.Groups["half"].Success)
                n += 0.5m;
            var unit = p.Groups["u"].Value switch
            {
                "年" => 0,
                "月" => 1,
                "周" or "星期" or "礼拜" => 2,
                "天" or "日" => 3,
                "小时" or "钟头" => 4,
                "分钟" or "分" => 5,
                _ => 6,
            };
            if (unit == 1 && !p.Groups["ge"].Success)
                return null; // "3月" is March; a number of months needs 个
            if (unit == 3 && p.Groups["u"].Value == "日" && nText is not ("两" or "几"))
                return null; // "3日" is the 3rd
            amounts[unit] = amounts.GetValueOrDefault(unit) + n;
        }
        if (amounts.Count == 0)
            return null;
        var date = string.Concat(amounts.Where(a => a.Key <= 3).Select(a => Fmt(a.Value) + "YMWD"[a.Key]));
        var time = string.Concat(amounts.Where(a => a.Key > 3).Select(a => Fmt(a.Value) + "HMS"[a.Key - 4]));
        var iso = "P" + date + (time.Length > 0 ? "T" + time : "");
        return FixedAtom(m, Mention(DateKind.Duration, amounts.Keys.Max() switch
        {
            0 => DateGranularity.Year,
            1 => DateGranularity.Month,
            2 => DateGranularity.Week,
            3 => DateGranularity.Day,
            4 => DateGranularity.Hour,
            5 => DateGranularity.Minute,
            _ => DateGranularity.Second,
        }, iso, null, null, null), DurationPriority);
    }

    private static string Fmt(decimal d) => d.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex(@"(?<n>\d{1,3}(?:\.\d)?|[一二两三四五六七八九十百几]{1,4}|半)\s*(?<ge>个)?\s*(?<u>年|月|周|星期|礼拜|天|日|小时|钟头|分钟|秒钟|秒)(?<half>半)?", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex DurationPart();

    private static Atom? Recurring(Match m, RuleInput input)
    {
        var unit = m.Groups["u"].Value;
        string value;
        var g = DateGranularity.Day;
        if (m.Groups["wd"].Success && unit is "周" or "星期" or "礼拜")
        {
            var wd = m.Groups["wd"].Value is "日" or "天" ? 7 : ChineseNumber.Parse(m.Groups["wd"].ValueSpan) ?? 1;
            value = $"XXXX-WXX-{wd}";
        }
        else
        {
            if (m.Groups["wd"].Success)
                return null;
            (value, g) = unit switch
            {
                "年" => ("P1Y", DateGranularity.Year),
                "月" => ("P1M", DateGranularity.Month),
                "周" or "星期" or "礼拜" => ("P1W", DateGranularity.Week),
                _ => ("P1D", DateGranularity.Day),
            };
        }
        return FixedAtom(m, Mention(DateKind.Recurring, g, value, null, null, null), CalendarPriority);
    }
}
