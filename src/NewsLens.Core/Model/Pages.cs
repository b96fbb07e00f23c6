namespace NewsLens.Model;

/// <summary>What Ingest hands on: the bytes of one item exactly as read, with where they came from.</summary>
/// <param name="Source">The input path or URL as the user gave it (a WARC or feed item adds <c>#n</c>).</param>
/// <param name="Bytes">Raw bytes; never larger than the ingest size limit.</param>
/// <param name="ContentType">An HTTP-style Content-Type when the container gave one (WARC, feeds), else null.</param>
/// <param name="Url">The page's own URL when known (WARC target URI, feed link), else null.</param>
/// <param name="FormatHint">What the file name or container says the item is.</param>
public sealed record RawPage(string Source, ReadOnlyMemory<byte> Bytes, string? ContentType, string? Url, PageFormat FormatHint);

/// <summary>What Decode hands on: text with its charset and format settled.</summary>
public sealed record DecodedPage(string Source, string Text, string Charset, CharsetEvidence CharsetEvidence, PageFormat Format, string? Url);

public enum PageFormat
{
    Unknown,
    Html,
    Text,
    Markdown,
}

/// <summary>Which clue decided the charset, so a wrong decode can be traced.</summary>
public enum CharsetEvidence
{
    ByteOrderMark,
    ContentTypeHeader,
    MetaTag,
    Detected,
    DeclaredButInvalid,
    Default,
}
