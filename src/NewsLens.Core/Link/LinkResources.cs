using NewsLens.Analyse.Script;
using NewsLens.Link.Normalise;
using NewsLens.Link.Threads;

namespace NewsLens.Link;

/// <summary>What linking loads from disk: the background term weights (models/link/bigram-df.bin) and the script folder.</summary>
internal sealed record LinkResources(TermWeights Terms, IScriptFolder Folder)
{
    public const string TermWeightsFile = "models/link/bigram-df.bin";

    /// <summary>
    /// Loads from <paramref name="root"/>; a missing table means uniform weights (linking still works, less
    /// well). <paramref name="script"/> is the Unihan folder the analysers use, when loaded.
    /// </summary>
    public static LinkResources Load(string root, ScriptFolder? script = null)
    {
        var path = Path.Combine(root, TermWeightsFile);
        var terms = File.Exists(path) ? TermWeights.Load(path) : TermWeights.Uniform;
        IScriptFolder fallback = new FallbackScriptFolder();
        var folder = script is { Count: > 0 } ? new ChainedScriptFolder(script, fallback) : fallback;
        return new LinkResources(terms, folder);
    }

    public Linker CreateLinker(LinkOptions? options = null) => new(options, Folder, Terms);
}
