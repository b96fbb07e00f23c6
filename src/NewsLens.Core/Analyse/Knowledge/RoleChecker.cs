using NewsLens.Model;

namespace NewsLens.Analyse.Knowledge;

/// <summary>
/// What the KB says about "person P held office O on date D", with the facts behind the verdict.
/// </summary>
/// <param name="OfficeExistence">Whether the office (and its body) existed on the date; Ended for e.g. the DPRK NDC in 2025.</param>
/// <param name="PersonOffices">The offices the KB has the person in on the date (what the text should have said).</param>
/// <param name="Holders">Who the KB has in the office on the date.</param>
/// <param name="Facts">KB facts a flag can cite.</param>
public sealed record RoleVerdict(
    RoleCheck Check,
    KbOffice? Office,
    KbEntity? Person,
    DateOnly? Date,
    ExistenceOnDate OfficeExistence,
    IReadOnlyList<KbTerm> PersonOffices,
    IReadOnlyList<KbTerm> Holders,
    IReadOnlyList<KbFact> Facts);

/// <summary>
/// Decides Held / NotHeld conservatively: NotHeld only when the KB is sure (the office did not exist, the
/// person's own terms in it exclude the date, or the office's holder list is complete for that date).
/// A date on an imprecise term edge counts as held: a wrong accusation is worse than a missed one.
/// </summary>
internal static class RoleChecker
{
    public static RoleVerdict Check(KnowledgeBase kb, string? personId, string? officeId, DateOnly? date)
    {
        var office = officeId is null ? null : kb.Office(officeId);
        var person = personId is null ? null : kb.Entity(personId);
        if (office is null)
            return Verdict(RoleCheck.UnknownOffice);
        if (person is null)
            return Verdict(RoleCheck.UnknownPerson);
        if (date is not { } d)
            return Verdict(RoleCheck.NotChecked);

        var personOffices = kb.OfficesHeldOn(person.Id, d);
        var holders = kb.HoldersOn(office.Id, d);
        var existence = OfficeExistence(kb, office, d);
        var facts = new List<KbFact>();
        var own = kb.TermsOf(person.Id).Where(t => t.OfficeId == office.Id).ToList();

        RoleCheck check;
        if (own.Any(t => t.Interval.MayContain(d)))
            check = RoleCheck.Held;
        else if (existence is ExistenceOnDate.Ended or ExistenceOnDate.NotYet)
            check = RoleCheck.NotHeld;
        else if (own.Count > 0)
            check = RoleCheck.NotHeld;
        else if (office.CompleteFrom is { } complete && d >= complete.Latest)
            check = RoleCheck.NotHeld;
        else
            check = RoleCheck.NotChecked;

        if (check != RoleCheck.Held)
        {
            facts.AddRange(own.Select(t => Fact(kb, t)));
            if (existence is ExistenceOnDate.Ended or ExistenceOnDate.NotYet)
                facts.Add(ExistenceFact(kb, office));
            facts.AddRange(personOffices.Where(t => t.OfficeId != office.Id).Select(t => Fact(kb, t)));
            facts.AddRange(holders.Where(t => t.PersonId != person.Id).Select(t => Fact(kb, t)));
        }
        else
        {
            facts.AddRange(own.Where(t => t.Interval.MayContain(d)).Select(t => Fact(kb, t)));
        }
        return new RoleVerdict(check, office, person, d, existence, personOffices, holders, facts);

        RoleVerdict Verdict(RoleCheck c) => new(c, office, person, date, office is not null && date is { } dd ? OfficeExistence(kb, office, dd) : ExistenceOnDate.Uncertain, [], [], []);
    }

    /// <summary>An office exists only while its body does (an NDC title after 2016 names nothing).</summary>
    private static ExistenceOnDate OfficeExistence(KnowledgeBase kb, KbOffice office, DateOnly date)
    {
        var own = kb.ExistsOn(office.Id, date);
        if (own is ExistenceOnDate.Ended or ExistenceOnDate.NotYet || office.Body is null)
            return own;
        var body = kb.ExistsOn(office.Body, date);
        return body is ExistenceOnDate.Ended or ExistenceOnDate.NotYet ? body : own;
    }

    public static KbFact Fact(KnowledgeBase kb, KbTerm term)
    {
        var person = kb.Entity(term.PersonId);
        var office = kb.Office(term.OfficeId);
        return new KbFact(
            $"{person?.Zh ?? term.PersonId} ({person?.En ?? ""}, {term.PersonId})",
            "held office",
            $"{office?.Zh ?? term.OfficeId} ({office?.En ?? ""})",
            term.Interval.Start?.ToString(),
            term.Interval.End?.ToString(),
            term.Source.ToString());
    }

    public static KbFact ExistenceFact(KnowledgeBase kb, KbOffice office)
    {
        var body = office.Body is null ? null : kb.Entity(office.Body);
        var interval = body is not null && body.Existence.End is not null ? body.Existence : office.Existence;
        var subject = body is not null ? $"{body.Zh} ({body.En})" : $"{office.Zh} ({office.En})";
        return new KbFact(subject, "existed", body?.Id ?? office.Id, interval.Start?.ToString(), interval.End?.ToString(), (body?.Source ?? office.Source).ToString());
    }

    /// <summary>The record the language model carries: the claim as written plus the KB's verdict.</summary>
    public static RoleClaim ToClaim(string text, Span span, RoleVerdict verdict) =>
        new(text, span, verdict.Office?.Id, verdict.Check, verdict.Date);
}
