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
    private const int Window = 14;

    /// <summary>Future markers. 将 alone is also the object marker (将价值20万元的图书送给…), so it counts only
    /// before 于/在/要/会 or a verb of scheduled events.</summary>
    [GeneratedRegex(@"将(?=于|在|要|会|举行|召开|访问|出席|举办|前往|启程|开幕|开始|继续|进行|发布|实施|推出|迎来|达到|抵达|会见|会晤|参加|发表|宣布|签署|出访|公布|上线|生效|闭幕)|即将|拟于|拟在|计划于|计划在|预计|预定|定于|届时|有望|起施行|起实施|起执行|起生效", RegexOptions.CultureInvariant)]
    private static partial Regex FutureCue();

    /// <summary>A dateline (本报北京1月4日电 / 讯) dates the dispatch, which is never after publication.</summary>
    [GeneratedRegex(@"\G\s*(?:电|讯)", RegexOptions.CultureInvariant)]
    private static partial Regex Dateline();

    private static bool IsClauseBreak(char c) => c is '。' or '！' or '？' or '；' or '，' or ',' or ';' or '!' or '?' or '\n' or '、';

    public static bool IsFuture(string folded, int start, int end)
    {
        if (Dateline().IsMatch(folded, end))
            return false;
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
