using NewsLens.Model;

namespace NewsLens.Link.Threads;

/// <summary>One real-world action an article reports, reduced to what identifies it across articles.</summary>
/// <param name="Participants">Sorted keys of actors and recipients (KB id, else canonical name, else folded text).</param>
/// <param name="Date">The event's own day when the text pins it down, else null.</param>
internal sealed record EventKey(EventType Type, IReadOnlyList<string> Participants, DateOnly? Date);

/// <summary>An entity key with its weight in the entity overlap (people and organisations say more than countries).</summary>
internal sealed record WeightedKey(string Key, double Weight);

/// <summary>
/// What thread building knows about an article: small, serialisable (a store keeps it as JSON and hands it
/// back to <see cref="ThreadBuilder.Restore"/>), and independent of the article text.
/// </summary>
/// <param name="Date">Story date: the publish day, else the earliest event day, else null.</param>
/// <param name="Terms">Sorted distinct hashes of the title's and lead's character bigrams and words (folded).</param>
internal sealed record StoryProfile(
    string Id,
    string? Title,
    string Source,
    string? Site,
    PublishedAt? Published,
    DateOnly? Date,
    IReadOnlyList<EventKey> Events,
    IReadOnlyList<WeightedKey> Entities,
    ulong[] Terms);
