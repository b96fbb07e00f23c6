using System.Text.RegularExpressions;
using NewsLens.Model;

namespace NewsLens.Assess.Detectors;

/// <summary>text.truncated: the body stops mid-sentence ("随着乌克兰危机的发展以") or mid-list ("原因有以下三点：").</summary>
internal sealed partial class TruncationDetector : IFlagDetector
{
    public const string Code = "text.truncated";

    /// <summary>A last paragraph shorter than this is a caption, credit or label, which need no full stop.</summary>
    private const int MinLastParagraphChars = 30;

    /// <summary>Ending on a comma or a dangling function word is unambiguous even in a short paragraph; below this it may be a label.</summary>
    private const int MinBrokenParagraphChars = 12;

    /// <summary>The unfinished clause must be this long to be a sentence rather than a trailing tag.</summary>
    private const int MinOpenClauseChars = 6;

    /// <summary>
    /// Characters that cannot end a Chinese sentence: prepositions, conjunctions, structural particles.
    /// A paragraph ending on one of them was cut (high); ending on other characters without a full stop is only
    /// probably cut (medium: sloppy writing drops full stops too).
    /// </summary>
    private const string DanglingChars = "以的和与及对把被将从为而并或向于使让给跟同但因如若所其之该这那各每在由据按经";

    public string Family => "text";

    public IEnumerable<Flag> Detect(AssessContext context)
    {
        // The last prose paragraph; a trailing list after it (link lists, a list it introduces) is not judged,
        // since list items and link titles end without full stops by convention.
        var index = -1;
        for (var i = context.Body.Count - 1; i >= 0; i--)
        {
            if (context.Body[i].Kind == UnitKind.Paragraph)
            {
                index = i;
                break;
            }
        }
        if (index < 0)
            yield break;
        var last = context.Body[index];
        var listFollows = index < context.Body.Count - 1;
        var text = last.Text.TrimEnd();
        if (text.Length < MinBrokenParagraphChars || Credit().IsMatch(text))
            yield break;
        var end = text[^1];
        if (IsClosing(end))
            yield break;
        var clauseStart = text.LastIndexOfAny(['。', '！', '？', '，', '；', '!', '?', ',', ';', '：']) + 1;
        var clause = text.Length - clauseStart;
        var dangling = DanglingChars.Contains(end, StringComparison.Ordinal);
        if (text.Length < MinLastParagraphChars && !(dangling && clause >= MinOpenClauseChars) && end is not ('，' or ','))
            yield break;
        if (end is '，' or ',' or '、' or '；' or ';')
        {
            yield return Flag(last, text, Severity.High, "正文在逗号处戛然而止", "The body stops at a comma");
            yield break;
        }
        if (end is '：' or ':')
        {
            if (listFollows)
                yield break;
            yield return Flag(last, text, Severity.Medium, "正文以冒号结尾，后面应有的列表或内容缺失", "The body ends on a colon: the list or text it announces is missing");
            yield break;
        }
        if (clause < MinOpenClauseChars || !char.IsLetterOrDigit(end))
            yield break;
        yield return dangling
            ? Flag(last, text, Severity.High, $"正文最后一句停在虚词“{end}”上，句子明显没有写完", $"The last sentence breaks off on the function word \"{end}\": it is clearly unfinished")
            : Flag(last, text, Severity.Medium, "正文最后一句没有结束标点，像是被截断", "The last sentence has no closing punctuation and looks cut off");
    }

    private static Flag Flag(TextUnit last, string text, Severity severity, string zh, string en)
    {
        var tailStart = Math.Max(0, text.Length - 40);
        return FlagMaker.Make(Code, severity, [last.Part(tailStart, text.Length)],
            $"{zh}，文章不完整（可能是采集或生成时被截断）。",
            $"{en}; the article is incomplete (cut off when scraped or generated).");
    }

    private static bool IsClosing(char c) =>
        c is '。' or '！' or '？' or '!' or '?' or '.' or '…' or '”' or '"' or '」' or '』' or '）' or ')' or '】' or ']' or '》' or '>' or '~' or '～' or '—';

    /// <summary>Trailing credit lines that end without a full stop by convention.</summary>
    [GeneratedRegex(@"^(?:[（(【\[]?\s*(?:责任编辑|编辑|责编|来源|作者|记者|原标题|本文来源|图片来源|转载|校对|审核|监制|出品|文|图)\s*[:：]|.*(?:版权所有|All rights reserved|未经授权))", RegexOptions.IgnoreCase)]
    private static partial Regex Credit();
}
