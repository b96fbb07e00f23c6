namespace NewsLens.Analyse.Dates;

/// <summary>Reads the numbers dates are written with: ASCII digits, Chinese numerals (positional 二十三, 两千零四 and
/// digit-by-digit 二〇二五), 廿/卅 and financial forms. Works on folded text (full-width digits already ASCII).</summary>
internal static class ChineseNumber
{
    /// <summary>Largest value read; dates never need more, and it keeps arithmetic far from overflow.</summary>
    private const int MaxValue = 99_999;

    public static int DigitOf(char c) => c switch
    {
        '零' or '〇' or 'O' => 0,
        '一' or '壹' => 1,
        '二' or '两' or '贰' => 2,
        '三' or '叁' => 3,
        '四' or '肆' => 4,
        '五' or '伍' => 5,
        '六' or '陆' => 6,
        '七' or '柒' => 7,
        '八' or '捌' => 8,
        '九' or '玖' => 9,
        >= '0' and <= '9' => c - '0',
        _ => -1,
    };

    private static int UnitOf(char c) => c switch
    {
        '十' or '拾' => 10,
        '百' or '佰' => 100,
        '千' or '仟' => 1000,
        '万' => 10_000,
        _ => -1,
    };

    /// <summary>True when the text is a string of single digits (2025, 二〇二五, 零八), which is how years are read aloud.</summary>
    public static bool IsDigitByDigit(ReadOnlySpan<char> s)
    {
        if (s.IsEmpty)
            return false;
        foreach (var c in s)
            if (DigitOf(c) < 0 || c == '两')
                return false;
        return true;
    }

    /// <summary>Parses a number; null when the text is not one.</summary>
    public static int? Parse(ReadOnlySpan<char> s)
    {
        s = s.Trim();
        if (s.IsEmpty || s.Length > 12)
            return null;
        if (s[0] == '廿')
            return s.Length == 1 ? 20 : Parse(s[1..]) is { } r1 and < 10 ? 20 + r1 : null;
        if (s[0] == '卅')
            return s.Length == 1 ? 30 : Parse(s[1..]) is { } r2 and < 10 ? 30 + r2 : null;
        if (IsDigitByDigit(s))
        {
            var v = 0;
            foreach (var c in s)
                v = (v * 10) + DigitOf(c);
            return v <= MaxValue ? v : null;
        }
        var total = 0;
        var pending = -1; // digit waiting for its unit
        var lastUnit = int.MaxValue;
        var zeroSinceUnit = false;
        foreach (var c in s)
        {
            var d = DigitOf(c);
            if (d >= 0)
            {
                if (pending >= 0 && pending != 0)
                    return null; // two digits in a row inside a positional numeral
                zeroSinceUnit |= d == 0;
                pending = d;
                continue;
            }
            var u = UnitOf(c);
            if (u < 0 || u >= lastUnit)
                return null;
            total += (pending < 0 ? 1 : pending) * u;
            pending = -1;
            lastUnit = u;
            zeroSinceUnit = false;
        }
        if (pending > 0)
        {
            // 两千五 = 2500, 三百二 = 320: a trailing digit after a unit counts one place lower.
            total += !zeroSinceUnit && lastUnit is > 10 and < int.MaxValue ? pending * (lastUnit / 10) : pending;
        }
        return total <= MaxValue ? total : null;
    }
}
