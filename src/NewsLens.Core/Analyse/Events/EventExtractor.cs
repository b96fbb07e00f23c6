using System.Globalization;
using NewsLens.Analyse.Knowledge;
using NewsLens.Model;
using NewsLens.Pipeline;

namespace NewsLens.Analyse.Events;

/// <summary>
/// Political events (PLOVER types) from Chinese sentences: finds trigger words, takes the subject, co-parties,
/// recipients and place from the trigger's clause (subject carried over from the previous clause when the
/// clause starts with the verb), dates the event from the sentence, sets modality from cue words, then
/// merges mentions of the same action (<see cref="EventMerger"/>). Runs after entity linking.
/// </summary>
internal sealed class EventExtractor : IArticleAnalyser
{
    /// <summary>Object of a verb: a participant starting at most this many characters after the trigger ("会见了X", "抵达朝鲜首都平壤").</summary>
    private const int MaxObjectGap = 4;

    /// <summary>A clause whose text before the trigger is at most this long (adverbs like 正式, 随后, 还) shares the previous clause's subject.</summary>
    private const int MaxInheritGap = 6;

    /// <summary>Longest stretch between two co-parties ("A与B" allows a title or 方面 in between).</summary>
    private const int MaxMarkerGap = 3;

    /// <summary>Most sentences examined per article (bounded work on hostile input).</summary>
    private const int MaxSentences = 5000;

    private static readonly IReadOnlyList<TriggerEntry> TriggersLongestFirst = [.. EventLexicon.Triggers.OrderByDescending(t => t.Word.Length)];

    private readonly KnowledgeBase kb;
    private readonly IDateSource dates;

    public EventExtractor(KnowledgeBase kb, IDateSource? dates = null)
    {
        this.kb = kb;
        this.dates = dates ?? new ArticleDates();
    }

    public AnalysedArticle Analyse(AnalysedArticle article)
    {
        var text = article.Article.Text;
        var index = new ParticipantIndex(kb, article);
        var dateMentions = dates.DatesOf(article);
        var published = article.Article.Published?.Date;
        var raw = new List<RawEvent>();
        foreach (var sentence in SentenceSplitter.Split(text).Take(MaxSentences))
            raw.AddRange(FromSentence(text, sentence, index, dateMentions, published));
        var events = EventMerger.Merge(raw).Select(e => ToEvent(e, published)).ToList();
        return article with { Events = events };
    }

    private IEnumerable<RawEvent> FromSentence(string text, Sentence sentence, ParticipantIndex index, IReadOnlyList<DateMention> dateMentions, DateOnly? published)
    {
        Candidate? carried = null;
        foreach (var clause in sentence.Clauses)
        {
            var inClause = index.Within(clause).ToList();
            var t = clause.Start;
            var clauseSubject = Subject(text, clause.Start, clause.End, inClause, index);
            TriggerEntry? previous = null;
            while (t < clause.End)
            {
                var trigger = TriggerAt(text, t, clause.End);
                if (trigger is null)
                {
                    t++;
                    continue;
                }
                var triggerSpan = new Span(t, t + trigger.Word.Length);
                t = triggerSpan.End;
                // 发射 inside 东方航天发射场 is part of a name, not an action; 《拒绝…》 is a title.
                if (inClause.Any(c => c.Span.Overlaps(triggerSpan)) || InsideTitle(text, sentence.Span.Start, triggerSpan.Start))
                    continue;
                // "要求乌克兰撤军", "谴责朝鲜发射导弹": the second action is what is demanded or alleged, not
                // something the text reports as done; it is left out (a wrong event is worse than a missed one).
                if (previous?.Frame == TriggerFrame.Directed)
                    continue;
                previous = trigger;
                var ev = Build(text, sentence, clause, trigger, triggerSpan, inClause, index, carried, dateMentions, published);
                if (ev is not null)
                    yield return ev;
            }
            if (clauseSubject is not null)
                carried = clauseSubject;
        }
    }

    /// <summary>Whether <paramref name="at"/> lies inside a 《…》 title opened in the same sentence.</summary>
    private static bool InsideTitle(string text, int sentenceStart, int at)
    {
        if (at <= sentenceStart)
            return false;
        var open = text.LastIndexOf('《', at - 1, at - sentenceStart);
        return open >= 0 && text.IndexOf('》', open, at - open) < 0;
    }

