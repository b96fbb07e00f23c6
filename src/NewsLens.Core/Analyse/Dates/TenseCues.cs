using System.Text.RegularExpressions;

namespace NewsLens.Analyse.Dates;

/// <summary>
/// Does the clause around a date say the event is still ahead? Used only to pick between the past and future
/// readings of an underspecified date (15日, 4月15日, 周三). The clause runs between comma-level punctuation; a
/// date that ends its clause ("4月15日，双方将…") also sees the clause after it.
/// </summary>
internal static partial class TenseCues
{
    /// <summary>Characters read on each side at most, whatever the punctuation (keeps the check local and bounded).</summary>
    private const int Window = 30;

    [GeneratedRegex(@"将(?![军领士帅官近])|即将|拟|计划|预计|预定|定于|届时|有望|起施行|起实施|起执行|起生效", RegexOptions.CultureInvariant)]
    private static partial Regex FutureCue();

    private static bool IsClauseBreak(char c) => c is '。' or '！' or '？' or '；' or '，' or ',' or ';' or '!' or '?' or '\n' or '、';

    public static bool IsFuture(string folded, int start, int end)
    {
        var from = start;
        while (from > 0 && start - from < Window && !IsClauseBreak(folded[from - 1]))
            from--;
        var to = end;
        while (to < folded.Length && to - end < Window && !IsClauseBreak(folded[to]))
            to++;
        if (folded.AsSpan(end, to - end).Trim().IsEmpty && to < folded.Length)
        {
            to++;
            while (to < folded.Length && to - end < Window && !IsClauseBreak(folded[to]))
                to++;
        }
        return FutureCue().IsMatch(folded.AsSpan(from, to - from));
    }
}
