using NewsLens.Training.Segmentation;

namespace NewsLens.Training.Entities;

/// <summary>One annotated sentence: its text, its word/chunk tokens, and its entities (type codes PER/LOC/ORG).</summary>
internal sealed record NerSentence(string Text, IReadOnlyList<(int Start, int Length)> Tokens, IReadOnlyList<(int Start, int Length, string Type)> Entities);

/// <summary>Reads MSRA "word/tag" lines (nr = PER, ns = LOC, nt = ORG, o = none; each tagged token is one entity).</summary>
internal static class NerCorpus
{
    public static IEnumerable<NerSentence> ReadMsra(string path)
    {
        foreach (var line in SegmentedCorpus.ReadLines(path))
        {
            if (line.Length > SegmentedCorpus.MaxLineLength)
                continue;
            var sentence = ParseMsraLine(line);
            if (sentence.Text.Length > 0)
                yield return sentence;
        }
    }

    public static NerSentence ParseMsraLine(string line)
    {
        var text = new System.Text.StringBuilder();
        var tokens = new List<(int, int)>();
        var entities = new List<(int, int, string)>();
        foreach (var token in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var slash = token.LastIndexOf('/');
            var word = slash > 0 ? token[..slash] : token;
            var tag = slash > 0 ? token[(slash + 1)..] : "o";
            var type = tag switch { "nr" => "PER", "ns" => "LOC", "nt" => "ORG", _ => null };
            tokens.Add((text.Length, word.Length));
            if (type is not null)
                entities.Add((text.Length, word.Length, type));
            text.Append(word);
        }
        return new NerSentence(text.ToString(), tokens, entities);
    }
}
