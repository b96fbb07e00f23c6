using NewsLens.Analyse.Knowledge;
using NewsLens.Model;

namespace NewsLens.Assess.Knowledge;

/// <summary>
/// The kb.* detectors' view of the shipped knowledge base: title phrases parsed by the KB's title parser and
/// checked with its conservative role checker (NotHeld only when the KB is sure).
/// </summary>
internal sealed class KbRoleKnowledge : IRoleKnowledge
{
    private readonly KnowledgeBase kb;

    public KbRoleKnowledge(KnowledgeBase kb) => this.kb = kb;

    public bool Available => kb.Terms.Count > 0;

    public IReadOnlyList<RoleContradiction> Contradictions(string text, DateOnly date)
    {
        var result = new List<RoleContradiction>();
        foreach (var m in kb.Titles.Parse(text, date))
        {
            // "前国防部长", "时任…": the text itself says the title is not current.
            if (m.Person is null || m.Office is null || m.Qualifier is RoleQualifier.Former or RoleQualifier.AtTheTime or RoleQualifier.Incoming)
                continue;
            var verdict = kb.CheckRole(m.Person.Id, m.Office.Id, date);
            if (verdict.Check != RoleCheck.NotHeld)
                continue;
            var conflict = verdict.OfficeExistence is ExistenceOnDate.Ended or ExistenceOnDate.NotYet ? RoleConflict.OfficeDidNotExist : RoleConflict.NotHeld;
            var holders = verdict.Holders.Where(t => t.PersonId != m.Person.Id).Select(t => kb.Entity(t.PersonId)?.Zh ?? t.PersonId).Distinct(StringComparer.Ordinal).ToArray();
            var offices = verdict.PersonOffices.Select(t => kb.Office(t.OfficeId)?.Zh ?? t.OfficeId).Distinct(StringComparer.Ordinal).ToArray();
            var name = m.PersonText ?? m.Person.Zh;
            result.Add(new RoleContradiction(m.Phrase, name, m.Title, m.Office.En, conflict, date, holders, offices, verdict.Facts));
        }
        return result;
    }

    public KnownSet? Set(string id)
    {
        if (kb.Set(id) is not { } set)
            return null;
        var members = set.Members.Select(q => kb.Entity(q)?.Country ?? q).ToArray();
        return new KnownSet(id, members, new KbFact($"{set.Zh} ({set.En})", "members", string.Join(",", members), null, null, set.Source.ToString()));
    }
}
