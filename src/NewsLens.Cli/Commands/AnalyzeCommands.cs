using System.CommandLine;
using NewsLens.Cli.Output;
using NewsLens.Pipeline;

namespace NewsLens.Cli.Commands;

/// <summary><c>analyze</c> (every stage) and <c>extract</c> (extraction only): same inputs, same record.</summary>
internal static class AnalyzeCommands
{
    public static IEnumerable<Command> Create()
    {
        yield return Build("analyze", "Extract, analyse and assess each page; print the article records.", ReportParts.All,
            () => DefaultPipeline.Full(AnalysisResources.Load()));
        yield return Build("extract", "Extract the clean article from each page (no analysis); print the article records.", ReportParts.Article,
            () => DefaultPipeline.ExtractOnly());
    }

    private static Command Build(string name, string description, ReportParts parts, Func<ArticlePipeline> pipeline)
    {
        var options = new CommonOptions();
        var command = new Command(name, description);
        options.AddTo(command);
        command.SetAction(parsed => ItemRunner.Run(options.Read(parsed), pipeline(), parts));
        return command;
    }
}
