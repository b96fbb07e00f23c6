using System.Text.RegularExpressions;
using NewsLens.Model;

namespace NewsLens.Analyse.Dates;

/// <summary>
/// Finds and normalises Chinese and mixed date/time expressions in a text against a reference (publish) date.
/// <list type="number">
/// <item>Fold the text one char for one char (full-width, traditional) so spans stay on the original.</item>
/// <item>Run every rule (<see cref="DateRules"/>) and keep the longest non-overlapping atoms.</item>
/// <item>Merge neighbours: date + time of day (4月15日晚8时), date + weekday (10月12号，星期一).</item>
/// <item>Left to right, materialise each atom against the reference and the text's context, merging two ends
/// joined by 到/至/-/和…之间 into ranges and prefix/suffix words into open ranges (自…以来, 截至, …以前, …至今).</item>
/// </list>
/// Context rule: 当天/当日/同日 is the most recent day-level date mentioned before it in the same text (次日 the day
/// after it, 前一天 the day before), or the reference date when there is none; 同年/次年 likewise take the most
/// recent year; a day stated alone (15日) takes the month of the most recent mention with a month, else the month
/// nearest the reference. Without a reference, relative expressions are <see cref="DateKind.Unresolved"/>.
/// </summary>
internal sealed partial class DateRecognizer
{
    /// <summary>Texts longer than this are read up to this length only (far above any article; bounds the work).</summary>
    public const int MaxTextLength = 1_000_000;

    /// <summary>Most mentions returned for one text.</summary>
    public const int MaxMentions = 5_000;

    private readonly IReadOnlyList<DateRule> rules;

    public DateRecognizer()
        : this(DateRules.All)
    {
    }

    internal DateRecognizer(IReadOnlyList<DateRule> rules) => this.rules = rules;

