using System.Security.Cryptography;

namespace NewsLens.Web.Features.Ui;

/// <summary>One embedded UI file with its media type and a content-hash ETag.</summary>
internal sealed record UiAsset(string Name, byte[] Content, string ContentType, string ETag);

/// <summary>The UI files embedded in this assembly (wwwroot/*), read once at start.</summary>
internal sealed class UiAssets
{
    private const string Prefix = "NewsLens.Web.wwwroot.";

    private readonly Dictionary<string, UiAsset> byName;

    private UiAssets(Dictionary<string, UiAsset> byName) => this.byName = byName;

    public UiAsset? Find(string name) => byName.GetValueOrDefault(name);

    public static UiAssets Load()
    {
        var assembly = typeof(UiAssets).Assembly;
        var files = new Dictionary<string, UiAsset>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(Prefix, StringComparison.Ordinal))
                continue;
            var name = resource[Prefix.Length..];
            using var stream = assembly.GetManifestResourceStream(resource)
                ?? throw new InvalidOperationException($"embedded UI file {resource} cannot be opened");
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            var bytes = copy.ToArray();
            var tag = "\"" + Convert.ToHexStringLower(SHA256.HashData(bytes))[..16] + "\"";
            files[name] = new UiAsset(name, bytes, MediaType(name), tag);
        }
        foreach (var required in new[] { "index.html", "app.js", "app.css" })
        {
            if (!files.ContainsKey(required))
                throw new InvalidOperationException($"the UI file {required} is not embedded in {assembly.GetName().Name}");
        }
        return new UiAssets(files);
    }

    private static string MediaType(string name) => Path.GetExtension(name) switch
    {
        ".html" => "text/html; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".svg" => "image/svg+xml",
        _ => "application/octet-stream",
    };
}
