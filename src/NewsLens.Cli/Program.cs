using System.CommandLine;
using NewsLens.Cli.Commands;

namespace NewsLens.Cli;

internal static class Program
{
    /// <summary>Exit code for a command line that does not parse.</summary>
    internal const int UsageError = 2;

    public static int Main(string[] args)
    {
        Console.OutputEncoding = System.Text.Encoding.UTF8;
        var root = BuildRoot();
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0 && parsed.Action is not System.CommandLine.Help.HelpAction)
        {
            foreach (var error in parsed.Errors)
                Console.Error.WriteLine($"newslens: {error.Message}");
            Console.Error.WriteLine("Try 'newslens --help'.");
            return UsageError;
        }
        return parsed.Invoke();
    }

    internal static RootCommand BuildRoot()
    {
        var root = new RootCommand("NewsLens: raw news pages in, clean, analysed and verified article records out.");
        foreach (var command in AnalyzeCommands.Create())
            root.Subcommands.Add(command);
        root.Subcommands.Add(LinkCommands.CreateLink());
        root.Subcommands.Add(LinkCommands.CreateEval());
        return root;
    }
}
