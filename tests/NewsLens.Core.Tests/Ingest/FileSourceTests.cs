using System.IO.Compression;
using System.Text;
using NewsLens.Ingest;
using NewsLens.Model;
using NewsLens.Pipeline;

namespace NewsLens.Tests.Ingest;

public sealed class FileSourceTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("newslens-ingest-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private string Write(string relative, byte[] bytes)
    {
        var path = Path.Combine(dir, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [Fact]
    public void Directories_are_walked_recursively_in_a_stable_order()
    {
        Write("b/2.html", "<p>b</p>"u8.ToArray());
        Write("a.txt", "a"u8.ToArray());
        Write("b/c/1.md", "# c"u8.ToArray());
        var items = new FileSource(FileSourceOptions.Default).Enumerate([dir]).ToList();
        Assert.Equal(["a.txt", "b/2.html", "b/c/1.md"], items.Select(i => Path.GetRelativePath(dir, i.Source).Replace('\\', '/')));
        Assert.Equal([PageFormat.Text, PageFormat.Html, PageFormat.Markdown], items.Select(i => i.Page!.FormatHint));
    }

    [Fact]
    public void Glob_filters_files_inside_directories()
    {
        Write("x.html", "<p>x</p>"u8.ToArray());
        Write("y.txt", "y"u8.ToArray());
        var items = new FileSource(new FileSourceOptions("*.html", 1000)).Enumerate([dir]).ToList();
        Assert.Single(items);
        Assert.EndsWith("x.html", items[0].Source, StringComparison.Ordinal);
    }

    [Fact]
    public void Gzip_files_are_read_transparently_with_the_inner_format()
    {
        using var buffer = new MemoryStream();
        using (var gz = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
            gz.Write(Encoding.UTF8.GetBytes("<html><body><p>正文</p></body></html>"));
        var path = Write("page.html.gz", buffer.ToArray());
        var item = Assert.Single(new FileSource(FileSourceOptions.Default).Enumerate([path]));
        Assert.Equal(PageFormat.Html, item.Page!.FormatHint);
        Assert.Contains("正文", Encoding.UTF8.GetString(item.Page.Bytes.Span), StringComparison.Ordinal);
    }

    [Fact]
    public void Oversized_files_are_rejected_without_reading_them_whole()
    {
        var path = Write("big.html", new byte[5000]);
        var item = Assert.Single(new FileSource(new FileSourceOptions(null, 1000)).Enumerate([path]));
        Assert.Equal(RejectionReason.TooLarge, item.Rejection!.Reason);
    }

    [Fact]
    public void Gzip_bombs_are_bounded_by_the_decompressed_size()
    {
        using var buffer = new MemoryStream();
        using (var gz = new GZipStream(buffer, CompressionLevel.SmallestSize, leaveOpen: true))
            gz.Write(new byte[1_000_000]);
        var path = Write("bomb.txt.gz", buffer.ToArray());
        var item = Assert.Single(new FileSource(new FileSourceOptions(null, 100_000)).Enumerate([path]));
        Assert.Equal(RejectionReason.TooLarge, item.Rejection!.Reason);
    }

    [Fact]
    public void Missing_paths_and_corrupt_gzip_are_rejections_not_exceptions()
    {
        var corrupt = Write("bad.html.gz", [0x1F, 0x8B, 0x08, 0x00, 0x01, 0x02]);
        var items = new FileSource(FileSourceOptions.Default).Enumerate([Path.Combine(dir, "nope.html"), corrupt]).ToList();
        Assert.All(items, i => Assert.Equal(RejectionReason.Unreadable, i.Rejection!.Reason));
    }
}
