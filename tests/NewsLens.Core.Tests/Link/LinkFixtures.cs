using NewsLens.Model;

namespace NewsLens.Tests.Link;

/// <summary>Builds articles for the link tests from the hand-written case files.</summary>
internal static class LinkFixtures
{
    public static string Case(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Link", "Cases", name));

    public static AnalysedArticle Article(string id, string text, DateOnly? date = null, string? title = null,
        IReadOnlyList<EntityMention>? entities = null, IReadOnlyList<PoliticalEvent>? events = null)
    {
        var article = new Article(id, "test:" + id, null, title ?? id, date is { } d ? new PublishedAt(d, null, null) : null, null, null, "zh",
            text, [], [], ExtractionInfo.None("test"));
        return new AnalysedArticle(article) { Entities = entities ?? [], Events = events ?? [] };
    }

    public static EntityMention Person(string name, string kbId) =>
        new(name, EntityType.Person, new Span(0, name.Length), kbId, name, null, null);

    public static EntityMention Place(string name) =>
        new(name, EntityType.Location, new Span(0, name.Length), null, name, null, null);

    public static PoliticalEvent Meeting(DateOnly? day, params string[] participants)
    {
        var actors = participants.Select(p => new EventParticipant(p, new Span(0, p.Length), "kb:" + p, p, null, null)).ToArray();
        var date = day is { } d
            ? new DateMention(d.ToString("M月d日", System.Globalization.CultureInfo.InvariantCulture), new Span(0, 1), DateKind.Exact, DateGranularity.Day,
                d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), null)
            : null;
        return new PoliticalEvent(EventType.Consult, "visit", ["diplomatic"], actors, [], null, date, null, EventModality.Historical, [],
            "会谈", new Span(0, 2), "会谈。", new Span(0, 3), 1);
    }
}
