using System.IO.Compression;
using System.IO.Enumeration;
using NewsLens.Model;
using NewsLens.Pipeline;

namespace NewsLens.Ingest;

/// <summary>Options for walking the user's paths.</summary>
/// <param name="Glob">File-name pattern applied inside directories (e.g. "*.html"); null takes every file.</param>
/// <param name="MaxBytes">Items larger than this are rejected without being read whole.</param>
internal sealed record FileSourceOptions(string? Glob, int MaxBytes)
{
    public static FileSourceOptions Default { get; } = new(null, PipelineLimits.Default.MaxBytes);
}

/// <summary>
/// Ingest from files, directories (recursive, sorted so runs are reproducible) and <c>-</c> (stdin).
/// <c>.gz</c> files are decompressed transparently, with the size limit applied to the decompressed bytes.
/// Containers (WARC, feeds) are expanded by <see cref="IContainerReader"/>s when one claims the file.
/// </summary>
internal sealed class FileSource(FileSourceOptions options, IReadOnlyList<IContainerReader> containers)
{
    /// <summary>Header (10) + empty deflate block (2) + trailer (8): anything shorter is truncated.</summary>
    private const int MinGzipLength = 20;

    public FileSource(FileSourceOptions options)
        : this(options, [])
    {
    }

    /// <summary>Expands directories into their files (sorted); other entries (files, "-", missing paths) pass through.</summary>
    public IReadOnlyList<string> Expand(IEnumerable<string> paths)
    {
        var entries = new List<string>();
        foreach (var path in paths)
        {
            if (path != "-" && Directory.Exists(path))
                entries.AddRange(Walk(path));
            else
                entries.Add(path);
        }
        return entries;
    }

    /// <summary>Reads one entry of <see cref="Expand"/>: a page, a container's pages, or a rejection.</summary>
    public IEnumerable<IngestItem> Read(string entry)
    {
        if (entry == "-")
            return [ReadStdin()];
        if (!File.Exists(entry))
            return [IngestItem.Rejected(entry, RejectionReason.Unreadable, "no such file or directory")];
        return ReadFile(entry);
    }

    public IEnumerable<IngestItem> Enumerate(IEnumerable<string> paths) => Expand(paths).SelectMany(Read);

    private IEnumerable<string> Walk(string directory)
    {
        var enumeration = new FileSystemEnumerable<string>(
            directory,
            (ref FileSystemEntry e) => e.ToFullPath(),
            new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.Hidden | FileAttributes.System })
        {
            ShouldIncludePredicate = (ref FileSystemEntry e) => !e.IsDirectory && (options.Glob is null || FileSystemName.MatchesSimpleExpression(options.Glob, e.FileName)),
        };
        // Report paths relative to what the user typed, in a stable order.
        var root = Path.GetFullPath(directory);
        return enumeration
            .Select(full => Path.Combine(directory, Path.GetRelativePath(root, full)))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private IEnumerable<IngestItem> ReadFile(string path)
    {
        var container = containers.FirstOrDefault(c => c.Claims(path));
        if (container is not null)
            return container.Read(path, options.MaxBytes);
        return [ReadSingle(path)];
    }

    private IngestItem ReadSingle(string path)
    {
        try
        {
            var gz = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase);
            var length = new FileInfo(path).Length;
            if (!gz && length > options.MaxBytes)
                return IngestItem.Rejected(path, RejectionReason.TooLarge, $"{length:N0} bytes exceeds the limit of {options.MaxBytes:N0}");
            using var file = File.OpenRead(path);
            using Stream stream = gz ? new GZipStream(file, CompressionMode.Decompress) : file;
            var bytes = ReadBounded(stream, options.MaxBytes, out var tooLarge);
            if (tooLarge)
                return IngestItem.Rejected(path, RejectionReason.TooLarge, $"more than {options.MaxBytes:N0} bytes{(gz ? " after decompression" : "")}");
            if (gz && length < MinGzipLength)
                return IngestItem.Rejected(path, RejectionReason.Unreadable, $"a gzip file needs at least {MinGzipLength} bytes; this one has {length}");
            return IngestItem.Of(new RawPage(path, bytes, null, null, FormatFromName(path)));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            return IngestItem.Rejected(path, RejectionReason.Unreadable, e.Message);
        }
    }

    private IngestItem ReadStdin()
    {
        using var stdin = Console.OpenStandardInput();
        var bytes = ReadBounded(stdin, options.MaxBytes, out var tooLarge);
        return tooLarge
            ? IngestItem.Rejected("-", RejectionReason.TooLarge, $"standard input holds more than {options.MaxBytes:N0} bytes")
            : IngestItem.Of(new RawPage("-", bytes, null, null, PageFormat.Unknown));
    }

    /// <summary>Reads at most <paramref name="max"/> bytes; one more byte than that means the item is too large.</summary>
    internal static byte[] ReadBounded(Stream stream, int max, out bool tooLarge)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > max)
            {
                tooLarge = true;
                return [];
            }
            buffer.Write(chunk, 0, read);
        }
        tooLarge = false;
        return buffer.ToArray();
    }

    internal static PageFormat FormatFromName(string path)
    {
        var name = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? path[..^3] : path;
        return Path.GetExtension(name).ToLowerInvariant() switch
        {
            ".html" or ".htm" or ".xhtml" or ".shtml" => PageFormat.Html,
            ".md" or ".markdown" => PageFormat.Markdown,
            ".txt" or ".text" => PageFormat.Text,
            _ => PageFormat.Unknown,
        };
    }
}

/// <summary>A multi-item file format (WARC, RSS/Atom): claims files it recognises and yields their items.</summary>
internal interface IContainerReader
{
    bool Claims(string path);

    IEnumerable<IngestItem> Read(string path, int maxBytes);
}
