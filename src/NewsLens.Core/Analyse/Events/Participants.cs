using NewsLens.Analyse.Knowledge;
using NewsLens.Model;

namespace NewsLens.Analyse.Events;

internal enum ParticipantKind
{
    Person,
    Country,
    Organization,
    Place,
    Pronoun,
}

/// <summary>A participant candidate in the text: a linked entity, a title phrase ("俄副防长"), or a pronoun.</summary>
/// <param name="Key">Identity for merging: KB id, else the claimed office ("office:..."), else the normalised name.</param>
/// <param name="ClaimedOffice">The office the text gives the participant here, when a title phrase names one.</param>
internal sealed record Candidate(Span Span, string Text, ParticipantKind Kind, string Key, string? KbId, string? Canonical, string? Country, string? ClaimedOffice);

/// <summary>
/// Builds the participant candidates of an article from the linked entities and title phrases, once per article.
/// Title phrases absorb the entities inside them ("俄罗斯国防部长绍伊古" is one participant, not 俄罗斯 + 绍伊古).
/// </summary>
internal sealed class ParticipantIndex
{
    private readonly List<Candidate> candidates;

    public ParticipantIndex(KnowledgeBase kb, AnalysedArticle article)
    {
        var text = article.Article.Text;
        var list = new List<Candidate>();
        var personSpans = article.Entities.Where(e => e.Type == EntityType.Person).Select(e => e.Span).ToList();
        var surnameKeys = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var match in kb.Titles.Parse(text, article.Article.Published?.Date, personSpans))
        {
            if (match.Country is null && match.Person is null && match.Office?.Country is null)
                continue;
            var person = match.Person;
            var personMention = match.PersonSpan is { } ps ? article.Entities.FirstOrDefault(e => e.Span.Overlaps(ps)) : null;
            var kbId = person?.Id ?? personMention?.KbId;
            var officeKey = match.Office is { } o ? "office:" + o.Id : null;
            string key;
            if (kbId is not null)
                key = kbId;
            else if (match.PersonText is { } pt && surnameKeys.TryGetValue(NameKey.Of(pt), out var known))
                key = known;
            else
                key = officeKey ?? NameKey.Of(match.Phrase.Slice(text));
            if (kbId is null && match.PersonText is { } full && full.Contains('·', StringComparison.Ordinal))
                surnameKeys.TryAdd(NameKey.Of(full[(full.LastIndexOf('·') + 1)..]), key);
            list.Add(new Candidate(match.Phrase, match.Phrase.Slice(text), ParticipantKind.Person, key, kbId, person?.Zh ?? personMention?.Canonical,
                person?.Country ?? match.Country?.Country ?? match.Office?.Country, match.Office?.Id));
        }
        foreach (var e in article.Entities)
        {
            if (list.Any(c => c.Span.Overlaps(e.Span)))
                continue;
            var entity = e.KbId is null ? null : kb.Entity(e.KbId);
            var kind = e.Type switch
            {
                EntityType.Person => ParticipantKind.Person,
                EntityType.Organization => ParticipantKind.Organization,
                _ => entity?.Kind == KbEntityKind.Country ? ParticipantKind.Country : ParticipantKind.Place,
            };
            if (e.Type == EntityType.Location && entity is null && kb.Resolve(e.Text, KbEntityKind.Country) is { } country)
            {
                entity = country;
                kind = ParticipantKind.Country;
            }
            var name = NameKey.Of(e.Text);
            var key = e.KbId ?? entity?.Id ?? (surnameKeys.TryGetValue(name, out var k) ? k : name);
            list.Add(new Candidate(e.Span, e.Text, kind, key, e.KbId ?? entity?.Id, e.Canonical ?? entity?.Zh, e.Country ?? entity?.Country, e.Role?.OfficeId));
        }
        list.AddRange(Pronouns(text, list));
        candidates = [.. list.OrderBy(c => c.Span.Start)];
    }

    public IReadOnlyList<Candidate> All => candidates;

    public IEnumerable<Candidate> Within(Span span) => candidates.Where(c => span.Contains(c.Span));

    /// <summary>The last person named before <paramref name="position"/> other than <paramref name="except"/>.</summary>
    public Candidate? LastPersonBefore(int position, string? except) =>
        candidates.LastOrDefault(c => c.Span.End <= position && c.Kind == ParticipantKind.Person && c.Key != except);

    private static IEnumerable<Candidate> Pronouns(string text, List<Candidate> taken)
    {
        foreach (var p in EventLexicon.PersonPronouns)
        {
            var at = 0;
            while ((at = text.IndexOf(p, at, StringComparison.Ordinal)) >= 0)
            {
                var span = new Span(at, at + p.Length);
                at = span.End;
                // 他国 / 其他 / 他们 are not a reference to one person.
                if (at < text.Length && text[at] is '国' or '们' or '人' or '方' or '者')
                    continue;
                if (span.Start > 0 && text[span.Start - 1] is '其' or '吉' or '利')
                    continue;
                if (!taken.Any(c => c.Span.Overlaps(span)))
                    yield return new Candidate(span, p, ParticipantKind.Pronoun, "pronoun", null, null, null, null);
            }
        }
    }
}
