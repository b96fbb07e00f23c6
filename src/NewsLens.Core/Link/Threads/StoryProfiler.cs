using System.Globalization;
using NewsLens.Link.Normalise;
using NewsLens.Model;

namespace NewsLens.Link.Threads;

/// <summary>Builds the <see cref="StoryProfile"/> of an analysed article.</summary>
internal sealed class StoryProfiler(IScriptFolder folder)
{
    /// <summary>
    /// How much of the body joins the title in the term set: news leads state who, what, where and when in
    /// the first paragraph or two; later paragraphs drift into background shared by every story on the topic.
    /// </summary>
    public const int LeadChars = 300;

    /// <summary>Entity weights: a named person or organisation identifies a story better than a country or city.</summary>
    public const double PersonWeight = 3;

    public const double OrganizationWeight = 2;

    public const double LocationWeight = 1;

    private readonly LinkTextNormaliser normaliser = new(folder);

    public StoryProfile Profile(AnalysedArticle analysed)
    {
        var a = analysed.Article;
        var events = Events(analysed.Events);
        var date = a.Published?.Date ?? events.Where(e => e.Date is not null).Select(e => e.Date).Min();
        return new StoryProfile(a.Id, a.Title, a.Source, a.Site, a.Published, date, events, Entities(analysed.Entities), Terms(a.Title, a.Text));
    }

    public ulong[] Terms(string? title, string text)
    {
        var lead = text.Length <= LeadChars ? text : text[..LeadChars];
        var folded = normaliser.Normalise((title ?? "") + " " + lead);
        var terms = new HashSet<ulong>();
        var wordStart = -1;
        for (var i = 0; i <= folded.Length; i++)
        {
            var c = i < folded.Length ? folded[i] : ' ';
            var cjk = LinkTextNormaliser.IsCjk(c);
            if (cjk || c == ' ')
            {
                if (wordStart >= 0)
                {
                    terms.Add(LinkHash.Mix(StringHash(folded.AsSpan(wordStart, i - wordStart))));
                    wordStart = -1;
                }
                if (cjk && i + 1 < folded.Length && LinkTextNormaliser.IsCjk(folded[i + 1]))
                    terms.Add(LinkHash.Mix(((ulong)c << 16) | folded[i + 1]));
            }
            else if (wordStart < 0)
            {
                wordStart = i;
            }
        }
        var sorted = terms.ToArray();
        Array.Sort(sorted);
        return sorted;
    }

    private IReadOnlyList<EventKey> Events(IReadOnlyList<PoliticalEvent> events)
    {
        var keys = new List<EventKey>();
        foreach (var e in events)
        {
            if (e.Modality is not EventModality.Historical)
                continue;
            var participants = e.Actors.Concat(e.Recipients)
                .Select(Key)
                .Where(k => k.Length > 0)
                .Distinct(StringComparer.Ordinal)
                .Order(StringComparer.Ordinal)
                .ToArray();
            if (participants.Length == 0)
                continue;
            keys.Add(new EventKey(e.Type, participants, Day(e.Date)));
        }
        return keys;
    }

    private IReadOnlyList<WeightedKey> Entities(IReadOnlyList<EntityMention> mentions)
    {
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var m in mentions)
        {
            var key = m.KbId ?? m.Canonical ?? normaliser.Normalise(m.Text);
            if (key.Length == 0)
                continue;
            var w = m.Type switch
            {
                EntityType.Person => PersonWeight,
                EntityType.Organization => OrganizationWeight,
                _ => LocationWeight,
            };
            weights[key] = Math.Max(w, weights.GetValueOrDefault(key));
        }
        return weights.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => new WeightedKey(kv.Key, kv.Value)).ToArray();
    }

    private string Key(EventParticipant p) => p.KbId ?? p.Canonical ?? normaliser.Normalise(p.Text);

    /// <summary>The event's day when its date is at day (or finer) granularity.</summary>
    private static DateOnly? Day(DateMention? date)
    {
        if (date?.Value is not { Length: >= 10 } value || date.Granularity > DateGranularity.Day)
            return null;
        return DateOnly.TryParseExact(value.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
    }

    private static ulong StringHash(ReadOnlySpan<char> s)
    {
        var h = 0xCBF29CE484222325UL;
        foreach (var c in s)
            h = LinkHash.Combine(h, c);
        return h;
    }
}
