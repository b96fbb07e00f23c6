using System.Globalization;
using NewsLens.Analyse.Events;
using NewsLens.Model;
using NewsLens.Pipeline;

namespace NewsLens.Analyse.Knowledge;

/// <summary>
/// Links entity mentions to the KB: NER mentions get KB ids, canonical names and countries; KB names the NER
/// missed are added from the gazetteer (so linking works with no NER at all); title phrases
/// ("俄罗斯国防部长绍伊古") give the person a <see cref="RoleClaim"/> checked against the KB on the reference date
/// (a day-precise date in the same sentence before the phrase, else the publish date).
/// </summary>
internal sealed class EntityLinker : IArticleAnalyser
{
    private readonly KnowledgeBase kb;
    private readonly KbGazetteer gazetteer;
    private readonly IDateSource dates;

    public EntityLinker(KnowledgeBase kb, IDateSource? dates = null)
    {
        this.kb = kb;
        gazetteer = new KbGazetteer(kb);
        this.dates = dates ?? new ArticleDates();
    }

    public AnalysedArticle Analyse(AnalysedArticle article)
    {
        var text = article.Article.Text;
        var mentions = article.Entities.Select(Link).ToList();

        foreach (var hit in gazetteer.Find(text, article.Tokens))
        {
            if (mentions.Any(m => m.Span.Overlaps(hit.Span)))
                continue;
            mentions.Add(new EntityMention(hit.Text, TypeOf(hit.Entity), hit.Span, hit.Entity.Id, hit.Entity.Zh, hit.Entity.Country, null));
        }

        var dateMentions = dates.DatesOf(article);
        var published = article.Article.Published?.Date;
        var personSpans = mentions.Where(m => m.Type == EntityType.Person).Select(m => m.Span).ToList();
        foreach (var match in kb.Titles.Parse(text, published, personSpans))
        {
            if (match.PersonSpan is not { } personSpan)
                continue;
            var reference = ReferenceDate(text, match.Phrase.Start, dateMentions) ?? published;
            var claim = Claim(text, match, reference);
            var index = mentions.FindIndex(m => m.Span.Overlaps(personSpan));
            if (index >= 0)
            {
                var m = mentions[index];
                if (m.Type == EntityType.Person || m.KbId is null)
                {
                    mentions[index] = m with
                    {
                        Type = EntityType.Person,
                        Role = claim,
                        Country = m.Country ?? match.Person?.Country ?? match.Country?.Country ?? match.Office?.Country,
                    };
                }
            }
            else
            {
                mentions.Add(new EntityMention(match.PersonText!, EntityType.Person, personSpan, match.Person?.Id, match.Person?.Zh,
                    match.Person?.Country ?? match.Country?.Country ?? match.Office?.Country, claim));
            }
        }

        AddSurnameMentions(text, mentions);
        var ordered = mentions.OrderBy(m => m.Span.Start).ThenBy(m => m.Span.End).ToList();
        return article with { Entities = ordered };
    }

    private EntityMention Link(EntityMention mention)
    {
        if (mention.KbId is not null)
            return mention;
        var kind = mention.Type switch
        {
            EntityType.Person => KbEntityKind.Person,
            EntityType.Organization => KbEntityKind.Organization,
            _ => (KbEntityKind?)null,
        };
        var found = kb.Lookup(mention.Text);
        var entity = kind is { } k ? found.FirstOrDefault(e => e.Kind == k) : found.FirstOrDefault(e => e.Kind is KbEntityKind.Country or KbEntityKind.Place);
        // A one-character place is the news abbreviation of a country (中俄, 美方): linked when only one country uses it.
        if (entity is null && mention.Type == EntityType.Location && mention.Text.Length == 1 && kb.CountriesByAbbreviation(mention.Text) is [var country])
            entity = country;
        return entity is null ? mention : mention with { KbId = entity.Id, Canonical = entity.Zh, Country = entity.Country };
    }

    private RoleClaim Claim(string text, RoleMatch match, DateOnly? reference)
    {
        var start = match.CountrySpan?.Start ?? match.TitleSpan.Start;
        var titleSpan = new Span(Math.Min(start, match.TitleSpan.Start), match.TitleSpan.End);
        var check = match.Qualifier switch
        {
            RoleQualifier.AtTheTime => RoleCheck.NotChecked,
            RoleQualifier.Former => FormerCheck(match, reference),
            _ => kb.CheckRole(match.Person?.Id, match.Office?.Id, reference).Check,
        };
        if (match.Office is null)
            check = RoleCheck.UnknownOffice;
        else if (match.Person is null)
            check = RoleCheck.UnknownPerson;
        return new RoleClaim(titleSpan.Slice(text), titleSpan, match.Office?.Id, check, reference);
    }

    /// <summary>"前国防部长X": true when X held the office at some point before the date; otherwise not judged.</summary>
    private RoleCheck FormerCheck(RoleMatch match, DateOnly? reference)
    {
        if (match.Person is null || match.Office is null || reference is not { } d)
            return RoleCheck.NotChecked;
        return kb.TermsOf(match.Person.Id).Any(t => t.OfficeId == match.Office.Id && t.Interval.Start is { } s && s.Earliest <= d)
            ? RoleCheck.Held
            : RoleCheck.NotChecked;
    }

    /// <summary>The last day-precise date in the same sentence before <paramref name="position"/>.</summary>
    internal static DateOnly? ReferenceDate(string text, int position, IReadOnlyList<DateMention> dates)
    {
        var sentenceStart = SentenceSplitter.SentenceStart(text, position);
        var date = dates.LastOrDefault(d => d.Span.Start >= sentenceStart && d.Span.End <= position && d.Kind == DateKind.Exact && d.Granularity is DateGranularity.Day or DateGranularity.Hour or DateGranularity.Minute && d.Value is not null);
        return date is not null && DateOnly.TryParseExact(date.Value![..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var v) ? v : null;
    }

    /// <summary>
    /// A foreign name introduced in full ("谢尔盖·科罗廖夫") is later written by surname alone ("科罗廖夫少将"):
    /// those later mentions become person mentions with the same country.
    /// </summary>
    private static void AddSurnameMentions(string text, List<EntityMention> mentions)
    {
        var full = mentions.Where(m => m.Type == EntityType.Person && m.KbId is null && m.Text.Contains('·', StringComparison.Ordinal)).ToList();
        foreach (var person in full.DistinctBy(m => m.Text))
        {
            var surname = person.Text[(person.Text.LastIndexOf('·') + 1)..];
            if (surname.Length < 2)
                continue;
            var at = 0;
            while ((at = text.IndexOf(surname, at, StringComparison.Ordinal)) >= 0)
            {
                var span = new Span(at, at + surname.Length);
                if (!mentions.Any(m => m.Span.Overlaps(span)))
                    mentions.Add(new EntityMention(surname, EntityType.Person, span, null, null, person.Country, null));
                at = span.End;
            }
        }
    }

    private static EntityType TypeOf(KbEntity e) => e.Kind switch
    {
        KbEntityKind.Person => EntityType.Person,
        KbEntityKind.Organization => EntityType.Organization,
        _ => EntityType.Location,
    };
}