    public IReadOnlyList<DateMention> Recognize(string text, DateOnly? reference)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > MaxTextLength)
            text = text[..MaxTextLength];
        var folded = TextFolder.Fold(text);
        var input = new RuleInput(folded, reference);
        var atoms = AtomSelector.Select(input, rules);
        atoms = MergeDateAndTime(atoms, folded);
        return Combine(atoms, text, folded, reference);
    }

    // ---------- pass 1: date + time of day, date + weekday ----------

    private static List<Atom> MergeDateAndTime(List<Atom> atoms, string folded)
    {
        var result = new List<Atom>(atoms.Count);
        for (var i = 0; i < atoms.Count; i++)
        {
            var a = atoms[i];
            while (a is { Kind: AtomKind.Calendar, Cal: { HasDate: true } date } && date.Hour is null)
            {
                var next = i + 1 < atoms.Count ? atoms[i + 1] : null;
                var gap = next is null ? null : folded[a.End..next.Start];
                var adjacent = gap is not null && gap.Trim().Length == 0 && gap.Length <= 2;
                if (next is { Kind: AtomKind.Calendar, Cal: { } time } && time.HasTime && !time.HasDate && adjacent
                    && (time.Hour is not null || date.Part is null) && (date.Part is null || time.Part is null))
                {
                    // 4月15日 + 10时 / 今晚 + 6点 / 明天 + 上午: one datetime.
                    a = a with { End = next.End, Cal = date.WithTimeOf(time), Weak = false };
                    i++;
                    continue;
                }
                if (next is { Source: "weekday" } && date.Day is not null && WeekdayGap().IsMatch(gap!) && PlainWeekday().IsMatch(folded, next.Start))
                {
                    // The weekday only confirms the date: keep the date's fields, take the span.
                    a = a with { End = next.End };
                    i++;
                    continue;
                }
                if (date.Part is null && (date.Day is not null || date.Context == ContextUnit.Day))
                {
                    // 4月15日晚 / 七月五号早: a one-character part of day right after a date.
                    var single = SingleCharPart().Match(folded, a.End);
                    if (single.Success && single.Index == a.End && (next is null || next.Start >= a.End + 1))
                    {
                        a = a with { End = a.End + 1, Cal = date with { Part = single.Value == "早" ? DayPart.Morning : DayPart.Evening } };
                        continue;
                    }
                }
                break;
            }
            result.Add(a);
        }
        return result;
    }

    [GeneratedRegex(@"^\s*(?:[,，]\s*|[(（]\s*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex WeekdayGap();

    [GeneratedRegex(@"\G(?:星期|周|礼拜)", RegexOptions.CultureInvariant)]
    private static partial Regex PlainWeekday();

    [GeneratedRegex(@"\G[早晚](?![些期年餐饭报会点间上稻安场班辈])", RegexOptions.CultureInvariant)]
    private static partial Regex SingleCharPart();

    // ---------- pass 2: materialise, ranges and open ranges ----------

    [GeneratedRegex(@"^\s*(?<c>到|至|-|~|和|与|及)\s*$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex RangeConnector();

    [GeneratedRegex(@"\G\s*(?:之间|间)", RegexOptions.CultureInvariant)]
    private static partial Regex BetweenSuffix();

    [GeneratedRegex(@"(?:自从|自|从|始于|始自)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex SincePrefix();

    [GeneratedRegex(@"(?:截至|截止到|截止至|截止|直到|直至)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex UntilPrefix();

    /// <summary>Words after an expression that open or close it. Inclusive forms keep the expression in the range.</summary>
    [GeneratedRegex(@"\G\s*(?:(?<since>以来|起|开始|或之后|及之后|及以后|或以后)|(?<after>之后|以后|后(?![半来者期续面方果勤台世人代记悔备缀援卫退一二三四五六七八九十\d几个天年月周日]))|(?<until>或之前|及之前|及以前|或以前|为止|止)|(?<before>之前|以前|前(?![夕后往来者线方面期沿列景提任一二三四五六七八九十\d几半个季天年月周日]))|(?<now>至今|迄今|到现在|到目前))", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex BoundSuffix();

    private static List<DateMention> Combine(List<Atom> atoms, string text, string folded, DateOnly? reference)
    {
        var context = new DateContext();
        var output = new List<DateMention>();
        for (var i = 0; i < atoms.Count && output.Count < MaxMentions; i++)
        {
            var x = atoms[i];
            var (mx, rx) = Materialise(x, reference, context, null);
            var start = x.Start;
            var end = x.End;

            // Range: X connector Y [之间].
            if (i + 1 < atoms.Count && RangeCandidate(x, atoms[i + 1]))
            {
                var y = atoms[i + 1];
                var connector = RangeConnector().Match(folded[x.End..y.Start]);
                var between = BetweenSuffix().Match(folded, y.End);
                var conjunction = connector.Success && connector.Groups["c"].Value is "和" or "与" or "及";
                if (connector.Success && (!conjunction || between.Success))
                {
                    var fill = x.Kind == AtomKind.Calendar ? rx : null;
                    var (my, ry) = y.Kind == AtomKind.Calendar ? CalMaterialiser.Materialise(y.Cal!, reference, context, fill) : (y.Fixed!, null);
                    if (x.Cal is { HasDate: false } && y.Cal is { HasDate: true } && reference is { } r)
                    {
                        // 2点-明天4点: a bare time first is today's.
                        (mx, rx) = CalMaterialiser.Materialise(x.Cal, reference, context, new Cal { Year = r.Year, Month = r.Month, Day = r.Day });
                    }
                    end = between.Success ? between.Index + between.Length : y.End;
                    start = PrefixStart(folded, start, SincePrefix());
                    var range = MakeRange(mx, my);
                    Add(output, range, text, start, end);
                    Note(context, rx, ry);
                    i++;
                    continue;
                }
            }
            if (x.Weak)
                continue;

            // Open ranges: prefix (自/截至) and suffix (以来/以前/至今) words.
            var bound = BoundSuffix().Match(folded, end);
            var sinceStart = PrefixStart(folded, start, SincePrefix());
            var untilStart = PrefixStart(folded, start, UntilPrefix());
            if (mx.Kind is DateKind.Exact or DateKind.Unresolved && IsCalendarLike(mx))
            {
                if (bound.Success && bound.Groups["now"].Success)
                {
                    var now = reference is { } r ? Range(mx, r) : mx with { Kind = DateKind.Unresolved, Value = null, From = null, To = null };
                    Add(output, now, text, sinceStart, bound.Index + bound.Length);
                    Note(context, rx, null);
                    continue;
                }
                if (bound.Success && (bound.Groups["since"].Success || bound.Groups["after"].Success))
                {
                    var inclusive = bound.Groups["since"].Success || sinceStart < start;
                    Add(output, Since(mx, inclusive), text, sinceStart, bound.Index + bound.Length);
                    Note(context, rx, null);
                    continue;
                }
                if (bound.Success && (bound.Groups["until"].Success || bound.Groups["before"].Success))
                {
                    var inclusive = bound.Groups["until"].Success || untilStart < start;
                    Add(output, Until(mx, inclusive), text, untilStart, bound.Index + bound.Length);
                    Note(context, rx, null);
                    continue;
                }
                if (untilStart < start)
                {
                    Add(output, Until(mx, inclusive: true), text, untilStart, end);
                    Note(context, rx, null);
                    continue;
                }
                if (sinceStart < start && folded[sinceStart] == '自')
                {
                    Add(output, Since(mx, inclusive: true), text, sinceStart, end);
                    Note(context, rx, null);
                    continue;
                }
            }
            Add(output, mx, text, start, end);
            Note(context, rx, null);
        }
        return JoinOpenEnds(output, text);
    }

    /// <summary>"2010年之后2018年之前": an open start right against an open end is one range between them.</summary>
    private static List<DateMention> JoinOpenEnds(List<DateMention> mentions, string text)
    {
        for (var k = mentions.Count - 2; k >= 0; k--)
        {
            var a = mentions[k];
            var b = mentions[k + 1];
            if (a.Kind != DateKind.Since || b.Kind != DateKind.Until || a.Span.End != b.Span.Start)
                continue;
            var span = new Span(a.Span.Start, b.Span.End);
            mentions[k] = a with { Kind = DateKind.Range, Text = span.Slice(text), Span = span, End = b.End, To = b.To };
            mentions.RemoveAt(k + 1);
        }
        return mentions;
    }

    private static (DateMention, Cal?) Materialise(Atom a, DateOnly? reference, DateContext context, Cal? fill) =>
        a.Kind == AtomKind.Calendar ? CalMaterialiser.Materialise(a.Cal!, reference, context, fill) : (a.Fixed!, null);

    private static bool RangeCandidate(Atom x, Atom y)
    {
        if (x.Kind == AtomKind.Calendar && y.Kind == AtomKind.Calendar)
            return true;
        return x.Kind == AtomKind.Fixed && y.Kind == AtomKind.Fixed && x.Fixed!.Kind == DateKind.Exact && y.Fixed!.Kind == DateKind.Exact
            && x.Fixed.Granularity == y.Fixed.Granularity;
    }

    private static bool IsCalendarLike(DateMention m) => m.Granularity is not (DateGranularity.Second or DateGranularity.Minute or DateGranularity.Hour)
        || m.From is not null;

    private static int PrefixStart(string folded, int start, Regex prefix)
    {
        var window = Math.Max(0, start - 4);
        var m = prefix.Match(folded[window..start]);
        return m.Success ? window + m.Index : start;
    }

    private static void Note(DateContext context, Cal? a, Cal? b)
    {
        if (a is not null)
            context.Note(a);
        if (b is not null)
            context.Note(b);
    }

    private static void Add(List<DateMention> output, DateMention m, string text, int start, int end) =>
        output.Add(m with { Text = text[start..end], Span = new Span(start, end) });

    private static DateMention MakeRange(DateMention x, DateMention y)
    {
        if (x.Value is null || y.Value is null || x.From is null || y.To is null)
            return x with { Kind = DateKind.Unresolved, Value = null, End = null, From = null, To = null };
        return x with { Kind = DateKind.Range, End = y.Value, To = y.To };
    }

    private static DateMention Range(DateMention x, DateOnly reference)
    {
        if (x.Value is null || x.From is null)
            return x with { Kind = DateKind.Unresolved, Value = null, From = null, To = null };
        return x with { Kind = DateKind.Range, End = CalendarMath.Day(reference), To = reference.AddDays(1).ToDateTime(TimeOnly.MinValue) };
    }

    private static DateMention Since(DateMention x, bool inclusive)
    {
        if (x.Value is null)
            return x;
        return x with { Kind = DateKind.Since, From = inclusive ? x.From : x.To, To = null };
    }

    private static DateMention Until(DateMention x, bool inclusive)
    {
        if (x.Value is null)
            return x;
        return x with { Kind = DateKind.Until, Value = null, End = inclusive ? x.End ?? x.Value : x.Value, From = null, To = inclusive ? x.To : x.From };
    }
}
