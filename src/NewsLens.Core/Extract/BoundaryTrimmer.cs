using System.Text.RegularExpressions;
using NewsLens.Model;

namespace NewsLens.Extract;

/// <summary>What trimming found on the way: lines near the title that carry the date, the author, the trail.</summary>
internal sealed class TrimFindings
{
    public List<string> DateLines { get; } = [];

    public List<string> BylineLines { get; } = [];

    public List<string> BreadcrumbLines { get; } = [];
}

/// <summary>
/// Trims the chosen body at its edges and drops what never belongs in it, for HTML and text pages alike:
/// the title repeated as a line (also when a brand or subtitle is glued to it), bylines/dates/sources
/// under the title, breadcrumb lines above it, "related articles" headings with the link lists under
/// them, and the tail of editor lines, copyright, share and previous/next lines.
/// Each rule looks at a block's own text and position only, never at a particular site.
/// </summary>
internal sealed partial class BoundaryTrimmer
{
    /// <summary>A line longer than this (visible chars) is prose, never a byline/tail line.</summary>
    private const int MaxMetaLineChars = 100;

    /// <summary>A "long paragraph": ends the head zone and stops a related-links run (Latin-equivalent chars).</summary>
    private const int ProseLength = 150;

    /// <summary>Meta lines this short may hold clause commas (a list of names).</summary>
    private const int MaxShortMetaLine = 30;

    /// <summary>Titles shorter than this (visible chars) are too generic to match lines against.</summary>
    private const int MinTitleChars = 6;

    /// <summary>What may be glued to a repeated title and still count as the title line (a brand, a subtitle).</summary>
    private const int MaxTitleRemainder = 30;

    /// <summary>Blocks before the title line are dropped only when they are this small a share of the body.</summary>
    private const double MaxPreTitleShare = 0.25;

    /// <summary>List items at the end of the body with this much link text are teasers for other articles.</summary>
    private const double TrailingListLinkDensity = 0.25;

    /// <summary>
    /// Closing calls to action ("Follow us on Telegram…", "Download our app for iOS and Android", newsletter
    /// sign-ups) run up to about two sentences; longer tail paragraphs are prose even when they name a network.
    /// </summary>
    private const int MaxCallToActionChars = 300;

    /// <summary>A tail cut after a strong end marker may drop at most this share of the body.</summary>
    private const double MaxTailCutShare = 0.3;

    public TrimFindings Trim(IReadOnlyList<TextBlock> blocks, RemovalReason?[] reasons, string? title)
    {
        var findings = new TrimFindings();
        var order = new List<int>();
        for (var i = 0; i < blocks.Count; i++)
        {
            if (reasons[i] is null)
                order.Add(i);
        }
        DropLinkLists(blocks, reasons, order);
        DropTitleLines(blocks, reasons, order, title);
        TrimHead(blocks, reasons, order, findings);
        DropRelatedRuns(blocks, reasons, order);
        TrimTail(blocks, reasons, order, findings);
        return findings;
    }

    private static void DropLinkLists(IReadOnlyList<TextBlock> blocks, RemovalReason?[] reasons, List<int> order)
    {
        foreach (var i in order)
        {
            var b = blocks[i];
            if (b.LinkDensity > MainContentSelector.MaxBlockLinkDensity)
                reasons[i] = b.Kind == BlockKind.ListItem ? RemovalReason.RelatedLinks : RemovalReason.Navigation;
        }
        order.RemoveAll(i => reasons[i] is not null);
    }

    private static void DropTitleLines(IReadOnlyList<TextBlock> blocks, RemovalReason?[] reasons, List<int> order, string? title)
    {
        if (title is null)
            return;
        var t = Squeeze(title);
        if (t.Length < MinTitleChars)
            return;
        var total = 0;
        foreach (var i in order)
            total += blocks[i].EffectiveLength;
        var first = -1;
        for (var k = 0; k < order.Count; k++)
        {
            var i = order[k];
            var length = blocks[i].Text.Length < t.Length ? 0 : SqueezedLength(blocks[i].Text, MaxMetaLineChars * 2);
            if (length > MaxMetaLineChars * 2 || length < t.Length)
                continue;
            var b = Squeeze(blocks[i].Text);
            if (b.Length > MaxMetaLineChars * 2 || !b.Contains(t, StringComparison.Ordinal))
                continue;
            var remainder = b.Length - t.Length;
            if (remainder <= Math.Max(MaxTitleRemainder, t.Length) || (blocks[i].Kind == BlockKind.Heading && remainder <= t.Length * 2))
            {
                reasons[i] = RemovalReason.RepeatedTitle;
                if (first < 0)
                    first = k;
            }
        }
        if (first > 0)
        {
            var before = 0;
            var prose = false;
            for (var k = 0; k < first; k++)
            {
                var b = blocks[order[k]];
                before += b.EffectiveLength;
                prose |= b.EffectiveLength >= ProseLength && b.Punctuation >= 2;
            }
            // Only a header above the title goes (kicker, category, date); prose above it means the line repeats mid-body.
            if (!prose && before <= total * MaxPreTitleShare)
            {
                for (var k = 0; k < first; k++)
                    reasons[order[k]] ??= RemovalReason.Header;
            }
        }
        order.RemoveAll(i => reasons[i] is not null);
    }

