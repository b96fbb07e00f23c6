using NewsLens.Model;

namespace NewsLens.Assess;

/// <summary>One credibility signal: reads the context, returns its flags (usually none). Stateless and thread-safe.</summary>
internal interface IFlagDetector
{
    /// <summary>The code prefix the detector emits ("spam", "farm", "kb", ...), for reports and evaluation.</summary>
    string Family { get; }

    IEnumerable<Flag> Detect(AssessContext context);
}

/// <summary>Small helpers shared by detectors: building flags and naming spam families in plain words.</summary>
internal static class FlagMaker
{
    /// <summary>No flag lists more evidence items than this; the report stays readable and bounded.</summary>
    public const int MaxEvidence = 8;

    public static Flag Make(string code, Severity severity, IEnumerable<Evidence> evidence, string zh, string en, IReadOnlyList<KbFact>? facts = null) =>
        new(code, severity, evidence.Take(MaxEvidence).ToArray(), zh, en, facts ?? []);

    public static string Zh(Rules.SpamFamily f) => f switch
    {
        Rules.SpamFamily.Gambling => "博彩",
        Rules.SpamFamily.Adult => "色情",
        Rules.SpamFamily.Pharma => "药品/违禁品",
        _ => "游戏私服/外挂",
    };

    public static string En(Rules.SpamFamily f) => f switch
    {
        Rules.SpamFamily.Gambling => "gambling",
        Rules.SpamFamily.Adult => "adult",
        Rules.SpamFamily.Pharma => "pharmacy/illicit goods",
        _ => "game private-server/cheat",
    };

    public static string Quote(string s, int max = 60) => s.Length <= max ? s : s[..max] + "…";
}
