using System.Globalization;

namespace NewsLens.Analyse.Knowledge;

public enum KbDatePrecision
{
    Year,
    Month,
    Day,
}

/// <summary>
/// A knowledge-base date as precise as the source states it ("2016", "2016-06", "2016-06-29").
/// Checks use <see cref="Earliest"/>/<see cref="Latest"/> so that a month-precise fact never yields a day-precise verdict.
/// </summary>
public readonly record struct KbDate(int Year, int? Month, int? Day)
{
    public KbDatePrecision Precision => Day is not null ? KbDatePrecision.Day : Month is not null ? KbDatePrecision.Month : KbDatePrecision.Year;

    /// <summary>The first day the date can stand for.</summary>
    public DateOnly Earliest => new(Year, Month ?? 1, Day ?? 1);

    /// <summary>The last day the date can stand for.</summary>
    public DateOnly Latest
    {
        get
        {
            var month = Month ?? 12;
            return new DateOnly(Year, month, Day ?? DateTime.DaysInMonth(Year, month));
        }
    }

    public static KbDate FromDate(DateOnly date) => new(date.Year, date.Month, date.Day);

    /// <summary>Parses yyyy, yyyy-MM or yyyy-MM-dd; returns false (with no exception) on anything else.</summary>
    public static bool TryParse(string text, out KbDate date)
    {
        date = default;
        var parts = text.Split('-');
        if (parts.Length is < 1 or > 3 || parts[0].Length != 4)
            return false;
        if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year < 1)
            return false;
        int? month = null, day = null;
        if (parts.Length >= 2)
        {
            if (parts[1].Length != 2 || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var m) || m is < 1 or > 12)
                return false;
            month = m;
        }
        if (parts.Length == 3)
        {
            if (parts[2].Length != 2 || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var d) || d < 1 || d > DateTime.DaysInMonth(year, month!.Value))
                return false;
            day = d;
        }
        date = new KbDate(year, month, day);
        return true;
    }

    public override string ToString() => Precision switch
    {
        KbDatePrecision.Day => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}-{Day:D2}"),
        KbDatePrecision.Month => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}"),
        _ => Year.ToString("D4", CultureInfo.InvariantCulture),
    };
}

/// <summary>Where a date falls relative to an interval whose edges may be imprecise or open.</summary>
public enum IntervalPosition
{
    /// <summary>Certainly before the start.</summary>
    Before,

    /// <summary>Certainly inside.</summary>
    Inside,

    /// <summary>On an imprecise edge (e.g. a month-precise start in that month): neither in nor out for sure.</summary>
    Edge,

    /// <summary>Certainly after the end.</summary>
    After,
}

/// <summary>A [Start, End] interval of KB dates; a null edge is open (unknown start, or still ongoing).</summary>
public readonly record struct KbInterval(KbDate? Start, KbDate? End)
{
    /// <summary>Both edges inclusive: an office holder is in office on the day the term ends.</summary>
    public IntervalPosition Locate(DateOnly date)
    {
        if (Start is { } s && date < s.Earliest)
            return IntervalPosition.Before;
        if (End is { } e && date > e.Latest)
            return IntervalPosition.After;
        if (Start is { } s2 && date < s2.Latest)
            return IntervalPosition.Edge;
        if (End is { } e2 && date > e2.Earliest)
            return IntervalPosition.Edge;
        return IntervalPosition.Inside;
    }

    public bool MayContain(DateOnly date) => Locate(date) is IntervalPosition.Inside or IntervalPosition.Edge;

    public override string ToString() => $"{Start?.ToString() ?? "?"} – {End?.ToString() ?? "now"}";
}
