namespace NewsLens.Model;

/// <summary>PLOVER event types (see shared DESIGN.md).</summary>
public enum EventType
{
    Agree,
    Consult,
    Support,
    Concede,
    Cooperate,
    Aid,
    Retreat,
    Request,
    Accuse,
    Reject,
    Threaten,
    Protest,
    Sanction,
    Mobilize,
    Coerce,
    Assault,
}

public enum EventModality
{
    Historical,
    Future,
    Hypothetical,
    Negated,
}

/// <summary>A participant as written and as resolved.</summary>
/// <param name="Office">The office the KB says the participant held on the event date, when a person.</param>
public sealed record EventParticipant(string Text, Span Span, string? KbId, string? Canonical, string? Country, string? Office);

/// <summary>
/// One real-world action, merged over all its mentions in the article; <see cref="Sentence"/> is the best evidence.
/// </summary>
/// <param name="Mode">PLOVER mode, e.g. "visit", "third-party", "multilateral", "phone" for CONSULT.</param>
/// <param name="Context">PLOVER contexts, e.g. "military", "diplomatic", "economic".</param>
/// <param name="Date">Normalised event date; null when the text does not date it (see <paramref name="LatestDate"/>).</param>
/// <param name="LatestDate">When the text gives no date: the latest date the event can have (the publish date).</param>
/// <param name="Trigger">The word that signals the event ("会谈", "抵达").</param>
/// <param name="Mentions">How many sentences of the article report this same action.</param>
public sealed record PoliticalEvent(
    EventType Type,
    string? Mode,
    IReadOnlyList<string> Context,
    IReadOnlyList<EventParticipant> Actors,
    IReadOnlyList<EventParticipant> Recipients,
    EventParticipant? Location,
    DateMention? Date,
    string? LatestDate,
    EventModality Modality,
    IReadOnlyList<string> Topics,
    string Trigger,
    Span TriggerSpan,
    string Sentence,
    Span SentenceSpan,
    int Mentions);
