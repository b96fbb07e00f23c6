using NewsLens.Analyse.Entities;
using NewsLens.Analyse.Script;
using NewsLens.Analyse.Segmentation;

namespace NewsLens.Pipeline;

/// <summary>
/// Models and knowledge loaded once from disk and shared read-only by every item and thread.
/// Each analysis area adds its own loaded resource here; nothing is a process-wide static.
/// </summary>
internal sealed class AnalysisResources
{
    private readonly Lazy<Analyse.Knowledge.KnowledgeBase> knowledge;

    private AnalysisResources(string root)
    {
        Root = root;
        var models = Path.Combine(root, "models");
        var table = Path.Combine(models, ScriptFolder.FileName);
        Script = File.Exists(table) ? ScriptFolder.Load(table) : ScriptFolder.Identity;
        var cws = Path.Combine(models, Segmenter.DefaultModelFile);
        Segmenter = File.Exists(cws) ? Segmenter.Load(cws, Script) : null;
        var ner = Path.Combine(models, NerTagger.DefaultModelFile);
        EntityTagger = File.Exists(ner) ? NerTagger.Load(ner, Script) : null;
        AssessRules = Assess.Rules.AssessRules.Load(Path.Combine(root, "rules"));
        Link = NewsLens.Link.LinkResources.Load(root, Script);
        // Loaded on first use and then shared: verbs that never link entities do not pay for the KB.
        knowledge = new Lazy<Analyse.Knowledge.KnowledgeBase>(() => Analyse.Knowledge.KnowledgeBase.Load(Path.Combine(root, "kb")), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The folder holding <c>models/</c> and <c>kb/</c>.</summary>
    public string Root { get; }

    /// <summary>Traditional → simplified folding (1:1 characters, spans stay valid); identity when the table is missing.</summary>
    public ScriptFolder Script { get; }

    /// <summary>The MSR-standard word segmenter without user words (see <see cref="Segmenter.WithUserWords"/>), null when its model file is missing.</summary>
    public Segmenter? Segmenter { get; }

    /// <summary>The PER/LOC/ORG tagger, null when its model file is missing.</summary>
    public NerTagger? EntityTagger { get; }

    /// <summary>The knowledge base from <c>kb/</c> under <see cref="Root"/>; a malformed file throws <see cref="Analyse.Knowledge.KnowledgeBaseException"/> naming file:line.</summary>
    public Analyse.Knowledge.KnowledgeBase Knowledge => knowledge.Value;

    /// <summary>Assess-stage lexicons and phrase lists (embedded; files in <c>rules/</c> under the root replace them).</summary>
    public Assess.Rules.AssessRules AssessRules { get; }

    /// <summary>Term weights and script folding for copy detection and story threads.</summary>
    public NewsLens.Link.LinkResources Link { get; }

    /// <summary>Loads from <paramref name="root"/>, by default the folder beside the running assembly.</summary>
    public static AnalysisResources Load(string? root = null)
    {
        root ??= AppContext.BaseDirectory;
        return new AnalysisResources(root);
    }
}
