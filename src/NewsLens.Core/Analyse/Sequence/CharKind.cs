namespace NewsLens.Analyse.Sequence;

/// <summary>Coarse character classes used as features; values are stable (they are part of trained feature keys).</summary>
internal enum CharKind : byte
{
    Other = 1,
    Han = 2,
    Digit = 3,
    ChineseNumeral = 4,
    Latin = 5,
    Punctuation = 6,
    DateUnit = 7,
    NumberSuffix = 8,
    NameDot = 9,
    Boundary = 10,
}

/// <summary>Model input normalisation and character classes, shared by every sequence model.</summary>
internal static class ModelText
{
    /// <summary>Stands for the positions before the first and after the last character.</summary>
    public const char Begin = '\u0001';

    public const char End = '\u0002';

    /// <summary>The one middle dot every variant of the transliteration separator maps to.</summary>
    public const char NameDot = '·';

    /// <summary>
    /// One character to one: traditional → simplified, ASCII → full width (the training corpora are full
    /// width), every middle-dot variant → '·'. Lengths never change, so spans carry over to the original.
    /// </summary>
    public static void Normalise(ReadOnlySpan<char> text, Span<char> output, Script.ScriptFolder folder)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = folder.Fold(text[i]);
            if (c is > ' ' and <= '~')
                c = (char)(c + 0xFEE0);
            else if (c is '\u2022' or '\u30FB' or '\u2027' or '\u00B7' or '\uFF65' or '\u2219' or '\u22C5')
                c = NameDot;
            else if (c < ' ')
                c = ' ';
            output[i] = c;
        }
    }

    /// <summary>
    /// The class of every UTF-16 code unit, computed once by <see cref="Classify"/> (64 KB; never written after
    /// type initialisation): the text view classifies every character, and a table read is cheaper than the tests.
    /// </summary>
    private static readonly byte[] Kinds = [.. Enumerable.Range(0, char.MaxValue + 1).Select(c => (byte)Classify((char)c))];

    /// <summary>Class of a normalised character.</summary>
    public static CharKind KindOf(char c) => (CharKind)Kinds[c];

    private static CharKind Classify(char c)
    {
        if (c is Begin or End)
            return CharKind.Boundary;
        if (c is >= '０' and <= '９')
            return CharKind.Digit;
        if (c is (>= 'Ａ' and <= 'Ｚ') or (>= 'ａ' and <= 'ｚ'))
            return CharKind.Latin;
        switch (c)
        {
            case '〇' or '零' or '一' or '二' or '三' or '四' or '五' or '六' or '七' or '八' or '九' or '十'
                or '百' or '千' or '万' or '亿' or '两' or '几':
                return CharKind.ChineseNumeral;
            case '年' or '月' or '日' or '时' or '分' or '秒' or '号':
                return CharKind.DateUnit;
            case '％' or '‰' or '℃' or '．':
                return CharKind.NumberSuffix;
            case NameDot:
                return CharKind.NameDot;
        }
        if (c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or >= '\uF900' and <= '\uFAFF')
            return CharKind.Han;
        if (char.IsPunctuation(c) || char.IsSymbol(c) || char.IsWhiteSpace(c))
            return CharKind.Punctuation;
        if (char.IsLetter(c))
            return CharKind.Latin;
        if (char.IsDigit(c))
            return CharKind.Digit;
        return CharKind.Other;
    }
}