    private static void TrimHead(IReadOnlyList<TextBlock> blocks, RemovalReason?[] reasons, List<int> order, TrimFindings findings)
    {
        foreach (var i in order)
        {
            var b = blocks[i];
            if (b.EffectiveLength >= ProseLength && b.Punctuation >= 2)
                break;
            if (b.VisibleChars > MaxMetaLineChars)
                continue;
            var text = b.Text;
            if (BreadcrumbLine().IsMatch(text))
            {
                reasons[i] = RemovalReason.Breadcrumb;
                findings.BreadcrumbLines.Add(text);
            }
            else if (SourceLine().IsMatch(text) && !EndsSentence(text))
            {
                reasons[i] = RemovalReason.SourceLine;
                findings.BylineLines.Add(text);
                if (DateParser.FindInText(text) is not null)
                    findings.DateLines.Add(text);
            }
            else if ((HeadBylineLine().IsMatch(text) || BylineLine().IsMatch(text)) && IsMetaLine(text))
            {
                reasons[i] = RemovalReason.Byline;
                findings.BylineLines.Add(text);
                if (DateParser.FindInText(text) is not null)
                    findings.DateLines.Add(text);
            }
            else if (IsDateLine(text))
            {
                reasons[i] = RemovalReason.Byline;
                findings.DateLines.Add(text);
            }
        }
        order.RemoveAll(i => reasons[i] is not null);
    }

    private static void DropRelatedRuns(IReadOnlyList<TextBlock> blocks, RemovalReason?[] reasons, List<int> order)
    {
        for (var k = 0; k < order.Count; k++)
        {
            var b = blocks[order[k]];
            if (b.VisibleChars > 40 || !RelatedHeading().IsMatch(b.Text))
                continue;
            reasons[order[k]] = RemovalReason.RelatedLinks;
            for (var j = k + 1; j < order.Count; j++)
            {
                var next = blocks[order[j]];
                if (next.EffectiveLength >= ProseLength && next.LinkDensity < 0.2 && next.Punctuation >= 2)
                    break;
                if (next.Kind == BlockKind.Heading && !RelatedHeading().IsMatch(next.Text))
                    break;
                reasons[order[j]] = RemovalReason.RelatedLinks;
            }
        }
        order.RemoveAll(i => reasons[i] is not null);
    }

    private static void TrimTail(IReadOnlyList<TextBlock> blocks, RemovalReason?[] reasons, List<int> order, TrimFindings findings)
    {
        var total = 0;
        foreach (var i in order)
            total += blocks[i].EffectiveLength;
        // A strong end marker ("责任编辑", "上一篇", "Copyright") late in the body cuts what follows when that is small.
        var seen = 0;
        for (var k = 0; k < order.Count; k++)
        {
            var b = blocks[order[k]];
            seen += b.EffectiveLength;
            if (b.VisibleChars > MaxMetaLineChars || !StrongEndMarker().IsMatch(b.Text))
                continue;
            if (total - seen <= total * MaxTailCutShare)
            {
                for (var j = k; j < order.Count; j++)
                    reasons[order[j]] ??= TailReason(blocks[order[j]].Text) ?? RemovalReason.Footer;
                break;
            }
        }
        order.RemoveAll(i => reasons[i] is not null);
        for (var k = order.Count - 1; k >= 0; k--)
        {
            var b = blocks[order[k]];
            if (b.VisibleChars > MaxMetaLineChars)
            {
                // A longer closing line may still be the site's call to subscribe, follow or install its app.
                if (b.VisibleChars <= MaxCallToActionChars && k > 0 && IsCallToAction(b.Text))
                {
                    reasons[order[k]] = RemovalReason.Advertisement;
                    continue;
                }
                break;
            }
            if (TailReason(b.Text) is { } r)
            {
                reasons[order[k]] = r;
                if (r is RemovalReason.Byline)
                    findings.BylineLines.Add(b.Text);
                continue;
            }
            if (IsDateLine(b.Text))
            {
                reasons[order[k]] = RemovalReason.Byline;
                continue;
            }
            break;
        }
        // A trailing list of links ("More stories" teasers) and the short heading above it.
        var cut = false;
        for (var k = order.Count - 1; k >= 0; k--)
        {
            var b = blocks[order[k]];
            if (reasons[order[k]] is not null)
                continue;
            if (b.Kind == BlockKind.ListItem && b.LinkDensity >= TrailingListLinkDensity)
            {
                reasons[order[k]] = RemovalReason.RelatedLinks;
                cut = true;
                continue;
            }
            if (cut && b.VisibleChars <= 60 && !EndsSentence(b.Text) && b.Punctuation <= 1)
                reasons[order[k]] = RemovalReason.RelatedLinks;
            break;
        }
        order.RemoveAll(i => reasons[i] is not null);
        // Editor and ad lines inside the body go wherever they are.
        foreach (var i in order)
        {
            var b = blocks[i];
            if (reasons[i] is null && b.VisibleChars <= MaxMetaLineChars && (EditorLine().IsMatch(b.Text) || AdLabel().IsMatch(b.Text)))
                reasons[i] = AdLabel().IsMatch(b.Text) ? RemovalReason.Advertisement : RemovalReason.Byline;
            else if (reasons[i] is null && b.VisibleChars <= MaxMetaLineChars && PrevNextLine().IsMatch(b.Text) && !EndsSentence(b.Text))
                reasons[i] = RemovalReason.Navigation;
        }
        order.RemoveAll(i => reasons[i] is not null);
    }

