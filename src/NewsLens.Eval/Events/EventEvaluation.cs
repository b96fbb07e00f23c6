using System.Globalization;
using NewsLens.Analyse.Events;
using NewsLens.Analyse.Knowledge;
using NewsLens.Model;

namespace NewsLens.Eval.Events;

/// <summary>Precision, recall and F1 of one matching criterion.</summary>
internal sealed record PrfScore(string Name, int Matched, int Predicted, int Gold)
{
    public double Precision => Predicted == 0 ? 1 : (double)Matched / Predicted;

    public double Recall => Gold == 0 ? 1 : (double)Matched / Gold;

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Name,-28} P={Precision:0.000} R={Recall:0.000} F1={F1:0.000}  (matched {Matched}, predicted {Predicted}, gold {Gold})");
}

internal sealed record EventEvalReport(int Cases, IReadOnlyList<PrfScore> Scores, IReadOnlyList<string> Misses)
{
    public PrfScore Score(string name) => Scores.First(s => s.Name == name);
}

/// <summary>
/// Runs entity linking and event extraction on every development case and scores the events against the
/// annotation at growing strictness: type; type+actors; type+actors+date; type+actors+date+modality.
/// Place and recipients are scored on the events matched by type+actors.
/// </summary>
internal sealed class EventEvaluation(KnowledgeBase kb)
{
    public const string TypeOnly = "type";
    public const string TypeActors = "type+actors";
    public const string TypeActorsDate = "type+actors+date";
    public const string Full = "type+actors+date+modality";
    public const string Place = "place (on type+actors)";
    public const string Recipients = "recipients (on type+actors)";

    public EventEvalReport Run(IReadOnlyList<DevCase> cases)
    {
        var linker = new EntityLinker(kb);
        var extractor = new EventExtractor(kb);
        var counts = new Dictionary<string, (int M, int P, int G)>(StringComparer.Ordinal);
        var misses = new List<string>();
        foreach (var c in cases)
        {
            var article = new Article($"dev{c.Line}", $"devset:{c.Line}", null, null, new PublishedAt(c.Published, null, null), null, null, "zh",
                c.Text, [], [], ExtractionInfo.None("devset"));
            var predicted = extractor.Analyse(linker.Analyse(new AnalysedArticle(article))).Events;
            Count(counts, TypeOnly, predicted, c.Events, (g, p) => g.Type == p.Type);
            Count(counts, TypeActors, predicted, c.Events, SameActors);
            Count(counts, TypeActorsDate, predicted, c.Events, (g, p) => SameActors(g, p) && SameDate(g, p));
            var full = Count(counts, Full, predicted, c.Events, (g, p) => SameActors(g, p) && SameDate(g, p) && g.Modality == p.Modality);
            if (full.Matched != c.Events.Count || full.Matched != predicted.Count)
                misses.Add($"line {c.Line}: {c.Text}\n    gold: {string.Join("; ", c.Events.Select(Describe))}\n    got:  {string.Join("; ", predicted.Select(Describe))}");
            foreach (var (g, p) in Pairs(predicted, c.Events, SameActors))
            {
                if (g.Location is not null)
                    Add(counts, Place, p.Location?.KbId == g.Location ? 1 : 0, p.Location is null ? 0 : 1, 1);
                if (!Symmetric(g) && g.Recipients.Count > 0)
                    Add(counts, Recipients, SameSet(g.Recipients, p.Recipients) ? 1 : 0, 1, 1);
            }
        }
        var order = new[] { TypeOnly, TypeActors, TypeActorsDate, Full, Place, Recipients };
        var scores = order.Where(counts.ContainsKey).Select(n => new PrfScore(n, counts[n].M, counts[n].P, counts[n].G)).ToList();
        return new EventEvalReport(cases.Count, scores, misses);
    }

