using System.Text;
using System.Text.Json;

namespace NewsLens.Tests.Commands;

public sealed class AnalyzeCommandsTests : IDisposable
{
    private const string Page = """
        <html><head><meta charset="utf-8"><title>俄外长抵达元山访问_国际_某某网</title></head>
        <body><h1>俄外长抵达元山访问</h1>
        <p>俄罗斯外交部长拉夫罗夫11日晚抵达朝鲜元山，开始对朝鲜进行为期三天的正式访问。朝鲜外务相崔善姬在机场迎接。</p>
        <p>双方12日举行会谈，就扩大经贸和人文交流等问题交换了意见，并同意今年下半年在莫斯科举行新一轮战略对话。</p>
        </body></html>
        """;

    private readonly string dir = Directory.CreateTempSubdirectory("newslens-cli-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(dir, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static List<JsonElement> Records(string jsonl) =>
        jsonl.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();

    [Fact]
    public void Help_lists_the_verbs()
    {
        var r = CliRunner.Run("--help");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("analyze", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("extract", r.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Usage_errors_exit_with_2()
    {
        var r = CliRunner.Run("analyze", "--format", "nonsense", "x");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("nonsense", r.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, CliRunner.Run("analyze").ExitCode);
    }

    [Theory]
    [InlineData("analyze")]
    [InlineData("extract")]
    public void A_page_gives_one_jsonl_record(string verb)
    {
        var path = Write("page.html", Encoding.UTF8.GetBytes(Page));
        var r = CliRunner.Run(verb, "--format", "jsonl", path);
        Assert.True(r.ExitCode == 0, r.Stderr);
        var record = Assert.Single(Records(r.Stdout));
        Assert.Equal(path, record.GetProperty("source").GetString());
        Assert.Contains("拉夫罗夫", record.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(record.GetProperty("title").GetString()));
    }

    [Fact]
    public void Stdin_is_read_with_a_dash()
    {
        var r = CliRunner.RunIn(null, Page, "extract", "--format", "jsonl", "-");
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Equal("-", Assert.Single(Records(r.Stdout)).GetProperty("source").GetString());
    }

    [Fact]
    public void Out_writes_to_a_file()
    {
        var path = Write("page.html", Encoding.UTF8.GetBytes(Page));
        var outFile = Path.Combine(dir, "out.jsonl");
        var r = CliRunner.Run("extract", "--format", "jsonl", "--out", outFile, path);
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("", r.Stdout);
        Assert.Single(Records(File.ReadAllText(outFile)));
    }

    [Fact]
    public void Text_and_markdown_reports_escape_hostile_markup()
    {
        var hostile = Page.Replace("<h1>俄外长抵达元山访问</h1>", "<h1>[red]俄外长[/] <b>抵达</b> *元山* [link=x]访问</h1>", StringComparison.Ordinal);
        var path = Write("hostile.html", Encoding.UTF8.GetBytes(hostile));
        var text = CliRunner.Run("analyze", "--format", "text", path);
        Assert.True(text.ExitCode == 0, text.Stderr);
        Assert.Contains("拉夫罗夫", text.Stdout, StringComparison.Ordinal);
        var md = CliRunner.Run("analyze", "--format", "md", path);
        Assert.True(md.ExitCode == 0, md.Stderr);
        Assert.DoesNotContain("<b>", md.Stdout, StringComparison.Ordinal);
        Assert.Contains("# ", md.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Hostile_inputs_are_each_rejected_and_the_run_goes_on()
    {
        Write("good.html", Encoding.UTF8.GetBytes(Page));
        Write("empty.html", []);
        Write("binary.bin", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52]);
        Write("huge.html", new byte[50 * 1024 * 1024]);
        Write("deep.html", Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("<div>", 10_000)) + "正文" + string.Concat(Enumerable.Repeat("</div>", 10_000))));
        var garbage = new byte[3000];
        new Random(3).NextBytes(garbage);
        Write("invalid-utf8.txt", garbage.Select(b => (byte)(b | 0x80)).ToArray());

        var r = CliRunner.Run("analyze", "--format", "jsonl", dir);

        Assert.Equal(1, r.ExitCode);
        var sources = Records(r.Stdout).Select(x => Path.GetFileName(x.GetProperty("source").GetString())).ToList();
        Assert.Equal(["good.html"], sources);
        var rejected = r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(5, rejected.Length);
        Assert.Contains(rejected, l => l.Contains("empty.html", StringComparison.Ordinal) && l.Contains("empty", StringComparison.Ordinal));
        Assert.Contains(rejected, l => l.Contains("binary.bin", StringComparison.Ordinal) && l.Contains("binary", StringComparison.Ordinal));
        Assert.Contains(rejected, l => l.Contains("huge.html", StringComparison.Ordinal) && l.Contains("too large", StringComparison.Ordinal));
        Assert.Contains(rejected, l => l.Contains("deep.html", StringComparison.Ordinal) && l.Contains("nested too deeply", StringComparison.Ordinal));
        Assert.Contains(rejected, l => l.Contains("invalid-utf8.txt", StringComparison.Ordinal) && l.Contains("undecodable", StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_path_is_a_rejection()
    {
        var r = CliRunner.Run("extract", "--format", "jsonl", Path.Combine(dir, "missing.html"));
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("no such file", r.Stderr, StringComparison.Ordinal);
    }
}
