using System.Text;

namespace NewsLens.Analyse.Knowledge;

/// <summary>
/// The form names are compared in: full-width ASCII folded, separators that vary between sources removed
/// ("谢尔盖·绍伊古" = "谢尔盖绍伊古", "Kim Jong-un" = "Kim Jong Un"), English lower-cased.
/// </summary>
internal static class NameKey
{
    public static string Of(string name)
    {
        var sb = new StringBuilder(name.Length);
        foreach (var raw in name)
        {
            var ch = raw is >= '\uFF01' and <= '\uFF5E' ? (char)(raw - 0xFEE0) : raw;
            if (IsSeparator(ch))
                continue;
            sb.Append(char.ToLowerInvariant(ch));
        }
        return sb.ToString();
    }

    /// <summary>Characters that sources write differently or leave out inside a name.</summary>
    public static bool IsSeparator(char ch) =>
        ch is ' ' or '\u00A0' or '\u3000' or '·' or '•' or '・' or '‧' or '\u2027' or '.' or '-' or '‐' or '‑' or '–' or '_';

    public static bool HasHan(string s) => s.Any(IsHan);

    public static bool IsHan(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or >= '\uF900' and <= '\uFAFF';
}
