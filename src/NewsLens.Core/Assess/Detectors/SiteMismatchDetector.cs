using System.Text.RegularExpressions;
using NewsLens.Assess.Rules;
using NewsLens.Model;

namespace NewsLens.Assess.Detectors;

/// <summary>
/// site.mismatch: content that does not belong to its host, judged from the site's own cues (menus, breadcrumb,
/// section label, site name, title suffix): world/geopolitical news filed under a company's "企业文化" page.
/// </summary>
internal sealed partial class SiteMismatchDetector : IFlagDetector
{
    public const string Code = "site.mismatch";

    /// <summary>
    /// Geopolitical words per 1,000 body characters above which the article is world/geopolitical news.
    /// Our wire-news samples on Russia/DPRK/Ukraine score 25–60; company and culture pages score 0–4.
    /// </summary>
    private const double GeoDensity = 12.0;

    /// <summary>Too short a body to judge its subject.</summary>
    private const int MinBodyChars = 200;

    /// <summary>Two corporate menu entries (关于我们 + 产品中心) already mark a company site; one could be chance.</summary>
    private const int MinCorporateLabels = 2;

    /// <summary>A section label line at the top of a plain-text page is short (企业文化, 公司新闻).</summary>
    private const int MaxLabelChars = 8;

    public string Family => "site";

    public IEnumerable<Flag> Detect(AssessContext context)
    {
        var a = context.Article;
        var rules = context.Rules;
        if (context.BodyChars < MinBodyChars)
            yield break;

        // The section the page files the article under: last breadcrumb item, else a label line above the title.
        var (section, sectionEvidence) = Section(context);
        var navLabels = NavigationLabels(context).ToArray();
        var corporateNav = navLabels.Where(l => rules.SectionOf(l.Label, SectionKind.Corporate) is not null).ToArray();
        var companyName = CompanyName(a);
        var corporateHost = corporateNav.Length >= MinCorporateLabels || companyName is not null;

        var sectionKind = section is null ? (SectionKind?)null
            : rules.SectionOf(section, SectionKind.News) ?? rules.SectionOf(section, SectionKind.NonNews) ?? rules.SectionOf(section, SectionKind.CompanyNews);
        if (sectionKind == SectionKind.News)
            yield break;
        if (sectionKind is null && !corporateHost)
            yield break;

        var geo = GeoHits(context);
        var density = geo.Count * 1000.0 / Math.Max(1, context.BodyChars);
        if (density < GeoDensity)
            yield break;
        if (companyName is not null && a.Text.Contains(companyName, StringComparison.Ordinal))
            yield break; // the company itself is in the story (its export deal, its delegation): it belongs

        var evidence = new List<Evidence>();
        if (sectionEvidence is not null)
            evidence.Add(sectionEvidence);
        evidence.AddRange(corporateNav.Take(3).Select(l => l.Evidence));
        evidence.AddRange(geo.Take(3));
        var terms = string.Join("、", geo.Select(g => g.Text).Distinct(StringComparer.Ordinal).Take(5));
        var host = companyName ?? (corporateNav.Length > 0 ? string.Join("、", corporateNav.Take(3).Select(l => l.Label)) : null);

        if (sectionKind == SectionKind.NonNews)
        {
            yield return FlagMaker.Make(Code, Severity.High, evidence,
                $"这篇国际时政内容（{terms}）被放在网站的“{section}”栏目下，该栏目本应介绍网站主体自身，内容与网站不符，疑为被劫持网站上的寄生页面。",
                $"World/geopolitical content ({terms}) is filed under the site's \"{section}\" section, which should describe the site's owner: the content does not belong to the host and looks like a parasite page on a hijacked site.");
        }
        else
        {
            yield return FlagMaker.Make(Code, Severity.Medium, evidence,
                $"企业网站（{host ?? section}）上出现与其业务无关的国际时政内容（{terms}），内容与网站不符。",
                $"A company site ({host ?? section}) carries world/geopolitical content ({terms}) unrelated to its business: the content does not match the host.");
        }
    }

