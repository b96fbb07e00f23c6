using System.Collections.Frozen;

namespace NewsLens.Extract;

/// <summary>
/// Script-based language guess: "zh" when Han characters dominate (and kana/Hangul do not), "en" when
/// Latin text carries enough common English function words, else "other".
/// </summary>
internal static class LanguageGuesser
{
    /// <summary>Share of letters that are Han for "zh" (Chinese news quotes Latin names and numbers freely).</summary>
    private const double MinHanShare = 0.3;

    /// <summary>Kana or Hangul above this share of the Han count marks Japanese/Korean.</summary>
    private const double MaxKanaHangulShare = 0.05;

    /// <summary>English function words per Latin word for "en" (English prose runs at ~0.25; German/French under 0.05).</summary>
    private const double MinEnglishShare = 0.08;

    /// <summary>Only the head of long texts is read: the guess settles within a few thousand characters.</summary>
    private const int MaxChars = 20_000;

    private static readonly FrozenSet<string> EnglishWords = FrozenSet.ToFrozenSet(
        ["the", "and", "of", "to", "in", "is", "that", "for", "with", "was", "on", "it", "as", "are", "be", "by", "this", "from", "at", "have", "has", "he", "she", "they", "said", "not", "but"],
        StringComparer.Ordinal);

    private static readonly System.Buffers.SearchValues<char> WordBreaks = System.Buffers.SearchValues.Create(" \n\t,.;:!?\"'()");

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> EnglishLookup = EnglishWords.GetAlternateLookup<ReadOnlySpan<char>>();

    public static string Guess(string text)
    {
        var span = text.AsSpan(0, Math.Min(text.Length, MaxChars));
        int han = 0, kanaHangul = 0, latin = 0;
        foreach (var c in span)
        {
            if (c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF')
                han++;
            else if (c is >= '\u3040' and <= '\u30FF' or >= '\uAC00' and <= '\uD7AF' or >= '\u1100' and <= '\u11FF')
                kanaHangul++;
            else if (char.IsAsciiLetter(c) || c is >= '\u00C0' and <= '\u024F')
                latin++;
        }
        var letters = han + kanaHangul + latin;
        if (letters == 0)
            return "other";
        if (han >= letters * MinHanShare && kanaHangul <= han * MaxKanaHangulShare)
            return "zh";
        if (latin < letters / 2)
            return "other";
        var words = 0;
        var english = 0;
        Span<char> lower = stackalloc char[4];
        for (var rest = span; ;)
        {
            var at = rest.IndexOfAny(WordBreaks);
            var w = at < 0 ? rest : rest[..at];
            if (!w.IsEmpty)
            {
                words++;
                if (w.Length <= 4 && EnglishLookup.Contains(lower[..w.ToLowerInvariant(lower)]))
                    english++;
            }
            if (at < 0)
                break;
            rest = rest[(at + 1)..];
        }
        return words > 0 && english >= words * MinEnglishShare ? "en" : "other";
    }
}
