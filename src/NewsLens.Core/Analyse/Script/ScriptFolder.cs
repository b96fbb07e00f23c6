namespace NewsLens.Analyse.Script;

/// <summary>
/// Folds traditional characters to simplified, one UTF-16 unit to one, so that analysis of folded text
/// gives spans that are valid on the original. The table is <c>models/t2s.txt</c> (derived from Unihan
/// kSimplifiedVariant by <c>tools/unihan/derive_t2s.py</c>). Read-only and thread-safe.
/// </summary>
internal sealed class ScriptFolder
{
    public const string FileName = "t2s.txt";

    /// <summary>Bound on the table file, far above the ≈3k lines Unihan yields.</summary>
    private const int MaxLines = 100_000;

    private readonly char[] map;

    private ScriptFolder(char[] map, int count)
    {
        this.map = map;
        Count = count;
    }

    /// <summary>A folder that changes nothing (for simplified-only use and tests).</summary>
    public static ScriptFolder Identity { get; } = FromPairs([]);

    /// <summary>Number of characters that fold.</summary>
    public int Count { get; }

    public static ScriptFolder Load(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"script folding table {path} not found (derive it with tools/unihan/derive_t2s.py)", path);
        var pairs = new List<(char From, char To)>();
        var lineNo = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNo++;
            if (lineNo > MaxLines)
                throw new InvalidDataException($"{path}: more than {MaxLines} lines");
            if (line.Length == 0 || line[0] == '#')
                continue;
            if (line.Length != 3 || line[1] != '\t')
                throw new InvalidDataException($"{path}:{lineNo}: expected 'TRAD<TAB>SIMP' (one BMP character each), got '{line}'");
            pairs.Add((line[0], line[2]));
        }
        return FromPairs(pairs);
    }

    public static ScriptFolder FromPairs(IEnumerable<(char From, char To)> pairs)
    {
        var map = new char[char.MaxValue + 1];
        for (var i = 0; i < map.Length; i++)
            map[i] = (char)i;
        var count = 0;
        foreach (var (from, to) in pairs)
        {
            if (map[from] == from)
                count++;
            map[from] = to;
        }
        return new ScriptFolder(map, count);
    }

    public char Fold(char c) => map[c];

    /// <summary>Writes the folded text to <paramref name="output"/>, which must be as long as <paramref name="text"/>.</summary>
    public void Fold(ReadOnlySpan<char> text, Span<char> output)
    {
        for (var i = 0; i < text.Length; i++)
            output[i] = map[text[i]];
    }

    public string Fold(string text)
    {
        return string.Create(text.Length, (text, this), static (span, state) => state.Item2.Fold(state.text, span));
    }
}
