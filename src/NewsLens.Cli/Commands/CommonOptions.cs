using System.CommandLine;

namespace NewsLens.Cli.Commands;

internal enum OutputFormat
{
    Text,
    Jsonl,
    Md,
}

/// <summary>The options every page-processing verb shares, so they read the same everywhere.</summary>
internal sealed class CommonOptions
{
    public Argument<string[]> Paths { get; } = new("paths")
    {
        Description = "Files, directories (searched recursively) or - for standard input. .gz files are read transparently.",
        Arity = ArgumentArity.OneOrMore,
    };

    public Option<OutputFormat?> Format { get; } = new("--format", "-f")
    {
        Description = "text (a readable report; the default on a terminal), jsonl (one record per line; the default when piped) or md.",
    };

    public Option<FileInfo?> Out { get; } = new("--out", "-o")
    {
        Description = "Write the output to this file instead of standard output.",
    };

    public Option<string?> Glob { get; } = new("--glob")
    {
        Description = "Only files whose name matches this pattern inside directories, e.g. '*.html'.",
    };

    public Option<int> Jobs { get; } = new("--jobs", "-j")
    {
        Description = "Pages processed in parallel.",
        DefaultValueFactory = _ => Environment.ProcessorCount,
    };

    public void AddTo(Command command)
    {
        command.Arguments.Add(Paths);
        command.Options.Add(Format);
        command.Options.Add(Out);
        command.Options.Add(Glob);
        command.Options.Add(Jobs);
    }

    public RunRequest Read(ParseResult parsed) => new(
        parsed.GetValue(Paths) ?? [],
        parsed.GetValue(Format),
        parsed.GetValue(Out),
        parsed.GetValue(Glob),
        Math.Max(1, parsed.GetValue(Jobs)));
}

internal sealed record RunRequest(IReadOnlyList<string> Paths, OutputFormat? Format, FileInfo? Out, string? Glob, int Jobs);
