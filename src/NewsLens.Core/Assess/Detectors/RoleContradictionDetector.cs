using System.Text.RegularExpressions;
using NewsLens.Assess.Knowledge;
using NewsLens.Model;

namespace NewsLens.Assess.Detectors;

/// <summary>
/// kb.role_contradiction and kb.defunct_office: a person given an office they did not hold on the article's
/// date ("俄罗斯国防部长绍伊古" in June 2025), or an office of a body that no longer existed ("朝鲜国防委员会
/// 副主席金正恩" in 2025). Sentences about the past (时任, 曾, 2019年…) are not checked against today's date.
/// </summary>
internal sealed partial class RoleContradictionDetector : IFlagDetector
{
    public const string RoleCode = "kb.role_contradiction";
    public const string DefunctCode = "kb.defunct_office";

    public string Family => "kb";

    public IEnumerable<Flag> Detect(AssessContext context)
    {
        if (!context.Knowledge.Available || context.ReferenceDate is not { } date)
            yield break;
        var seen = new HashSet<(string, string, RoleConflict)>();
        foreach (var (text, span, location) in Pieces(context))
        {
            if (PastMarker().IsMatch(text) || EarlierYear(text, date))
                continue;
            foreach (var c in context.Knowledge.Contradictions(text, date))
            {
                if (!seen.Add((c.PersonName, c.OfficeName, c.Conflict)))
                    continue;
                var phrase = text.Substring(c.Phrase.Start, c.Phrase.End - c.Phrase.Start);
                var evidence = new Evidence(phrase, location, span is { } s ? new Span(s.Start + c.Phrase.Start, s.Start + c.Phrase.End) : null, null);
                var day = date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
                if (c.Conflict == RoleConflict.OfficeDidNotExist)
                {
                    yield return FlagMaker.Make(DefunctCode, Severity.High, [evidence],
                        $"文中称{c.PersonName}为“{c.OfficeName}”，但在文章日期{day}该职务（或其所属机构）已不存在{Actually(c)}。",
                        $"The text calls {c.PersonName} \"{c.OfficeNameEn}\", but on the article's date ({day}) that office or its body no longer existed{ActuallyEn(c)}.",
                        c.Facts);
                }
                else
                {
                    var holders = c.Holders.Count > 0 ? $"，当时担任该职的是{string.Join("、", c.Holders)}" : "";
                    var holdersEn = c.Holders.Count > 0 ? $"; the office was held by {string.Join(", ", c.Holders)}" : "";
                    yield return FlagMaker.Make(RoleCode, Severity.High, [evidence],
                        $"文中称{c.PersonName}为“{c.OfficeName}”，但在文章日期{day}其并不担任此职{holders}{Actually(c)}。",
                        $"The text calls {c.PersonName} \"{c.OfficeNameEn}\", but on the article's date ({day}) that person did not hold the office{holdersEn}{ActuallyEn(c)}.",
                        c.Facts);
                }
            }
        }
    }

    private static string Actually(RoleContradiction c) =>
        c.PersonOffices.Count > 0 ? $"；知识库记载其当时的职务是{string.Join("、", c.PersonOffices)}" : "";

    private static string ActuallyEn(RoleContradiction c) =>
        c.PersonOffices.Count > 0 ? $"; the knowledge base has them as {string.Join(", ", c.PersonOffices)} at the time" : "";

    /// <summary>The title, headings and each body sentence: a role is checked in the piece that states it.</summary>
    private static IEnumerable<(string Text, Span? Span, EvidenceLocation Location)> Pieces(AssessContext context)
    {
        if (context.Title is { } t)
            yield return (t.Text, t.Span, EvidenceLocation.Title);
        foreach (var u in context.Body.Where(u => u.Kind == UnitKind.Heading))
            yield return (u.Text, u.Span, u.Location);
        foreach (var s in context.Sentences)
            yield return (s.Text, s.Span, EvidenceLocation.Text);
    }

    /// <summary>A year before the reference date's year in the sentence: the sentence may tell the past.</summary>
    private static bool EarlierYear(string text, DateOnly date)
    {
        foreach (Match m in Year().Matches(text))
        {
            if (int.TryParse(m.Groups[1].Value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var y) && y < date.Year)
                return true;
        }
        return false;
    }

    /// <summary>Words that place a sentence in the past or mark a former title.</summary>
    [GeneratedRegex(@"时任|曾任|曾经|曾是|原任|前任|昔日|早在|当年|彼时|当时|去年|前年|此前曾|回顾|历任|卸任|离任")]
    private static partial Regex PastMarker();

    [GeneratedRegex(@"((?:19|20)\d\d)年")]
    private static partial Regex Year();
}