    private static RemovalReason? TailReason(string text)
    {
        if ((EditorLine().IsMatch(text) || BylineLine().IsMatch(text)) && IsMetaLine(text))
            return RemovalReason.Byline;
        if (SourceLine().IsMatch(text) && text.Length <= 60)
            return RemovalReason.SourceLine;
        if (CopyrightLine().IsMatch(text))
            return RemovalReason.Footer;
        if (ShareLine().IsMatch(text))
            return RemovalReason.ShareBar;
        if (PrevNextLine().IsMatch(text))
            return RemovalReason.Navigation;
        if (TagsLine().IsMatch(text) || RelatedHeading().IsMatch(text))
            return RemovalReason.RelatedLinks;
        if (AdLabel().IsMatch(text) || IsCallToAction(text))
            return RemovalReason.Advertisement;
        return null;
    }

    /// <summary>The site speaking to the reader (see <see cref="CallToActionLine"/>); a quotation is someone else speaking.</summary>
    private static bool IsCallToAction(string text) =>
        text.Length > 0 && text[0] is not ('"' or '“' or '„' or '«' or '»' or '「' or '『' or '\'')
        && text.AsSpan().IndexOfAny(CallToActionWords) >= 0 && CallToActionLine().IsMatch(text);

    /// <summary>Words one of which every <see cref="CallToActionLine"/> match holds: a vectorised pre-check that spares most lines the regex.</summary>
    private static readonly System.Buffers.SearchValues<string> CallToActionWords = System.Buffers.SearchValues.Create(
        ["subscri", "newsletter", "sign up", "twitter", "facebook", "instagram", "telegram", "whatsapp", "youtube", "linkedin", "tiktok", "app",
         "abonn", "folgen sie", "suscr", "guenos", "hazte", "nete", "nuestro canal", "pour lire", "subskryp", "prenumer", "关注", "下载客户端", "订阅"],
        StringComparison.OrdinalIgnoreCase);

    /// <summary>A line that is a date and little else ("2025-06-06", "2025年6月6日 10:20 星期五").</summary>
    internal static bool IsDateLine(string text)
    {
        if (text.Length > 60 || DateParser.FindInText(text) is null)
            return false;
        var letters = 0;
        foreach (var c in DateLineNoise().Replace(text, ""))
        {
            if (char.IsLetter(c))
                letters++;
        }
        return letters <= 12 && !EndsSentence(text);
    }

    /// <summary>
    /// A line that states facts about the article rather than telling it: no sentence end, and no
    /// clause commas unless very short ("作者：张三，李四"). "记者从省统计局获悉，…" is prose, not a byline.
    /// </summary>
    internal static bool IsMetaLine(string s) =>
        !EndsSentence(s) && (s.Length <= MaxShortMetaLine || s.AsSpan().IndexOfAny('，', '。') < 0);

    private static bool EndsSentence(string s) => s.Length > 0 && s[^1] is '。' or '！' or '？' or '.' or '!' or '?';

