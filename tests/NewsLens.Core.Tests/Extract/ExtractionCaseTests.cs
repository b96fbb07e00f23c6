using System.Text;
using NewsLens.Decode;
using NewsLens.Extract;
using NewsLens.Model;
using NewsLens.Pipeline;

namespace NewsLens.Tests.Extract;

/// <summary>
/// One theory over Cases/Extract: each NAME.expect lists what the extraction of NAME.html/.txt/.md must
/// show (title, published, author, text contains/lacks, removed blocks with reason, breadcrumb, navigation).
/// </summary>
public sealed class ExtractionCaseTests
{
    private static readonly string CaseDir = Path.Combine(AppContext.BaseDirectory, "Cases", "Extract");

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.EnumerateFiles(CaseDir, "*.expect").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileNameWithoutExtension(f));
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case_matches_its_expectations(string name)
    {
        var input = Directory.EnumerateFiles(CaseDir, name + ".*").Single(f => !f.EndsWith(".expect", StringComparison.Ordinal));
        var hint = Path.GetExtension(input) switch { ".txt" => PageFormat.Text, ".md" => PageFormat.Markdown, _ => PageFormat.Html };
        var decoded = new CharsetDecoder().Decode(new RawPage(input, File.ReadAllBytes(input), null, null, hint));
        var article = new ArticleExtractor(PipelineLimits.Default).Extract(decoded);

        var failures = new List<string>();
        foreach (var raw in File.ReadAllLines(Path.Combine(CaseDir, name + ".expect")))
        {
            if (raw.Trim().Length == 0)
                continue;
            var colon = raw.IndexOf(':', StringComparison.Ordinal);
            var key = raw[..colon].Trim();
            var value = raw[(colon + 1)..].Trim();
            var ok = key switch
            {
                "title" => article.Title == value,
                "published" => value == "none" ? article.Published is null : article.Published?.ToIso() == value,
                "author" => article.Author == value,
                "language" => article.Language == value,
                "contains" => article.Text.Contains(value, StringComparison.Ordinal),
                "lacks" => !article.Text.Contains(value, StringComparison.Ordinal) && article.Title?.Contains(value, StringComparison.Ordinal) != true,
                "removed" => RemovedHas(article, value, hiddenOnly: false),
                "removed-hidden" => RemovedHas(article, "hidden: " + value, hiddenOnly: true),
                "breadcrumb" => string.Join(" > ", article.Extraction.Breadcrumb) == value,
                "navigation-has" => article.Extraction.Navigation.Contains(value),
                "section" => article.Sections.Any(s => s.Heading == value),
                _ => throw new InvalidOperationException($"{name}.expect: unknown key '{key}'"),
            };
            if (!ok)
                failures.Add($"expected {key}: {value}");
        }
        Assert.True(failures.Count == 0, Describe(name, article, failures));
        AssertSpansConsistent(article);
    }

    private static bool RemovedHas(Article article, string value, bool hiddenOnly)
    {
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        var reason = value[..colon].Trim();
        var text = value[(colon + 1)..].Trim();
        return article.Removed.Any(r => string.Equals(ReasonName(r.Reason), reason, StringComparison.Ordinal)
            && r.Text.Contains(text, StringComparison.Ordinal) && (!hiddenOnly || r.Hidden));
    }

    private static string ReasonName(RemovalReason reason) => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(reason.ToString());

    /// <summary>Every paragraph and heading span must slice exactly its text out of Article.Text.</summary>
    internal static void AssertSpansConsistent(Article article)
    {
        foreach (var section in article.Sections)
        {
            if (section.HeadingSpan is { } h)
                Assert.Equal(section.Heading, h.Slice(article.Text));
            foreach (var p in section.Paragraphs)
                Assert.Equal(p.Text, p.Span.Slice(article.Text));
        }
    }

    private static string Describe(string name, Article a, List<string> failures)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"case {name}:");
        foreach (var f in failures)
            sb.AppendLine("  " + f);
        sb.AppendLine($"actual title: {a.Title}; published: {a.Published?.ToIso() ?? "none"}; author: {a.Author}; language: {a.Language}; step: {a.Extraction.Step}");
        sb.AppendLine($"breadcrumb: {string.Join(" > ", a.Extraction.Breadcrumb)}; navigation: {string.Join(", ", a.Extraction.Navigation)}");
        sb.AppendLine("text:");
        sb.AppendLine(a.Text);
        foreach (var r in a.Removed)
            sb.AppendLine($"removed {ReasonName(r.Reason)}{(r.Hidden ? " (hidden)" : "")}: {r.Text.Replace('\n', '|')}");
        return sb.ToString();
    }
}
