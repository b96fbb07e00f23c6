using Microsoft.AspNetCore.Builder;
using NewsLens.Pipeline;
using NewsLens.Storage.Sqlite;
using NewsLens.Web.Hosting;

namespace NewsLens.Web.Tests;

/// <summary>
/// The real app on 127.0.0.1 with a free port, over a temp SQLite store holding <see cref="WebRecords"/>;
/// tests call it with a plain HttpClient, through Kestrel and the whole middleware pipeline.
/// </summary>
public sealed class WebServerFixture : IAsyncLifetime
{
    private readonly string dir = Path.Combine(Path.GetTempPath(), "newslens-web-" + Guid.NewGuid().ToString("N")[..12]);
    private WebApplication? app;

    public HttpClient Client { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, "store.db");
        using (var store = new SqliteArticleStore(path))
        {
            foreach (var article in WebRecords.All)
                store.Store(article);
            store.Reject(new Rejection(WebRecords.RejectedSource, RejectionReason.Binary, "the bytes look binary <script>x</script>"));
        }
        app = NewsLensWebApp.Create(new WebOptions(["http://127.0.0.1:0"], () => new SqliteArticleStore(path)));
        await app.StartAsync();
        BaseAddress = new Uri(app.Urls.First());
        Client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
        try
        {
            Directory.Delete(dir, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless; the test result is what matters.
        }
    }
}

[CollectionDefinition(Name)]
public sealed class WebServerCollection : ICollectionFixture<WebServerFixture>
{
    public const string Name = "web server";
}
