using System.Text;

namespace NewsLens.Eval.Links;

/// <summary>How a generated article derives from its origin.</summary>
internal enum VariantKind
{
    Original,

    /// <summary>The same text with a new site's boilerplate (source line, editor, disclaimer) and half-width punctuation.</summary>
    Repost,

    /// <summary>Converted to traditional script with Hong Kong/Taiwan quotation marks and a new source line.</summary>
    Traditional,

    /// <summary>Sentences reordered, some dropped, words swapped for synonyms, a new lead-in.</summary>
    Rewrite,

    /// <summary>A contiguous part (a quarter to a half) of the text with a "quoted from" line.</summary>
    Excerpt,

    /// <summary>
    /// A heavy rework: a rewrite whose function words are also swapped, dropped or added every few
    /// characters, clauses reordered. Names, places and numbers stay. Its 5-shingle Jaccard with the origin
    /// (about 0.05–0.15) is that of a reporter's own rewording of a wire report.
    /// </summary>
    Rework,
}

/// <summary>One generated article with its gold: which origin it derives from and how.</summary>
internal sealed record GeneratedArticle(string Origin, VariantKind Kind, string Title, DateOnly Date, string Site, IReadOnlyList<string> Paragraphs);

/// <summary>
/// Makes copies of a source article the way reposting sites do. Deterministic: every choice comes from a
/// seeded <see cref="Random"/> per origin. The synonym list and boilerplate are written for this generator.
/// </summary>
internal sealed class VariantGenerator(IReadOnlyDictionary<char, char> toTraditional)
{
    /// <summary>Chance that an origin gets each variant (so groups vary in size, as in real crawls).</summary>
    private const double RepostChance = 0.5;
    private const double TraditionalChance = 0.4;
    private const double RewriteChance = 0.6;
    private const double ExcerptChance = 0.4;
    private const double ReworkChance = 0.4;

    /// <summary>Function characters a rewording changes freely (none of them starts a name).</summary>
    private const string FunctionChars = "的了在是和与对将等为也就都而及其并已被把向由";

    private const string Fillers = "此外另外同时随后据悉目前";

    private static readonly string[] Sites = ["新闻网", "日报网", "资讯频道", "快讯", "时报电子版", "门户新闻", "在线"];

    private static readonly string[] Headers =
    [
        "来源：{0}　编辑：王某",
        "【{0}讯】",
        "本文转载自{0}，版权归原作者所有",
        "{0} 综合报道",
        "点击上方蓝字关注{0}",
    ];

    private static readonly string[] Footers =
    [
        "责任编辑：李某　校对：张某",
        "（完）",
        "免责声明：本文仅代表作者观点，与本站无关。",
        "更多精彩内容，请关注我们的公众号。",
        "扫码下载客户端，阅读更多新闻",
    ];

    private static readonly (string From, string To)[] Synonyms =
    [
        ("表示", "指出"), ("认为", "觉得"), ("进行", "开展"), ("举行", "召开"), ("目前", "眼下"), ("已经", "已"),
        ("发生", "出现"), ("记者", "本报记者"), ("据了解", "据悉"), ("同时", "与此同时"), ("重要", "关键"),
        ("加强", "强化"), ("提高", "提升"), ("工作", "工作任务"), ("群众", "民众"), ("立即", "马上"),
        ("造成", "导致"), ("受伤", "受了伤"), ("死亡", "身亡"), ("现场", "事发现场"), ("随后", "之后"),
        ("正在", "仍在"), ("经过", "经"), ("迅速", "很快"), ("部门", "机构"), ("要求", "提出要"),
        ("发展", "推进"), ("问题", "难题"), ("情况", "状况"), ("国家", "我国"), ("今天", "当天"),
        ("昨天", "前一天"), ("但是", "不过"), ("因为", "由于"), ("所以", "因此"), ("非常", "十分"),
        ("主要", "首要"), ("开始", "着手"), ("继续", "持续"), ("支持", "支撑"), ("建设", "建造"),
    ];

    private static readonly string[] LeadIns = ["据报道，", "记者了解到，", "据相关消息，", "有消息称，", "据媒体消息，"];

    private static readonly char[] SentenceEnds = ['。', '！', '？', '；'];

    public IEnumerable<GeneratedArticle> Generate(SourceArticle source, int seed)
    {
        var rng = new Random(seed);
        yield return new GeneratedArticle(source.Key, VariantKind.Original, source.Title, source.Date, "origin", source.Paragraphs);
        if (rng.NextDouble() < RepostChance)
            yield return Repost(source, rng);
        if (rng.NextDouble() < TraditionalChance)
            yield return Traditional(source, rng);
        if (rng.NextDouble() < RewriteChance)
            yield return Rewrite(source, rng);
        if (rng.NextDouble() < ExcerptChance)
            yield return Excerpt(source, rng);
        if (rng.NextDouble() < ReworkChance)
            yield return Rework(source, rng);
    }

    private static GeneratedArticle Repost(SourceArticle s, Random rng)
    {
        var site = Pick(Sites, rng);
        var paragraphs = new List<string> { string.Format(System.Globalization.CultureInfo.InvariantCulture, Pick(Headers, rng), site) };
        paragraphs.AddRange(s.Paragraphs.Select(p => rng.NextDouble() < 0.5 ? HalfWidthPunctuation(p) : p));
        paragraphs.Add(Pick(Footers, rng));
        return new GeneratedArticle(s.Key, VariantKind.Repost, s.Title, s.Date.AddDays(rng.Next(0, 2)), site, paragraphs);
    }

