using System.Diagnostics;
using System.Text;

namespace NewsLens.Tests;

/// <summary>Runs the real <c>newslens</c> executable as a user would, capturing stdout, stderr and the exit code.</summary>
internal static class CliRunner
{
    /// <summary>Generous bound so a hang fails the test instead of stalling the run.</summary>
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static Result Run(params string[] args) => RunIn(null, null, args);

    public static Result RunIn(string? workingDirectory, string? stdin, params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "newslens.dll");
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            WorkingDirectory = workingDirectory ?? AppContext.BaseDirectory,
        };
        info.ArgumentList.Add(dll);
        foreach (var a in args)
            info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
            process.StandardInput.Write(stdin);
        process.StandardInput.Close();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"newslens {string.Join(' ', args)} did not finish within {Timeout}");
        }
        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }
}
