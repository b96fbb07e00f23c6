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

    /// <summary>Hidden words count as promotion only at the strong level, and only bare (link texts, keyword lists): hidden
    /// news tickers name casinos and drugs in headlines.</summary>
    private const double MinWeight = BrandRuns.Strong;

    /// <summary>
    /// Hidden link farms point to many unrelated domains; a hidden menu points to the site's own sections or a few
    /// sister sites. Five distinct foreign domains is above any hidden widget on the honest pages we checked
    /// (portal product menus reach 4, share bars 3).
    /// </summary>
    private const int MinForeignSites = 5;

    /// <summary>Link-farm anchors are keywords (代写论文, 网贷秒批); hidden tabs and ad widgets carry headlines. Median anchor
    /// length of the farm sample is 4; the hidden headline widgets on old portal pages run 8–14.</summary>
    private const int MaxFarmAnchorChars = 8;

    /// <summary>Share and follow buttons point to these; they are never a link farm.</summary>
    private static readonly HashSet<string> SocialHosts = new(StringComparer.Ordinal)
    {
        "facebook.com", "twitter.com", "x.com", "linkedin.com", "whatsapp.com", "telegram.me", "t.me", "instagram.com", "youtube.com",
        "pinterest.com", "reddit.com", "tumblr.com", "vk.com", "discord.gg", "discord.com", "weibo.com", "qq.com", "wechat.com",
        "douban.com", "line.me", "xing.com", "flipboard.com", "mastodon.social", "bsky.app", "threads.net", "tiktok.com",
    };

    /// <summary>Blocks that are the site's own widgets: hidden dropdowns and share bars are normal there.</summary>
    private static readonly HashSet<RemovalReason> WidgetReasons =
    [
        RemovalReason.Navigation, RemovalReason.Header, RemovalReason.Footer, RemovalReason.ShareBar, RemovalReason.Breadcrumb,
        RemovalReason.RelatedLinks, RemovalReason.Comments, RemovalReason.Form, RemovalReason.Script,
    ];

    public string Family => "spam";

    public IEnumerable<Flag> Detect(AssessContext context)
    {
        // The page's own site: its URL, else the domain most of its removed links point to (menus link home).
        var own = HostOf(context.Article.Url) is { } h0 ? Tail(h0)
            : context.Article.Removed.SelectMany(b => b.Links).Select(l => HostOf(l.Href)).Where(h => h is not null)
                .GroupBy(h => Tail(h!), StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key).FirstOrDefault();
        foreach (var unit in context.Units)
        {
            if (unit.Block is not { } block || !(block.Hidden || block.Reason == RemovalReason.Hidden))
                continue;
            var text = block.Text + "\n" + string.Join("\n", block.Links.Select(l => l.Text + " " + l.Href));
            var runs = BrandRuns.Find(context.Rules.Lexicon, text).Where(r => r.Weight >= MinWeight && BrandRuns.IsBare(text, r)).ToList();
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
            if (WidgetReasons.Contains(block.Reason))
                continue;
            var foreign = block.Links.Select(l => HostOf(l.Href)).Where(h => h is not null && Tail(h) != own && !SocialHosts.Contains(Tail(h))).Select(h => Tail(h!)).Distinct(StringComparer.Ordinal).Count();
            var anchors = block.Links.Select(l => l.Text.Trim().Length).Where(n => n > 0).Order().ToArray();
            var median = anchors.Length == 0 ? 0 : anchors[anchors.Length / 2];
            if (foreign >= MinForeignSites && median <= MaxFarmAnchorChars)
            {
                // Without promotion words this could still be a network's hidden menu of sister sites: low.
                yield return FlagMaker.Make(LinksCode, Severity.Low, [unit.ToEvidence() with { Text = FlagMaker.Quote(block.Text, 200) }],
                    $"页面中有指向{foreign}个不同外部网站、对读者隐藏的链接，疑为暗链。",
                    $"The page hides links to {foreign} different outside sites from readers; they look like planted hidden links.");
            }
        }
    }

    internal static string? HostOf(string? url) =>
        url is not null && Uri.TryCreate(url, UriKind.Absolute, out var u) && u.Host.Length > 0 ? u.Host.ToLowerInvariant() : null;

    /// <summary>The registrable-looking part of a host: its last two labels (news.example.com → example.com), three
    /// under a country's generic second level (www.example.gov.cn → example.gov.cn).</summary>
    private static string Tail(string host)
    {
        var parts = host.Split('.');
        var take = parts.Length >= 3 && parts[^1].Length == 2 && parts[^2] is "com" or "net" or "org" or "gov" or "edu" or "ac" or "co" ? 3 : 2;
        return parts.Length <= take ? host : string.Join('.', parts[^take..]);
    }
}
