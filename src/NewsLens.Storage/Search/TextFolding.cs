namespace NewsLens.Storage.Search;

/// <summary>Which kind of run a character belongs to when text is cut into index terms.</summary>
internal enum CharClass
{
    Separator,

    /// <summary>Han, kana and hangul: scripts written without spaces, indexed as overlapping bigrams.</summary>
    Cjk,

    /// <summary>Letters and digits of space-separated scripts, indexed as whole words.</summary>
    Word,
}

/// <summary>
/// Character-by-character folding shared by the index, the query and the snippet highlighter. It never
/// changes the length of the text, so a position found in folded text is the same position in the original.
/// </summary>
internal static class TextFolding
{
    public static char Fold(char c)
    {
        // Full-width ASCII forms (Ａ, １, ＃) are common in Chinese pages and mean their ASCII letters.
        if (c >= '\uFF01' && c <= '\uFF5E')
            c = (char)(c - 0xFEE0);
        return char.ToLowerInvariant(c);
    }

    public static string Fold(string text) => string.Create(text.Length, text, static (dest, src) =>
    {
        for (var i = 0; i < src.Length; i++)
            dest[i] = Fold(src[i]);
    });

    public static CharClass Classify(char c)
    {
        if (IsCjk(c))
            return CharClass.Cjk;
        if (char.IsLetterOrDigit(c))
            return CharClass.Word;
        // Surrogate halves of supplementary Han (CJK extension B and later) are kept inside CJK runs.
        if (char.IsSurrogate(c))
            return CharClass.Cjk;
        return CharClass.Separator;
    }

    private static bool IsCjk(char c) =>
        c is (>= '\u4E00' and <= '\u9FFF') // CJK unified ideographs
            or (>= '\u3400' and <= '\u4DBF') // extension A
            or (>= '\uF900' and <= '\uFAFF') // compatibility ideographs
            or (>= '\u3040' and <= '\u30FF') // hiragana, katakana
            or (>= '\uAC00' and <= '\uD7AF') // hangul syllables
            or '\u3007'; // 〇 as used in dates (二〇二五年)
}
