using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NewsLens.Model.Json;
using NewsLens.Pipeline;
using NewsLens.Web.Features.Analyze;
using NewsLens.Web.Features.Articles;
using NewsLens.Web.Features.Rejections;
using NewsLens.Web.Features.Search;
using NewsLens.Web.Features.Stats;
using NewsLens.Web.Features.Threads;
using NewsLens.Web.Features.Ui;
using NewsLens.Web.Security;
using NewsLens.Web.Stores;

namespace NewsLens.Web.Hosting;

/// <summary>The composition root of the web host: services, middleware order, one <c>MapXxx()</c> per feature.</summary>
internal static class NewsLensWebApp
{
    public static WebApplication Create(WebOptions options)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            // Fixed, not read from the environment: Development would put exception details in error bodies.
            EnvironmentName = Environments.Production,
            ContentRootPath = AppContext.BaseDirectory,
            ApplicationName = typeof(NewsLensWebApp).Assembly.GetName().Name,
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls([.. options.Urls]);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = options.Limits.MaxAnalyzeBytes;
            k.Limits.MaxRequestLineSize = options.Limits.MaxRequestLineBytes;
        });
        builder.Services.AddProblemDetails();
        builder.Services.ConfigureHttpJsonOptions(o => CopyRecordJson(o.SerializerOptions));
        builder.Services.AddSingleton(options.Limits);
        // Built once, now, and shared by every request: loading models and the KB per request would dominate,
        // and a broken model or KB file should stop the server at start, not fail the first analysis.
        var pipeline = options.Pipeline ?? DefaultPipeline.Full(AnalysisResources.Load());
        PageAnalyzer.WarmUp(pipeline);
        // Factories, so the container owns (and disposes) what they make.
        builder.Services.AddSingleton(_ => new StorePool(options.OpenStore, options.Limits.MaxIdleStores));
        builder.Services.AddSingleton(_ => new PageAnalyzer(pipeline, options.Limits));
        builder.Services.AddSingleton(UiAssets.Load());

        var app = builder.Build();
        app.UseSecurityHeaders(options.Hosts);
        app.UseExceptionHandler();
        // Unmatched paths (404) and methods (405) get a problem body here; no catch-all route, which would turn 405s into 404s.
        app.UseStatusCodePages();

        app.MapUi();
        app.MapSearch();
        app.MapArticles();
        app.MapThreads();
        app.MapRejections();
        app.MapStats();
        app.MapAnalyze();
        return app;
    }

    /// <summary>API JSON reads like the record JSON (docs/RECORD.md): snake_case names and enums, HTML-significant characters escaped.</summary>
    private static void CopyRecordJson(System.Text.Json.JsonSerializerOptions target)
    {
        var source = RecordJson.Options;
        target.PropertyNamingPolicy = source.PropertyNamingPolicy;
        target.DictionaryKeyPolicy = source.DictionaryKeyPolicy;
        target.Encoder = source.Encoder;
        target.MaxDepth = source.MaxDepth;
        target.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        foreach (var converter in source.Converters)
            target.Converters.Add(converter);
    }
}
