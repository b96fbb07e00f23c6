using System.Text;

namespace NewsLens.Decode;

/// <summary>
/// Guesses the charset of undeclared (or wrongly declared) bytes. UTF-8 validity is checked first
/// because it almost never happens by chance; between the legacy Chinese charsets the decode that
/// yields more everyday characters wins (a wrong GBK/Big5 decode produces rare characters).
/// </summary>
internal static class CharsetDetector
{
    /// <summary>Share of common characters among the ideographs a correct Chinese decode reaches easily (measured: 0.5–0.7 on news text; wrong decodes stay under 0.1).</summary>
    private const double MinCommonShare = 0.2;

    /// <summary>Invalid UTF-8 sequences tolerated per valid multi-byte sequence (a truncated or once-corrupted file is still UTF-8).</summary>
    private const double Utf8Tolerance = 0.01;

    /// <summary>
    /// Stray invalid sequences tolerated on top of the share: a mostly-ASCII UTF-8 page with a few damaged
    /// bytes (seen in trafilatura-eval) is still UTF-8. Capped by half the valid sequences, because
    /// legacy CJK bytes form a valid UTF-8 pair by chance about once in twelve pairs.
    /// </summary>
    private const int StrayInvalidSequences = 8;

    private static readonly Encoding Gb18030 = Encoding.GetEncoding("gb18030");
    private static readonly Encoding Big5 = Encoding.GetEncoding("big5");
    private static readonly Encoding Windows1252 = Encoding.GetEncoding(1252);

    /// <param name="Encoding">The charset, or null when no charset decodes the bytes sensibly (then <paramref name="Problem"/> says why).</param>
    internal readonly record struct Detection(Encoding? Encoding, bool AsciiOnly, string? Problem);

    static CharsetDetector() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Detection Detect(ReadOnlySpan<byte> bytes)
    {
        // Fast, vectorised answers for the common cases; they agree with the counting below (valid UTF-8 has no invalid sequence).
        if (Ascii.IsValid(bytes))
            return new Detection(new UTF8Encoding(false), AsciiOnly: true, null);
        if (System.Text.Unicode.Utf8.IsValid(bytes))
            return new Detection(new UTF8Encoding(false), AsciiOnly: false, null);
        var (valid, invalid, highBytes) = CountUtf8(bytes);
        if (highBytes == 0)
            return new Detection(new UTF8Encoding(false), AsciiOnly: true, null);
        if (valid > 0 && invalid <= Math.Max(Math.Min(StrayInvalidSequences, valid / 2), valid * Utf8Tolerance))
            return new Detection(new UTF8Encoding(false), AsciiOnly: false, null);

        if (MostlyIsolatedHighBytes(bytes))
            return new Detection(Windows1252, AsciiOnly: false, null);

        var gb = CommonShare(Gb18030, bytes);
        var big5 = CommonShare(Big5, bytes);
        var best = gb >= big5 ? (Encoding: Gb18030, Share: gb) : (Encoding: Big5, Share: big5);
        if (best.Share < MinCommonShare)
            return new Detection(null, AsciiOnly: false,
                $"the bytes are not valid UTF-8 ({invalid:N0} invalid sequences) and decode to no sensible text as GB18030 ({gb:P0} common characters) or Big5 ({big5:P0})");
        return new Detection(best.Encoding, AsciiOnly: false, null);
    }

    /// <summary>Share of U+FFFD produced when decoding under <paramref name="encoding"/>, per high byte.</summary>
    public static double InvalidShare(Encoding encoding, ReadOnlySpan<byte> bytes)
    {
        var text = encoding.GetString(bytes);
        var bad = text.AsSpan().Count('\uFFFD');
        var high = 0;
        foreach (var b in bytes)
            if (b >= 0x80)
                high++;
        return high == 0 ? 0 : (double)bad / high;
    }

    /// <summary>GB18030 and Big5 both decode most byte pairs; a declared one is wrong when the other reads as far more common text.</summary>
    public static bool IsCjkMismatch(Encoding declared, Detection detected, ReadOnlySpan<byte> bytes)
    {
        var pair = declared.CodePage == Gb18030.CodePage || declared.CodePage == Big5.CodePage;
        if (!pair || detected.Encoding is null || detected.Encoding.CodePage == declared.CodePage)
            return false;
        if (detected.Encoding.CodePage != Gb18030.CodePage && detected.Encoding.CodePage != Big5.CodePage)
            return false;
        return CommonShare(declared, bytes) < MinCommonShare && CommonShare(detected.Encoding, bytes) >= MinCommonShare * 2;
    }

    private static (int Valid, int Invalid, int High) CountUtf8(ReadOnlySpan<byte> b)
    {
        int valid = 0, invalid = 0, high = 0;
        for (var i = 0; i < b.Length;)
        {
            var c = b[i];
            if (c < 0x80)
            {
                // Markup is mostly ASCII: jump to the next high byte in one vectorised search.
                var next = b[i..].IndexOfAnyInRange((byte)0x80, (byte)0xFF);
                if (next < 0)
                    break;
                i += next;
                continue;
            }
            high++;
            var need = c switch
            {
                >= 0xC2 and <= 0xDF => 1,
                >= 0xE0 and <= 0xEF => 2,
                >= 0xF0 and <= 0xF4 => 3,
                _ => -1,
            };
            if (need < 0)
            {
                invalid++;
                i++;
                continue;
            }
            var ok = true;
            for (var k = 1; k <= need; k++)
            {
                if (i + k >= b.Length || (b[i + k] & 0xC0) != 0x80)
                {
                    ok = false;
                    break;
                }
            }
            if (ok)
            {
                valid++;
                i += need + 1;
            }
            else
            {
                invalid++;
                i++;
            }
        }
        return (valid, invalid, high);
    }

    /// <summary>European legacy text: high bytes mostly stand alone between ASCII letters, unlike two-byte CJK runs.</summary>
    private static bool MostlyIsolatedHighBytes(ReadOnlySpan<byte> b)
    {
        int high = 0, isolated = 0;
        for (var i = 0; i < b.Length; i++)
        {
            if (b[i] < 0x80)
                continue;
            high++;
            var prevAscii = i == 0 || b[i - 1] < 0x80;
            var nextAscii = i + 1 >= b.Length || b[i + 1] < 0x80;
            if (prevAscii && nextAscii)
                isolated++;
        }
        return high > 0 && isolated >= high * 0.8;
    }

    private static double CommonShare(Encoding encoding, ReadOnlySpan<byte> bytes)
    {
        var text = encoding.GetString(bytes[..Math.Min(bytes.Length, 256 * 1024)]);
        int han = 0, common = 0;
        foreach (var ch in text)
        {
            if (ch is >= '\u3400' and <= '\u9FFF')
            {
                han++;
                if (CommonHan.Set.Contains(ch))
                    common++;
            }
        }
        return han == 0 ? 0 : (double)common / han;
    }
}
