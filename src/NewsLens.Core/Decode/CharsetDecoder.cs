using System.Collections.Frozen;
using System.Text;
using System.Text.RegularExpressions;
using NewsLens.Model;
using NewsLens.Pipeline;

namespace NewsLens.Decode;

/// <summary>
/// Bytes to text. Order of evidence: BOM, then the container's Content-Type, then the page's own
/// <c>&lt;meta charset&gt;</c> / http-equiv, then detection. A declaration is trusted only when the bytes
/// decode cleanly under it: Chinese sites often declare gb2312 while serving UTF-8 (and the reverse).
/// </summary>
internal sealed partial class CharsetDecoder : IPageDecoder
{
    /// <summary>Share of undecodable sequences above which a declared charset is treated as wrong.</summary>
    private const double MaxInvalidShare = 0.002;

    /// <summary>Share of control bytes (other than tab/newline/CR/FF/ESC) that marks a binary file.</summary>
    private const double BinaryControlShare = 0.01;

    /// <summary>How much of the head is searched for a meta declaration (browsers use 1024; real pages put it later).</summary>
    private const int MetaScanBytes = 8192;

    /// <summary>Control bytes that do not belong in a text page (tab, newline, CR, FF and ESC do).</summary>
    private static readonly System.Buffers.SearchValues<byte> StrayControls = System.Buffers.SearchValues.Create(
        [0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x0B, 0x0E, 0x0F, 0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19, 0x1A, 0x1C, 0x1D, 0x1E, 0x1F]);

    /// <summary>
    /// The charsets pages declare most, resolved once: every lookup through the code-pages provider takes a lock
    /// and a table search, which cost as much as decoding a small page. Other labels are resolved per page.
    /// </summary>
    private static readonly FrozenDictionary<string, Encoding> CommonEncodings;

