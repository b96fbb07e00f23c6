using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Encodings.Web;
using NewsLens.Analyse.Entities;
using NewsLens.Analyse.Script;
using NewsLens.Analyse.Segmentation;
using NewsLens.Eval.Language;
using NewsLens.Training.Entities;
using NewsLens.Training.Segmentation;
using NewsLens.Training.Sequence;

namespace NewsLens.Cli.Commands;

/// <summary>
/// The language verbs: <c>segment</c>, <c>ner</c>, <c>train cws|ner</c>, and the <c>eval cws|ner</c>
/// subcommands (returned by <see cref="EvalSubcommands"/> for whichever <c>eval</c> parent exists).
/// </summary>
internal static class LanguageCommands
{
    public static IEnumerable<Command> Create()
    {
        yield return Segment();
        yield return Ner();
        yield return Train();
    }

    public static IEnumerable<Command> EvalSubcommands()
    {
        yield return EvalCws();
        yield return EvalNer();
    }

    private static readonly JsonSerializerOptions NerJsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    internal static string ModelsDir => Path.Combine(AppContext.BaseDirectory, "models");

    private static Command Segment()
    {
        var model = ModelOption(Segmenter.DefaultModelFile);
        var userWords = new Option<FileInfo?>("--user-words") { Description = "Words (one a line) that must stay whole, e.g. knowledge-base names." };
        var command = new Command("segment", "Segment standard-input lines into words (SIGHAN format: words separated by two spaces).");
        command.Options.Add(model);
        command.Options.Add(userWords);
        command.SetAction(parsed =>
        {
            var words = parsed.GetValue(userWords) is { } f ? File.ReadLines(f.FullName).Select(l => l.Trim()).Where(l => l.Length > 0) : null;
            var segmenter = Segmenter.Load(ResolveModel(parsed.GetValue(model)!), LoadFolder(), words);
            var input = new StreamReader(Console.OpenStandardInput(), System.Text.Encoding.UTF8);
            var output = new StreamWriter(Console.OpenStandardOutput(), new System.Text.UTF8Encoding(false)) { AutoFlush = false };
            while (input.ReadLine() is { } line)
                output.WriteLine(string.Join("  ", segmenter.Segment(line).Select(t => t.Text)));
            output.Flush();
            return 0;
        });
        return command;
    }

    private static Command Train()
    {
        var train = new Command("train", "Train a language model (segmentation or entities) from annotated text.");
        train.Subcommands.Add(TrainCws());
        train.Subcommands.Add(TrainNer());
        return train;
    }

    private static Command Ner()
    {
        var model = ModelOption(NerTagger.DefaultModelFile);
        var command = new Command("ner", "Find person, place and organisation names in standard-input lines; one JSON line per input line.");
        command.Options.Add(model);
        command.SetAction(parsed =>
        {
            var tagger = NerTagger.Load(ResolveModel(parsed.GetValue(model)!), LoadFolder());
            var input = new StreamReader(Console.OpenStandardInput(), System.Text.Encoding.UTF8);
            var output = new StreamWriter(Console.OpenStandardOutput(), new System.Text.UTF8Encoding(false));
            var found = new List<(NewsLens.Model.Span Span, NewsLens.Model.EntityType Type)>();
            while (input.ReadLine() is { } line)
            {
                found.Clear();
                tagger.TagSpans(line, found);
                var entities = found.Select(f => new NerLine(f.Span.Slice(line), NerTagger.CodeOf(f.Type), f.Span.Start, f.Span.End)).ToArray();
                output.WriteLine(JsonSerializer.Serialize(new NerRecord(entities), NerJsonOptions));
            }
            output.Flush();
            return 0;
        });
        return command;
    }

