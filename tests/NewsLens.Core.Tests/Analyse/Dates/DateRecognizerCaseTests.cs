using System.Globalization;
using NewsLens.Analyse.Dates;
using NewsLens.Model;

namespace NewsLens.Tests.Analyse.Dates;

public sealed class DateRecognizerCaseTests
{
    private static readonly DateRecognizer Recognizer = new();

    public static TheoryData<int, string, string, string> Cases()
    {
        var data = new TheoryData<int, string, string, string>();
        var path = Path.Combine(AppContext.BaseDirectory, "Analyse", "Dates", "Cases", "dates.tsv");
        var lineNo = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNo++;
            if (line.Length == 0 || line[0] == '#')
                continue;
            var cols = line.Split('\t');
            data.Add(lineNo, cols[0], cols[1], cols.Length > 2 ? cols[2] : "");
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Recognises_case(int line, string reference, string text, string expected)
    {
        DateOnly? r = reference == "-" ? null : DateOnly.ParseExact(reference, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var mentions = Recognizer.Recognize(text, r);
        var actual = string.Join(" | ", mentions.Select(Describe));
        Assert.True(expected == actual, $"dates.tsv:{line}\n  input:    {text}\n  ref:      {reference}\n  actual:   {actual}\n  expected: {expected}");
        foreach (var m in mentions)
            Assert.Equal(m.Text, m.Span.Slice(text));
    }

    private static string Describe(DateMention m) =>
        $"{m.Text}={m.Kind}:{m.Value}{(m.End is null ? "" : "~" + m.End)}";
}
