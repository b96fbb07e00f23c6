using System.Text.RegularExpressions;
using NewsLens.Model;

namespace NewsLens.Assess.Detectors;

/// <summary>
/// kb.only_claim: "the only X" claims against a known set ("朝鲜作为全球唯一的核武器国家" while nine states are
/// nuclear-armed). Only bare possession claims are judged: "唯一承诺不首先使用核武器的核国家" restricts the set
/// with a clause and may well be true, so it is left alone.
/// </summary>
internal sealed partial class OnlyClaimDetector : IFlagDetector
{
    public const string Code = "kb.only_claim";

    /// <summary>The claimed noun phrase ends within this many characters of 唯一 (same clause).</summary>
    private const int MaxPhraseChars = 30;

    /// <summary>
    /// Words that only restate possession ("拥有…核武器…能力的国家"); anything else between 唯一 and 国家
    /// (a verb like 使用过, 承诺) narrows the set and makes the claim uncheckable by set size.
    /// </summary>
    private static readonly string[] PossessionWords =
    [
        "一个", "一", "个", "的", "拥有", "具有", "掌握", "具备", "有", "核武器", "核武", "核", "在", "方面", "和", "及", "与", "、",
        "导弹技术", "导弹", "技术", "显著", "发展", "能力", "实际", "合法", "真正", "公认", "常任理事", "安理会", "国家", "国",
    ];

    public string Family => "kb";

    public IEnumerable<Flag> Detect(AssessContext context)
    {
        foreach (var s in context.Sentences)
        {
            foreach (Match m in Only().Matches(s.Text))
            {
                var after = s.Text[(m.Index + m.Length)..];
                var clauseEnd = after.IndexOfAny(['，', '。', '；', '！', '？', ',', ';']);
                var phrase = clauseEnd < 0 ? after : after[..clauseEnd];
                if (phrase.Length > MaxPhraseChars)
                    phrase = phrase[..MaxPhraseChars];
                var nounEnd = phrase.IndexOf("国家", StringComparison.Ordinal);
                var nounLength = 2;
                if (nounEnd < 0)
                {
                    nounEnd = phrase.LastIndexOf('国');
                    nounLength = 1;
                }
                if (nounEnd < 0)
                    continue;
                var noun = phrase[..(nounEnd + nounLength)];
                if (!IsBarePossession(noun))
                    continue;
                var before = s.Text[..m.Index];
                if (Negated().IsMatch(before))
                    continue;
                foreach (var set in context.Rules.OnlyClaims)
                {
                    if (!set.Key.IsMatch(noun))
                        continue;
                    var known = context.Knowledge.Set(set.Id);
                    var members = known?.MemberCountries ?? set.Members;
                    if (members.Count <= 1)
                        continue;
                    var fact = known?.Fact ?? new KbFact(set.Id, "members", string.Join(",", members), null, null, set.Source);
                    var claim = s.Text[m.Index..(m.Index + m.Length + noun.Length)];
                    var start = s.Span.Start + m.Index;
                    yield return FlagMaker.Make(Code, Severity.High,
                        [new Evidence(claim, EvidenceLocation.Text, new Span(start, start + claim.Length), null)],
                        $"文中称“{claim}”，但这一类国家不止一个：知识库列出{members.Count}个（{string.Join("、", members)}），“唯一”的说法不成立。",
                        $"The text claims \"{claim}\" (the only one), but the knowledge base lists {members.Count} such states ({string.Join(", ", members)}): the claim is false.",
                        [fact]);
                    break;
                }
            }
        }
    }

    private static bool IsBarePossession(string noun)
    {
        var rest = noun;
        var changed = true;
        while (changed && rest.Length > 0)
        {
            changed = false;
            foreach (var w in PossessionWords.OrderByDescending(w => w.Length))
            {
                if (rest.StartsWith(w, StringComparison.Ordinal))
                {
                    rest = rest[w.Length..];
                    changed = true;
                    break;
                }
            }
        }
        return rest.Length == 0;
    }

    [GeneratedRegex(@"(?:全球|世界上|全世界|世界|当今世界|地球上)?唯一(?:的)?")]
    private static partial Regex Only();

    /// <summary>"不是/并非/不再 唯一…" states the opposite.</summary>
    [GeneratedRegex(@"(?:不是|并非|并不是|不再是|不再|绝非|非)\s*(?:全球|世界上|全世界|世界|当今世界|地球上)?$")]
    private static partial Regex Negated();
}
