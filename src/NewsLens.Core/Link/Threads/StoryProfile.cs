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
/// <param name="Keywords">The article's most telling terms (IDF-weighted bigrams of title and body), a unit vector.</param>
internal sealed record StoryProfile(
    string Id,
    string? Title,
    string Source,
    string? Site,
    PublishedAt? Published,
    DateOnly? Date,
    IReadOnlyList<EventKey> Events,
    IReadOnlyList<WeightedKey> Entities,
    Keywords Keywords);

/// <summary>A sparse unit vector of term weights, sorted by term.</summary>
internal sealed record Keywords(ulong[] Terms, float[] Weights)
{
    public static Keywords Empty { get; } = new([], []);

    public bool IsEmpty => Terms.Length == 0;

    public double Cosine(Keywords other)
    {
        int i = 0, j = 0;
        double dot = 0;
        while (i < Terms.Length && j < other.Terms.Length)
        {
            if (Terms[i] == other.Terms[j])
                dot += Weights[i++] * (double)other.Weights[j++];
            else if (Terms[i] < other.Terms[j])
                i++;
            else
                j++;
        }
        return dot;
    }
}
