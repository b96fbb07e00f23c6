using System.Globalization;
using System.IO.Compression;
using System.Text;
using NewsLens.Model;
using NewsLens.Pipeline;

namespace NewsLens.Ingest.Warc;

/// <summary>
/// Reads WARC files (ISO 28500, WARC/1.0 and 1.1; <c>.warc</c>, or <c>.warc.gz</c> with one gzip member per
/// record as Common Crawl writes them). Each <c>response</c> record with a 2xx HTTP status and a text or HTML
/// body becomes a page (the HTTP Content-Type and the target URI travel with it); <c>resource</c> records
/// with a text type are pages too. Requests, metadata, redirects, errors and images are skipped: they are
/// not pages. A malformed record ends the file with one rejection naming the record.
/// </summary>
internal sealed class WarcReader : IContainerReader
{
    /// <summary>Largest WARC or HTTP header block accepted; real ones are under 4 KB.</summary>
    internal const int MaxHeaderBytes = 64 * 1024;

    /// <summary>Most header lines in one block.</summary>
    internal const int MaxHeaderLines = 512;

    public bool Claims(string path) =>
        path.EndsWith(".warc", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".warc.gz", StringComparison.OrdinalIgnoreCase);

    public IEnumerable<IngestItem> Read(string path, int maxBytes)
    {
        Stream? file = null;
        string? openError = null;
        try
        {
            file = File.OpenRead(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            openError = e.Message;
        }
        if (file is null)
        {
            yield return IngestItem.Rejected(path, RejectionReason.Unreadable, openError ?? "cannot open");
            yield break;
        }
        using var stream = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)
            ? new GZipStream(file, CompressionMode.Decompress)
            : file;
        using var input = new BufferedStream(stream, 1 << 16);
        var reader = new WarcRecordReader(input, maxBytes);
        var number = 0;
        while (true)
        {
            number++;
            var source = $"{path}#{number.ToString(CultureInfo.InvariantCulture)}";
            IngestItem? item;
            bool more;
            try
            {
                more = reader.Next(source, out item);
            }
            catch (Exception e) when (e is IOException or InvalidDataException or FormatException)
            {
                // Past a malformed record the file cannot be resynchronised reliably: report and stop.
                item = IngestItem.Rejected(source, RejectionReason.Unsupported, $"malformed WARC record: {e.Message}");
                more = false;
            }
            if (item is not null)
                yield return item;
            if (!more)
                yield break;
        }
    }
}

/// <summary>Reads one record at a time from an uncompressed WARC byte stream.</summary>
internal sealed class WarcRecordReader(Stream input, int maxBytes)
{
    /// <returns>False at the end of the file; <paramref name="item"/> is null for a record that is not a page.</returns>
    public bool Next(string source, out IngestItem? item)
    {
        item = null;
        string? version;
        do
        {
            version = ReadLine(input, MaxLine);
            if (version is null)
                return false;
        }
        while (version.Length == 0);
        if (!version.StartsWith("WARC/", StringComparison.Ordinal))
            throw new InvalidDataException($"expected a WARC/1.x version line, found '{Clip(version)}'");
        var headers = ReadHeaders(input);
        if (!headers.TryGetValue("Content-Length", out var lengthText) || !long.TryParse(lengthText, NumberStyles.None, CultureInfo.InvariantCulture, out var length))
            throw new InvalidDataException("the record has no valid Content-Length");
        var type = headers.GetValueOrDefault("WARC-Type") ?? "";
        var uri = headers.GetValueOrDefault("WARC-Target-URI")?.Trim('<', '>', ' ');
        var isPage = type is "response" or "resource";
        // The HTTP header block counts toward the record length, so allow it on top of the page limit.
        if (!isPage || length > maxBytes + (long)WarcReader.MaxHeaderBytes)
        {
            Skip(input, length);
            if (isPage)
                item = IngestItem.Rejected(source, RejectionReason.TooLarge, $"WARC record of {length:N0} bytes exceeds the limit of {maxBytes:N0}");
            return true;
        }
        var block = new byte[length];
        input.ReadExactly(block);
        item = type == "response"
            ? HttpResponse(source, uri, block, maxBytes, headers.GetValueOrDefault("Content-Type"))
            : Page(source, uri, block, headers.GetValueOrDefault("Content-Type"), maxBytes);
        return true;
    }

    private const int MaxLine = 16 * 1024;

