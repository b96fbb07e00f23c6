using NewsLens.Analyse.Knowledge;
using NewsLens.Model;

namespace NewsLens.Tests.Analyse.Knowledge;

/// <summary>The KB shipped in kb/ loads, and answers the questions the checks ask of it.</summary>
public sealed class ShippedKnowledgeBaseTests
{
    private static readonly Lazy<KnowledgeBase> Shipped = new(() => KnowledgeBase.Load(Path.Combine(AppContext.BaseDirectory, "kb")));

    private static KnowledgeBase Kb => Shipped.Value;

    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Loads_with_world_coverage()
    {
        Assert.True(Kb.Entities.Count(e => e.Kind == KbEntityKind.Country) >= 190);
        Assert.True(Kb.Entities.Count(e => e.Kind == KbEntityKind.Person) >= 250);
        Assert.True(Kb.Terms.Count >= 300);
        foreach (var iso in new[] { "RUS", "PRK", "KOR", "CHN", "JPN", "USA", "UKR", "GBR", "FRA", "DEU", "IND", "IRN" })
        {
            Assert.True(new[] { OfficeKind.HeadOfState, OfficeKind.Monarch }.Sum(k => Kb.OfficesOf(iso, k).Count) > 0, $"{iso} has no head of state");
            foreach (var kind in new[] { OfficeKind.ForeignMinister, OfficeKind.DefenceMinister })
                Assert.True(Kb.OfficesOf(iso, kind).Count > 0, $"{iso} has no {kind} office");
        }
    }

    [Theory]
    [InlineData("俄罗斯", "RUS")]
    [InlineData("俄羅斯", "RUS")]
    [InlineData("Russia", "RUS")]
    [InlineData("朝鲜民主主义人民共和国", "PRK")]
    [InlineData("DPRK", "PRK")]
    [InlineData("美利堅合衆國", "USA")]
    public void Looks_countries_up_in_any_script(string name, string iso) =>
        Assert.Equal(iso, Kb.Resolve(name, KbEntityKind.Country)?.Country);

    [Theory]
    [InlineData("绍伊古", "nl:p.shoigu")]
    [InlineData("谢尔盖·绍伊古", "nl:p.shoigu")]
    [InlineData("謝爾蓋·紹伊古", "nl:p.shoigu")]
    [InlineData("Sergei Shoigu", "nl:p.shoigu")]
    [InlineData("金正恩", "Q56226")]
    [InlineData("Kim Jong-un", "Q56226")]
    [InlineData("鲁比奥", "nl:p.marco-rubio")]
    public void Looks_people_up_by_name_alias_and_surname(string name, string id) =>
        Assert.Equal(id, Kb.Resolve(name, KbEntityKind.Person)?.Id);

    [Fact]
    public void Shoigu_moved_from_defence_to_the_security_council_in_May_2024()
    {
        var held = Kb.OfficesHeldOn("nl:p.shoigu", D("2025-06-06")).Select(t => t.OfficeId);
        Assert.Equal(["nl:RUS.sc-secretary"], held);
        Assert.Equal(["nl:RUS.dm"], Kb.OfficesHeldOn("nl:p.shoigu", D("2020-01-01")).Select(t => t.OfficeId));
        Assert.Equal(["nl:p.belousov"], Kb.HoldersOn("nl:RUS.dm", D("2025-06-06")).Select(t => t.PersonId));
    }

    [Fact]
    public void The_DPRK_National_Defence_Commission_ended_in_2016()
    {
        Assert.Equal(ExistenceOnDate.Ended, Kb.ExistsOn("nl:PRK.ndc", D("2025-04-15")));
        Assert.Equal(ExistenceOnDate.Existed, Kb.ExistsOn("nl:PRK.ndc", D("2015-01-01")));
        Assert.Equal(ExistenceOnDate.Existed, Kb.ExistsOn("nl:PRK.sac", D("2025-04-15")));
    }

    [Fact]
    public void Kim_Jong_Un_held_the_NDC_first_chairmanship_then_the_SAC()
    {
        Assert.Contains(Kb.OfficesHeldOn("Q56226", D("2014-01-01")), t => t.OfficeId == "nl:PRK.ndc-first-chairman");
        var now = Kb.OfficesHeldOn("Q56226", D("2025-04-15")).Select(t => t.OfficeId).ToList();
        Assert.Contains("nl:PRK.sac-chairman", now);
        Assert.DoesNotContain("nl:PRK.ndc-first-chairman", now);
    }

