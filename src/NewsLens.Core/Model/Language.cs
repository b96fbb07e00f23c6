namespace NewsLens.Model;

/// <summary>One word of the segmented text.</summary>
public readonly record struct Token(string Text, Span Span);

public enum EntityType
{
    Person,
    Location,
    Organization,
}

/// <summary>
/// A named entity found in the text, linked to the knowledge base when possible.
/// </summary>
/// <param name="KbId">Knowledge-base id (a Wikidata QID where known), null when unlinked.</param>
/// <param name="Canonical">The KB's canonical (simplified Chinese) name, null when unlinked.</param>
/// <param name="Country">ISO 3166-1 alpha-3 code of the entity's country per the KB, null when unknown.</param>
/// <param name="Role">The title/office the text gives the person right here ("国防部长"), with the KB check.</param>
public sealed record EntityMention(
    string Text,
    EntityType Type,
    Span Span,
    string? KbId,
    string? Canonical,
    string? Country,
    RoleClaim? Role);

/// <summary>
/// An office the text attributes to a person ("俄罗斯国防部长绍伊古"), with what the KB says about it.
/// </summary>
/// <param name="Text">The title as written.</param>
/// <param name="OfficeId">KB office id the title resolves to, null when it resolves to none.</param>
/// <param name="HeldOnDate">Whether the KB has the person in that office on the reference date.</param>
/// <param name="ReferenceDate">The date the check used (event date, else publish date), null when there was none.</param>
public sealed record RoleClaim(string Text, Span Span, string? OfficeId, RoleCheck HeldOnDate, DateOnly? ReferenceDate);

public enum RoleCheck
{
    NotChecked,
    Held,
    NotHeld,
    UnknownPerson,
    UnknownOffice,
}
