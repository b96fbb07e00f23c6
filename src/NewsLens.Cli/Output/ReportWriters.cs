using NewsLens.Cli.Commands;
using NewsLens.Model;
using NewsLens.Model.Json;

namespace NewsLens.Cli.Output;

/// <summary>Which parts of the record a verb reports (extract shows the article only).</summary>
[Flags]
internal enum ReportParts
{
    Article = 1,
    Entities = 2,
    Dates = 4,
    Events = 8,
    Flags = 16,
    All = Article | Entities | Dates | Events | Flags,
}

internal interface IReportWriter
{
    void Write(AnalysedArticle article);

    void Finish(int rejected);
}

internal static class ReportWriters
{
    public static IReportWriter Create(TextWriter writer, OutputFormat format, ReportParts parts) => format switch
    {
        OutputFormat.Jsonl => new JsonlReportWriter(writer),
        OutputFormat.Md => new MarkdownReportWriter(writer, parts),
        _ => new TextReportWriter(writer, parts),
    };
}

/// <summary>One record per line, the documented wire form (docs/RECORD.md).</summary>
internal sealed class JsonlReportWriter(TextWriter writer) : IReportWriter
{
    public void Write(AnalysedArticle article) => writer.WriteLine(RecordJson.Serialize(article));

    public void Finish(int rejected)
    {
    }
}
