namespace NewsLens.Link.Normalise;

/// <summary>
/// Folds a Han character to the form both scripts share, so a traditional-script page and its simplified
/// repost shingle alike. Only consistency matters for linking: the same fold is applied to both sides.
/// </summary>
internal interface IScriptFolder
{
    /// <summary>The simplified form of <paramref name="c"/>, or <paramref name="c"/> itself.</summary>
    char Fold(char c);
}
