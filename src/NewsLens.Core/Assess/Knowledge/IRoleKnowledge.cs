using NewsLens.Model;

namespace NewsLens.Assess.Knowledge;

/// <summary>Why a role claim contradicts the knowledge base.</summary>
internal enum RoleConflict
{
    /// <summary>The person did not hold the office on the date (someone else did, or their term had ended).</summary>
    NotHeld,

    /// <summary>The office, or the body it belongs to, did not exist on the date.</summary>
    OfficeDidNotExist,
}

/// <summary>
/// A title given to a person in the text ("俄罗斯国防部长绍伊古") that the KB contradicts on the reference date.
/// </summary>
/// <param name="Phrase">Span of the whole phrase in the text that was checked.</param>
/// <param name="Holders">Who the KB has in that office on the date (canonical names).</param>
/// <param name="PersonOffices">The offices the KB has the person in on the date (canonical names).</param>
internal sealed record RoleContradiction(
    Span Phrase,
    string PersonName,
    string OfficeName,
    string OfficeNameEn,
    RoleConflict Conflict,
    DateOnly Date,
    IReadOnlyList<string> Holders,
    IReadOnlyList<string> PersonOffices,
    IReadOnlyList<KbFact> Facts);

/// <summary>The members of a KB set ("nuclear-armed states") with the fact to cite.</summary>
internal sealed record KnownSet(string Id, IReadOnlyList<string> MemberCountries, KbFact Fact);

/// <summary>
/// What the kb.* detectors need from the knowledge base, kept narrow so the detectors can be tested with a
/// fake and so the KB's own API can change behind one adapter (KbRoleKnowledge).
/// </summary>
internal interface IRoleKnowledge
{
    /// <summary>False when no KB is loaded: kb.* detectors then stay silent rather than guess.</summary>
    bool Available { get; }

    /// <summary>Role claims in <paramref name="text"/> that the KB contradicts on <paramref name="date"/>; spans relative to the text.</summary>
    IReadOnlyList<RoleContradiction> Contradictions(string text, DateOnly date);

    /// <summary>The set with this id (e.g. "nuclear-armed"), or null when the KB does not define it.</summary>
    KnownSet? Set(string id);
}

/// <summary>No knowledge base loaded: nothing is contradicted, no set is known.</summary>
internal sealed class NoKnowledge : IRoleKnowledge
{
    public bool Available => false;

    public IReadOnlyList<RoleContradiction> Contradictions(string text, DateOnly date) => [];

    public KnownSet? Set(string id) => null;
}
