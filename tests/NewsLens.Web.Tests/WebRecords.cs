using System.Security.Cryptography;
using System.Text;
using NewsLens.Model;

namespace NewsLens.Web.Tests;

/// <summary>Hand-built analysed articles for the web tests (no /work/shared, no pipeline): a story told by
/// two sites, an English report, and a hostile page whose title and text carry markup and script.</summary>
internal static class WebRecords
{
    public const string ThreadId = "t-webtest01";

    public const string HostileTitle = "<script>alert('title')</script>金正恩<img src=x onerror=alert(1)>";

    public const string HostileScript = "<script>document.title='pwned'</script>";

    public const string HostileImg = "<img src=x onerror=alert(2)>";

    public const string HostileSite = "<b onmouseover=alert(3)>evil</b>";

    public static AnalysedArticle Original { get; } = Build(
        "pages/a.html",
        "普京会见金正恩 双方讨论合作",
        ["俄罗斯总统普京4月15日在莫斯科会见朝鲜领导人金正恩。", "双方讨论了经济合作。"],
        "2025-04-15",
        "新华网",
        [("普京", "Q7747", EntityType.Person), ("金正恩", "Q56226", EntityType.Person), ("莫斯科", "Q649", EntityType.Location)],
        [],
        new ArticleLinks([], ThreadId));

    public static AnalysedArticle Copy { get; } = Build(
        "pages/b.html",
        "普京会见金正恩 双方讨论合作",
        ["俄罗斯总统普京4月15日在莫斯科会见朝鲜领导人金正恩。", "双方讨论了经济与军事合作。"],
        "2025-04-16",
        "环球网",
        [("普京", "Q7747", EntityType.Person), ("金正恩", "Q56226", EntityType.Person)],
        [],
        new ArticleLinks([new DuplicateLink(Original.Article.Id, CopyKind.NearDuplicate, 0.82)], ThreadId));

    public static AnalysedArticle English { get; } = Build(
        "pages/en.html",
        "Lavrov meets Wang Yi in Beijing",
        ["Foreign minister Lavrov met Wang Yi in Beijing on Monday.", "They discussed trade."],
        "2024-12-02",
        "example.org",
        [("Lavrov", "Q4917", EntityType.Person), ("Wang Yi", "Q24958", EntityType.Person)],
        [("kb.role_contradiction", Severity.High, "Foreign minister Lavrov")],
        null);

    public static AnalysedArticle Hostile { get; } = Build(
        "pages/hostile.html",
        HostileTitle,
        [$"金正恩 {HostileImg} 访问平壤。", $"{HostileScript} 结束。"],
        "2025-05-01",
        HostileSite,
        [("金正恩", null, EntityType.Person)],
        [("spam.injected_link", Severity.Medium, HostileScript)],
        null);

    public static IReadOnlyList<AnalysedArticle> All { get; } = [Original, Copy, English, Hostile];

    public const string RejectedSource = "pages/junk.bin";

    private static AnalysedArticle Build(
        string source,
        string title,
        IReadOnlyList<string> paragraphs,
        string day,
        string site,
        IReadOnlyList<(string Text, string? KbId, EntityType Type)> entities,
        IReadOnlyList<(string Code, Severity Severity, string Evidence)> flags,
        ArticleLinks? links)
    {
        var text = string.Join("\n\n", paragraphs);
        var id = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(title + "\n" + text)))[..16];
        var spans = new List<Paragraph>();
        var at = 0;
        foreach (var p in paragraphs)
        {
            spans.Add(new Paragraph(p, new Span(at, at + p.Length)));
            at += p.Length + 2;
        }
        var published = new PublishedAt(DateOnly.ParseExact(day, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), null, null);
        var article = new Article(id, source, $"https://example.org/{id}", title, published, site, null, "zh", text,
            [new Section(null, null, spans)],
            [new RemovedBlock("分享到微信 <a href=javascript:alert(4)>x</a>", RemovalReason.ShareBar, null, false, [new RemovedLink("x", "javascript:alert(4)")])],
            ExtractionInfo.None("test"));
        var mentions = entities
            .Select(e => (e, i: text.IndexOf(e.Text, StringComparison.Ordinal)))
            .Where(x => x.i >= 0)
            .Select(x => new EntityMention(x.e.Text, x.e.Type, new Span(x.i, x.i + x.e.Text.Length), x.e.KbId, x.e.KbId is null ? null : x.e.Text, null, null))
            .ToList();
        var flagList = flags.Select(f =>
        {
            var i = text.IndexOf(f.Evidence, StringComparison.Ordinal);
            var evidence = new Evidence(f.Evidence, EvidenceLocation.Text, i < 0 ? null : new Span(i, i + f.Evidence.Length), null);
            return new Flag(f.Code, f.Severity, [evidence], "测试信号", "test signal", [new KbFact("Q4917", "position held", "foreign minister", "2004-03-09", null, "test")]);
        }).ToList();
        return new AnalysedArticle(article)
        {
            Entities = mentions,
            Flags = flagList,
            Credibility = new Credibility(flags.Count == 0 ? 0.95 : 0.5, []),
            Links = links,
        };
    }
}
