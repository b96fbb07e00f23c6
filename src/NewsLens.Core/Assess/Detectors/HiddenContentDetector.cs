using NewsLens.Model;

namespace NewsLens.Assess.Detectors;

/// <summary>
/// spam.hidden_links / spam.hidden_text: blocks the page hid from readers (CSS, off-screen positioning) that
/// carry spam brands or a pile of outbound links. Hidden menus are normal; hidden promotion is not.
/// </summary>
internal sealed class HiddenContentDetector : IFlagDetector
{
    public const string LinksCode = "spam.hidden_links";
    public const string TextCode = "spam.hidden_text";

    /// <summary>A hidden block's words with at least this lexicon weight are promotion (any family): half of the scale.</summary>
    private const double MinWeight = 0.5;

    /// <summary>
    /// Hidden link farms list many outbound links; a hidden mobile menu lists the site's own sections (same host).
    /// Five foreign-host links is above any hidden widget we saw on honest pages (share bars use 3–4).
    /// </summary>
    private const int MinForeignLinks = 5;

    public string Family => "spam";

    public IEnumerable<Flag> Detect(AssessContext context)
    {
        var host = HostOf(context.Article.Url);
        foreach (var unit in context.Units)
        {
            if (unit.Block is not { } block || !(block.Hidden || block.Reason == RemovalReason.Hidden))
                continue;
            var text = block.Text + "\n" + string.Join("\n", block.Links.Select(l => l.Text + " " + l.Href));
            var runs = BrandRuns.Find(context.Rules.Lexicon, text).Where(r => r.Weight >= MinWeight).ToList();
            var code = block.Links.Count > 0 ? LinksCode : TextCode;
            if (runs.Count > 0)
            {
                var family = runs.MaxBy(r => r.Weight)!.Family;
                var names = string.Join("、", runs.Select(r => r.Slice(text)).Distinct(StringComparer.OrdinalIgnoreCase).Take(4));
                yield return FlagMaker.Make(code, Severity.High, [unit.ToEvidence() with { Text = FlagMaker.Quote(block.Text, 200) }],
                    $"页面中有对读者隐藏的{(code == LinksCode ? "链接" : "文字")}，内容为{FlagMaker.Zh(family)}推广“{names}”：这是网站被黑、植入暗链的典型迹象。",
                    $"The page hides {(code == LinksCode ? "links" : "text")} from readers that promote {FlagMaker.En(family)} (\"{names}\"): the classic sign of a hacked site carrying hidden spam links.");
                continue;
            }
            var foreign = block.Links.Count(l => HostOf(l.Href) is { } h && !SameSite(h, host));
            if (foreign >= MinForeignLinks)
            {
                yield return FlagMaker.Make(LinksCode, Severity.Medium, [unit.ToEvidence() with { Text = FlagMaker.Quote(block.Text, 200) }],
                    $"页面中有{foreign}个对读者隐藏的外部链接，疑为暗链。",
                    $"The page hides {foreign} links to other sites from readers; they look like planted hidden links.");
            }
        }
    }

    internal static string? HostOf(string? url) =>
        url is not null && Uri.TryCreate(url, UriKind.Absolute, out var u) && u.Host.Length > 0 ? u.Host.ToLowerInvariant() : null;

    /// <summary>Same registrable-looking domain: the last two labels match (news.example.com ~ www.example.com).</summary>
    private static bool SameSite(string a, string? b)
    {
        if (b is null)
            return false;
        static string Tail(string h)
        {
            var parts = h.Split('.');
            return parts.Length <= 2 ? h : string.Join('.', parts[^2..]);
        }
        return string.Equals(Tail(a), Tail(b), StringComparison.Ordinal);
    }
}