    private static Command TrainNer()
    {
        var corpus = new Option<FileInfo>("--corpus") { Description = "MSRA word/tag training file (.gz allowed).", Required = true };
        var lexicon = new Option<FileInfo?>("--lexicon") { Description = "Word list for the word-dictionary features (default: the corpus tokens)." };
        var output = new Option<FileInfo>("--out") { Description = "Model file to write.", Required = true };
        var holdout = new Option<int>("--holdout") { Description = "Keep the last N sentences apart and print their entity F1 after each epoch.", DefaultValueFactory = _ => 0 };
        var options = new PerceptronCliOptions(defaultEpochs: 8);
        var hideNames = new Option<double[]>("--hide-names")
        {
            Description = "Gazetteer dropout: probabilities of hiding a gold name seen once, 2-3 times, more often (default 0.6 0.35 0.1).",
            AllowMultipleArgumentsPerToken = true,
        };
        var extra = new Option<FileInfo[]>("--extra-corpus") { Description = "People's Daily POS-tagged files (pd98_*_pos, .gz allowed) added as training sentences (nr/ns/nt → PER/LOC/ORG).", AllowMultipleArgumentsPerToken = true };
        var gazetteerCorpus = new Option<FileInfo[]>("--gazetteer-corpus") { Description = "People's Daily POS-tagged files whose names become external gazetteers.", AllowMultipleArgumentsPerToken = true };
        var kb = new Option<DirectoryInfo?>("--kb") { Description = "Knowledge-base folder (kb/) whose names join the external gazetteers." };
        var exclude = new Option<FileInfo[]>("--exclude") { Description = "Test files: extra / gazetteer corpus sentences sharing a 20-character run with one of their lines are dropped.", AllowMultipleArgumentsPerToken = true };
        var endings = new Option<NameEndings>("--name-endings") { Description = "Look-ahead features to typical organisation / place name endings learnt from the training names (Off or Learned).", DefaultValueFactory = _ => NameEndings.Off };
        var endingShare = new Option<double>("--ending-share") { Description = "Least share of a candidate name ending's occurrences in the training text that end a name of the type (default 0.2).", DefaultValueFactory = _ => NerModelTrainer.DefaultEndingShare };
        var charClasses = new Option<int>("--char-classes") { Description = "Distributional character classes learnt from the training and extra text (0 = none).", DefaultValueFactory = _ => 0 };
        var charClassContexts = new Option<int>("--char-class-contexts") { Description = "Most frequent characters used as context dimensions of the character classes, per side (default 600).", DefaultValueFactory = _ => CharClusterer.DefaultContextCharacters };
        var entryBonus = new Option<double[]>("--entry-bonus")
        {
            Description = "Per type (PER LOC ORG): added to every transition that opens an entity of the type (update units), trading precision for recall; choose it on --holdout (default 0 0 0).",
            AllowMultipleArgumentsPerToken = true,
        };
        var seeds = new Option<int>("--seeds") { Description = "Train this many models (seeds --seed, --seed + 1, …) and write the mean of their weights (default 1).", DefaultValueFactory = _ => 1 };
        var swapNames = new Option<double>("--swap-names") { Description = "Probability of replacing a training entity, each epoch, by another training name of its type and length (default 0).", DefaultValueFactory = _ => 0 };
        var command = new Command("ner", "Train the entity model.");
        foreach (var o in new Option[] { extra, gazetteerCorpus, kb, exclude, endings, endingShare, charClasses, charClassContexts, entryBonus, seeds, swapNames })
            command.Options.Add(o);
        command.Options.Add(hideNames);
        command.Options.Add(corpus);
        command.Options.Add(lexicon);
        command.Options.Add(output);
        command.Options.Add(holdout);
        options.AddTo(command);
        command.SetAction(parsed =>
        {
            var clock = Stopwatch.StartNew();
            NerModelTrainer.Run(
                new NerTrainingRequest(
                    parsed.GetValue(corpus)!.FullName,
                    parsed.GetValue(lexicon)?.FullName,
                    Path.Combine(ModelsDir, ScriptFolder.FileName),
                    parsed.GetValue(output)!.FullName,
                    options.Read(parsed),
                    parsed.GetValue(holdout),
                    parsed.GetValue(hideNames) is { Length: 3 } h ? new HideRates(h[0], h[1], h[2]) : null,
                    new NerSources(
                        [.. (parsed.GetValue(extra) ?? []).Select(f => f.FullName)],
                        [.. (parsed.GetValue(gazetteerCorpus) ?? []).Select(f => f.FullName)],
                        parsed.GetValue(kb)?.FullName,
                        [.. (parsed.GetValue(exclude) ?? []).Select(f => f.FullName)],
                        parsed.GetValue(endings),
                        parsed.GetValue(charClasses),
                        parsed.GetValue(endingShare),
                        parsed.GetValue(charClassContexts)),
                    parsed.GetValue(entryBonus) is { Length: 3 } bonus ? bonus : null,
                    Math.Max(1, parsed.GetValue(seeds)),
                    parsed.GetValue(swapNames)),
                Console.Error);
            Console.Error.WriteLine(FormattableString.Invariant($"done in {clock.Elapsed.TotalSeconds:F0}s"));
            return 0;
        });
        return command;
    }

