using NewsLens.Model;

namespace NewsLens.Analyse.Dates;

/// <summary>A conventional part of the day, named by its TIMEX3 code (EM = 凌晨, our addition: 00:00–06:00).</summary>
internal enum DayPart
{
    EarlyMorning,
    Morning,
    Midday,
    Afternoon,
    Evening,
    Night,
}

/// <summary>What a calendar expression leans on for the fields it leaves out.</summary>
internal enum ContextUnit
{
    None,

    /// <summary>当天/次日/前一天: the most recent day-level date before it (or the reference).</summary>
    Day,

    /// <summary>当月/同月: the month of the most recent dated mention before it.</summary>
    Month,

    /// <summary>同年/当年/次年: the year of the most recent dated mention before it.</summary>
    Year,
}

/// <summary>
/// A calendar expression with the fields the text states (null = left out). Relative words resolved against the
/// reference at recognition time fill their fields too (昨天 → Y/M/D) and set <see cref="FromReference"/>.
/// Hours are kept as written; <see cref="Part"/> turns them into 24-hour time when the mention is materialised.
/// </summary>
internal sealed record Cal
{
    public int? Year { get; init; }
    public int? Month { get; init; }
    public int? Day { get; init; }
    public int? Hour { get; init; }
    public int? Minute { get; init; }
    public int? Second { get; init; }
    public DayPart? Part { get; init; }

    /// <summary>The month/day are Chinese lunar-calendar numbers (农历, 正月, 初一); converted when materialised.</summary>
    public bool Lunar { get; init; }

    /// <summary>A relative word filled the fields from the reference date.</summary>
    public bool FromReference { get; init; }

    /// <summary>The expression needs the reference date and there is none.</summary>
    public bool NeedsMissingReference { get; init; }

    public ContextUnit Context { get; init; }

    /// <summary>Offset in <see cref="Context"/> units (次日 = +1, 前一天 = -1, 次年 = +1).</summary>
    public int ContextOffset { get; init; }

    public bool HasTime => Hour is not null || Part is not null;

    public bool HasDate => Year is not null || Month is not null || Day is not null || Context != ContextUnit.None || NeedsMissingReference;

    /// <summary>Union of a date and a time-of-day that follows it.</summary>
    public Cal WithTimeOf(Cal time) => this with
    {
        Hour = time.Hour ?? Hour,
        Minute = time.Minute ?? Minute,
        Second = time.Second ?? Second,
        Part = time.Part ?? Part,
    };
}

internal enum AtomKind
{
    /// <summary>A calendar point given by fields (<see cref="Atom.Cal"/>), materialised later.</summary>
    Calendar,

    /// <summary>Already a finished mention (periods, windows, vague, durations, sets).</summary>
    Fixed,
}

/// <summary>A recognised piece before combination: its span in the text and either fields or a finished mention.</summary>
/// <param name="Priority">Tie-break between rules matching the same span (lower wins).</param>
/// <param name="Weak">Kept only when it combines with a neighbour (a bare "三点" is usually "three points").</param>
internal sealed record Atom(int Start, int End, AtomKind Kind, int Priority)
{
    public Cal? Cal { get; init; }
    public DateMention? Fixed { get; init; }
    public bool Weak { get; init; }

    /// <summary>Name of the rule that produced it (for merges that depend on the form, and for debugging).</summary>
    public string Source { get; init; } = string.Empty;

    public int Length => End - Start;
}
