using System.Security.Cryptography;
using System.Text;
using NewsLens.Model;

namespace NewsLens.Tests;

/// <summary>Small hand-written articles for store tests (no /work/shared needed).</summary>
internal static class TestArticles
{
    public static AnalysedArticle Make(
        string source,
        string title,
        string text,
        string? day = null,
        string? site = null,
        IReadOnlyList<(string Text, string? KbId)>? entities = null,
        IReadOnlyList<string>? flags = null,
        ArticleLinks? links = null,
        string? idSalt = null)
    {
        var id = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(title + "\n" + text + idSalt)))[..16];
        var published = day is null ? null : new PublishedAt(DateOnly.ParseExact(day, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), null, null);
        var paragraphs = new List<Paragraph>();
        var at = 0;
        foreach (var p in text.Split("\n\n"))
        {
            paragraphs.Add(new Paragraph(p, new Span(at, at + p.Length)));
            at += p.Length + 2;
        }
        var article = new Article(id, source, $"https://{site ?? "example.org"}/{id}", title, published, site, null, "zh", text,
            [new Section(null, null, paragraphs)],
            [new RemovedBlock("分享到微信", RemovalReason.ShareBar, null, false, [])],
            ExtractionInfo.None("test"));
        var mentions = new List<EntityMention>();
        foreach (var (name, kb) in entities ?? [])
        {
            var i = text.IndexOf(name, StringComparison.Ordinal);
            if (i >= 0)
                mentions.Add(new EntityMention(name, EntityType.Person, new Span(i, i + name.Length), kb, kb is null ? null : name, null, null));
        }
        var flagList = (flags ?? []).Select(code => new Flag(code, Severity.Medium, [new Evidence(title, EvidenceLocation.Title, null, null)], "测试", "test flag", [])).ToList();
        var events = mentions.Count >= 2
            ? new List<PoliticalEvent>
            {
                new(EventType.Consult, "visit", ["diplomatic"],
                    [new EventParticipant(mentions[0].Text, mentions[0].Span, mentions[0].KbId, mentions[0].Canonical, null, null)],
                    [new EventParticipant(mentions[1].Text, mentions[1].Span, mentions[1].KbId, mentions[1].Canonical, null, null)],
                    null, null, day, EventModality.Historical, [], "会见", new Span(0, 1), text, new Span(0, text.Length), 1),
            }
            : [];
        return new AnalysedArticle(article)
        {
            Entities = mentions,
            Flags = flagList,
            Events = events,
            Credibility = new Credibility(0.9, []),
            Links = links,
        };
    }
}