    private static Command EvalNer()
    {
        var gold = new Option<FileInfo>("--gold") { Description = "Gold entities, MSRA word/tag format (test_word_tag.utf8).", Required = true };
        var model = ModelOption(NerTagger.DefaultModelFile);
        var output = new Option<FileInfo?>("--output") { Description = "Also write the found entities (one line per sentence) here." };
        var minF1 = new Option<double>("--min-f1") { Description = "Exit 1 when overall F1 is below this floor.", DefaultValueFactory = _ => 0 };
        var context = new Option<int>("--context")
        {
            Description = "Sentences each side (the gold file has no document breaks) whose found names are also tagged where they recur in a sentence; 0 = each sentence alone.",
            DefaultValueFactory = _ => NerTagger.DefaultContextSentences,
        };
        var command = new Command("ner", "Score entity recognition against a gold file: entity-level P/R/F1, overall and per type.");
        foreach (var o in new Option[] { gold, model, output, minF1, context })
            command.Options.Add(o);
        command.SetAction(parsed =>
        {
            var tagger = NerTagger.Load(ResolveModel(parsed.GetValue(model)!), LoadFolder());
            using var writer = parsed.GetValue(output) is { } o ? new StreamWriter(o.FullName) : null;
            var score = NerEvaluation.RunMsra(tagger, parsed.GetValue(gold)!.FullName, writer, parsed.GetValue(context));
            Console.WriteLine(score);
            var floor = parsed.GetValue(minF1);
            if (score.All.F1 < floor)
            {
                Console.Error.WriteLine(FormattableString.Invariant($"F1 {score.All.F1:F4} below the floor {floor:F4}"));
                return 1;
            }
            return 0;
        });
        return command;
    }

    private static Command TrainCws()
    {
        var corpus = new Option<FileInfo>("--corpus") { Description = "Segmented training text (spaces between words, or MSRA word/tag), .gz allowed.", Required = true };
        var lexicon = new Option<FileInfo?>("--lexicon") { Description = "Word list for the dictionary features (default: the corpus words)." };
        var exclude = new Option<FileInfo[]>("--exclude") { Description = "Test input files: training lines equal to one of their lines are dropped.", AllowMultipleArgumentsPerToken = true };
        var output = new Option<FileInfo>("--out") { Description = "Model file to write.", Required = true };
        var options = new PerceptronCliOptions(defaultEpochs: 10);
        var holdout = new Option<int>("--holdout") { Description = "Keep the last N sentences apart and print their F1 after each epoch.", DefaultValueFactory = _ => 0 };
        var hide = new Option<double[]>("--hide")
        {
            Description = "Dictionary dropout: probabilities of hiding a gold word seen once, 2-3 times, more often (default 0.5 0.25 0.03).",
            AllowMultipleArgumentsPerToken = true,
        };
        var command = new Command("cws", "Train a word segmentation model.");
        command.Options.Add(hide);
        command.Options.Add(corpus);
        command.Options.Add(lexicon);
        command.Options.Add(exclude);
        command.Options.Add(output);
        command.Options.Add(holdout);
        options.AddTo(command);
        command.SetAction(parsed =>
        {
            var clock = Stopwatch.StartNew();
            CwsModelTrainer.Run(
                new CwsTrainingRequest(
                    parsed.GetValue(corpus)!.FullName,
                    parsed.GetValue(lexicon)?.FullName,
                    [.. (parsed.GetValue(exclude) ?? []).Select(f => f.FullName)],
                    Path.Combine(ModelsDir, ScriptFolder.FileName),
                    parsed.GetValue(output)!.FullName,
                    options.Read(parsed),
                    parsed.GetValue(holdout),
                    parsed.GetValue(hide) is { Length: 3 } h ? new HideRates(h[0], h[1], h[2]) : null),
                Console.Error);
            Console.Error.WriteLine(FormattableString.Invariant($"done in {clock.Elapsed.TotalSeconds:F0}s"));
            return 0;
        });
        return command;
    }

