using NewsLens.Model;

namespace NewsLens.Analyse.Events;

/// <summary>How a trigger takes its participants.</summary>
internal enum TriggerFrame
{
    /// <summary>Parties meet: "A与B举行会谈" (all parties are actors) or "A会见B" (actor, recipient).</summary>
    Meeting,

    /// <summary>Movement to a place: "A抵达平壤", "A访问朝鲜" (actor, destination → recipient country and location).</summary>
    Visit,

    /// <summary>An act on someone: "A谴责B", "A向B提供援助" (actor, recipient required).</summary>
    Directed,

    /// <summary>An act that needs no recipient: "A举行军演", "A撤军".</summary>
    Undirected,

    /// <summary>A joint act: "A与B举行联合军演", "A与B签署协议" (two or more parties).</summary>
    Joint,
}

/// <summary>A trigger word with the event it signals.</summary>
/// <param name="ObjectCues">For a trigger with a civil sense too (部署: deploy troops, or arrange work): the rest of
/// the clause must name one of these for it to count; null = always counts.</param>
internal sealed record TriggerEntry(string Word, EventType Type, string? Mode, string Context, TriggerFrame Frame, IReadOnlyList<string>? ObjectCues = null);

/// <summary>
/// The Chinese trigger lexicon (PLOVER types), modality cue words and topic keywords. Written for news about
/// inter-state relations; every entry is a general verb or noun phrase, none is taken from a test text.
/// </summary>
internal static class EventLexicon
{
    /// <summary>What a military deployment deploys (军 covers 军队, 部队's 美军, 军舰; 兵 covers 兵力, 士兵).</summary>
    private static readonly string[] MilitaryObjects = ["军", "兵", "部队", "导弹", "武器", "舰", "战机", "轰炸机", "坦克", "装甲", "火箭", "防空", "反导", "核"];