    private static TriggerEntry? TriggerAt(string text, int at, int end)
    {
        foreach (var entry in TriggersLongestFirst)
        {
            if (at + entry.Word.Length > end || string.CompareOrdinal(text, at, entry.Word, 0, entry.Word.Length) != 0)
                continue;
            // A bare 访 is a visit only as 访华 / 访朝 / 访俄 ...; not 采访, 访谈.
            if (entry.Word == "访" && (at + 1 >= end || at > 0 && text[at - 1] is '采' or '专' or '回' or '走' or '探'))
                return null;
            if (entry.Word == "访" && text[at + 1] is '谈' or '客' or '民' or '查')
                return null;
            return entry;
        }
        return null;
    }

    /// <summary>The first participant in the clause with no case marker before it.</summary>
    private static Candidate? Subject(string text, int from, int until, List<Candidate> inClause, ParticipantIndex index)
    {
        var previousEnd = from;
        foreach (var c in inClause.Where(c => c.Span.End <= until))
        {
            var marker = MarkerBefore(text, previousEnd, c.Span.Start);
            previousEnd = c.Span.End;
            if (marker != Marker.None || c.Kind == ParticipantKind.Place)
                continue;
            return c.Kind == ParticipantKind.Pronoun ? index.LastPersonBefore(c.Span.Start, null) : c;
        }
        return null;
    }

    private enum Marker
    {
        None,
        CoParty,
        Recipient,
        Location,
        Other,
    }

    private static Marker MarkerBefore(string text, int from, int start)
    {
        var gap = text[from..start].Trim();
        if (gap.Length == 0)
            return Marker.None;
        foreach (var m in EventLexicon.LocationMarkers)
        {
            // "在与乌克兰交界处": 与 after 在 opens a place ("where it borders Ukraine"), not a co-party.
            if (gap.EndsWith(m, StringComparison.Ordinal) || gap.EndsWith(m + "与", StringComparison.Ordinal))
                return Marker.Location;
        }
        foreach (var m in EventLexicon.RecipientMarkers)
        {
            if (gap.EndsWith(m, StringComparison.Ordinal))
                return Marker.Recipient;
        }
        foreach (var m in EventLexicon.CoPartyMarkers)
        {
            if (gap.EndsWith(m, StringComparison.Ordinal))
                return Marker.CoParty;
        }
        return gap.EndsWith('由') || gap.EndsWith('从') || gap.EndsWith('据') || gap.EndsWith('被') ? Marker.Other : Marker.None;
    }

