using System.Globalization;
using System.Text.Json;

namespace NewsLens.Eval.Dates;

/// <summary>Which part of the pipeline a spec file tests.</summary>
internal enum SpecRole
{
    Extraction,
    Parsing,

    /// <summary>Model files: spans and values together.</summary>
    Both,
}

/// <param name="Readings">Accepted resolutions as comparable keys ("2017-03-22", "2016-11-06 16:00:00|2016-11-06 20:00:00",
/// "None|2018-01-01", "not resolved"); empty for extractor files.</param>
internal sealed record SpecResult(string Text, string Type, int Start, int Length, string? Timex, IReadOnlyList<string> Readings);

internal sealed record SpecCase(string File, int Index, string Input, DateOnly? Reference, IReadOnlyList<SpecResult> Results, string NotSupported, SpecRole Role)
{
    public string Family => File.Replace("Extractor", "", StringComparison.Ordinal).Replace("Parser", "", StringComparison.Ordinal);
}

/// <summary>Reads Microsoft Recognizers-Text Chinese DateTime spec files (both result shapes; see the data README).</summary>
internal static class RecognizersTextSpec
{
    /// <summary>Resolution placeholder the parser files use for an impossible date (2月30日).</summary>
    private const string ImpossibleDate = "0001-01-01";

    public static IReadOnlyList<SpecCase> Load(string dataDir)
    {
        var dir = Directory.Exists(Path.Combine(dataDir, "DateTime")) ? Path.Combine(dataDir, "DateTime") : dataDir;
        if (!Directory.Exists(dir))
            throw new DirectoryNotFoundException($"no Recognizers-Text DateTime specs under {dataDir}");
        var cases = new List<SpecCase>();
        foreach (var path in Directory.GetFiles(dir, "*.json").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(path);
            var role = name.EndsWith("Extractor", StringComparison.Ordinal) ? SpecRole.Extraction
                : name.EndsWith("Parser", StringComparison.Ordinal) ? SpecRole.Parsing
                : SpecRole.Both;
            using var doc = JsonDocument.Parse(File.ReadAllText(path));
            var index = 0;
            foreach (var c in doc.RootElement.EnumerateArray())
                cases.Add(ReadCase(name, index++, c, role));
        }
        return cases;
    }

    private static SpecCase ReadCase(string file, int index, JsonElement c, SpecRole role)
    {
        DateOnly? reference = null;
        if (c.TryGetProperty("Context", out var ctx) && ctx.ValueKind == JsonValueKind.Object && ctx.TryGetProperty("ReferenceDateTime", out var rdt))
            reference = DateOnly.FromDateTime(DateTime.Parse(rdt.GetString()!, CultureInfo.InvariantCulture));
        var notSupported = string.Join(",", new[] { "NotSupported", "NotSupportedByDesign" }
            .Select(k => c.TryGetProperty(k, out var v) ? v.GetString() ?? "" : "").Where(s => s.Length > 0));
        var results = new List<SpecResult>();
        foreach (var r in c.GetProperty("Results").EnumerateArray())
        {
            if (r.TryGetProperty("TypeName", out var typeName))
            {
                var start = r.GetProperty("Start").GetInt32();
                var end = r.GetProperty("End").GetInt32();
                string? timex = null;
                var readings = new List<string>();
                if (r.TryGetProperty("Resolution", out var res) && res.ValueKind == JsonValueKind.Object && res.TryGetProperty("values", out var values))
                {
                    foreach (var v in values.EnumerateArray())
                    {
                        timex ??= Str(v, "timex");
                        if (Str(v, "value") is { } value)
                            readings.Add(value);
                        else if (v.TryGetProperty("start", out _) || v.TryGetProperty("end", out _))
                            readings.Add($"{Str(v, "start") ?? "None"}|{Str(v, "end") ?? "None"}");
                        else
                            readings.Add("not resolved");
                    }
                }
                var type = typeName.GetString()!.Replace("datetimeV2.", "", StringComparison.Ordinal);
                results.Add(new SpecResult(r.GetProperty("Text").GetString()!, type, start, end - start + 1, timex, readings));
            }
            else
            {
                string? timex = null;
                var readings = new List<string>();
                if (r.TryGetProperty("Value", out var value) && value.ValueKind == JsonValueKind.Object)
                {
                    timex = Str(value, "Timex");
                    foreach (var key in new[] { "FutureResolution", "PastResolution" })
                        if (value.TryGetProperty(key, out var resolution) && resolution.ValueKind == JsonValueKind.Object)
                            readings.Add(ParserReading(resolution));
                }
                results.Add(new SpecResult(r.GetProperty("Text").GetString()!, r.GetProperty("Type").GetString()!.Replace("datetimeV2.", "", StringComparison.Ordinal),
                    r.GetProperty("Start").GetInt32(), r.GetProperty("Length").GetInt32(), timex, readings.Distinct(StringComparer.Ordinal).ToList()));
            }
        }
        return new SpecCase(file, index, c.GetProperty("Input").GetString()!, reference, results, notSupported, role);
    }

    private static string ParserReading(JsonElement resolution)
    {
        string? Get(string k) => Str(resolution, k);
        if (Get("date") is { } d)
            return d == ImpossibleDate ? "not resolved" : d;
        if (Get("dateTime") is { } dt)
            return dt;
        if (Get("time") is { } t)
            return t;
        if (Get("startDate") is not null || Get("endDate") is not null)
            return $"{Get("startDate") ?? "None"}|{Get("endDate") ?? "None"}";
        if (Get("startDateTime") is not null || Get("endDateTime") is not null)
            return $"{Get("startDateTime") ?? "None"}|{Get("endDateTime") ?? "None"}";
        if (Get("startTime") is not null || Get("endTime") is not null)
            return $"{Get("startTime") ?? "None"}|{Get("endTime") ?? "None"}";
        if (Get("duration") is { } du)
            return "duration:" + du;
        if (Get("set") is { } set)
            return "set:" + set;
        return "not resolved";
    }

    private static string? Str(JsonElement e, string key) =>
        e.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
