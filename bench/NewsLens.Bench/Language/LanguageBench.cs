using System.Diagnostics;
using System.Globalization;
using NewsLens.Analyse.Entities;
using NewsLens.Analyse.Script;
using NewsLens.Analyse.Segmentation;
using NewsLens.Model;

namespace NewsLens.Bench.Language;

/// <summary>
/// Segmentation and NER throughput on one thread over the MSR test text, model load times and memory,
/// and python3-jieba on the same text in the same run (when python3 can import jieba), side by side.
/// Usage: <c>language DATA_DIR [--rounds N]</c>.
/// </summary>
internal static class LanguageBench
{
    /// <summary>Passes over the text per measurement; the best pass counts (least disturbed by other load).</summary>
    private const int DefaultRounds = 5;

    /// <summary>
    /// Warm-up per measurement: with one warm-up pass the first measurement (segment) ran partly on not yet
    /// optimised code and came out 20–50 % below its own later phases on the loaded machine; 2 s removed that.
    /// </summary>
    private const double WarmUpSeconds = 2;

    public static int Run(string[] args)
    {
        if (args.Length < 1)
        {
            Console.Error.WriteLine("usage: language DATA_DIR [--rounds N]");
            return 2;
        }
        var rounds = args.Length >= 3 && args[1] == "--rounds" ? int.Parse(args[2], CultureInfo.InvariantCulture) : DefaultRounds;
        var testFile = Path.Combine(args[0], "cws", "msr_test.utf8");
        var lines = File.ReadAllLines(testFile).Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToArray();
        var chars = lines.Sum(l => (long)l.Length);
        var models = Path.Combine(AppContext.BaseDirectory, "models");

        var before = GC.GetTotalMemory(forceFullCollection: true);
        var process = Process.GetCurrentProcess();
        var clock = Stopwatch.StartNew();
        var folder = ScriptFolder.Load(Path.Combine(models, ScriptFolder.FileName));
        var folderMs = clock.Elapsed.TotalMilliseconds;
        process.Refresh();
        var cpu = process.TotalProcessorTime;
        clock.Restart();
        var segmenter = Segmenter.Load(Path.Combine(models, Segmenter.DefaultModelFile), folder);
        var cwsMs = clock.Elapsed.TotalMilliseconds;
        process.Refresh();
        var cwsCpuMs = (process.TotalProcessorTime - cpu).TotalMilliseconds;
        cpu = process.TotalProcessorTime;
        clock.Restart();
        var tagger = NerTagger.Load(Path.Combine(models, NerTagger.DefaultModelFile), folder);
        var nerMs = clock.Elapsed.TotalMilliseconds;
        process.Refresh();
        var nerCpuMs = (process.TotalProcessorTime - cpu).TotalMilliseconds;
        var after = GC.GetTotalMemory(forceFullCollection: true);

        Console.WriteLine($"text: {testFile} ({lines.Length} lines, {chars:N0} chars); load average at start: {LoadAverage()}");
        Console.WriteLine(Invariant($"load (wall clock / process CPU, JIT included): script table {folderMs:F0} ms, cws {cwsMs:F0} / {cwsCpuMs:F0} ms ({new FileInfo(Path.Combine(models, Segmenter.DefaultModelFile)).Length / 1e6:F1} MB file), ner {nerMs:F0} / {nerCpuMs:F0} ms ({new FileInfo(Path.Combine(models, NerTagger.DefaultModelFile)).Length / 1e6:F1} MB file), both {cwsMs + nerMs:F0} / {cwsCpuMs + nerCpuMs:F0} ms"));
        // The weight tables are native memory (huge-page backed where possible), outside the managed heap.
        var tableBytes = segmenter.MemoryBytes + tagger.Model.MemoryBytes + tagger.ScorerMemoryBytes;
        Console.WriteLine(Invariant($"memory: both models {(after - before + tableBytes) / 1e6:F0} MB = managed heap {(after - before) / 1e6:F0} MB + native weight tables {tableBytes / 1e6:F0} MB (cws {segmenter.MemoryBytes / 1e6:F0} MB, ner {(tagger.Model.MemoryBytes + tagger.ScorerMemoryBytes) / 1e6:F0} MB)"));

        var spans = new List<Span>();
        var (segRate, segCpuRate) = Best(rounds, chars, () =>
        {
            foreach (var line in lines)
            {
                spans.Clear();
                segmenter.SegmentSpans(line, spans);
            }
        }, "segment");
        // Where segmentation time goes: input preparation (normalise, kinds, dictionary scan), then the label scores, then the whole thing.
        var lexicon = new NewsLens.Analyse.Sequence.Lexicon(segmenter.Model.Data.Lists[Segmenter.LexiconList]);
        var cwsFeatures = new CwsFeatures(lexicon, folder);
        var scorer = CwsBlockScorer.TryCreate(segmenter.Model.Data)!;
        var scoreBuffer = new int[Segmenter.MaxRun * CwsBlockScorer.LabelCount];
        Best(rounds, chars, () =>
        {
            foreach (var line in lines)
            {
                using var view = cwsFeatures.View(line);
            }
        }, "  segment phase: text view + dictionary scan");
        Best(rounds, chars, () =>
        {
            foreach (var line in lines)
            {
                foreach (var (start, length) in NewsLens.Analyse.Sequence.TextRuns.Split(line, Segmenter.MaxRun))
                {
                    using var view = cwsFeatures.View(line.AsSpan(start, length));
                    scorer.Score(view, scoreBuffer);
                }
            }
        }, "  segment phase: + label scores (weights)");
        var found = new List<(Span, EntityType)>();
        var (nerRate, nerCpuRate) = Best(rounds, chars, () =>
        {
            foreach (var line in lines)
            {
                found.Clear();
                tagger.TagSpans(line, found);
            }
        }, "ner");
        // Where entity time goes: packed feature keys, then the label scores (grouped lookups); the rest is Viterbi.
        if (tagger.Scorer is { } nerScorer)
        {
            var nerKeys = new ulong[NerTagger.MaxRun * NerFeatures.PerPosition];
            var nerScores = new int[NerTagger.MaxRun * NerBlockScorer.Stride];
            Best(rounds, chars, () =>
            {
                foreach (var line in lines)
                    foreach (var (start, length) in NewsLens.Analyse.Sequence.TextRuns.Split(line, NerTagger.MaxRun))
                        tagger.Features.ExtractPacked(line.AsSpan(start, length), nerKeys);
            }, "  ner phase: feature keys");
            Best(rounds, chars, () =>
            {
                foreach (var line in lines)
                {
                    foreach (var (start, length) in NewsLens.Analyse.Sequence.TextRuns.Split(line, NerTagger.MaxRun))
                    {
                        tagger.Features.ExtractPacked(line.AsSpan(start, length), nerKeys);
                        nerScorer.Score(nerKeys, length, nerScores);
                    }
                }
            }, "  ner phase: + label scores (weights)");
        }
        Console.WriteLine($"process peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:F0} MB; load average after the runs: {LoadAverage()}");
        var jieba = Jieba(testFile);
        Console.WriteLine();
        Console.WriteLine("| system | chars/s wall clock (one thread, best of runs) | chars/s per CPU second | vs python3-jieba (wall / CPU) |");
        Console.WriteLine("| --- | ---: | ---: | ---: |");
        Console.WriteLine(Invariant($"| NewsLens segment (MSR model) | {segRate / 1e6:F2} M | {segCpuRate / 1e6:F2} M | {Ratio(segRate, jieba?.Wall)} / {Ratio(segCpuRate, jieba?.Cpu)} |"));
        Console.WriteLine(Invariant($"| NewsLens ner (MSRA model) | {nerRate / 1e6:F2} M | {nerCpuRate / 1e6:F2} M | {Ratio(nerRate, jieba?.Wall)} / {Ratio(nerCpuRate, jieba?.Cpu)} |"));
        Console.WriteLine(jieba is { } j ? Invariant($"| python3-jieba cut (default, HMM on) | {j.Wall / 1e6:F2} M | {j.Cpu / 1e6:F2} M | 1.0× / 1.0× |") : "| python3-jieba | not available (install python3-jieba) | | |");
        return 0;
    }