    private static (string? Label, Evidence? Evidence) Section(AssessContext context)
    {
        var a = context.Article;
        if (a.Extraction.Breadcrumb.Count > 0)
        {
            var last = a.Extraction.Breadcrumb.Reverse().Select(b => b.Trim()).FirstOrDefault(b => b.Length > 0 && context.Rules.Sections.ContainsKey(b));
            if (last is not null)
                return (last, new Evidence(string.Join(" > ", a.Extraction.Breadcrumb), EvidenceLocation.Metadata, null, null));
        }
        foreach (var u in context.Units)
        {
            if (u.Block?.Reason is RemovalReason.Breadcrumb or RemovalReason.Header)
            {
                var label = u.Text.Split([' ', '>', '/', '»', '›', '|', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .LastOrDefault(t => context.Rules.Sections.ContainsKey(t));
                if (label is not null && u.Block.Reason == RemovalReason.Breadcrumb)
                    return (label, u.ToEvidence());
            }
        }
        // Plain-text pages: a bare label line above the title (or taken as the title by a naive extractor).
        var first = context.Body.FirstOrDefault();
        if (first is not null && first.Text.Length <= MaxLabelChars && context.Rules.Sections.ContainsKey(first.Text))
            return (first.Text, first.ToEvidence());
        if (context.Title is { } t && t.Text.Length <= MaxLabelChars && context.Rules.Sections.ContainsKey(t.Text))
            return (t.Text, t.ToEvidence());
        return (null, null);
    }

    private static IEnumerable<(string Label, Evidence Evidence)> NavigationLabels(AssessContext context)
    {
        foreach (var n in context.Article.Extraction.Navigation)
            yield return (n.Trim(), new Evidence(n, EvidenceLocation.Metadata, null, null));
        foreach (var u in context.Units)
        {
            if (u.Block?.Reason is not (RemovalReason.Navigation or RemovalReason.Header or RemovalReason.Footer))
                continue;
            foreach (var l in u.Block.Links)
                yield return (l.Text.Trim(), u.ToEvidence() with { Text = l.Text });
            foreach (var word in u.Text.Split([' ', '|', '\n', '\t', '·', '/'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                yield return (word, u.ToEvidence() with { Text = word });
        }
    }

    /// <summary>A company name from the site name or the title suffix ("…-某某机械有限公司").</summary>
    private static string? CompanyName(Article a)
    {
        foreach (var s in new[] { a.Site, TitleSuffix(a.Title) })
        {
            if (s is null)
                continue;
            var m = Company().Match(s);
            if (m.Success)
                return m.Groups["name"].Value;
        }
        return null;
    }

    private static string? TitleSuffix(string? title)
    {
        if (title is null)
            return null;
        var i = title.LastIndexOfAny(['-', '_', '|', '—']);
        return i > 0 && i < title.Length - 1 ? title[(i + 1)..].Trim() : null;
    }

    private static List<Evidence> GeoHits(AssessContext context)
    {
        var hits = new List<Evidence>();
        foreach (var u in context.Body)
        {
            if (u.Span is not { } s)
                continue;
            foreach (var term in context.Rules.Geopolitics)
            {
                var i = 0;
                while ((i = u.Text.IndexOf(term, i, StringComparison.Ordinal)) >= 0)
                {
                    hits.Add(new Evidence(term, EvidenceLocation.Text, new Span(s.Start + i, s.Start + i + term.Length), null));
                    i += term.Length;
                }
            }
        }
        hits.Sort((x, y) => x.Span!.Value.Start.CompareTo(y.Span!.Value.Start));
        return hits;
    }

    /// <summary>A company's own name: a short name followed by a legal-form or trade word.</summary>
    [GeneratedRegex(@"(?<name>\p{IsCJKUnifiedIdeographs}{2,12}?)(?:股份)?(?:有限(?:责任)?公司|集团|实业|工厂|厂)$")]
    private static partial Regex Company();
}
