using System.Globalization;
using System.Text.RegularExpressions;
using NewsLens.Analyse.Dates;
using NewsLens.Model;

namespace NewsLens.Eval.Dates;

/// <summary>Why a case is outside the scope of news dates (None = in scope).</summary>
internal enum ScopeClass
{
    None,

    /// <summary>The *ExperimentalMode file: behaviour under an opt-in upstream mode, not the default.</summary>
    ExperimentalMode,

    /// <summary>Values relative to the wall clock at the moment the spec was generated (上个小时, 2分钟前, 马上):
    /// the spec's reference carries no time, so the expected value cannot be reproduced.</summary>
    ClockRelative,

    /// <summary>Amounts of time (两年, 5小时): not a date. Recognised and typed (Kind Duration), not scored.</summary>
    Duration,

    /// <summary>Recurring times (每天, 每周一): not an event date.</summary>
    Recurring,

    /// <summary>A clock time or part of day with no date (下午5点, 晚上): does not place anything on the calendar.</summary>
    TimeOfDay,

    /// <summary>Parsing only: lunar-calendar dates and imperial eras. The spec gives lunar month/day as if Gregorian
    /// (农历2015年十月初一 → 2015-10-01, 春节 → 01-01); NewsLens converts them to the real Gregorian date.</summary>
    LunarCalendar,

    /// <summary>Parsing only: vague words the spec resolves to the reference day (最近); NewsLens never gives them a value.</summary>
    VagueByDesign,
}

internal sealed record CaseOutcome(SpecCase Case, ScopeClass Scope, bool? Extracted, bool? Parsed, IReadOnlyList<DateMention> Predicted, string? Detail);

/// <summary>
/// Scores the recogniser on the Recognizers-Text specs. Extraction: a case passes when the set of predicted spans
/// equals the expected set exactly (offsets, End exclusive here; for component extractor files, see Score). Parsing: a case passes when every expected
/// result has a predicted mention with exactly its span whose value equals one of the spec's readings (the spec
/// lists a past and a future reading for underspecified dates; NewsLens picks one, so either counts).
/// Range ends follow the spec's convention: for "X到Y" the end is the start of Y; for a single period it is the
/// exclusive end.
/// </summary>
internal sealed partial class DateEvaluation(DateRecognizer recognizer)
{
    private static readonly string[] ImperialEras = ["神龙", "康熙", "雍正", "乾隆", "嘉庆", "道光", "咸丰", "同治", "光绪", "宣统", "顺治", "崇祯", "万历", "嘉靖", "永乐", "洪武", "开元", "贞观"];

    [GeneratedRegex(@"农历|阴历|正月|腊月|初[一二三四五六七八九十]|大年|除夕|春节|中秋|端午|重阳|元宵|七夕", RegexOptions.CultureInvariant)]
    private static partial Regex LunarMarker();

    [GeneratedRegex(@"T\d\d:\d\d:\d\d", RegexOptions.CultureInvariant)]
    private static partial Regex TimexWithSeconds();

    private static readonly string[] VagueWords = ["最近", "近期", "近日", "日前", "不久前", "近年来", "目前", "现在"];

    public IReadOnlyList<CaseOutcome> Run(IReadOnlyList<SpecCase> cases) => cases.Select(Score).ToList();

    public static ScopeClass Classify(SpecCase c, bool forParsing)
    {
        if (c.File.Contains("ExperimentalMode", StringComparison.Ordinal))
            return ScopeClass.ExperimentalMode;
        foreach (var r in c.Results)
        {
            var timex = r.Timex ?? "";
            var textHasClock = r.Text.Contains(':', StringComparison.Ordinal) || r.Text.Contains('秒', StringComparison.Ordinal);
            if (timex.Contains("PRESENT_REF", StringComparison.Ordinal) || timex.Contains("FUTURE_REF", StringComparison.Ordinal)
                || (TimexWithSeconds().IsMatch(timex) && !textHasClock)
                || (r.Type == "datetime" && timex.Length > 0 && !timex.Contains('T', StringComparison.Ordinal)))
                return ScopeClass.ClockRelative;
        }
        if (c.Family == "Duration" || c.Results.Any(r => r.Type == "duration"))
            return ScopeClass.Duration;
        if (c.Family == "Set" || c.Results.Any(r => r.Type == "set"))
            return ScopeClass.Recurring;
        if (c.Family is "Time" or "TimePeriod" || c.Results.Any(r => r.Type is "time" or "timerange"))
            return ScopeClass.TimeOfDay;
        if (forParsing)
        {
            if (c.Results.Any(r => LunarMarker().IsMatch(r.Text) || ImperialEras.Any(e => r.Text.Contains(e, StringComparison.Ordinal))))
                return ScopeClass.LunarCalendar;
            if (c.Results.Any(r => VagueWords.Contains(r.Text, StringComparer.Ordinal)))
                return ScopeClass.VagueByDesign;
        }
        return ScopeClass.None;
    }

