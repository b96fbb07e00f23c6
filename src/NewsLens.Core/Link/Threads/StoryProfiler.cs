using System.Globalization;
using NewsLens.Link.Normalise;
using NewsLens.Model;

namespace NewsLens.Link.Threads;

/// <summary>Builds the <see cref="StoryProfile"/> of an analysed article.</summary>
internal sealed class StoryProfiler(IScriptFolder folder, TermWeights weights)
{
    /// <summary>How much of the body is read for keywords: the first paragraphs carry who, what, where and when.</summary>
    public const int BodyChars = 1500;

    /// <summary>A title term counts as this many body occurrences: titles name the event.</summary>
    public const double TitleBoost = 3;

    /// <summary>
    /// Keywords kept per article: enough for the names, places, numbers and event words of a report, few
    /// enough that background vocabulary drops out and the thread index stays small.
    /// </summary>
    public const int MaxKeywords = 32;

    /// <summary>Marks digit-run terms (bigram keys never set the top bit).</summary>
    private const ulong NumberTag = 1UL << 63;

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
        return new StoryProfile(a.Id, a.Title, a.Source, a.Site, a.Published, date, events, Entities(analysed.Entities), Keywords(a.Title, a.Text));
    }

    public Keywords Keywords(string? title, string text)
    {
        var counts = new Dictionary<ulong, double>();
        Count(normaliser.Normalise(title ?? ""), TitleBoost, counts);
        Count(normaliser.Normalise(text.Length <= BodyChars ? text : text[..BodyChars]), 1, counts);
        if (counts.Count == 0)
            return NewsLens.Link.Threads.Keywords.Empty;
        var top = counts
            .Select(kv => (Term: kv.Key, Weight: (1 + Math.Log(kv.Value)) * Idf(kv.Key)))
            .OrderByDescending(t => t.Weight)
            .ThenBy(t => t.Term)
            .Take(MaxKeywords)
            .OrderBy(t => t.Term)
            .ToArray();
        var norm = Math.Sqrt(top.Sum(t => t.Weight * t.Weight));
        return new Keywords(top.Select(t => t.Term).ToArray(), top.Select(t => (float)(t.Weight / norm)).ToArray());
    }

    private double Idf(ulong term) => (term & NumberTag) != 0 ? weights.NumberIdf : weights.Idf(term);

    /// <summary>Counts Han bigrams and digit runs of a folded text (Latin words are too rare in Chinese news to matter and are skipped).</summary>
    private static void Count(string folded, double boost, Dictionary<ulong, double> counts)
    {
        for (var i = 0; i < folded.Length; i++)
        {
            var c = folded[i];
            if (LinkTextNormaliser.IsCjk(c))
            {
                if (i + 1 < folded.Length && LinkTextNormaliser.IsCjk(folded[i + 1]))
                    Add(TermWeights.BigramKey(c, folded[i + 1]));
            }
            else if (char.IsAsciiDigit(c) && (i == 0 || !char.IsAsciiDigit(folded[i - 1])))
            {
                var end = i;
                var h = 0xCBF29CE484222325UL;
                while (end < folded.Length && char.IsAsciiDigit(folded[end]))
                    h = LinkHash.Combine(h, folded[end++]);
                Add(NumberTag | (LinkHash.Mix(h) >> 1));
            }
        }

        void Add(ulong term) => counts[term] = counts.GetValueOrDefault(term) + boost;
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
}