    public static IReadOnlyList<TriggerEntry> Triggers { get; } =
    [
        new("举行会谈", EventType.Consult, null, "diplomatic", TriggerFrame.Meeting),
        new("进行会谈", EventType.Consult, null, "diplomatic", TriggerFrame.Meeting),
        new("会谈", EventType.Consult, null, "diplomatic", TriggerFrame.Meeting),
        new("会晤", EventType.Consult, null, "diplomatic", TriggerFrame.Meeting),
        new("举行会晤", EventType.Consult, null, "diplomatic", TriggerFrame.Meeting),
        new("会面", EventType.Consult, null, "diplomatic", TriggerFrame.Meeting),
        new("见面", EventType.Consult, null, "diplomatic", TriggerFrame.Meeting),
        new("磋商", EventType.Consult, null, "diplomatic", TriggerFrame.Meeting),
        new("举行磋商", EventType.Consult, null, "diplomatic", TriggerFrame.Meeting),
        new("会见", EventType.Consult, null, "diplomatic", TriggerFrame.Meeting),
        new("接见", EventType.Consult, null, "diplomatic", TriggerFrame.Meeting),
        new("通电话", EventType.Consult, "phone", "diplomatic", TriggerFrame.Meeting),
        new("通话", EventType.Consult, "phone", "diplomatic", TriggerFrame.Meeting),
        new("电话会谈", EventType.Consult, "phone", "diplomatic", TriggerFrame.Meeting),
        new("视频会谈", EventType.Consult, "phone", "diplomatic", TriggerFrame.Meeting),
        new("视频会晤", EventType.Consult, "phone", "diplomatic", TriggerFrame.Meeting),
        new("抵达", EventType.Consult, "visit", "diplomatic", TriggerFrame.Visit),
        new("访问", EventType.Consult, "visit", "diplomatic", TriggerFrame.Visit),
        new("到访", EventType.Consult, "visit", "diplomatic", TriggerFrame.Visit),
        new("出访", EventType.Consult, "visit", "diplomatic", TriggerFrame.Visit),
        new("访", EventType.Consult, "visit", "diplomatic", TriggerFrame.Visit),
        new("签署", EventType.Agree, null, "diplomatic", TriggerFrame.Joint),
        new("签订", EventType.Agree, null, "diplomatic", TriggerFrame.Joint),
        new("达成协议", EventType.Agree, null, "diplomatic", TriggerFrame.Joint),
        new("达成共识", EventType.Agree, null, "diplomatic", TriggerFrame.Joint),
        new("达成一致", EventType.Agree, null, "diplomatic", TriggerFrame.Joint),
        new("达成停火协议", EventType.Agree, null, "military", TriggerFrame.Joint),
        new("达成停火", EventType.Agree, null, "military", TriggerFrame.Joint),
        new("联合军演", EventType.Cooperate, null, "military", TriggerFrame.Joint),
        new("联合军事演习", EventType.Cooperate, null, "military", TriggerFrame.Joint),
        new("联合演习", EventType.Cooperate, null, "military", TriggerFrame.Joint),
        new("联合训练", EventType.Cooperate, null, "military", TriggerFrame.Joint),
        new("联合巡航", EventType.Cooperate, null, "military", TriggerFrame.Joint),
        new("联合巡逻", EventType.Cooperate, null, "military", TriggerFrame.Joint),
        new("支持", EventType.Support, null, "diplomatic", TriggerFrame.Directed),
        new("声援", EventType.Support, null, "diplomatic", TriggerFrame.Directed),
        new("赞扬", EventType.Support, null, "diplomatic", TriggerFrame.Directed),
        new("援助", EventType.Aid, null, "economic", TriggerFrame.Directed),
        new("提供援助", EventType.Aid, null, "economic", TriggerFrame.Directed),
        new("提供军事援助", EventType.Aid, null, "military", TriggerFrame.Directed),
        new("提供人道主义援助", EventType.Aid, null, "humanitarian", TriggerFrame.Directed),
        new("捐赠", EventType.Aid, null, "humanitarian", TriggerFrame.Directed),
        new("呼吁", EventType.Request, null, "diplomatic", TriggerFrame.Directed),
        new("敦促", EventType.Request, null, "diplomatic", TriggerFrame.Directed),
        new("要求", EventType.Request, null, "diplomatic", TriggerFrame.Directed),
        new("请求", EventType.Request, null, "diplomatic", TriggerFrame.Directed),
        new("指责", EventType.Accuse, null, "diplomatic", TriggerFrame.Directed),
        new("谴责", EventType.Accuse, null, "diplomatic", TriggerFrame.Directed),
        new("指控", EventType.Accuse, null, "diplomatic", TriggerFrame.Directed),
        new("批评", EventType.Accuse, null, "diplomatic", TriggerFrame.Directed),
        new("拒绝", EventType.Reject, null, "diplomatic", TriggerFrame.Directed),
        new("驳斥", EventType.Reject, null, "diplomatic", TriggerFrame.Directed),
        new("威胁", EventType.Threaten, null, "military", TriggerFrame.Directed),
        new("警告", EventType.Threaten, null, "diplomatic", TriggerFrame.Directed),
        new("抗议", EventType.Protest, null, "diplomatic", TriggerFrame.Directed),
        new("提出抗议", EventType.Protest, null, "diplomatic", TriggerFrame.Directed),
        new("提出严正交涉", EventType.Protest, null, "diplomatic", TriggerFrame.Directed),
        new("提出交涉", EventType.Protest, null, "diplomatic", TriggerFrame.Directed),
        new("制裁", EventType.Sanction, null, "economic", TriggerFrame.Directed),
        new("实施制裁", EventType.Sanction, null, "economic", TriggerFrame.Directed),
        new("宣布制裁", EventType.Sanction, null, "economic", TriggerFrame.Directed),
        new("驱逐", EventType.Sanction, null, "diplomatic", TriggerFrame.Directed),
        new("断交", EventType.Sanction, null, "diplomatic", TriggerFrame.Directed),
        new("举行军事演习", EventType.Mobilize, null, "military", TriggerFrame.Undirected),
        new("军事演习", EventType.Mobilize, null, "military", TriggerFrame.Undirected),
        new("军演", EventType.Mobilize, null, "military", TriggerFrame.Undirected),
        new("演习", EventType.Mobilize, null, "military", TriggerFrame.Undirected),
        new("试射", EventType.Mobilize, null, "military", TriggerFrame.Undirected),
        new("发射", EventType.Mobilize, null, "military", TriggerFrame.Undirected),
        new("部署", EventType.Mobilize, null, "military", TriggerFrame.Undirected, MilitaryObjects),
        new("增兵", EventType.Mobilize, null, "military", TriggerFrame.Undirected),
        new("逮捕", EventType.Coerce, null, "security", TriggerFrame.Directed),
        new("拘留", EventType.Coerce, null, "security", TriggerFrame.Directed),
        new("扣押", EventType.Coerce, null, "security", TriggerFrame.Directed),
        new("袭击", EventType.Assault, null, "military", TriggerFrame.Directed),
        new("空袭", EventType.Assault, null, "military", TriggerFrame.Directed),
        new("轰炸", EventType.Assault, null, "military", TriggerFrame.Directed),
        new("炮击", EventType.Assault, null, "military", TriggerFrame.Directed),
        new("击落", EventType.Assault, null, "military", TriggerFrame.Directed),
        new("攻击", EventType.Assault, null, "military", TriggerFrame.Directed),
        new("撤军", EventType.Retreat, null, "military", TriggerFrame.Undirected),
        new("撤出", EventType.Retreat, null, "military", TriggerFrame.Undirected),
        new("撤离", EventType.Retreat, null, "military", TriggerFrame.Undirected),
        new("释放", EventType.Concede, null, "diplomatic", TriggerFrame.Directed),
        new("道歉", EventType.Concede, null, "diplomatic", TriggerFrame.Directed),
    ];

    /// <summary>Words that negate the action when they stand between the subject and the trigger.</summary>
    public static IReadOnlyList<string> Negations { get; } = ["并未", "从未", "没有", "尚未", "未", "没", "不会", "不"];

