namespace NewsLens.Analyse.Knowledge;

public enum KbEntityKind
{
    Country,
    Place,
    Person,
    Organization,
}

/// <summary>Kinds of office the title parser and checks know; each country's concrete office points to one.</summary>
public enum OfficeKind
{
    HeadOfState,
    HeadOfGovernment,
    ForeignMinister,
    DefenceMinister,
    DeputyDefenceMinister,
    DeputyForeignMinister,
    SecurityCouncilSecretary,
    SecurityCouncilDeputyChairman,
    NationalSecurityAdviser,
    PartyLeader,
    MilitaryCommissionChairman,
    MilitaryCommissionViceChairman,
    BodyChairman,
    BodyViceChairman,
    Monarch,
    SupremeLeader,
    LegislatureHead,
    Other,
}

/// <summary>Which state a KB name is in; lookups accept all three.</summary>
public enum NameScript
{
    Simplified,
    Traditional,
    English,
    Alias,
}

/// <summary>A KB name and where it was declared (the file:line that a check can cite).</summary>
public sealed record KbName(string Text, NameScript Script);

/// <summary>Where a fact came from in the KB files, and the kind of public source behind it.</summary>
/// <param name="SourceKind">The source-kind column, e.g. "official", "encyclopedia", "news", "iso-3166", "wikidata".</param>
public sealed record KbProvenance(string File, int Line, string SourceKind)
{
    public override string ToString() => $"{File}:{Line} ({SourceKind})";
}

/// <summary>
/// A country, place, person or organisation. <see cref="Existence"/> is when it existed (a state body's
/// establishment and abolition, a person's life where given); open edges mean unknown or ongoing.
/// </summary>
/// <param name="Id">A Wikidata QID where known, else a local id ("nl:...").</param>
/// <param name="Country">ISO 3166-1 alpha-3 code of the entity's country (its own code for a country).</param>
/// <param name="Abbreviations">One-character forms used only inside compounds and titles ("美", "朝"), never matched alone.</param>
public sealed record KbEntity(
    string Id,
    KbEntityKind Kind,
    string? Country,
    string Zh,
    string? ZhHant,
    string? En,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<string> Abbreviations,
    KbInterval Existence,
    string? Capital,
    KbProvenance Source)
{
    /// <summary>Every name a mention may use: simplified, traditional, English and aliases, in that order.</summary>
    public IEnumerable<KbName> Names()
    {
        yield return new KbName(Zh, NameScript.Simplified);
        if (ZhHant is { Length: > 0 })
            yield return new KbName(ZhHant, NameScript.Traditional);
        if (En is { Length: > 0 })
            yield return new KbName(En, NameScript.English);
        foreach (var a in Aliases)
            yield return new KbName(a, NameScript.Alias);
    }
}

/// <summary>
/// An office of a country (or of an international body), e.g. Russia's defence minister.
/// </summary>
/// <param name="Body">KB id of the body the office belongs to (e.g. the DPRK National Defence Commission), when one is given.</param>
/// <param name="Titles">Country-specific titles as written in Chinese text, in addition to the generic ones for <see cref="Kind"/>.</param>
/// <param name="Existence">When the office existed; a title used after its end names a post that no longer exists.</param>
/// <param name="CompleteFrom">From this date on the KB lists every holder, so "not in the KB" means "did not hold it"; null when the list is partial.</param>
public sealed record KbOffice(
    string Id,
    string? Country,
    string? Body,
    OfficeKind Kind,
    string Zh,
    string? ZhHant,
    string En,
    IReadOnlyList<string> Titles,
    KbInterval Existence,
    KbDate? CompleteFrom,
    KbProvenance Source);

/// <summary>A person holding an office from Start to End (inclusive; End null = still in office).</summary>
public sealed record KbTerm(string PersonId, string OfficeId, KbInterval Interval, string? Note, KbProvenance Source);

/// <summary>A named set of entities ("the nine nuclear-armed states"), for "the only X" checks.</summary>
public sealed record KbSet(string Id, string Zh, string? ZhHant, string En, IReadOnlyList<string> Aliases, IReadOnlyList<string> Members, KbProvenance Source);

/// <summary>Whether an entity or office existed on a date.</summary>
public enum ExistenceOnDate
{
    Existed,
    NotYet,
    Ended,
    Uncertain,
}