    /// <summary>Whether a heading states the title: same letters and digits, up to a trailing ellipsis or site suffix.</summary>
    internal static bool SameTitle(string heading, string title)
    {
        var h = LettersAndDigits(heading);
        var t = LettersAndDigits(title);
        if (h.Length == 0 || t.Length == 0)
            return false;
        if (h == t)
            return true;
        var (shorter, longer) = h.Length < t.Length ? (h, t) : (t, h);
        return shorter.Length * 10 >= longer.Length * 8 && longer.Contains(shorter, StringComparison.Ordinal);
    }

    private static string LettersAndDigits(string s)
    {
        var sb = new System.Text.StringBuilder(s.Length);
        foreach (var c in s)
        {
            if (char.IsLetterOrDigit(c))
                sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }

    /// <summary>The length <see cref="Squeeze"/> would return, without making the string (a cheap filter before comparing).</summary>
    internal static int SqueezedLength(string s, int stopAbove = int.MaxValue)
    {
        var n = 0;
        foreach (var c in s)
        {
            if (!TextNormaliser.IsSpace(c) && ++n > stopAbove)
                break;
        }
        return n;
    }

    /// <summary>Text without whitespace, for comparing lines that differ only in spacing.</summary>
    internal static string Squeeze(string s)
    {
        var sb = new System.Text.StringBuilder(s.Length);
        foreach (var c in s)
        {
            if (!TextNormaliser.IsSpace(c))
                sb.Append(c);
        }
        return sb.ToString();
    }

    [GeneratedRegex(@"^(?:当前位置|您的位置|你的位置|您现在的位置|位置|You are here)\s*[:：]|^[^。，,.!?！？]{1,20}(?:\s*(?:>|»|›|＞|→|>>)\s*[^。，,.!?！？>»›＞→]{1,20}){1,6}$")]
    private static partial Regex BreadcrumbLine();

    [GeneratedRegex(@"^(?:(?:本报|新华社|人民网|中新网|央视网|新华网)?(?:记者|通讯员|特约记者|实习记者|见习记者|特派记者|本报记者|本报讯)|作者|撰文|撰稿|文\s*[/|／]|文\s*[:：]|图\s*[/|／]|编辑|编者|发布时间|发布日期|发表时间|发表日期|发稿时间|更新时间|时间|日期|浏览次数|点击数|阅读数|阅读量|字号|【字体|字体\s*[:：])")]
    private static partial Regex HeadBylineLine();

    [GeneratedRegex(@"^(?:By|BY|Von|VON|Par|Por|Di|Door|Autor|Author|Written by|Posted by|Published by|Reporting by)\s+\p{Lu}|^(?:By|Von|Par)\s*[:]", RegexOptions.None)]
    private static partial Regex BylineLine();

    [GeneratedRegex(@"(?:^|\s|】|\|)(?:来源|来自|稿源|出处|消息来源|文章来源|本文来源|稿件来源|Source)\s*[:：]")]
    private static partial Regex SourceLine();

    [GeneratedRegex(@"^[（(\[【]?\s*(?:责任编辑|责编|编辑|审核|审校|校对|监制|策划|统筹|制作|编审|值班编辑|本文编辑|实习编辑|编校|终审|初审|复审|原标题)\s*[:：|｜]")]
    private static partial Regex EditorLine();

    [GeneratedRegex(@"^[（(\[【]?\s*(?:责任编辑|责编|上一篇|下一篇|上一条|下一条|相关新闻|相关阅读|相关文章|相关报道|版权所有|免\s*责\s*声\s*明|郑\s*重\s*声\s*明|Copyright|©)")]
    private static partial Regex StrongEndMarker();

    [GeneratedRegex(@"版权所有|Copyright|©|All rights reserved|未经授权|禁止转载|不得转载|转载请注明|免\s*责\s*声\s*明|郑\s*重\s*声\s*明|Alle Rechte vorbehalten", RegexOptions.IgnoreCase)]
    private static partial Regex CopyrightLine();

    [GeneratedRegex(@"^[【\[]?(?:分享到|分享|转发|Share|Tweet|Teilen|Partager|Email|E-Mail|Print|Drucken|打印|关闭|收藏|返回顶部|返回首页|返回列表|点赞|扫一扫|扫描二维码|微信扫一扫|关注我们|关注微信|Follow us|Follow)(?:\s|[:：!！】\]]|$)|^(?:Artikel|Beitrag|Seite|Diesen Artikel|Den Artikel) teilen|^(?:Möchten Sie|Wollen Sie) (?:den|diesen) (?:Artikel|Beitrag) teilen|^War (?:der|dieser) (?:Artikel|Beitrag) (?:nützlich|hilfreich)|^Was this (?:article|page|post) helpful|^Share (?:this|on|via)|^Compartir|^Partager", RegexOptions.IgnoreCase)]
    private static partial Regex ShareLine();

    [GeneratedRegex(@"^(?:上一篇|下一篇|上一条|下一条|上一页|下一页|Previous|Next)(?:\s|[:：]|$)|第\s*\d+\s*页\s*/\s*共\s*\d+\s*页|[<《]*\s*上一页\s*[|｜]\s*下一页", RegexOptions.IgnoreCase)]
    private static partial Regex PrevNextLine();

    /// <summary>
    /// The site asking the reader to do something: subscribe, sign up for a newsletter, follow it on a network,
    /// join its channel, install its app, become a member (English, German, Spanish, French, Polish, Chinese).
    /// The English subscription words count only when the line speaks to the reader; a quoted line is never one.
    /// </summary>
    [GeneratedRegex(@"(?:\b(?:subscribe|subscriber|newsletter|sign up)\b.*\b(?:you|your|our|us|here|now)\b|\b(?:you|your|our|us|here|now)\b.*\b(?:subscribe|subscriber|newsletter|sign up)\b)|(?:follow|join)\s+(?:us|\p{Lu}[\w.]*(?:\s+\p{Lu}[\w.]*){0,2})\s+on\s+(?:Twitter|Facebook|Instagram|Telegram|WhatsApp|YouTube|LinkedIn|TikTok)|\bapps?\b[^.!?]{0,40}\b(?:iOS|Android|App Store|Google Play)\b|\b(?:download|get)\b[^.!?]{0,40}\bapp\b|abonnieren|Newsletter|Folgen Sie uns|suscr[ií]b|suscripci[óo]n|s[ií]guenos|hazte (?:miembro|socio)|[ÚU]nete|nuestro canal de|abonnez|abonnement|pour lire la suite|subskrypcj|prenumerat|关注我们|关注微信|扫码关注|下载客户端|订阅", RegexOptions.IgnoreCase)]
    private static partial Regex CallToActionLine();

    [GeneratedRegex(@"^(?:标签|Tags?|关键词|关键字|Keywords|Schlagwörter|Themen|Mots-clés)\s*[:：]", RegexOptions.IgnoreCase)]
    private static partial Regex TagsLine();

    [GeneratedRegex(@"^(?:Advertisement|Anzeige|Werbung|Publicité|Publicidad|广告|Sponsored|ADVERTISEMENT)(?:$|\s*[-–:|])|^(?:Crédits? photos?|Photo credits?|Bildquelle|Bildnachweis|Fotos?|Photos?|Bild|Image|Imagen|图片来源|图片)\s*[:：]", RegexOptions.IgnoreCase)]
    private static partial Regex AdLabel();

    [GeneratedRegex(@"^[#\s【\[]*(?:相关(?:新闻|文章|阅读|报道|链接|推荐|专题|资讯|内容)|猜你喜欢|延伸阅读|推荐阅读|扩展阅读|热门(?:文章|推荐|新闻|阅读)|更多(?:新闻|阅读|精彩|文章|推荐)|精彩推荐|热点推荐|[^。，,.!?！？\s]{0,6}推荐|往期回顾|你可能(?:还)?(?:感兴趣|喜欢)|您可能(?:还)?(?:感兴趣|喜欢)|Related(?: (?:articles?|stories|posts|news|content|coverage|reading))?|Read (?:more|next|also)|More (?:from|on|stories|news)|You (?:may|might) (?:also )?like|Recommended(?: for you)?|Most (?:read|popular|viewed)|Mehr zum Thema|Weitere Artikel|Weitere Beiträge|Das könnte Sie auch interessieren|Lesen Sie auch|Auch interessant|Ebenfalls interessant|Passend dazu|Zum Thema|Weiterlesen|Vorschau auf den nächsten Artikel|Nächster Artikel|Vorheriger Artikel|Also read|See also|Read also|Trending(?: now)?|Popular(?: now| stories)?|À lire aussi|Sur le même sujet|Lire aussi|Te puede interesar|Lee también|Noticias relacionadas|Más noticias|Zobacz też|Czytaj też)(?:\s+[^.。!?！？,，]{1,25})?\s*[:：】\]]*$", RegexOptions.IgnoreCase)]
    private static partial Regex RelatedHeading();

    [GeneratedRegex(@"\d|年|月|日|时|分|星期.|周.|[:：\-/.年月日]|发布|时间|日期|更新|published|updated|am|pm", RegexOptions.IgnoreCase)]
    private static partial Regex DateLineNoise();
}
