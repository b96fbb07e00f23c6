using NewsLens.Analyse.Script;

namespace NewsLens.Link.Normalise;

/// <summary>
/// The Unihan-derived <see cref="ScriptFolder"/> of Analyse/Script first, then the built-in table for the few
/// variant forms it leaves alone (e.g. 著/着 usage variants). Both sides of a comparison fold the same way,
/// which is all linking needs.
/// </summary>
internal sealed class ChainedScriptFolder(ScriptFolder unihan, IScriptFolder fallback) : IScriptFolder
{
    public char Fold(char c)
    {
        var folded = unihan.Fold(c);
        return folded != c ? folded : fallback.Fold(c);
    }

    /// <summary>Simplified → traditional pairs implied by a folder over the BMP Han blocks (first traditional form wins).</summary>
    public static Dictionary<char, char> Inverse(IScriptFolder folder)
    {
        var map = new Dictionary<char, char>();
        for (int c = 0x3400; c <= 0x9FFF; c++)
        {
            var folded = folder.Fold((char)c);
            if (folded != c)
                map.TryAdd(folded, (char)c);
        }
        return map;
    }
}
