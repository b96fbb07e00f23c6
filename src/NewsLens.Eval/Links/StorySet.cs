using System.Globalization;
using System.Reflection;

namespace NewsLens.Eval.Links;

/// <summary>One hand-written article of the story set and the story (real-world event) it reports.</summary>
internal sealed record StoryArticle(string Id, string Story, DateOnly Date, string Site, string Title, IReadOnlyList<string> Paragraphs);

/// <summary>
/// The hand-written story set (Links/Stories/stories.txt, embedded): independent reports of the same events,
/// and hard negatives (same actors on another day, same countries the same week, same event type elsewhere).
/// </summary>
internal static class StorySet
{
    private const string ResourceSuffix = "Links.Stories.stories.txt";

    public static IReadOnlyList<StoryArticle> Load()
    {
        var assembly = typeof(StorySet).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith(ResourceSuffix, StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    public static IReadOnlyList<StoryArticle> Parse(string text)
    {
        var list = new List<StoryArticle>();
        string[]? header = null;
        var body = new List<string>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.StartsWith("===", StringComparison.Ordinal))
            {
                Flush();
                header = line[3..].Split('|', StringSplitOptions.TrimEntries);
                if (header.Length != 5)
                    throw new FormatException($"story header needs 5 fields (id | story | date | site | title): '{line}'");
            }
            else if (header is not null && line.Trim().Length > 0)
            {
                body.Add(line.Trim());
            }
        }
        Flush();
        return list;

        void Flush()
        {
            if (header is null)
                return;
            var date = DateOnly.ParseExact(header[2], "yyyy-MM-dd", CultureInfo.InvariantCulture);
            list.Add(new StoryArticle(header[0], header[1], date, header[3], header[4], body.ToArray()));
            body.Clear();
        }
    }
}