    private RawEvent? Build(string text, Sentence sentence, Span clause, TriggerEntry trigger, Span triggerSpan, List<Candidate> inClause,
        ParticipantIndex index, Candidate? carried, IReadOnlyList<DateMention> dateMentions, DateOnly? published)
    {
        // Roles of the participants before the trigger.
        Candidate? subject = null;
        var coParties = new List<Candidate>();
        var recipients = new List<Candidate>();
        Candidate? location = null;
        var previousEnd = clause.Start;
        foreach (var c in inClause.Where(c => c.Span.End <= triggerSpan.Start))
        {
            var marker = MarkerBefore(text, previousEnd, c.Span.Start);
            var gapLength = PreTriggerLength(text, previousEnd, c.Span.Start, dateMentions);
            previousEnd = c.Span.End;
            var resolved = c.Kind == ParticipantKind.Pronoun ? index.LastPersonBefore(c.Span.Start, subject?.Key) : c;
            if (resolved is null)
                continue;
            switch (marker)
            {
                case Marker.Location:
                    location ??= resolved;
                    break;
                case Marker.Recipient:
                    recipients.Add(resolved);
                    break;
                case Marker.CoParty when subject is not null && gapLength <= MaxMarkerGap + 1:
                    coParties.Add(resolved);
                    break;
                case Marker.None when subject is null && c.Kind != ParticipantKind.Place:
                    subject = resolved;
                    break;
            }
        }
        if (subject is null && carried is not null && PreTriggerLength(text, clause.Start, triggerSpan.Start, dateMentions) <= MaxInheritGap)
            subject = carried;
        if (subject is null || UsedAsNoun(text, sentence, clause, trigger, triggerSpan, subject) || AnotherAgentActs(text, subject, triggerSpan))
            return null;
        if (trigger.ObjectCues is { } cues && !cues.Any(cue => text.AsSpan(triggerSpan.End, clause.End - triggerSpan.End).Contains(cue, StringComparison.Ordinal)))
            return null;

        var after = inClause.Where(c => c.Span.Start >= triggerSpan.End).ToList();
        var obj = after.FirstOrDefault(c => c.Span.Start - triggerSpan.End <= MaxObjectGap);
        if (obj?.Kind == ParticipantKind.Pronoun)
            obj = index.LastPersonBefore(obj.Span.Start, subject.Key);

        var actors = new List<Candidate> { subject };
        var recipientList = new List<Candidate>(recipients);
        switch (trigger.Frame)
        {
            case TriggerFrame.Meeting:
                if (coParties.Count > 0)
                    actors.AddRange(coParties);
                else if (obj is not null && obj.Kind != ParticipantKind.Place)
                    recipientList.Add(obj);
                else if (recipientList.Count == 0)
                    return null;
                break;
            case TriggerFrame.Visit:
            {
                var destination = VisitDestination(text, triggerSpan, trigger, after);
                if (destination is null)
                    return null;
                var country = destination.Kind == ParticipantKind.Country ? destination : CountryOf(destination);
                if (country is null || string.Equals(country.Country, subject.Country, StringComparison.Ordinal))
                    return null; // travel inside one's own country is not a visit to another state
                recipientList.Add(country);
                location = destination;
                break;
            }
            case TriggerFrame.Directed:
                if (recipientList.Count == 0 && obj is not null)
                {
                    // "袭击了基辅": the city stands for its country; the city is where it happened.
                    var target = obj.Kind == ParticipantKind.Place ? CountryOf(obj) : obj;
                    if (obj.Kind == ParticipantKind.Place)
                        location ??= obj;
                    if (target is not null)
                        recipientList.Add(target);
                }
                if (recipientList.Count == 0)
                    return null;
                break;
            case TriggerFrame.Joint:
                actors.AddRange(coParties);
                if (actors.Count < 2)
                    return null;
                break;
            case TriggerFrame.Undirected:
                actors.AddRange(coParties);
                break;
        }
        actors = [.. actors.DistinctBy(a => a.Key)];
        recipientList = [.. recipientList.Where(r => actors.All(a => a.Key != r.Key)).DistinctBy(r => r.Key)];
        if (trigger.Frame == TriggerFrame.Meeting && actors.Count + recipientList.Count < 2)
            return null;

        var date = DateFor(sentence, triggerSpan, dateMentions);
        var modality = Modality(text, sentence, clause, subject, triggerSpan, date, published);
        var type = trigger.Type;
        var mode = trigger.Mode;
        // A launch "向乌克兰" (at another state) is an attack; a launch into the sea is a show of force.
        if (type == EventType.Mobilize && recipients.Any(r => r.Kind == ParticipantKind.Country && r.Key != subject.Key))
            type = EventType.Assault;
        if (type == EventType.Consult && modality == EventModality.Future)
        {
            // A planned meeting is an agreement to meet (PLOVER AGREE).
            type = EventType.Agree;
            mode = null;
        }
        var contexts = new SortedSet<string>(StringComparer.Ordinal) { trigger.Context };
        if (sentence.Text.Contains("军事", StringComparison.Ordinal) || actors.Concat(recipientList).Any(IsMilitary))
            contexts.Add("military");
        if (sentence.Text.Contains("经济", StringComparison.Ordinal) || sentence.Text.Contains("经贸", StringComparison.Ordinal))
            contexts.Add("economic");
        var topics = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (keyword, topic) in EventLexicon.Topics)
        {
            if (sentence.Text.Contains(keyword, StringComparison.Ordinal))
                topics.Add(topic);
        }
        return new RawEvent(type, mode, contexts, actors, recipientList, location, date, modality, topics, trigger.Word, triggerSpan, sentence);
    }

    private bool IsMilitary(Candidate c)
    {
        var office = c.ClaimedOffice is null ? null : kb.Office(c.ClaimedOffice);
        return office?.Kind is OfficeKind.DefenceMinister or OfficeKind.DeputyDefenceMinister or OfficeKind.MilitaryCommissionChairman or OfficeKind.MilitaryCommissionViceChairman;
    }

    /// <summary>
    /// The trigger is used as a noun, naming a plan, a policy, a relation or a case instead of reporting an act:
    /// "俄罗斯的支持" (for acts with a recipient or none), "贯彻党中央决策部署", "按照党中央部署" (the participant is
    /// the plan's author, governed by 按照), "双方战略合作", "袭击事件", or a generic "无论是…还是部署各项工作". An
    /// aspect particle right after the trigger ("部署了") makes it a verb again, and a meeting or a visit keeps its
    /// modifier ("工作会谈", "战略磋商", "工作访问" are real meetings and visits).
    /// </summary>
    private static bool UsedAsNoun(string text, Sentence sentence, Span clause, TriggerEntry entry, Span trigger, Candidate subject)
    {
        if (entry.Frame is TriggerFrame.Directed or TriggerFrame.Undirected && AdjoinsDe(text, trigger))
            return true;
        if (trigger.End < text.Length && EventLexicon.AspectParticles.Contains(text[trigger.End]))
            return false;
        var rest = text.AsSpan(trigger.End);
        foreach (var head in EventLexicon.NounHeads)
        {
            if (rest.StartsWith(head, StringComparison.Ordinal))
                return true;
        }
        if (entry.Frame == TriggerFrame.Visit)
        {
            var afterVisit = entry.Word == "访" && rest.Length > 0 ? rest[1..] : rest;
            foreach (var head in EventLexicon.VisitNounHeads)
            {
                if (afterVisit.StartsWith(head, StringComparison.Ordinal) && !afterVisit.StartsWith("团结", StringComparison.Ordinal))
                    return true;
            }
        }
        var before = text.AsSpan(clause.Start, trigger.Start - clause.Start);
        if (entry.Frame is not (TriggerFrame.Meeting or TriggerFrame.Visit))
        {
            foreach (var modifier in EventLexicon.NounModifiers)
            {
                if (before.EndsWith(modifier, StringComparison.Ordinal))
                    return true;
            }
        }
        foreach (var governor in EventLexicon.PlanGovernors)
        {
            var at = before.LastIndexOf(governor, StringComparison.Ordinal);
            if (at >= 0 && clause.Start + at + governor.Length <= subject.Span.Start)
                return true;
        }
        // "无论是A还是B…": the alternatives of a general rule, not acts ("无论如何" alone is not).
        var sentenceBefore = text.AsSpan(sentence.Span.Start, trigger.Start - sentence.Span.Start);
        var whether = sentenceBefore.IndexOf("无论", StringComparison.Ordinal);
        return whether >= 0 && sentenceBefore[whether..].Contains("还是", StringComparison.Ordinal);
    }

    /// <summary>"当局下令沿岸居民撤离", "为他们攻击…": a group of private people or a plural pronoun right before the trigger (adverbs aside) is its agent.</summary>
    private static bool AnotherAgentActs(string text, Candidate subject, Span trigger)
    {
        var before = text.AsSpan(subject.Span.End, trigger.Start - subject.Span.End).TrimEnd();
        var trimmed = true;
        while (trimmed)
        {
            trimmed = false;
            foreach (var adverb in EventLexicon.AgentAdverbs)
            {
                if (before.EndsWith(adverb, StringComparison.Ordinal))
                {
                    before = before[..^adverb.Length].TrimEnd();
                    trimmed = true;
                }
            }
        }
        foreach (var agent in EventLexicon.OtherAgents)
        {
            if (before.EndsWith(agent, StringComparison.Ordinal))
                return true;
        }
        return false;
    }

    /// <summary>A 的 right before or after the trigger ("俄罗斯的支持", "军事演习的频繁举行").</summary>
    private static bool AdjoinsDe(string text, Span trigger) =>
        trigger.Start > 0 && text[trigger.Start - 1] == '的' || trigger.End < text.Length && text[trigger.End] == '的';

    private Candidate? VisitDestination(string text, Span triggerSpan, TriggerEntry trigger, List<Candidate> after)
    {
        if (trigger.Word == "访")
        {
            var abbr = text.Substring(triggerSpan.End, 1);
            var country = abbr == "华" ? kb.CountryByIso3("CHN") : kb.CountriesByAbbreviation(abbr) is [var only] ? only : null;
            return country is null ? null : new Candidate(new Span(triggerSpan.End, triggerSpan.End + 1), abbr, ParticipantKind.Country, country.Id, country.Id, country.Zh, country.Country, null);
        }
        var near = after.TakeWhile(c => c.Span.Start - triggerSpan.End <= MaxObjectGap + 6).Where(c => c.Kind is ParticipantKind.Country or ParticipantKind.Place).ToList();
        if (near.Count == 0 || near[0].Span.Start - triggerSpan.End > MaxObjectGap)
            return null;
        // "朝鲜首都平壤": the most specific place of the phrase is where the visit happens.
        return near.Count > 1 && near[1].Kind == ParticipantKind.Place && near[1].Span.Start - near[0].Span.End <= 3 ? near[1] : near[0];
    }

    private Candidate? CountryOf(Candidate place)
    {
        if (place.Country is not { } iso || kb.CountryByIso3(iso) is not { } country)
            return null;
        // The country is implied by the place (平壤 → 朝鲜): its span is the place's, its text the country's name.
        return new Candidate(place.Span, country.Zh, ParticipantKind.Country, country.Id, country.Id, country.Zh, iso, null);
    }

    private static int PreTriggerLength(string text, int from, int trigger, IReadOnlyList<DateMention> dateMentions)
    {
        var length = 0;
        for (var i = from; i < trigger; i++)
        {
            if (char.IsWhiteSpace(text[i]) || dateMentions.Any(d => d.Span.Start <= i && i < d.Span.End))
                continue;
            length++;
        }
        return length;
    }

    /// <summary>The nearest date before the trigger in the sentence (a clause-initial date dates the whole sentence).</summary>
    private static DateMention? DateFor(Sentence sentence, Span trigger, IReadOnlyList<DateMention> dateMentions) =>
        dateMentions.LastOrDefault(d => d.Span.Start >= sentence.Span.Start && d.Span.End <= trigger.Start && d.Kind != DateKind.Unresolved)
        ?? dateMentions.FirstOrDefault(d => d.Span.Start >= trigger.End && d.Span.End <= sentence.Span.End && d.Kind is DateKind.Exact or DateKind.Range && d.Span.Start - trigger.End <= MaxObjectGap);

    private static EventModality Modality(string text, Sentence sentence, Span clause, Candidate subject, Span trigger, DateMention? date, DateOnly? published)
    {
        var gapStart = subject.Span.End <= trigger.Start && subject.Span.Start >= clause.Start ? subject.Span.End : clause.Start;
        var gap = text[gapStart..trigger.Start];
        foreach (var n in EventLexicon.Negations)
        {
            var at = gap.IndexOf(n, StringComparison.Ordinal);
            if (at < 0)
                continue;
            if (n == "不" && !(at + 1 == gap.Length || gap[at + 1] is '与' or '同' or '和' or '再' or '会' or '曾'))
                continue;
            return EventModality.Negated;
        }
        var prefix = text[sentence.Span.Start..trigger.Start];
        foreach (var h in EventLexicon.HypotheticalCues)
        {
            if (prefix.Contains(h, StringComparison.Ordinal))
                return EventModality.Hypothetical;
        }
        var clausePrefix = text[clause.Start..trigger.Start];
        foreach (var f in EventLexicon.FutureCues)
        {
            var at = clausePrefix.IndexOf(f, StringComparison.Ordinal);
            if (at < 0)
                continue;
            // 将 as in 将军 / 少将 is a rank, not "will".
            if (f == "将" && (at + 1 < clausePrefix.Length && clausePrefix[at + 1] == '军' || at > 0 && clausePrefix[at - 1] is '少' or '中' or '上' or '大' or '准'))
                continue;
            return EventModality.Future;
        }
        if (date?.Value is { Length: >= 10 } v && published is { } p
            && DateOnly.TryParseExact(v[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) && d > p)
            return EventModality.Future;
        return EventModality.Historical;
    }

    private PoliticalEvent ToEvent(RawEvent e, DateOnly? published)
    {
        DateOnly? on = e.Date?.Value is { Length: >= 10 } v && DateOnly.TryParseExact(v[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : published;
        var exactDate = e.Date is { Kind: DateKind.Exact or DateKind.Range } ? e.Date : null;
        return new PoliticalEvent(
            e.Type, e.Mode, [.. e.Contexts],
            [.. e.Actors.Select(a => Participant(a, on))],
            [.. e.Recipients.Select(a => Participant(a, on))],
            e.Location is null ? null : Participant(e.Location, on),
            e.Date,
            exactDate is null ? published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
            e.Modality, [.. e.Topics], e.Trigger, e.TriggerSpan, e.Sentence.Text, e.Sentence.Span, e.Mentions);
    }

    private EventParticipant Participant(Candidate c, DateOnly? on)
    {
        string? office = null;
        if (c.KbId is not null && on is { } d)
        {
            var held = kb.OfficesHeldOn(c.KbId, d);
            var claimedKind = c.ClaimedOffice is null ? null : kb.Office(c.ClaimedOffice)?.Kind;
            var best = held.FirstOrDefault(t => kb.Office(t.OfficeId)?.Kind == claimedKind) ?? held.FirstOrDefault();
            office = best is null ? null : kb.Office(best.OfficeId)?.Zh;
        }
        return new EventParticipant(c.Text, c.Span, c.KbId, c.Canonical, c.Country, office);
    }
}

/// <summary>One event mention before merging.</summary>
internal sealed record RawEvent(
    EventType Type,
    string? Mode,
    SortedSet<string> Contexts,
    List<Candidate> Actors,
    List<Candidate> Recipients,
    Candidate? Location,
    DateMention? Date,
    EventModality Modality,
    SortedSet<string> Topics,
    string Trigger,
    Span TriggerSpan,
    Sentence Sentence)
{
    public int Mentions { get; init; } = 1;
}
