using System.Text;
using NewsLens.Assess.Rules;
using NewsLens.Model;
using NewsLens.Pipeline;

namespace NewsLens.Assess;

/// <summary>
/// Takes injected spam out of the clean text before analysis, so no later stage reads it and spans stay
/// consistent: (1) a line that repeats a title with a spam brand or brand-shaped name glued on
/// ("标题乐天堂fun88") is removed whole; (2) a strong spam brand glued to the end of a paragraph or the title
/// of a page that is not about that family is cut off. Each cut becomes a <see cref="RemovedBlock"/> with
/// reason <see cref="RemovalReason.InjectedText"/>, which the spam detectors then report with evidence.
/// Must run first among the analysers: it changes <see cref="Article.Text"/>.
/// </summary>
internal sealed partial class InjectedTextCleaner : IArticleAnalyser
{
    /// <summary>Prefix of the <see cref="RemovedBlock.Detail"/> this step writes, so reports can tell it from extraction's own removals.</summary>
    public const string DetailPrefix = "assess:";

    private readonly AssessRules rules;

    public InjectedTextCleaner(AssessRules rules) => this.rules = rules;

    public AnalysedArticle Analyse(AnalysedArticle analysed)
    {
        if (analysed.Tokens.Count > 0 || analysed.Entities.Count > 0 || analysed.Dates.Count > 0 || analysed.Events.Count > 0)
            throw new InvalidOperationException("InjectedTextCleaner must run before every other analyser: it edits the article text, and spans found earlier would no longer match.");
        var a = analysed.Article;
        var titles = TitleLines.Candidates(a);
        var cuts = new List<(int Start, int End, string Text, string Detail)>();
        var paragraphs = a.Sections.SelectMany(s => s.Paragraphs).ToArray();
        var pageSupport = SupportByFamily(a.Text);

        foreach (var p in paragraphs)
        {
            var visible = TitleLines.StripMarkers(p.Text);
            var suffix = TitleLines.Match(visible, titles);
            if (suffix is not null)
            {
                var added = visible[suffix.SuffixStart..suffix.SuffixEnd];
                var strong = BrandRuns.Find(rules.Lexicon, added).Any(r => r.Weight >= BrandRuns.Strong);
                if (strong || TitleLines.LooksLikeBrand(added))
                {
                    cuts.Add((p.Span.Start, p.Span.End, p.Text, $"{DetailPrefix} title line with \"{added}\" appended"));
                    continue;
                }
            }
            var tail = InjectedTail(p.Text, pageSupport);
            if (tail is { } t)
            {
                cuts.Add((p.Span.Start + t.Start, p.Span.End, p.Text[t.Start..], $"{DetailPrefix} {t.Family.ToString().ToLowerInvariant()} brand glued to the end of a paragraph"));
                continue;
            }
            foreach (var (start, end, family) in AdvertSentences(p.Text, pageSupport))
                cuts.Add((p.Span.Start + start, p.Span.Start + end, p.Text[start..end], $"{DetailPrefix} {family.ToString().ToLowerInvariant()} advertisement sentence inside a paragraph"));
        }

        var title = a.Title;
        var removed = new List<RemovedBlock>(a.Removed);
        if (title is not null && InjectedTail(title, pageSupport) is { } tt)
        {
            removed.Add(new RemovedBlock(title, RemovalReason.InjectedText, $"{DetailPrefix} {tt.Family.ToString().ToLowerInvariant()} brand glued to the title", false, []));
            title = title[..tt.Start].TrimEnd(' ', '-', '_', '|', '—');
        }
        if (cuts.Count == 0 && ReferenceEquals(title, a.Title))
            return analysed;
        foreach (var c in cuts)
            removed.Add(new RemovedBlock(c.Text, RemovalReason.InjectedText, c.Detail, false, []));
        var edited = Cut(a, cuts.Select(c => (c.Start, c.End)).ToList());
        return analysed with { Article = edited with { Title = title, Removed = removed } };
    }