    private static (int Matched, int Predicted, int Gold) Count(Dictionary<string, (int, int, int)> counts, string name, IReadOnlyList<PoliticalEvent> predicted, IReadOnlyList<GoldEvent> gold, Func<GoldEvent, PoliticalEvent, bool> same)
    {
        var matched = Pairs(predicted, gold, same).Count;
        Add(counts, name, matched, predicted.Count, gold.Count);
        return (matched, predicted.Count, gold.Count);
    }

    private static void Add(Dictionary<string, (int M, int P, int G)> counts, string name, int m, int p, int g)
    {
        var (m0, p0, g0) = counts.GetValueOrDefault(name);
        counts[name] = (m0 + m, p0 + p, g0 + g);
    }

    /// <summary>Greedy one-to-one pairing of gold and predicted events under a criterion.</summary>
    private static List<(GoldEvent, PoliticalEvent)> Pairs(IReadOnlyList<PoliticalEvent> predicted, IReadOnlyList<GoldEvent> gold, Func<GoldEvent, PoliticalEvent, bool> same)
    {
        var used = new HashSet<int>();
        var pairs = new List<(GoldEvent, PoliticalEvent)>();
        foreach (var g in gold)
        {
            for (var i = 0; i < predicted.Count; i++)
            {
                if (used.Contains(i) || !same(g, predicted[i]))
                    continue;
                used.Add(i);
                pairs.Add((g, predicted[i]));
                break;
            }
        }
        return pairs;
    }

    /// <summary>Meetings, calls, agreements and joint acts have parties, not a direction.</summary>
    private static bool Symmetric(GoldEvent g) =>
        g.Type is EventType.Agree or EventType.Cooperate || g.Type == EventType.Consult && g.Mode is null or "phone" or "multilateral";

    private bool SameActors(GoldEvent g, PoliticalEvent p)
    {
        if (g.Type != p.Type || g.Mode != p.Mode && g.Type == EventType.Consult)
            return false;
        return Symmetric(g)
            ? SameSet([.. g.Actors, .. g.Recipients], [.. p.Actors, .. p.Recipients])
            : SameSet(g.Actors, p.Actors);
    }

    private static bool SameDate(GoldEvent g, PoliticalEvent p)
    {
        var value = p.Date is { Kind: DateKind.Exact or DateKind.Range } d ? d.Value : null;
        return string.Equals(g.Date, value, StringComparison.Ordinal);
    }

    private bool SameSet(IReadOnlyList<string> gold, IReadOnlyList<EventParticipant> predicted)
    {
        if (gold.Count != predicted.Count)
            return false;
        var used = new HashSet<int>();
        foreach (var g in gold)
        {
            var i = Enumerable.Range(0, predicted.Count).FirstOrDefault(i => !used.Contains(i) && Same(g, predicted[i]), -1);
            if (i < 0)
                return false;
            used.Add(i);
        }
        return true;
    }

    private bool Same(string gold, EventParticipant p)
    {
        if (gold.Length == 3 && gold.All(char.IsAsciiLetterUpper))
            return kb.CountryByIso3(gold) is { } country && p.KbId == country.Id;
        if (gold.StartsWith("nl:", StringComparison.Ordinal) || gold.Length > 1 && gold[0] == 'Q' && gold[1..].All(char.IsAsciiDigit))
            return p.KbId == gold;
        return p.Text.Contains(gold, StringComparison.Ordinal) || gold.Contains(p.Text, StringComparison.Ordinal);
    }

    private static string Describe(GoldEvent g) =>
        $"{g.Type}{(g.Mode is null ? "" : "/" + g.Mode)} {string.Join(",", g.Actors)} > {string.Join(",", g.Recipients)} @{g.Date ?? "undated"} ~{g.Modality}";

    private static string Describe(PoliticalEvent e) =>
        $"{e.Type}{(e.Mode is null ? "" : "/" + e.Mode)} {string.Join(",", e.Actors.Select(a => a.KbId ?? a.Text))} > {string.Join(",", e.Recipients.Select(a => a.KbId ?? a.Text))} @{e.Date?.Value ?? "undated"} ~{e.Modality} #{e.Location?.KbId}";
}
