using System.Globalization;
using System.Reflection;

namespace NewsLens.Assess.Rules;

/// <summary>
/// Reads the rule files shipped as embedded resources (or a user's replacement folder). Lines starting with
/// '#' and blank lines are skipped; a malformed line is a configuration bug and throws with file and line.
/// </summary>
internal static class RuleFiles
{
    /// <summary>Rule files are small; anything larger is not a rule file.</summary>
    private const int MaxFileChars = 2_000_000;

    public static IReadOnlyList<(int Line, string[] Columns)> ReadTsv(string name, int minColumns, string? folder = null)
    {
        var text = ReadText(name, folder);
        var rows = new List<(int, string[])>();
        var lineNo = 0;
        foreach (var raw in text.Split('\n'))
        {
            lineNo++;
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line.TrimStart().StartsWith('#'))
                continue;
            var cols = line.Split('\t');
            if (cols.Length < minColumns)
                throw new InvalidDataException($"rule file {name}, line {lineNo}: expected {minColumns} tab-separated columns, found {cols.Length}: '{line}'");
            rows.Add((lineNo, cols));
        }
        return rows;
    }

    public static IReadOnlyList<string> ReadLines(string name, string? folder = null) =>
        ReadTsv(name, 1, folder).Select(r => r.Columns[0].Trim()).Where(s => s.Length > 0).ToArray();

    public static double ParseWeight(string name, int line, string value)
    {
        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var w) || w < 0 || w > 1)
            throw new InvalidDataException($"rule file {name}, line {line}: weight must be a number in 0..1, found '{value}'");
        return w;
    }

    private static string ReadText(string name, string? folder)
    {
        if (folder is not null)
        {
            var path = Path.Combine(folder, name);
            if (File.Exists(path))
            {
                if (new FileInfo(path).Length > MaxFileChars * 4L)
                    throw new InvalidDataException($"rule file {path} is larger than {MaxFileChars:N0} characters");
                return File.ReadAllText(path);
            }
        }
        var assembly = typeof(RuleFiles).Assembly;
        var resource = $"NewsLens.Assess.Rules.{name}";
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"rule file {name} is missing: no embedded resource '{resource}' in {assembly.GetName().Name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
