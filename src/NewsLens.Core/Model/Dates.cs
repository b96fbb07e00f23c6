namespace NewsLens.Model;

public enum DateGranularity
{
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Season,
    Year,
    Decade,
    Century,
}

public enum DateKind
{
    /// <summary>A point or period the text pins down (2025年4月15日, 当天, 上周三).</summary>
    Exact,

    /// <summary>A range (4月15日至17日).</summary>
    Range,

    /// <summary>Vague expressions (近年来, 不久前): never turned into a precise date.</summary>
    Vague,

    /// <summary>A relative expression with no anchor to resolve it against (no publish date).</summary>
    Unresolved,
}

/// <summary>
/// A date or time expression in the text, normalised against the article's publish date.
/// </summary>
/// <param name="Value">Normalised ISO-style value at its granularity ("2025-04-15", "2025-04", "2025", "2025-04-15T10:20"), null when vague or unresolved.</param>
/// <param name="End">End of a range (same form as Value), else null.</param>
public sealed record DateMention(string Text, Span Span, DateKind Kind, DateGranularity Granularity, string? Value, string? End);
