using System.Net;
using System.Text.Json;

namespace NewsLens.Web.Tests;

/// <summary>One HTTP exchange as the tests inspect it: status, headers, raw body and parsed JSON.</summary>
internal sealed record Reply(HttpStatusCode Status, HttpResponseMessage Response, string Body)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public string? MediaType => Response.Content.Headers.ContentType?.MediaType;

    public override string ToString() => $"{(int)Status} {MediaType}: {(Body.Length > 400 ? Body[..400] + "…" : Body)}";
}

internal static class Http
{
    public static async Task<Reply> Get(this HttpClient client, string path)
    {
        var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        return new Reply(response.StatusCode, response, await response.Content.ReadAsStringAsync());
    }

    public static async Task<Reply> Exchange(this HttpClient client, HttpRequestMessage request)
    {
        var response = await client.SendAsync(request);
        return new Reply(response.StatusCode, response, await response.Content.ReadAsStringAsync());
    }

    public static IEnumerable<string> Strings(this JsonElement array, string property) =>
        array.EnumerateArray().Select(e => e.GetProperty(property).GetString()!);
}