    private static IngestItem? HttpResponse(string source, string? uri, byte[] block, int maxBytes, string? warcContentType)
    {
        // Some crawlers store DNS or other protocols as responses; only HTTP ones hold pages.
        if (warcContentType is not null && !warcContentType.Contains("http", StringComparison.OrdinalIgnoreCase))
            return null;
        using var http = new MemoryStream(block, writable: false);
        var status = ReadLine(http, MaxLine);
        if (status is null || !status.StartsWith("HTTP/", StringComparison.Ordinal))
            throw new InvalidDataException($"the response block does not start with an HTTP status line ('{Clip(status ?? "")}')");
        var parts = status.Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 2 || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var code))
            throw new InvalidDataException($"unreadable HTTP status line '{Clip(status)}'");
        var headers = ReadHeaders(http);
        if (code is < 200 or > 299)
            return null;
        ReadOnlyMemory<byte> body = block.AsMemory((int)http.Position);
        if (headers.TryGetValue("Transfer-Encoding", out var te) && te.Contains("chunked", StringComparison.OrdinalIgnoreCase))
            body = Dechunk(body, maxBytes);
        if (headers.TryGetValue("Content-Encoding", out var ce))
        {
            var decoded = Decompress(body, ce, maxBytes, out var tooLarge);
            if (tooLarge)
                return IngestItem.Rejected(source, RejectionReason.TooLarge, $"more than {maxBytes:N0} bytes after {ce} decoding");
            body = decoded;
        }
        return Page(source, uri, body, headers.GetValueOrDefault("Content-Type"), maxBytes);
    }

    private static IngestItem? Page(string source, string? uri, ReadOnlyMemory<byte> body, string? contentType, int maxBytes)
    {
        if (!IsText(contentType))
            return null;
        if (body.Length > maxBytes)
            return IngestItem.Rejected(source, RejectionReason.TooLarge, $"{body.Length:N0} bytes exceeds the limit of {maxBytes:N0}");
        var hint = contentType is null ? PageFormat.Unknown
            : contentType.Contains("html", StringComparison.OrdinalIgnoreCase) ? PageFormat.Html
            : contentType.Contains("markdown", StringComparison.OrdinalIgnoreCase) ? PageFormat.Markdown
            : contentType.StartsWith("text/plain", StringComparison.OrdinalIgnoreCase) ? PageFormat.Text
            : PageFormat.Unknown;
        return IngestItem.Of(new RawPage(source, body, contentType, uri, hint));
    }

    /// <summary>Pages are HTML, XHTML or plain text; a record without a type is given to the decoder to judge.</summary>
    private static bool IsText(string? contentType) =>
        contentType is null
        || contentType.StartsWith("text/", StringComparison.OrdinalIgnoreCase)
        || contentType.Contains("html", StringComparison.OrdinalIgnoreCase);

    private static Dictionary<string, string> ReadHeaders(Stream s)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? last = null;
        var total = 0;
        for (var n = 0; ; n++)
        {
            if (n > WarcReader.MaxHeaderLines)
                throw new InvalidDataException($"more than {WarcReader.MaxHeaderLines} header lines");
            var line = ReadLine(s, MaxLine) ?? throw new InvalidDataException("the file ends inside a header block");
            total += line.Length;
            if (total > WarcReader.MaxHeaderBytes)
                throw new InvalidDataException($"a header block longer than {WarcReader.MaxHeaderBytes:N0} bytes");
            if (line.Length == 0)
                return headers;
            if (line[0] is ' ' or '\t' && last is not null)
            {
                headers[last] += " " + line.Trim();
                continue;
            }
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
                throw new InvalidDataException($"header line without a name: '{Clip(line)}'");
            last = line[..colon].Trim();
            // The first of repeated headers wins (what a browser does for Content-Type).
            headers.TryAdd(last, line[(colon + 1)..].Trim());
        }
    }

    /// <summary>One line without its CR LF, as Latin-1 (headers are ASCII); null at the end of the stream.</summary>
    internal static string? ReadLine(Stream s, int max)
    {
        var sb = new StringBuilder();
        while (true)
        {
            var b = s.ReadByte();
            if (b < 0)
                return sb.Length == 0 ? null : sb.ToString();
            if (b == '\n')
                return sb.Length > 0 && sb[^1] == '\r' ? sb.ToString(0, sb.Length - 1) : sb.ToString();
            if (sb.Length >= max)
                throw new InvalidDataException($"a header line longer than {max:N0} bytes");
            sb.Append((char)b);
        }
    }

    private static void Skip(Stream s, long length)
    {
        var buffer = new byte[81920];
        while (length > 0)
        {
            var read = s.Read(buffer, 0, (int)Math.Min(buffer.Length, length));
            if (read == 0)
                throw new InvalidDataException("the file ends inside a record");
            length -= read;
        }
    }

    private static ReadOnlyMemory<byte> Dechunk(ReadOnlyMemory<byte> body, int maxBytes)
    {
        using var input = new MemoryStream(body.ToArray(), writable: false);
        using var output = new MemoryStream();
        while (true)
        {
            var line = ReadLine(input, MaxLine);
            if (line is null)
                break;
            var sizeText = line.Split(';', 2)[0].Trim();
            if (sizeText.Length == 0)
                continue;
            if (!int.TryParse(sizeText, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var size) || size < 0)
                return body; // Not really chunked (crawlers often decode and keep the header): use as is.
            if (size == 0)
                break;
            if (output.Length + size > maxBytes || input.Position + size > input.Length)
                return body;
            var chunk = new byte[size];
            input.ReadExactly(chunk);
            output.Write(chunk);
            ReadLine(input, MaxLine);
        }
        return output.ToArray();
    }

    private static ReadOnlyMemory<byte> Decompress(ReadOnlyMemory<byte> body, string encoding, int maxBytes, out bool tooLarge)
    {
        tooLarge = false;
        var e = encoding.Trim().ToLowerInvariant();
        if (e is not ("gzip" or "x-gzip" or "deflate"))
            return body;
        // Crawlers often store the decoded body but keep the header: only decode what is really compressed.
        var span = body.Span;
        var gzip = span.Length >= 2 && span[0] == 0x1F && span[1] == 0x8B;
        var zlib = span.Length >= 2 && span[0] == 0x78;
        if (!gzip && !zlib)
            return body;
        try
        {
            using var compressed = new MemoryStream(body.ToArray(), writable: false);
            using Stream decoder = gzip ? new GZipStream(compressed, CompressionMode.Decompress) : new ZLibStream(compressed, CompressionMode.Decompress);
            var bytes = FileSource.ReadBounded(decoder, maxBytes, out tooLarge);
            return bytes;
        }
        catch (InvalidDataException)
        {
            return body;
        }
    }

    private static string Clip(string s) => s.Length <= 80 ? s : s[..80] + "…";
}
