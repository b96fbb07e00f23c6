namespace NewsLens.Model;

/// <summary>A half-open range [Start, End) of UTF-16 code units in <see cref="Article.Text"/>.</summary>
public readonly record struct Span(int Start, int End)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public int Length => End - Start;

    public bool Contains(Span other) => Start <= other.Start && other.End <= End;

    public bool Overlaps(Span other) => Start < other.End && other.Start < End;

    public string Slice(string text) => text.Substring(Start, Length);

    public override string ToString() => $"[{Start},{End})";
}