    private static Command EvalCws()
    {
        var gold = new Option<FileInfo>("--gold") { Description = "Gold segmentation (SIGHAN format).", Required = true };
        var input = new Option<FileInfo?>("--input") { Description = "Unsegmented test input (default: the gold text without spaces)." };
        var words = new Option<FileInfo?>("--words") { Description = "Training word list, for OOV recall." };
        var model = ModelOption(Segmenter.DefaultModelFile);
        var output = new Option<FileInfo?>("--output") { Description = "Also write the system segmentation here." };
        var minF1 = new Option<double>("--min-f1") { Description = "Exit 1 when F1 is below this floor.", DefaultValueFactory = _ => 0 };
        var command = new Command("cws", "Score word segmentation against a gold file: P/R/F1, OOV and IV recall.");
        foreach (var o in new Option[] { gold, input, words, model, output, minF1 })
            command.Options.Add(o);
        command.SetAction(parsed =>
        {
            var segmenter = Segmenter.Load(ResolveModel(parsed.GetValue(model)!), LoadFolder());
            using var writer = parsed.GetValue(output) is { } o ? new StreamWriter(o.FullName) : null;
            var score = CwsEvaluation.Run(segmenter, parsed.GetValue(gold)!.FullName, parsed.GetValue(input)?.FullName, parsed.GetValue(words)?.FullName, writer);
            Console.WriteLine(score);
            var floor = parsed.GetValue(minF1);
            if (score.F1 < floor)
            {
                Console.Error.WriteLine(FormattableString.Invariant($"F1 {score.F1:F4} below the floor {floor:F4}"));
                return 1;
            }
            return 0;
        });
        return command;
    }

    internal static Option<string> ModelOption(string defaultFile) => new("--model")
    {
        Description = $"Model file, or a name in the models folder (default {defaultFile}).",
        DefaultValueFactory = _ => defaultFile,
    };

    internal static string ResolveModel(string value) =>
        File.Exists(value) ? value : Path.Combine(ModelsDir, value);

    internal static ScriptFolder LoadFolder() => ScriptFolder.Load(Path.Combine(ModelsDir, ScriptFolder.FileName));

    /// <summary>The perceptron's options as command-line options.</summary>
    private sealed class PerceptronCliOptions(int defaultEpochs)
    {
        private readonly Option<int> epochs = new("--epochs") { Description = "Training passes.", DefaultValueFactory = _ => defaultEpochs };
        private readonly Option<int> seed = new("--seed") { Description = "Seed of the sentence order and dictionary dropout.", DefaultValueFactory = _ => 1 };
        private readonly Option<int> minCount = new("--min-count") { Description = "Drop features seen fewer times.", DefaultValueFactory = _ => 2 };
        private readonly Option<double> minWeight = new("--min-weight") { Description = "Drop features whose largest |averaged weight| is below this.", DefaultValueFactory = _ => 0.0 };

        public void AddTo(Command command)
        {
            command.Options.Add(epochs);
            command.Options.Add(seed);
            command.Options.Add(minCount);
            command.Options.Add(minWeight);
        }

        public PerceptronOptions Read(ParseResult parsed) =>
            new(parsed.GetValue(epochs), parsed.GetValue(seed), parsed.GetValue(minCount), parsed.GetValue(minWeight));
    }
}

/// <summary>One entity of a <c>newslens ner</c> output line.</summary>
internal sealed record NerLine(string Text, string Type, int Start, int End);

internal sealed record NerRecord(IReadOnlyList<NerLine> Entities);