    private CaseOutcome Score(SpecCase c)
    {
        var predicted = recognizer.Recognize(c.Input, c.Reference);
        bool? extracted = null;
        bool? parsed = null;
        string? detail = null;
        if (c.Role is SpecRole.Extraction or SpecRole.Both)
        {
            var expected = c.Results.Select(r => (r.Start, End: r.Start + r.Length)).ToHashSet();
            var got = predicted.Select(p => (p.Span.Start, p.Span.End)).ToHashSet();
            // Model files are end to end: the sets must be equal. Extractor files test one upstream component
            // (the holiday extractor never reports the 明天 in 明天元旦), so there every expected span must be found
            // and nothing found may overlap it without being it; mentions elsewhere are outside that file's remit.
            extracted = c.Role == SpecRole.Both
                ? expected.SetEquals(got)
                : expected.All(got.Contains) && got.All(g => expected.Contains(g) || !expected.Any(e => g.Start < e.End && e.Start < g.End));
        }
        if (c.Role is SpecRole.Parsing or SpecRole.Both)
        {
            parsed = true;
            foreach (var r in c.Results)
            {
                var m = predicted.FirstOrDefault(p => p.Span.Start == r.Start && p.Span.End == r.Start + r.Length);
                var ours = m is null ? null : Reading(m, r);
                var byTimex = r.Type is "duration" or "set";
                var ok = ours is not null && (byTimex ? ours == r.Timex : r.Readings.Contains(ours, StringComparer.Ordinal)
                    || (r.Readings.Count == 0 || r.Readings.All(x => x == "not resolved")) && r.Timex is not null && m!.Value == r.Timex);
                if (!ok)
                {
                    parsed = false;
                    detail = $"{r.Text}: expected {string.Join(" or ", r.Readings.DefaultIfEmpty(r.Timex ?? "?"))}, got {ours ?? "(no mention at span)"}";
                    break;
                }
            }
        }
        var scope = Classify(c, forParsing: c.Role != SpecRole.Extraction);
        return new CaseOutcome(c, scope, extracted, parsed, predicted, detail);
    }

    /// <summary>Our mention as a key in the spec's form for the expected result type.</summary>
    public static string Reading(DateMention m, SpecResult expected)
    {
        if (m.Kind is DateKind.Unresolved or DateKind.Vague)
            return "not resolved";
        var withTime = expected.Type is "datetime" or "datetimerange";
        string Fmt(DateTime? t) => t is null ? "None" : withTime
            ? t.Value.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)
            : t.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        switch (m.Kind)
        {
            case DateKind.Duration:
            case DateKind.Recurring:
                return m.Value ?? "not resolved";
            case DateKind.TimeOfDay:
                return m.Value is { Length: >= 3 } v && v[0] == 'T' && char.IsAsciiDigit(v[1])
                    ? (v[1..] + ":00:00")[..8] : m.Value ?? "not resolved";
        }
        if (expected.Type is "date" or "datetime")
            return Fmt(m.From);
        return m.Kind switch
        {
            DateKind.Range => $"{Fmt(m.From)}|{Fmt(CalendarMath.StartOf(m.End))}",
            DateKind.Since => $"{Fmt(m.From)}|None",
            DateKind.Until => $"None|{Fmt(m.To)}",
            _ => $"{Fmt(m.From)}|{Fmt(m.To)}",
        };
    }
}
