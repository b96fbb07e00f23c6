using System.Globalization;
using System.Text;
using NewsLens.Analyse.Entities;
using NewsLens.Model;

namespace NewsLens.Eval.Language;

/// <summary>Entity-level exact-match counts for one type (or all).</summary>
internal sealed record NerCounts(long Gold, long System, long Correct)
{
    public double Precision => System == 0 ? 0 : (double)Correct / System;

    public double Recall => Gold == 0 ? 0 : (double)Correct / Gold;

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"P {Precision:F4}  R {Recall:F4}  F1 {F1:F4}  (gold {Gold}, system {System}, correct {Correct})");
}

internal sealed record NerScore(NerCounts All, IReadOnlyDictionary<string, NerCounts> ByType)
{
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append("ALL  ").Append(All).Append('\n');
        foreach (var (type, counts) in ByType.OrderBy(p => p.Key, StringComparer.Ordinal))
            text.Append(type).Append("  ").Append(counts).Append('\n');
        return text.ToString().TrimEnd();
    }
}

/// <summary>
/// CoNLL-style entity scoring: an entity is (sentence, start, end, type); a prediction is correct only when
/// all four equal a gold entity. Micro-averaged over sentences and types.
/// </summary>
internal static class NerScorer
{
    public static NerScore Score(IReadOnlyList<IReadOnlyList<(Span Span, string Type)>> gold, IReadOnlyList<IReadOnlyList<(Span Span, string Type)>> system)
    {
        if (gold.Count != system.Count)
            throw new InvalidDataException($"gold has {gold.Count} sentences, system output {system.Count}");
        var counts = new Dictionary<string, (long G, long S, long C)>(StringComparer.Ordinal);
        for (var i = 0; i < gold.Count; i++)
        {
            var expected = gold[i].ToHashSet();
            foreach (var (_, type) in gold[i])
                Bump(counts, type, 1, 0, 0);
            foreach (var entity in system[i])
                Bump(counts, entity.Type, 0, 1, expected.Contains(entity) ? 1 : 0);
        }
        var byType = counts.ToDictionary(p => p.Key, p => new NerCounts(p.Value.G, p.Value.S, p.Value.C), StringComparer.Ordinal);
        var all = new NerCounts(byType.Values.Sum(c => c.Gold), byType.Values.Sum(c => c.System), byType.Values.Sum(c => c.Correct));
        return new NerScore(all, byType);
    }

    private static void Bump(Dictionary<string, (long G, long S, long C)> counts, string type, long g, long s, long c)
    {
        var v = counts.GetValueOrDefault(type);
        counts[type] = (v.G + g, v.S + s, v.C + c);
    }
}

/// <summary>Tags the sentences of an MSRA word/tag gold file and scores them.</summary>
internal static class NerEvaluation
{
    /// <param name="context">Neighbouring sentences each side whose names are propagated (see <see cref="NerTagger.TagSentences"/>); 0 = each sentence alone.</param>
    public static NerScore RunMsra(NerTagger tagger, string goldPath, TextWriter? output = null, int context = 0)
    {
        var gold = new List<IReadOnlyList<(Span, string)>>();
        var texts = new List<string>();
        foreach (var line in File.ReadLines(goldPath))
        {
            var (text, entities) = ParseMsra(line);
            if (text.Length == 0)
                continue;
            gold.Add(entities);
            texts.Add(text);
        }
        var system = new List<IReadOnlyList<(Span, string)>>();
        var tagged = tagger.TagSentences(texts, context);
        for (var i = 0; i < texts.Count; i++)
        {
            var found = tagged[i];
            system.Add([.. found.Select(f => (f.Span, NerTagger.CodeOf(f.Type)))]);
            output?.WriteLine(string.Join(" ", found.Select(f => $"{f.Span.Slice(texts[i])}/{NerTagger.CodeOf(f.Type)}")));
        }
        return NerScorer.Score(gold, system);
    }

    /// <summary>An MSRA "word/tag" line: its text and its entities (nr → PER, ns → LOC, nt → ORG).</summary>
    public static (string Text, List<(Span, string)> Entities) ParseMsra(string line)
    {
        var text = new StringBuilder();
        var entities = new List<(Span, string)>();
        foreach (var token in line.TrimStart('\uFEFF').Split([' ', '\r'], StringSplitOptions.RemoveEmptyEntries))
        {
            var slash = token.LastIndexOf('/');
            var word = slash > 0 ? token[..slash] : token;
            var tag = slash > 0 ? token[(slash + 1)..] : "o";
            var type = tag switch { "nr" => "PER", "ns" => "LOC", "nt" => "ORG", _ => null };
            if (type is not null)
                entities.Add((new Span(text.Length, text.Length + word.Length), type));
            text.Append(word);
        }
        return (text.ToString(), entities);
    }
}