    private GeneratedArticle Traditional(SourceArticle s, Random rng)
    {
        var site = "香港" + Pick(Sites, rng);
        var paragraphs = s.Paragraphs.Select(p => ToTraditional(p.Replace('“', '「').Replace('”', '」'))).ToList();
        paragraphs.Add(ToTraditional("（本文转载自内地媒体）"));
        return new GeneratedArticle(s.Key, VariantKind.Traditional, ToTraditional(s.Title), s.Date.AddDays(rng.Next(0, 3)), site, paragraphs);
    }

    private static GeneratedArticle Rewrite(SourceArticle s, Random rng)
    {
        // Intensity varies from a light edit to a heavy rework, as rewrites on the web do.
        var intensity = 0.3 + 0.7 * rng.NextDouble();
        var paragraphs = new List<string>();
        var first = true;
        foreach (var p in s.Paragraphs)
        {
            var sentences = Sentences(p);
            var kept = new List<string>();
            foreach (var sentence in sentences)
            {
                if (!first && rng.NextDouble() < 0.3 * intensity)
                    continue;
                kept.Add(Substitute(sentence, rng, 0.8 * intensity));
                first = false;
            }
            for (var i = 0; i + 1 < kept.Count; i++)
            {
                if (rng.NextDouble() < 0.35 * intensity)
                    (kept[i], kept[i + 1]) = (kept[i + 1], kept[i]);
            }
            if (kept.Count > 0)
                paragraphs.Add(string.Concat(kept));
        }
        if (paragraphs.Count == 0)
            paragraphs.Add(s.Paragraphs[0]);
        paragraphs[0] = Pick(LeadIns, rng) + paragraphs[0];
        var title = Substitute(s.Title, rng, 1.0);
        return new GeneratedArticle(s.Key, VariantKind.Rewrite, title, s.Date.AddDays(rng.Next(0, 3)), Pick(Sites, rng), paragraphs);
    }

    private static GeneratedArticle Rework(SourceArticle s, Random rng)
    {
        var rewrite = Rewrite(s, rng);
        var paragraphs = rewrite.Paragraphs.Select(p => Reword(p, rng)).ToArray();
        return rewrite with { Kind = VariantKind.Rework, Title = Reword(rewrite.Title, rng), Paragraphs = paragraphs };
    }

    /// <summary>Swaps, drops or adds function characters and reorders clauses inside sentences.</summary>
    private static string Reword(string text, Random rng)
    {
        var sb = new StringBuilder(text.Length + 16);
        foreach (var sentence in Sentences(text))
        {
            var clauses = sentence.Split('，');
            if (clauses.Length > 2 && rng.NextDouble() < 0.5)
            {
                var i = rng.Next(1, clauses.Length - 1);
                (clauses[i], clauses[i - 1]) = (clauses[i - 1], clauses[i]);
            }
            var joined = string.Join('，', clauses);
            var since = 0;
            foreach (var c in joined)
            {
                since++;
                if (FunctionChars.Contains(c, StringComparison.Ordinal))
                {
                    var roll = rng.NextDouble();
                    if (roll < 0.35)
                        continue;
                    if (roll < 0.7)
                    {
                        sb.Append(FunctionChars[rng.Next(FunctionChars.Length)]);
                        since = 0;
                        continue;
                    }
                }
                sb.Append(c);
                if (c == '，' && rng.NextDouble() < 0.3)
                {
                    var f = rng.Next(Fillers.Length / 2) * 2;
                    sb.Append(Fillers, f, 2).Append('，');
                }
                else if (since > 7 && char.IsLetter(c) && rng.NextDouble() < 0.2)
                {
                    sb.Append(FunctionChars[rng.Next(FunctionChars.Length)]);
                    since = 0;
                }
            }
        }
        return sb.ToString();
    }

    private static GeneratedArticle Excerpt(SourceArticle s, Random rng)
    {
        var sentences = s.Paragraphs.SelectMany(Sentences).ToArray();
        var share = 0.25 + 0.25 * rng.NextDouble();
        var count = Math.Max(2, (int)Math.Round(sentences.Length * share));
        var start = rng.NextDouble() < 0.6 ? 0 : rng.Next(0, Math.Max(1, sentences.Length - count));
        var body = string.Concat(sentences.Skip(start).Take(count));
        var site = Pick(Sites, rng);
        return new GeneratedArticle(s.Key, VariantKind.Excerpt, s.Title, s.Date.AddDays(rng.Next(0, 4)), site,
            [body, $"（摘编自{Pick(Sites, rng)}）"]);
    }

    private string ToTraditional(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
            sb.Append(toTraditional.TryGetValue(c, out var t) ? t : c);
        return sb.ToString();
    }

    private static string HalfWidthPunctuation(string text) =>
        text.Replace('，', ',').Replace('：', ':').Replace('；', ';').Replace('（', '(').Replace('）', ')').Replace('“', '"').Replace('”', '"');

    private static string Substitute(string sentence, Random rng, double chance)
    {
        foreach (var (from, to) in Synonyms)
        {
            if (sentence.Contains(from, StringComparison.Ordinal) && rng.NextDouble() < chance)
                sentence = sentence.Replace(from, to, StringComparison.Ordinal);
        }
        return sentence;
    }

    internal static List<string> Sentences(string paragraph)
    {
        var list = new List<string>();
        var start = 0;
        for (var i = 0; i < paragraph.Length; i++)
        {
            if (Array.IndexOf(SentenceEnds, paragraph[i]) < 0)
                continue;
            var end = i + 1;
            while (end < paragraph.Length && paragraph[end] is '”' or '」' or '）')
                end++;
            list.Add(paragraph[start..end]);
            start = end;
            i = end - 1;
        }
        if (start < paragraph.Length)
            list.Add(paragraph[start..]);
        return list;
    }

    private static T Pick<T>(T[] items, Random rng) => items[rng.Next(items.Length)];
}
