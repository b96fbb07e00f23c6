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

    /// <summary>Every verb in one place; each area contributes its commands and its <c>eval</c> subcommands.</summary>
    internal static RootCommand BuildRoot()
    {
        var root = new RootCommand("NewsLens: raw news pages in, clean, analysed and verified article records out.");
        var eval = new Command("eval", "Score a stage against labelled data (precision/recall/F1 on data the models never trained on).");
        AddAll(root, AnalyzeCommands.Create());
        AddAll(root, LanguageCommands.Create());
        AddAll(root, AssessCommands.Create());
        AddAll(root, StoreCommands.Create());
        AddAll(root, KnowledgeCommands.Create());
        root.Subcommands.Add(DateCommands.Create());
        root.Subcommands.Add(LinkCommands.CreateLink());

        AddAll(eval, LanguageCommands.EvalSubcommands());
        eval.Subcommands.Add(DateCommands.CreateEval());
        eval.Subcommands.Add(AssessCommands.CreateEvalFlags());
        eval.Subcommands.Add(KnowledgeCommands.EvalEvents());
        eval.Subcommands.Add(LinkCommands.CreateEvalLinks());
        root.Subcommands.Add(eval);
        return root;
    }

    private static void AddAll(Command parent, IEnumerable<Command> commands)
    {
        foreach (var command in commands)
            parent.Subcommands.Add(command);
    }
}