    /// <summary>A strong brand run that ends a paragraph (or title) of a page not about its family.</summary>
    private (int Start, SpamFamily Family)? InjectedTail(string text, IReadOnlyDictionary<SpamFamily, int> pageSupport)
    {
        var trimmed = text.TrimEnd();
        var runs = BrandRuns.Find(rules.Lexicon, trimmed);
        if (runs.Count == 0)
            return null;
        var last = runs[^1];
        // The brand may carry its landing-page words after it ("开云体育官网", "xx娱乐登录入口").
        var rest = trimmed[last.End..];
        if (rest.Length > 0 && !LandingWords().IsMatch(rest))
            return null;
        if (last.Weight < BrandRuns.Strong || last.Start == 0)
            return null;
        // A pattern that opens with "any 1–4 Chinese characters" has no sure left edge: it may have swallowed the
        // sentence's own last words, so it is cut only when punctuation or a space marks where the brand starts.
        if (last.Hits[0].Entry.Kind == LexiconKind.Regex && last.Hits[0].Entry.Term.StartsWith(@"\p{", StringComparison.Ordinal)
            && !(char.IsWhiteSpace(trimmed[last.Start - 1]) || char.IsPunctuation(trimmed[last.Start - 1])))
            return null;
        // The page's own words about the family, minus this run's hits: a casino report naming a casino keeps it.
        if (pageSupport.GetValueOrDefault(last.Family) - last.Hits.Count >= Detectors.SpamBrandDetector.TopicSupport)
            return null;
        return (last.Start, last.Family);
    }

    /// <summary>
    /// Whole sentences planted inside a paragraph that advertise a strong brand with a call to action or an
    /// address ("XX娱乐场官网 www.xx.com 注册即送彩金。"), on a page that is not about that family.
    /// </summary>
    private IEnumerable<(int Start, int End, SpamFamily Family)> AdvertSentences(string text, IReadOnlyDictionary<SpamFamily, int> pageSupport)
    {
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] is not ('。' or '！' or '？' or '!' or '?' or '；'))
                continue;
            var end = Math.Min(text.Length, i + 1);
            var sentence = text[start..end];
            var strong = BrandRuns.Find(rules.Lexicon, sentence).FirstOrDefault(r => r.Weight >= BrandRuns.Strong);
            if (strong is not null && AdvertCue().IsMatch(sentence)
                && pageSupport.GetValueOrDefault(strong.Family) - strong.Hits.Count < Detectors.SpamBrandDetector.TopicSupport)
            {
                var lead = sentence.Length - sentence.TrimStart().Length;
                yield return (start + lead, end, strong.Family);
            }
            start = end;
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"官网|官方网站|网址|注册|开户|彩金|充值|登录入口|下载app|www\.|https?://", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex AdvertCue();

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:官网|官方网站|官方|网址|入口|登录|登陆|注册|app|下载|平台|\s)+$", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex LandingWords();

    private Dictionary<SpamFamily, int> SupportByFamily(string text) =>
        rules.Lexicon.Find(text).GroupBy(h => h.Entry.Family).ToDictionary(g => g.Key, g => g.Count());

    /// <summary>Deletes the ranges from the text (with a paragraph's separator when a whole paragraph goes) and re-maps every span.</summary>
    internal static Article Cut(Article a, List<(int Start, int End)> ranges)
    {
        var text = a.Text;
        var deletions = new List<(int Start, int End)>();
        foreach (var (start, end) in ranges.OrderBy(r => r.Start))
        {
            var s = start;
            var e = end;
            var wholeParagraph = (s == 0 || text[s - 1] == '\n') && (e == text.Length || text[e] == '\n');
            if (wholeParagraph)
            {
                while (e < text.Length && text[e] == '\n')
                    e++;
                if (e == text.Length)
                {
                    while (s > 0 && text[s - 1] == '\n')
                        s--;
                }
            }
            if (deletions.Count > 0 && s < deletions[^1].End)
                s = deletions[^1].End;
            if (s < e)
                deletions.Add((s, e));
        }
        var sb = new StringBuilder(text.Length);
        var pos = 0;
        foreach (var (s, e) in deletions)
        {
            sb.Append(text, pos, s - pos);
            pos = e;
        }
        sb.Append(text, pos, text.Length - pos);
        var newText = sb.ToString();

        int Map(int p)
        {
            var shift = 0;
            foreach (var (s, e) in deletions)
            {
                if (p >= e)
                    shift += e - s;
                else if (p > s)
                    return s - shift;
            }
            return p - shift;
        }

        var sections = new List<Section>();
        foreach (var section in a.Sections)
        {
            var paras = new List<Paragraph>();
            foreach (var p in section.Paragraphs)
            {
                var start = Map(p.Span.Start);
                var end = Map(p.Span.End);
                if (end <= start)
                    continue;
                paras.Add(new Paragraph(newText[start..end], new Span(start, end)));
            }
            Span? heading = section.HeadingSpan is { } h && Map(h.End) > Map(h.Start) ? new Span(Map(h.Start), Map(h.End)) : null;
            if (paras.Count > 0 || section.Heading is not null)
                sections.Add(new Section(section.Heading, heading, paras));
        }
        return a with { Text = newText, Sections = sections };
    }
}
