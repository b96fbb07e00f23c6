namespace NewsLens.Analyse.Sequence;

/// <summary>Cuts text into runs without whitespace, each at most a given length, for the sequence models.</summary>
internal static class TextRuns
{
    /// <summary>How far back from the length limit a cut looks for sentence punctuation to cut after.</summary>
    private const int CutLookBack = 128;

    public static List<(int Start, int Length)> Split(ReadOnlySpan<char> text, int maxRun)
    {
        var runs = new List<(int, int)>();
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
                i++;
            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]))
                i++;
            var end = i;
            while (end - start > maxRun)
            {
                var cut = start + maxRun;
                for (var k = start + maxRun - 1; k > start + maxRun - CutLookBack; k--)
                {
                    if (text[k] is '。' or '！' or '？' or '；' or '，' or '.' or '!' or '?' or ';' or ',')
                    {
                        cut = k + 1;
                        break;
                    }
                }
                if (char.IsHighSurrogate(text[cut - 1]))
                    cut--;
                runs.Add((start, cut - start));
                start = cut;
            }
            if (end > start)
                runs.Add((start, end - start));
        }
        return runs;
    }
}
