namespace NewsLens.Model;

public enum DateGranularity
{
    Second,
    Minute,
    Hour,

    /// <summary>A conventional part of a day (上午, 晚上): Value ends in a TIMEX3 code such as "TEV".</summary>
    PartOfDay,
    Day,
    Week,

    /// <summary>About ten days of a month (上旬/月初 = 1–10, 中旬 = 11–20, 下旬/月底 = 21–end).</summary>
    PartOfMonth,
    Month,
    Quarter,
    Season,
    HalfYear,

    /// <summary>A loose part of a year (年初, 年中, 年底).</summary>
    PartOfYear,
    Year,
    Decade,
    Century,
}

public enum DateKind
{
    /// <summary>A point or period the text pins down (2025年4月15日, 当天, 上周三, 去年, 2025年第一季度).</summary>
    Exact,

    /// <summary>A range between two stated ends (4月15日至17日, 2016年至今): Value is the first end, End the second.</summary>
    Range,

    /// <summary>A span of N units reaching back from or forward from the reference date (近三年, 过去十年, 未来两天).</summary>
    Window,

    /// <summary>Open at the end: since / after Value (自2018年以来, 2018年之后). <see cref="DateMention.From"/> says whether Value itself is included.</summary>
    Since,

    /// <summary>Open at the start: until / before Value (截至2018年, 2015年以前). <see cref="DateMention.To"/> says whether Value itself is included.</summary>
    Until,

    /// <summary>Vague expressions (近年来, 不久前, 最近): never turned into a precise date.</summary>
    Vague,

    /// <summary>A relative or underspecified expression with nothing to resolve it against (no publish date), or an impossible date (2月30日).</summary>
    Unresolved,

    /// <summary>An amount of time (两年, 三天半): Value is an ISO 8601 duration (P2Y, P3.5D).</summary>
    Duration,

    /// <summary>A recurring time (每天, 每周一): Value is a TIMEX3-style set (P1D, XXXX-WXX-1).</summary>
    Recurring,

    /// <summary>A clock time or part of day with no date (下午5点, 晚上): Value is "T17:00" or "TEV".</summary>
    TimeOfDay,
}

/// <summary>What a resolved mention was resolved against.</summary>
public enum DateAnchor
{
    /// <summary>Nothing: the text states it in full (2025年4月15日), or it is vague/unresolved.</summary>
    None,

    /// <summary>The reference (publish) date: 昨天, 上周三, 今年3月, and month/day without a year (the year is inferred).</summary>
    Reference,

    /// <summary>The most recent explicit date before it in the same text (当天, 次日, 同年).</summary>
    EarlierMention,
}

/// <summary>
/// A date or time expression in the text, normalised against the article's publish date.
/// </summary>
/// <param name="Text">The expression as written (a slice of the text at <paramref name="Span"/>).</param>
/// <param name="Value">Normalised ISO-style value at its granularity ("2025-04-15", "2025-04", "2025", "2025-04-15T10:20",
/// "2025-W16", "2025-Q1", "2025-H1", "2025-SU", "2025-04-15TEV", "199X"), null when vague or unresolved
/// (and for <see cref="DateKind.Until"/>, where the bound is in <paramref name="End"/>).</param>
/// <param name="End">The second end of a <see cref="DateKind.Range"/>, the last unit of a period given by its first and last
/// day or month (上半月, 月初, 年底, 前两周, 近三年), or the bound of <see cref="DateKind.Until"/> (same form as Value); else null.</param>
public sealed record DateMention(string Text, Span Span, DateKind Kind, DateGranularity Granularity, string? Value, string? End)
{
    /// <summary>First instant covered (inclusive, local time of the text), null when open at the start, vague or unresolved.</summary>
    public DateTime? From { get; init; }

    /// <summary>First instant no longer covered (exclusive), null when open at the end, vague or unresolved.</summary>
    public DateTime? To { get; init; }

    public DateAnchor Anchor { get; init; }
}