    /// <summary>
    /// Best pass by wall clock, and by the process's CPU time (the machine may be shared: CPU time is what
    /// one core spends; both are printed).
    /// </summary>
    private static (double Wall, double Cpu) Best(int rounds, long chars, Action pass, string name)
    {
        // Warm-up until the runtime has recompiled the hot methods fully optimised (tiered compilation promotes
        // them in the background, which on a busy machine takes a second or more): at least WarmUpSeconds.
        var warmUp = Stopwatch.StartNew();
        do
        {
            pass();
        }
        while (warmUp.Elapsed.TotalSeconds < WarmUpSeconds);
        var best = double.MaxValue;
        var bestCpu = double.MaxValue;
        var process = Process.GetCurrentProcess();
        for (var r = 0; r < rounds; r++)
        {
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            pass();
            best = Math.Min(best, clock.Elapsed.TotalSeconds);
            process.Refresh();
            bestCpu = Math.Min(bestCpu, (process.TotalProcessorTime - cpu).TotalSeconds);
        }
        Console.WriteLine(Invariant($"{name}: {chars / best / 1e6:F2} M chars/s wall clock, {chars / bestCpu / 1e6:F2} M chars/s per CPU second (best of {rounds})"));
        return (chars / best, chars / bestCpu);
    }

