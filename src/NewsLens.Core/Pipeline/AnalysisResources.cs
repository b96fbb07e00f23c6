namespace NewsLens.Pipeline;

/// <summary>
/// Models and knowledge loaded once from disk and shared read-only by every item and thread.
/// Each analysis area adds its own loaded resource here; nothing is a process-wide static.
/// </summary>
internal sealed class AnalysisResources
{
    private AnalysisResources(string root)
    {
        Root = root;
        Link = NewsLens.Link.LinkResources.Load(root);
    }

    /// <summary>The folder holding <c>models/</c> and <c>kb/</c>.</summary>
    public string Root { get; }

    /// <summary>Term weights and script folding for copy detection and story threads.</summary>
    public NewsLens.Link.LinkResources Link { get; }

    /// <summary>Loads from <paramref name="root"/>, by default the folder beside the running assembly.</summary>
    public static AnalysisResources Load(string? root = null)
    {
        root ??= AppContext.BaseDirectory;
        return new AnalysisResources(root);
    }
}
