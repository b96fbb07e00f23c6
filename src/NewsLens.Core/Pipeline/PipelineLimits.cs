namespace NewsLens.Pipeline;

/// <summary>Bounds every input must respect; hostile pages hit these instead of memory or the stack.</summary>
/// <param name="MaxBytes">Largest item accepted, in bytes (default 20 MB: big enough for any real article page).</param>
/// <param name="MaxDomDepth">Deepest element nesting accepted (real pages stay under ~60; 512 leaves room for generated markup).</param>
/// <param name="MaxTextChars">Longest decoded text analysed; longer bodies are rejected rather than silently cut.</param>
public sealed record PipelineLimits(int MaxBytes, int MaxDomDepth, int MaxTextChars)
{
    public static PipelineLimits Default { get; } = new(MaxBytes: 20 * 1024 * 1024, MaxDomDepth: 512, MaxTextChars: 2_000_000);
}