    static CharsetDecoder()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        CommonEncodings = new[] { "utf-8", "gb18030", "big5", "windows-1252", "shift_jis", "euc-kr", "euc-jp", "windows-1251", "windows-1250", "iso-8859-2", "iso-8859-15", "koi8-r" }
            .ToDictionary(k => k, k => Usable(Encoding.GetEncoding(k)), StringComparer.Ordinal)
            .ToFrozenDictionary(StringComparer.Ordinal);
    }

    public DecodedPage Decode(RawPage page)
    {
        var bytes = page.Bytes.Span;
        RejectBinaryOrEmpty(page.Source, bytes);

        var (encoding, evidence, bomLength) = Choose(page, bytes);
        var text = encoding.GetString(bytes[bomLength..]);
        text = Normalise(text);
        if (string.IsNullOrWhiteSpace(text))
            throw new PageRejectedException(RejectionReason.Empty, "the page decodes to whitespace only");

        var format = FormatSniffer.Sniff(page.FormatHint, page.ContentType, text);
        return new DecodedPage(page.Source, text, encoding.WebName, evidence, format, page.Url);
    }

    internal static (Encoding Encoding, CharsetEvidence Evidence, int BomLength) Choose(RawPage page, ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            return (new UTF8Encoding(false), CharsetEvidence.ByteOrderMark, 3);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
            return (Encoding.Unicode, CharsetEvidence.ByteOrderMark, 2);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
            return (Encoding.BigEndianUnicode, CharsetEvidence.ByteOrderMark, 2);

        var detected = CharsetDetector.Detect(bytes);
        var declaredName = CharsetFromContentType(page.ContentType);
        var declaredEvidence = CharsetEvidence.ContentTypeHeader;
        if (declaredName is null)
        {
            declaredName = CharsetFromMeta(bytes[..Math.Min(bytes.Length, MetaScanBytes)]);
            declaredEvidence = CharsetEvidence.MetaTag;
        }

        if (declaredName is not null && ResolveEncoding(declaredName) is { } declared)
        {
            // Pure-ASCII pages decode the same under any ASCII-compatible declaration.
            if (detected.Encoding?.CodePage == declared.CodePage || detected.AsciiOnly)
                return (declared, declaredEvidence, 0);
            // Valid multi-byte UTF-8 is so unlikely by chance that it beats a declaration.
            if (detected.Encoding is UTF8Encoding)
                return (detected.Encoding, CharsetEvidence.DeclaredButInvalid, 0);
            if (CharsetDetector.InvalidShare(declared, bytes) <= MaxInvalidShare && !CharsetDetector.IsCjkMismatch(declared, detected, bytes))
                return (declared, declaredEvidence, 0);
            if (detected.Encoding is null)
                throw new PageRejectedException(RejectionReason.Undecodable, $"declared {declaredName} does not fit the bytes, and {detected.Problem}");
            return (detected.Encoding, CharsetEvidence.DeclaredButInvalid, 0);
        }
        if (detected.Encoding is null)
            throw new PageRejectedException(RejectionReason.Undecodable, detected.Problem ?? "no charset decodes the bytes");
        return (detected.Encoding, detected.AsciiOnly ? CharsetEvidence.Default : CharsetEvidence.Detected, 0);
    }

    private static void RejectBinaryOrEmpty(string source, ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
            throw new PageRejectedException(RejectionReason.Empty, "the item has zero bytes");
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
            return; // UTF-16 text is full of NULs by design.
        if (MagicName(bytes) is { } magic)
            throw new PageRejectedException(RejectionReason.Binary, $"this is a {magic}, not a text page");
        var sample = bytes[..Math.Min(bytes.Length, 64 * 1024)];
        // A stray NUL happens in real pages; many of them (or other control bytes) do not.
        var controls = 0;
        for (var rest = sample; ;)
        {
            var at = rest.IndexOfAny(StrayControls);
            if (at < 0)
                break;
            controls++;
            rest = rest[(at + 1)..];
        }
        if (controls > sample.Length * BinaryControlShare)
            throw new PageRejectedException(RejectionReason.Binary, $"{controls} NUL or control bytes in the first {sample.Length:N0}: this is not a text page");
    }

    private static string? MagicName(ReadOnlySpan<byte> b) => b switch
    {
        [0x89, 0x50, 0x4E, 0x47, ..] => "PNG image",
        [0xFF, 0xD8, 0xFF, ..] => "JPEG image",
        [0x47, 0x49, 0x46, ..] => "GIF image",
        [0x25, 0x50, 0x44, 0x46, ..] => "PDF document",
        [0x50, 0x4B, 0x03, 0x04, ..] => "ZIP archive",
        [0x1F, 0x8B, ..] => "gzip data",
        [0x7F, 0x45, 0x4C, 0x46, ..] => "ELF executable",
        // "MZ" alone could start a text page; an executable header has NULs right after it.
        [0x4D, 0x5A, ..] when b.Length >= 64 && b[..64].Contains((byte)0) => "Windows executable",
        _ => null,
    };

    /// <summary>Unifies line ends and drops characters no reader can see but that break matching (NUL, BOMs inside text).</summary>
    private static string Normalise(string text)
    {
        if (text.AsSpan().IndexOfAny('\r', '\uFEFF', '\0') < 0)
            return text;
        var sb = new StringBuilder(text.Length);
        var span = text.AsSpan();
        for (var i = 0; i < span.Length;)
        {
            // Copy the run up to the next special character in one piece.
            var at = span[i..].IndexOfAny('\r', '\uFEFF', '\0');
            if (at < 0)
            {
                sb.Append(span[i..]);
                break;
            }
            sb.Append(span.Slice(i, at));
            i += at;
            if (span[i] == '\r')
            {
                sb.Append('\n');
                if (i + 1 < span.Length && span[i + 1] == '\n')
                    i++;
            }
            i++;
        }
        return sb.ToString();
    }

    internal static string? CharsetFromContentType(string? contentType)
    {
        if (contentType is null)
            return null;
        var m = ContentTypeCharset().Match(contentType);
        return m.Success ? m.Groups[1].Value : null;
    }

    internal static string? CharsetFromMeta(ReadOnlySpan<byte> head)
    {
        // Latin-1 maps bytes 1:1, so the ASCII markup can be searched whatever the real charset is.
        var ascii = Encoding.Latin1.GetString(head);
        var m = MetaCharset().Match(ascii);
        if (m.Success)
            return m.Groups[1].Value;
        m = XmlEncoding().Match(ascii);
        return m.Success ? m.Groups[1].Value : null;
    }

    internal static Encoding? ResolveEncoding(string name)
    {
        var key = name.Trim().Trim('"', '\'').ToLowerInvariant();
        key = key switch
        {
            // Browsers decode all of these as the GB18030 superset; so do we.
            "gb2312" or "gbk" or "gb_2312-80" or "x-gbk" or "cp936" or "euc-cn" or "hz-gb-2312" or "x-euc-cn" => "gb18030",
            "big5-hkscs" or "x-x-big5" or "cp950" => "big5",
            "utf8" or "unicode-1-1-utf-8" => "utf-8",
            // WHATWG: latin1 and ascii labels mean windows-1252.
            "iso-8859-1" or "latin1" or "l1" or "us-ascii" or "ascii" or "iso8859-1" => "windows-1252",
            "shift-jis" or "sjis" or "x-sjis" or "ms_kanji" => "shift_jis",
            "ks_c_5601-1987" or "euc_kr" or "cp949" => "euc-kr",
            _ => key,
        };
        if (CommonEncodings.TryGetValue(key, out var common))
            return common;
        try
        {
            return Usable(Encoding.GetEncoding(key));
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>A page cannot really be UTF-16 without a BOM; the label is a copy-paste error (WHATWG does the same).</summary>
    private static Encoding Usable(Encoding e) => e is UnicodeEncoding ? new UTF8Encoding(false) : e;

    [GeneratedRegex(@"charset\s*=\s*[""']?([A-Za-z0-9_\-:.]+)", RegexOptions.IgnoreCase)]
    private static partial Regex ContentTypeCharset();

    [GeneratedRegex(@"<meta[^>]{0,400}?charset\s*=\s*[""']?\s*([A-Za-z0-9_\-:.]+)", RegexOptions.IgnoreCase)]
    private static partial Regex MetaCharset();

    [GeneratedRegex(@"<\?xml[^>]{0,200}?encoding\s*=\s*[""']([A-Za-z0-9_\-:.]+)", RegexOptions.IgnoreCase)]
    private static partial Regex XmlEncoding();
}
