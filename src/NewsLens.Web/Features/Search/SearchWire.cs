using NewsLens.Model;

namespace NewsLens.Web.Features.Search;

/// <summary>What <c>GET /api/search</c> returns. Snippets are segments, not HTML: the client shows each
/// segment as text and marks the highlighted ones, so stored text never reaches an HTML parser.</summary>
internal sealed record SearchResponse(string Query, int Count, IReadOnlyList<SearchHitWire> Hits);

/// <param name="Score">Higher is better; comparable only within one response.</param>
/// <param name="Credibility">The stored credibility score (0..1), null when the article was not assessed.</param>
internal sealed record SearchHitWire(
    string Id,
    string? Title,
    string? Published,
    string? Site,
    double Score,
    double? Credibility,
    SnippetWire Snippet,
    IReadOnlyList<FlagBadge> Flags,
    string? Thread);

/// <param name="Start">Where the snippet starts in the article text (UTF-16 units).</param>
/// <param name="Leading">True when the snippet starts after the beginning of the text (the client shows an ellipsis).</param>
internal sealed record SnippetWire(int Start, bool Leading, IReadOnlyList<SnippetSegment> Segments);

internal sealed record SnippetSegment(string Text, bool Highlighted);

internal sealed record FlagBadge(string Code, Severity Severity);
