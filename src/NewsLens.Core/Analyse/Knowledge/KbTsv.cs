namespace NewsLens.Analyse.Knowledge;

/// <summary>One problem in a KB file, with the place a user edits to fix it.</summary>
public sealed record KbError(string File, int Line, string Reason)
{
    public override string ToString() => $"{File}:{Line}: {Reason}";
}

/// <summary>The KB files do not load: bad configuration, so an exception naming every file:line and reason.</summary>
public sealed class KnowledgeBaseException : Exception
{
    /// <summary>At most this many problems are spelled out in the message; the rest are counted.</summary>
    private const int MaxListed = 25;

    public KnowledgeBaseException(IReadOnlyList<KbError> errors)
        : base(Describe(errors)) => Errors = errors;

    public KnowledgeBaseException(string message)
        : base(message) => Errors = [];

    public KnowledgeBaseException()
        : base("the knowledge base does not load") => Errors = [];

    public KnowledgeBaseException(string message, Exception inner)
        : base(message, inner) => Errors = [];

    public IReadOnlyList<KbError> Errors { get; }

    private static string Describe(IReadOnlyList<KbError> errors)
    {
        var listed = string.Join("\n", errors.Take(MaxListed).Select(e => "  " + e));
        var more = errors.Count > MaxListed ? $"\n  ... and {errors.Count - MaxListed} more" : "";
        return $"the knowledge base has {errors.Count} malformed line(s):\n{listed}{more}";
    }
}

/// <summary>One data row of a KB table: cells by column name, and where the row is.</summary>
internal sealed class KbRow(string file, int line, IReadOnlyDictionary<string, int> columns, string[] cells)
{
    public string File { get; } = file;

    public int Line { get; } = line;

    /// <summary>The cell, trimmed; empty string when blank.</summary>
    public string this[string column] => cells[columns[column]].Trim();

    public string? Optional(string column) => this[column] is { Length: > 0 } v ? v : null;
}

/// <summary>
/// Reads the KB's tab-separated tables: '#' starts a comment line, the first other line is the header
/// naming the columns, every data line has exactly as many cells as the header.
/// </summary>
internal static class KbTsv
{
    /// <summary>A KB file larger than this is refused (the shipped KB is well under 1 MB).</summary>
    public const int MaxFileChars = 64 * 1024 * 1024;

    /// <summary>Longest cell accepted; names and alias lists are short.</summary>
    public const int MaxCellChars = 4096;

    public static (string[] Header, int HeaderLine, List<KbRow> Rows) Read(string file, string text, List<KbError> errors)
    {
        var rows = new List<KbRow>();
        string[]? header = null;
        var headerLine = 0;
        Dictionary<string, int>? columns = null;
        var lineNo = 0;
        foreach (var raw in text.Split('\n'))
        {
            lineNo++;
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line.TrimStart().StartsWith('#'))
                continue;
            var cells = line.Split('\t');
            if (header is null)
            {
                header = [.. cells.Select(c => c.Trim())];
                headerLine = lineNo;
                columns = new Dictionary<string, int>(StringComparer.Ordinal);
                for (var i = 0; i < header.Length; i++)
                {
                    if (!columns.TryAdd(header[i], i))
                        errors.Add(new KbError(file, lineNo, $"column '{header[i]}' appears twice in the header"));
                }
                continue;
            }
            if (cells.Length != header.Length)
            {
                errors.Add(new KbError(file, lineNo, $"expected {header.Length} tab-separated cells ({string.Join(", ", header)}), found {cells.Length}"));
                continue;
            }
            if (cells.FirstOrDefault(c => c.Length > MaxCellChars) is { } longCell)
            {
                errors.Add(new KbError(file, lineNo, $"a cell of {longCell.Length} characters exceeds the limit of {MaxCellChars}"));
                continue;
            }
            rows.Add(new KbRow(file, lineNo, columns!, cells));
        }
        return (header ?? [], headerLine, rows);
    }

    /// <summary>Splits a '|'-separated list; an empty item (e.g. "a||b" or a trailing '|') is an error.</summary>
    public static IReadOnlyList<string> List(KbRow row, string column, List<KbError> errors)
    {
        var cell = row[column];
        if (cell.Length == 0)
            return [];
        var items = cell.Split('|').Select(s => s.Trim()).ToArray();
        if (items.Any(s => s.Length == 0))
        {
            errors.Add(new KbError(row.File, row.Line, $"column '{column}' has an empty item in '{cell}' (aliases and lists must be non-empty)"));
            return [.. items.Where(s => s.Length > 0)];
        }
        return items;
    }

    public static KbDate? Date(KbRow row, string column, List<KbError> errors)
    {
        var cell = row[column];
        if (cell.Length == 0)
            return null;
        if (KbDate.TryParse(cell, out var d))
            return d;
        errors.Add(new KbError(row.File, row.Line, $"column '{column}': '{cell}' is not a date (yyyy, yyyy-MM or yyyy-MM-dd)"));
        return null;
    }

    public static KbInterval Interval(KbRow row, List<KbError> errors)
    {
        var start = Date(row, "start", errors);
        var end = Date(row, "end", errors);
        if (start is { } s && end is { } e && s.Earliest > e.Latest)
            errors.Add(new KbError(row.File, row.Line, $"start {s} is after end {e}"));
        return new KbInterval(start, end);
    }
}
