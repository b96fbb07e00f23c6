namespace NewsLens.Analyse.Entities;

/// <summary>
/// The models are trained on Chinese text and see Latin script one letter at a time, so on pages with English
/// in them they open or close names inside words ("fo" of "for") and tag common words ("charge"). A name never
/// starts or ends between two Latin letters, and a name written in Latin letters only has a capital (BBC, Sarah).
/// Letter–digit boundaries stay allowed: stock tables run a name into its price ("深长城Ａ１２．７９").
/// </summary>
internal static class LatinWords
{
    /// <summary>Whether [start, end) of <paramref name="text"/> cannot be a name for the reasons above.</summary>
    public static bool RuleOut(ReadOnlySpan<char> text, int start, int end) => Cuts(text, start, end) || IsLowercaseWord(text[start..end]);

    /// <summary>Whether [start, end) begins or ends between two Latin letters.</summary>
    public static bool Cuts(ReadOnlySpan<char> text, int start, int end) =>
        start > 0 && start < text.Length && IsLetter(text[start - 1]) && IsLetter(text[start])
        || end > 0 && end < text.Length && IsLetter(text[end - 1]) && IsLetter(text[end]);

    private static bool IsLowercaseWord(ReadOnlySpan<char> span)
    {
        foreach (var c in span)
        {
            if (!IsLetter(c) || char.IsUpper(c))
                return false;
        }
        return span.Length > 0;
    }

    /// <summary>ASCII and full-width letters, and the Latin letters up to Latin Extended-B.</summary>
    private static bool IsLetter(char c) =>
        c is >= 'A' and <= 'Z' or >= 'a' and <= 'z' or >= 'Ａ' and <= 'Ｚ' or >= 'ａ' and <= 'ｚ'
        || c is >= '\u00C0' and < '\u0250' && char.IsLetter(c);
}
