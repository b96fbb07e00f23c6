using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace NewsLens.Web.Hosting;

/// <summary>RFC 9457 problem responses with the reason in plain words, shared by every feature.</summary>
internal static class Problems
{
    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: detail);

    public static ProblemHttpResult BadRequest(string detail, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad request", detail: detail, extensions: extensions);

    public static ProblemHttpResult TooLarge(long limit) =>
        TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Request body too large", detail: $"the body exceeds the limit of {limit:N0} bytes");

    /// <summary>A 400 naming every bad parameter; <paramref name="errors"/> maps parameter → reasons.</summary>
    public static ValidationProblem Invalid(IDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, detail: string.Join("; ", errors.SelectMany(e => e.Value)), title: "Bad request");
}

/// <summary>Collects parameter errors while a request is parsed.</summary>
internal sealed class ParameterErrors
{
    private readonly Dictionary<string, string[]> errors = new(StringComparer.Ordinal);

    public bool Any => errors.Count > 0;

    public IDictionary<string, string[]> All => errors;

    public void Add(string parameter, string reason) =>
        errors[parameter] = errors.TryGetValue(parameter, out var old) ? [.. old, reason] : [reason];

    /// <summary>Null for a missing value; the text when it fits in <paramref name="maxChars"/>, else an error.</summary>
    public string? Bounded(string parameter, string? value, int maxChars)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        if (value.Length > maxChars)
        {
            Add(parameter, $"{parameter} is {value.Length} characters long; the limit is {maxChars}");
            return null;
        }
        return value.Trim();
    }

    public DateOnly? Day(string parameter, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        if (value.Length <= 10 && DateOnly.TryParseExact(value, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day))
            return day;
        Add(parameter, $"{parameter} must be a day written yyyy-MM-dd");
        return null;
    }

    public int Limit(string parameter, string? value, int fallback, int max)
    {
        if (string.IsNullOrWhiteSpace(value))
            return fallback;
        if (value.Length <= 6 && int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n is >= 1 && n <= max)
            return n;
        Add(parameter, $"{parameter} must be a whole number from 1 to {max}");
        return fallback;
    }
}