    [Fact]
    public void Nuclear_armed_states_are_nine()
    {
        var set = Assert.Single(Kb.LookupSets("拥核国家"));
        Assert.Equal(9, set.Members.Count);
        Assert.Contains(Kb.CountryByIso3("PRK")!.Id, set.Members);
        Assert.DoesNotContain(Kb.CountryByIso3("IRN")!.Id, set.Members);
    }

    [Theory]
    [InlineData("美国国务卿鲁比奥", "2025-06-01", "nl:USA.secstate", "nl:p.marco-rubio", RoleCheck.Held)]
    [InlineData("中国国防部长董军", "2024-05-01", "nl:CHN.dm", "nl:p.dong-jun", RoleCheck.Held)]
    [InlineData("俄罗斯国防部长绍伊古", "2025-06-06", "nl:RUS.dm", "nl:p.shoigu", RoleCheck.NotHeld)]
    [InlineData("俄罗斯国防部长绍伊古", "2023-09-13", "nl:RUS.dm", "nl:p.shoigu", RoleCheck.Held)]
    [InlineData("国防委员会副主席金正恩", "2025-04-15", "nl:PRK.ndc-vice-chairman", "Q56226", RoleCheck.NotHeld)]
    [InlineData("朝鲜外务相崔善姬", "2024-11-01", "nl:PRK.fm", "nl:p.choe-son-hui", RoleCheck.Held)]
    [InlineData("普京总统", "2025-01-01", "nl:RUS.president", "Q7747", RoleCheck.Held)]
    [InlineData("美国国务卿布林肯", "2025-06-01", "nl:USA.secstate", "nl:p.antony-blinken", RoleCheck.NotHeld)]
    public void Parses_and_checks_role_phrases(string phrase, string date, string office, string person, RoleCheck expected)
    {
        var match = Kb.Titles.ParsePhrase(phrase, D(date));
        Assert.NotNull(match);
        Assert.Equal(office, match.Office?.Id);
        Assert.Equal(person, match.Person?.Id);
        var verdict = Kb.CheckRole(match.Person?.Id, match.Office?.Id, D(date));
        Assert.Equal(expected, verdict.Check);
        if (expected == RoleCheck.NotHeld)
            Assert.NotEmpty(verdict.Facts);
    }

    [Theory]
    [InlineData("美防长", "USA", "nl:USA.secdef")]
    [InlineData("朝外相", "PRK", "nl:PRK.fm")]
    [InlineData("俄副防长率团抵达", "RUS", "nl:RUS.dm-deputy")]
    [InlineData("日本防卫大臣", "JPN", "nl:JPN.dm")]
    [InlineData("乌克兰国家安全与国防委员会秘书", "UKR", "nl:UKR.nsdc-secretary")]
    public void Parses_titles_without_a_person(string phrase, string country, string office)
    {
        var match = Kb.Titles.ParsePhrase(phrase, D("2025-01-01"));
        Assert.NotNull(match);
        Assert.Equal(country, match.Country?.Country ?? match.Office?.Country);
        Assert.Equal(office, match.Office?.Id);
        Assert.Null(match.Person);
    }

    [Fact]
    public void Shoigu_claim_cites_what_he_held_instead()
    {
        var verdict = Kb.CheckRole("nl:p.shoigu", "nl:RUS.dm", D("2025-06-06"));
        Assert.Equal(RoleCheck.NotHeld, verdict.Check);
        Assert.Contains(verdict.PersonOffices, t => t.OfficeId == "nl:RUS.sc-secretary");
        Assert.Contains(verdict.Holders, t => t.PersonId == "nl:p.belousov");
        Assert.Contains(verdict.Facts, f => f.End == "2024-05-12");
    }

    [Fact]
    public void A_former_title_is_recognised_as_former()
    {
        var match = Kb.Titles.ParsePhrase("俄罗斯前国防部长绍伊古", D("2025-06-06"));
        Assert.Equal(RoleQualifier.Former, match?.Qualifier);
    }

    [Fact]
    public void Reads_a_transliterated_name_after_a_title_without_swallowing_the_rank()
    {
        var text = "俄罗斯国防部副部长谢尔盖·科罗廖夫少将率领代表团";
        var match = Kb.Titles.ParsePhrase(text, D("2025-04-15"));
        Assert.Equal("谢尔盖·科罗廖夫", match?.PersonText);
        Assert.Equal(RoleCheck.UnknownPerson, Kb.CheckRole(null, match?.Office?.Id, D("2025-04-15")).Check);
    }
}