    /// <summary>The 1-minute load average (Linux), to read the figures against; "?" elsewhere.</summary>
    private static string LoadAverage()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Split(' ')[0];
        }
        catch (IOException)
        {
            return "?";
        }
        catch (UnauthorizedAccessException)
        {
            return "?";
        }
    }

    private static string Ratio(double rate, double? peer) => peer is { } p ? Invariant($"{rate / p:F1}×") : "–";

    /// <summary>
    /// Runs python3-jieba over the same file (dictionary load excluded, best of 3 passes); null when unavailable.
    /// The Debian package installs for the system interpreter, which a pyenv shim on PATH may hide, so that one is tried first.
    /// </summary>
    private static (double Wall, double Cpu)? Jieba(string testFile)
    {
        foreach (var python in new[] { "/usr/bin/python3", "python3" })
        {
            if (python.StartsWith('/') && !File.Exists(python))
                continue;
            if (Jieba(python, testFile) is { } rate)
                return rate;
        }
        return null;
    }

    private static (double Wall, double Cpu)? Jieba(string python, string testFile)
    {
        const string script = """
            import sys, time, jieba
            jieba.setLogLevel(60)
            lines = [l.rstrip('\r\n') for l in open(sys.argv[1], encoding='utf-8')]
            lines = [l for l in lines if l]
            jieba.initialize()
            n = sum(len(l) for l in lines)
            best = 1e9
            best_cpu = 1e9
            for _ in range(3):
                t = time.perf_counter()
                c = time.process_time()
                for l in lines:
                    list(jieba.cut(l))
                best = min(best, time.perf_counter() - t)
                best_cpu = min(best_cpu, time.process_time() - c)
            print(n / best, n / best_cpu)
            """;
        try
        {
            var start = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add(script);
            start.ArgumentList.Add(testFile);
            using var process = Process.Start(start);
            if (process is null)
                return null;
            var output = process.StandardOutput.ReadToEnd();
            process.StandardError.ReadToEnd();
            process.WaitForExit();
            var parts = output.Trim().Split(' ');
            return process.ExitCode == 0 && parts.Length == 2
                && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var wall)
                && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var cpu)
                ? (wall, cpu) : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    private static string Invariant(FormattableString s) => FormattableString.Invariant(s);
}
