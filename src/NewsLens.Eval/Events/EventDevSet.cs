using System.Globalization;
using NewsLens.Model;

namespace NewsLens.Eval.Events;

/// <summary>One annotated event of the development set.</summary>
/// <param name="Actors">KB ids, ISO3 codes or surface texts.</param>
/// <param name="Date">yyyy-MM-dd (or coarser), null when the text leaves the event undated.</param>
internal sealed record GoldEvent(EventType Type, string? Mode, IReadOnlyList<string> Actors, IReadOnlyList<string> Recipients, string? Date, EventModality Modality, string? Location);

internal sealed record DevCase(int Line, DateOnly Published, string Text, IReadOnlyList<GoldEvent> Events);

/// <summary>
/// Reads the events development set: <c>published|text|events</c>, events separated by ';', each
/// <c>TYPE[/mode] ACTORS &gt; RECIPIENTS @DATE ~MODALITY [#LOCATION]</c> (see the file's header).
/// </summary>
internal static class EventDevSet
{
    public static IReadOnlyList<DevCase> Read(string path)
    {
        var cases = new List<DevCase>();
        var lineNo = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNo++;
            if (line.Length == 0 || line.StartsWith('#'))
                continue;
            var parts = line.Split('|');
            if (parts.Length != 3)
                throw new FormatException($"{path}:{lineNo}: expected published|text|events, found {parts.Length} fields");
            var published = DateOnly.ParseExact(parts[0], "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var events = parts[2].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(e => ParseEvent(e, path, lineNo)).ToList();
            cases.Add(new DevCase(lineNo, published, parts[1], events));
        }
        return cases;
    }

    private static GoldEvent ParseEvent(string spec, string path, int line)
    {
        var tokens = spec.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (tokens.Length < 6 || tokens[2] != ">")
            throw new FormatException($"{path}:{line}: event '{spec}' is not 'TYPE ACTORS > RECIPIENTS @DATE ~MOD'");
        var typeMode = tokens[0].Split('/');
        if (!Enum.TryParse<EventType>(typeMode[0], ignoreCase: true, out var type))
            throw new FormatException($"{path}:{line}: unknown event type '{typeMode[0]}'");
        var date = tokens[4].TrimStart('@');
        var modality = tokens[5].TrimStart('~') switch
        {
            "h" => EventModality.Historical,
            "f" => EventModality.Future,
            "n" => EventModality.Negated,
            "y" => EventModality.Hypothetical,
            var m => throw new FormatException($"{path}:{line}: unknown modality '{m}'"),
        };
        var location = tokens.Length > 6 && tokens[6].StartsWith('#') ? tokens[6][1..] : null;
        return new GoldEvent(type, typeMode.Length > 1 ? typeMode[1] : null, List(tokens[1]), List(tokens[3]), date == "undated" ? null : date, modality, location);
    }

    private static IReadOnlyList<string> List(string cell) => cell == "-" ? [] : cell.Split(',', StringSplitOptions.RemoveEmptyEntries);
}
