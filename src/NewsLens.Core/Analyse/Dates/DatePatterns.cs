namespace NewsLens.Analyse.Dates;

/// <summary>Regular-expression fragments shared by the rules. They run on folded text (see <see cref="TextFolder"/>).</summary>
internal static class DatePatterns
{
    /// <summary>Characters that make a number part of a bigger number when they sit right before it.</summary>
    public const string NotAfterNumeral = @"(?<![\d零〇一二两三四五六七八九十百千万.])";

    /// <summary>A year as written before 年: 2025, 25, 二〇二五, 零八, 两千零四 (acceptance is decided in code).</summary>
    public const string Year = @"(?<y>\d{2,4}|[零〇一二三四五六七八九]{2,4}|[一二两三四五六七八九]千(?:零?[一二三四五六七八九十]{1,3})?)";

    public const string RelYear = @"(?<yrel>大前年|前年|去年|今年|明年|后年|大后年|本年|上一年|下一年|当年|同年|次年|翌年)";

    /// <summary>A year prefix: explicit (2025年) or relative (今年), optionally followed by 的.</summary>
    public const string YearPrefix = @"(?:" + Year + @"\s*年|" + RelYear + @")\s*(?:的)?\s*";

    public const string Month = @"(?<m>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九]|元|正|腊|冬)";

    public const string Day = @"(?<d>3[01]|[12]\d|0?[1-9]|三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|廿[一二三四五六七八九]?|卅一?|[一二三四五六七八九]|初[一二三四五六七八九十])";

    /// <summary>What may not follow a day number written without 日/号 ("八月十五" yes, "5月10万" no).</summary>
    public const string NotAfterBareDay = @"(?![\d个万亿元多余%岁名位人次件只家年月点时:.分秒号日天周])";

    /// <summary>Parts of a month after 月: 上旬/中旬/下旬 and 初/底/末 (初 not followed by a day numeral: 初一 is a lunar day).</summary>
    public const string MonthPart = @"(?<pm>上旬|中旬|下旬|初(?![一二三四五六七八九十])|底|末)";

    public const string SmallNumber = @"(?<n>\d{1,3}|[零〇一二两三四五六七八九十百]{1,4}|半)";

    public const string Weekday = @"(?<wd>[一二三四五六日天1-7])";

    public const string WeekWord = @"(?:星期|周|礼拜)";

    /// <summary>Relative week words: 上 / 上上 / 下 / 下下 / 本 / 这 with their 个/一个 forms.</summary>
    public const string RelWeek = @"(?<rel>上上个?|上一个|上个|上|下下个?|下一个|下个|下|本|这一个|这个|这)";

    public const string PartOfDayWord = @"(?<pod>凌晨|清晨|早晨|早上|早间|上午|中午|午间|下午|午后|傍晚|晚上|晚间|夜里|夜间|深夜|午夜|半夜)";

    public const string ClockHour = @"(?<h>[01]?\d|2[0-4])";

    public const string CnHour = @"(?<h>[01]?\d|2[0-4]|[零〇一二两三四五六七八九十]{1,3})";
}
