using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using NewsLens.Model;

namespace NewsLens.Bench.Storage;

/// <summary>A sentence of the People's Daily 1998 corpus with its words and named entities (PER/LOC/ORG tags).</summary>
internal sealed record CorpusSentence(string Text, (int Start, int End)[] Words, (int Start, int End, EntityType Type)[] Entities);

/// <summary>
/// Builds a synthetic but realistic news corpus for the storage benchmark: every article is made of real
/// sentences (People's Daily 1998 from ../shared/data/cws, plus the sentences of the project's samples), with
/// the corpus' own segmentation as tokens and its person/place/organisation tags as entities. Deterministic
/// for a seed, streamed (nothing is held but the sentence pool).
/// </summary>
internal sealed class CorpusGenerator
{
    private const int MinSentences = 4;
    private const int MaxSentences = 14;
    private const int SentencesPerParagraph = 3;
    private const int Sites = 40;

    /// <summary>Share of articles carrying a credibility flag, so --flag filters have something to find.</summary>
    private const double FlaggedShare = 0.03;

    private static readonly string[] FlagCodes = ["spam.injected_link", "farm.filler", "text.truncated", "kb.role_contradiction"];

    private readonly List<CorpusSentence> sentences;

    public CorpusGenerator(string dataDir, IEnumerable<string> extraTexts)
    {
        sentences = Load(Path.Combine(dataDir, "cws", "pd98_199801_pos.utf8.gz"));
        foreach (var text in extraTexts)
        {
            foreach (var s in text.Split(['。', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (s.Length >= 8)
                    sentences.Add(new CorpusSentence(s + "。", [], []));
            }
        }
        if (sentences.Count == 0)
            throw new InvalidOperationException("no sentences found in the corpus");
    }

    public int SentenceCount => sentences.Count;

    public IEnumerable<CorpusSentence> Sentences => sentences;

    public IEnumerable<AnalysedArticle> Generate(int count, int seed)
    {
        var random = new Random(seed);
        var start = new DateOnly(2023, 1, 1);
        for (var i = 0; i < count; i++)
        {
            var n = random.Next(MinSentences, MaxSentences + 1);
            var picked = new CorpusSentence[n];
            for (var k = 0; k < n; k++)
                picked[k] = sentences[random.Next(sentences.Count)];
            var titleSentence = sentences[random.Next(sentences.Count)];
            var title = titleSentence.Text.TrimEnd('。');
            if (title.Length > 40)
                title = title[..40];
            var day = start.AddDays(random.Next(0, 730));
            var site = $"site{random.Next(Sites):D2}.example.cn";
            var flagged = random.NextDouble() < FlaggedShare;
            yield return Build(i, title, picked, day, site, flagged ? FlagCodes[random.Next(FlagCodes.Length)] : null);
        }
    }

    private static AnalysedArticle Build(int index, string title, CorpusSentence[] picked, DateOnly day, string site, string? flag)
    {
        var text = new StringBuilder();
        var tokens = new List<Token>();
        var entities = new List<EntityMention>();
        var paragraphs = new List<Paragraph>();
        var paragraphStart = 0;
        for (var k = 0; k < picked.Length; k++)
        {
            if (k > 0 && k % SentencesPerParagraph == 0)
            {
                paragraphs.Add(new Paragraph(text.ToString(paragraphStart, text.Length - paragraphStart), new Span(paragraphStart, text.Length)));
                text.Append("\n\n");
                paragraphStart = text.Length;
            }
            var offset = text.Length;
            var s = picked[k];
            text.Append(s.Text);
            foreach (var (ws, we) in s.Words)
                tokens.Add(new Token(s.Text[ws..we], new Span(offset + ws, offset + we)));
            foreach (var (es, ee, type) in s.Entities)
                entities.Add(new EntityMention(s.Text[es..ee], type, new Span(offset + es, offset + ee), null, s.Text[es..ee], null, null));
        }
        paragraphs.Add(new Paragraph(text.ToString(paragraphStart, text.Length - paragraphStart), new Span(paragraphStart, text.Length)));
        var body = text.ToString();
        var id = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{index}\n{title}\n{body}")))[..16];
        var article = new Article(id, $"bench/{index:D8}.html", $"https://{site}/{id}.html", title, new PublishedAt(day, null, null), site, null, "zh", body,
            [new Section(null, null, paragraphs)], [], ExtractionInfo.None("bench"));
        var flags = flag is null ? [] : new List<Flag> { new(flag, Severity.Medium, [], "基准测试", "benchmark flag", []) };
        return new AnalysedArticle(article) { Tokens = tokens, Entities = entities, Flags = flags, Credibility = new Credibility(flag is null ? 1 : 0.6, []) };
    }

    /// <summary>Reads "word/tag  word/tag ..." lines; [a/n b/n]nt groups are one ORG entity; nr/ns/nt words are entities.</summary>
    private static List<CorpusSentence> Load(string path)
    {
        var list = new List<CorpusSentence>();
        using var file = File.OpenRead(path);
        using var gz = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new StreamReader(gz, Encoding.UTF8);
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 4)
                continue;
            var text = new StringBuilder();
            var words = new List<(int, int)>();
            var entities = new List<(int, int, EntityType)>();
            var groupStart = -1;
            foreach (var part in parts.Skip(1))
            {
                var p = part;
                if (p.StartsWith('['))
                {
                    groupStart = text.Length;
                    p = p[1..];
                }
                string? groupTag = null;
                var close = p.LastIndexOf(']');
                if (close > 0)
                {
                    groupTag = p[(close + 1)..];
                    p = p[..close];
                }
                var slash = p.LastIndexOf('/');
                if (slash <= 0)
                    continue;
                var word = p[..slash];
                var tag = p[(slash + 1)..];
                var ws = text.Length;
                text.Append(word);
                words.Add((ws, text.Length));
                if (groupStart < 0 && Type(tag) is { } t)
                {
                    // The corpus tags surname and given name separately (江/nr 泽民/nr): one person.
                    if (t == EntityType.Person && entities.Count > 0 && entities[^1].Item3 == EntityType.Person && entities[^1].Item2 == ws)
                        entities[^1] = (entities[^1].Item1, text.Length, t);
                    else
                        entities.Add((ws, text.Length, t));
                }
                if (groupTag is not null)
                {
                    if (Type(groupTag) is { } gt && groupStart >= 0)
                        entities.Add((groupStart, text.Length, gt));
                    groupStart = -1;
                }
            }
            if (text.Length >= 8)
                list.Add(new CorpusSentence(text.ToString(), [.. words], [.. entities]));
        }
        return list;
    }

    private static EntityType? Type(string tag) => tag switch
    {
        "nr" => EntityType.Person,
        "ns" => EntityType.Location,
        "nt" => EntityType.Organization,
        _ => null,
    };
}
