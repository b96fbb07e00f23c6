using System.Text.Json;
using NewsLens.Model;
using NewsLens.Pipeline;

namespace NewsLens.Storage;

/// <summary>Small conversions both stores share: id checks, stored codes back to enums, export lines.</summary>
internal static class StoredIds
{
    /// <summary>Length of a full article id (hex content hash).</summary>
    public const int FullLength = 16;

    /// <summary>Shortest id prefix <see cref="IArticleStore.Get"/> resolves (shorter prefixes are too often ambiguous).</summary>
    public const int MinPrefix = 8;

    /// <summary>Longest id accepted by look-ups.</summary>
    public const int MaxLength = 128;

    public static bool IsIdLike(string id) =>
        id.Length is > 0 and <= MaxLength && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    public static CopyKind ParseKind(string code) => ParseCode<CopyKind>(code);

    public static RejectionReason ParseReason(string code) => ParseCode<RejectionReason>(code);

    private static T ParseCode<T>(string code)
        where T : struct, Enum
    {
        foreach (var value in Enum.GetValues<T>())
        {
            if (string.Equals(ArticleRows.Code(value), code, StringComparison.Ordinal))
                return value;
        }
        throw new InvalidDataException($"stored code '{code}' is not a {typeof(T).Name}");
    }

    public static string ExportLine(string[] names, string?[] values)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All) }))
        {
            w.WriteStartObject();
            for (var i = 0; i < names.Length; i++)
                w.WriteString(names[i], values[i]);
            w.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}

/// <summary>How a timeline shows one event: "consult 俄罗斯 → 朝鲜 (2025-04-15)".</summary>
internal static class TimelineText
{
    public static string Event(string type, string actors, string recipients, string? date)
    {
        var who = recipients.Length > 0 ? $"{actors} → {recipients}" : actors;
        var when = date is null ? "" : $" ({date})";
        return $"{type.ToUpperInvariant()} {who}{when}".Replace("  ", " ", StringComparison.Ordinal).Trim();
    }
}
