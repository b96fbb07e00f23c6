namespace NewsLens.Model;

public enum Severity
{
    Low,
    Medium,
    High,
}

/// <summary>Where the evidence of a flag sits: in the clean text, in a removed block, or in the page metadata.</summary>
public enum EvidenceLocation
{
    Text,
    Title,
    Removed,
    Metadata,
}

/// <param name="Span">Span in <see cref="Article.Text"/> (or in the title) when <paramref name="Location"/> says so, else null.</param>
/// <param name="RemovedIndex">Index into <see cref="Article.Removed"/> when the evidence was taken out by extraction.</param>
public sealed record Evidence(string Text, EvidenceLocation Location, Span? Span, int? RemovedIndex);

/// <summary>A knowledge-base fact a check relied on, e.g. (Q..., "俄罗斯国防部长", Andrei Belousov, 2024-05-14, null).</summary>
public sealed record KbFact(string Subject, string Relation, string Object, string? Start, string? End, string? Source);

/// <summary>A credibility signal with its evidence and a plain explanation in Chinese and English.</summary>
/// <param name="Code">Stable dotted code, e.g. "spam.injected_brand", "kb.role_contradiction", "text.truncated".</param>
public sealed record Flag(
    string Code,
    Severity Severity,
    IReadOnlyList<Evidence> Evidence,
    string MessageZh,
    string MessageEn,
    IReadOnlyList<KbFact> Facts);

/// <summary>0 (not credible) .. 1 (no concerns), with the reasons that lowered it.</summary>
public sealed record Credibility(double Score, IReadOnlyList<string> Reasons);
