namespace NewsLens.Analyse.Dates;

/// <summary>
/// Folds text one character for one character (so every offset stays valid on the original): full-width ASCII to
/// ASCII, ideographic space to space, dashes and tildes to '-' and '~', and the traditional characters date
/// expressions use to their simplified forms. The patterns then only need to know one spelling.
/// </summary>
internal static class TextFolder
{
    private static readonly Dictionary<char, char> Traditional = Build(
        "週周個个禮礼後后號号點点時时鐘钟間间與与從从來来兩两這这曆历農农歲岁紀纪內内屆届節节慶庆誕诞現现幾几過过開开當当於于歷历"
        + "於于隔隔為为頭头聖圣萬万億亿準准剛刚號号臘腊閏闰陰阴陽阳際际劃划將将週周昨昨晝昼夜夜還还剩剩麼么嗎吗鐘钟");

    private static Dictionary<char, char> Build(string pairs)
    {
        var map = new Dictionary<char, char>();
        for (var i = 0; i + 1 < pairs.Length; i += 2)
            map[pairs[i]] = pairs[i + 1];
        return map;
    }

    public static string Fold(string text)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
            chars[i] = FoldChar(chars[i]);
        return new string(chars);
    }

    private static char FoldChar(char c)
    {
        if (c is >= '\uFF01' and <= '\uFF5E')
            c = (char)(c - 0xFEE0);
        switch (c)
        {
            case '\u3000' or '\u00A0':
                return ' ';
            case '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212':
                return '-';
            case '\u301C' or '\u223C':
                return '~';
            case '\u3007':
                return '〇';
        }
        return Traditional.TryGetValue(c, out var s) ? s : c;
    }
}
