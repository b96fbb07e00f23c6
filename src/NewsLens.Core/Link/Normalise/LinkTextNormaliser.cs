using System.Globalization;
using System.Text;

namespace NewsLens.Link.Normalise;

/// <summary>A text reduced to comparable units: one per Han/kana/hangul character, one per alphanumeric word.</summary>
/// <param name="Units">Hash of each unit, in text order.</param>
/// <param name="CjkUnits">How many units are single CJK characters (decides the shingle length).</param>
internal readonly record struct NormalisedUnits(ulong[] Units, int CjkUnits)
{
    public bool MostlyCjk => CjkUnits * 2 >= Units.Length;
}

/// <summary>
/// Folds what differs between a page and its copies but not in meaning: traditional vs simplified script,
/// full-width vs half-width forms, letter case, punctuation, symbols and whitespace (all dropped).
/// </summary>
internal sealed class LinkTextNormaliser(IScriptFolder folder)
{
    private const ulong CjkTag = 0x43_4A_4B_00_0000_0000UL;

    public NormalisedUnits Units(string text, int maxUnits = LinkOptions.MaxUnits)
    {
        var units = new List<ulong>(Math.Min(text.Length, maxUnits));
        var cjk = 0;
        ulong word = 0;
        var inWord = false;
        for (var i = 0; i < text.Length && units.Count < maxUnits; i++)
        {
            var c = Width(text[i]);
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                // Rare Han extensions: one unit per code point.
                Flush(units, ref word, ref inWord);
                units.Add(LinkHash.Mix(CjkTag | (uint)char.ConvertToUtf32(c, text[i + 1])));
                cjk++;
                i++;
                continue;
            }
            if (IsCjk(c))
            {
                Flush(units, ref word, ref inWord);
                units.Add(LinkHash.Mix(CjkTag | folder.Fold(c)));
                cjk++;
            }
            else if (char.IsLetterOrDigit(c))
            {
                word = LinkHash.Combine(inWord ? word : 0xCBF29CE484222325UL, char.ToLowerInvariant(c));
                inWord = true;
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark && inWord)
            {
                // Combining marks stay part of their word (Devanagari, Thai vowels).
                word = LinkHash.Combine(word, c);
            }
            else
            {
                Flush(units, ref word, ref inWord);
            }
        }
        if (units.Count < maxUnits)
            Flush(units, ref word, ref inWord);
        return new NormalisedUnits([.. units], cjk);
    }

    /// <summary>The folded text itself (CJK run together, words lower-cased and space-separated), for display and tests.</summary>
    public string Normalise(string text)
    {
        var sb = new StringBuilder(text.Length);
        var lastWasWord = false;
        var inWord = false;
        foreach (var raw in text)
        {
            var c = Width(raw);
            if (IsCjk(c))
            {
                sb.Append(folder.Fold(c));
                inWord = lastWasWord = false;
            }
            else if (char.IsLetterOrDigit(c))
            {
                if (!inWord && lastWasWord)
                    sb.Append(' ');
                sb.Append(char.ToLowerInvariant(c));
                inWord = lastWasWord = true;
            }
            else
            {
                inWord = false;
            }
        }
        return sb.ToString();
    }

    private static void Flush(List<ulong> units, ref ulong word, ref bool inWord)
    {
        if (!inWord)
            return;
        units.Add(LinkHash.Mix(word));
        word = 0;
        inWord = false;
    }

    /// <summary>Full-width ASCII forms and the ideographic space to their half-width forms.</summary>
    private static char Width(char c) => c switch
    {
        >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
        '\u3000' => ' ',
        _ => c,
    };

    /// <summary>Han (BMP blocks and compatibility ideographs), kana and hangul syllables: one unit per character.</summary>
    internal static bool IsCjk(char c) =>
        c is >= '\u4E00' and <= '\u9FFF'
            or >= '\u3400' and <= '\u4DBF'
            or >= '\uF900' and <= '\uFAFF'
            or >= '\u3041' and <= '\u30FF'
            or >= '\uAC00' and <= '\uD7AF'
            or '\u3007';
}