    /// <summary>Words that place the action in the future (plans, schedules, intentions).</summary>
    public static IReadOnlyList<string> FutureCues { get; } =
        ["将于", "将要", "即将", "计划", "拟", "准备", "打算", "有望", "预计", "将", "下周", "下星期", "下个星期", "下月", "下个月", "明天", "后天", "明年", "择期", "愿意", "希望", "寻求", "旨在", "谋求", "有意"];

    /// <summary>Words that make the action hypothetical.</summary>
    public static IReadOnlyList<string> HypotheticalCues { get; } = ["如果", "假如", "倘若", "若", "一旦", "可能", "或将", "或许", "是否"];

    /// <summary>Markers before a participant: its role in the clause.</summary>
    public static IReadOnlyList<string> CoPartyMarkers { get; } = ["与", "同", "和", "跟", "及", "、"];

    public static IReadOnlyList<string> RecipientMarkers { get; } = ["向", "对"];

    public static IReadOnlyList<string> LocationMarkers { get; } = ["在", "于"];

    /// <summary>
    /// Words that make a following trigger a noun naming a plan or a relation ("决策部署", "战略合作",
    /// "工作部署"), not an act being reported.
    /// </summary>
    public static IReadOnlyList<string> NounModifiers { get; } = ["决策", "战略", "工作", "总体", "最新"];

    /// <summary>
    /// Words that take a plan as their object: "按照党中央部署", "贯彻中央的部署", "根据双方协议": the participant
    /// after them is the plan's author, and the trigger names the plan.
    /// </summary>
    public static IReadOnlyList<string> PlanGovernors { get; } = ["按照", "根据", "遵照", "依照", "遵循", "贯彻", "落实"];

    /// <summary>Nouns that make a preceding trigger a modifier: "袭击事件", "逮捕案" name a case, not the act told.</summary>
    public static IReadOnlyList<string> NounHeads { get; } = ["事件", "案"];

    /// <summary>
    /// Nouns that make a preceding visit trigger (with its destination, for 访) a modifier: "访英代表团", "访问学者"
    /// name a delegation or a post, not a visit being told.
    /// </summary>
    public static IReadOnlyList<string> VisitNounHeads { get; } = ["代表团", "团", "学者", "者"];

    /// <summary>
    /// Groups of private people, and plural pronouns: right before the trigger they are its agent ("下令居民尽快撤离":
    /// the residents leave; "为他们攻击…提供了理由": "they" attack), so the state or leader named earlier in the
    /// clause is not (a pronoun that may mean that participant is left unresolved: a missed event is better than a
    /// wrong one).
    /// </summary>
    public static IReadOnlyList<string> OtherAgents { get; } = ["居民", "民众", "群众", "市民", "村民", "灾民", "游客", "乘客", "学生", "他们", "她们", "我们", "你们", "它们"];

    /// <summary>Adverbs that may stand between an agent and its verb ("居民尽快撤离").</summary>
    public static IReadOnlyList<string> AgentAdverbs { get; } = ["尽快", "紧急", "迅速", "立即", "陆续", "已", "将", "被"];

    /// <summary>Aspect particles right after a trigger that mark it as a verb of a reported act ("部署了").</summary>
    public static IReadOnlyList<char> AspectParticles { get; } = ['了', '过', '着'];

    /// <summary>Topic keywords → topic label (most specific first).</summary>
    public static IReadOnlyList<(string Keyword, string Topic)> Topics { get; } =
    [
        ("乌克兰危机", "Ukraine"), ("乌克兰局势", "Ukraine"), ("乌克兰冲突", "Ukraine"), ("乌克兰战争", "Ukraine"), ("乌克兰问题", "Ukraine"), ("俄乌冲突", "Ukraine"), ("乌克兰战事", "Ukraine"),
        ("朝鲜半岛", "Korean Peninsula"), ("半岛局势", "Korean Peninsula"), ("半岛问题", "Korean Peninsula"), ("半岛无核化", "Korean Peninsula"),
        ("核问题", "nuclear"), ("核计划", "nuclear"), ("无核化", "nuclear"), ("核武器", "nuclear"), ("核协议", "nuclear"),
        ("导弹", "missiles"), ("制裁", "sanctions"), ("台湾问题", "Taiwan"), ("台海", "Taiwan"),
        ("中东", "Middle East"), ("加沙", "Middle East"), ("巴以", "Middle East"), ("叙利亚局势", "Middle East"),
        ("经贸", "trade"), ("贸易", "trade"), ("关税", "trade"), ("能源", "energy"), ("反恐", "terrorism"), ("恐怖主义", "terrorism"),
        ("南海", "South China Sea"), ("军事合作", "military cooperation"), ("军事技术", "military cooperation"),
    ];

    /// <summary>Pronouns that refer back to the last person named.</summary>
    public static IReadOnlyList<string> PersonPronouns { get; } = ["他", "她"];
}
