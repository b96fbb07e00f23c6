using System.IO.Compression;
using System.Text;

namespace NewsLens.Training.Segmentation;

/// <summary>
/// Reads word-segmented training text: one sentence per line, words separated by spaces (SIGHAN / PD98),
/// or MSRA's "word/tag" tokens (the tag is dropped). ".gz" files are read through gzip.
/// </summary>
internal static class SegmentedCorpus
{
    /// <summary>Bound on one training line; longer lines (none in the corpora) are skipped.</summary>
    public const int MaxLineLength = 20_000;

    public static IEnumerable<string> ReadLines(string path)
    {
        using var stream = File.OpenRead(path);
        using var decoded = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)
            ? new GZipStream(stream, CompressionMode.Decompress)
            : (Stream)stream;
        using var reader = new StreamReader(decoded, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
        while (reader.ReadLine() is { } line)
            yield return line;
    }

    /// <summary>Words of one line; MSRA "word/tag" tokens lose their tag.</summary>
    public static List<string> Words(string line)
    {
        var words = new List<string>();
        foreach (var token in line.Split([' ', '\t', '\u3000'], StringSplitOptions.RemoveEmptyEntries))
            words.Add(StripTag(token));
        return words;
    }

    /// <summary>Longest run of MSRA tokens that <see cref="MsrWords"/> tries to merge.</summary>
    private const int MaxMergedTokens = 4;

    /// <summary>
    /// Words of an MSRA word/tag line in the MSR segmentation standard. The NER corpus cuts entity names out
    /// of the words that contain them ("中国/ns 人/o", "中华/ns 民族/o", "马克思/nr 主义/o"), where the MSR
    /// standard keeps one word ("中国人", "中华民族", "马克思主义"): a run of up to four tokens that holds an
    /// entity and whose text is a word of the MSR word list is joined back (longest run first).
    /// Runs without an entity are left alone ("就/o 是/o" stays two words: MSR splits it by context).
    /// </summary>
    public static List<string> MsrWords(string line, IReadOnlySet<string> lexicon, ref int merges)
    {
        var tokens = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        var words = new List<string>(tokens.Length);
        var i = 0;
        while (i < tokens.Length)
        {
            var merged = false;
            for (var length = Math.Min(MaxMergedTokens, tokens.Length - i); length >= 2 && !merged; length--)
            {
                var hasEntity = false;
                for (var k = i; k < i + length; k++)
                    hasEntity |= !tokens[k].EndsWith("/o", StringComparison.Ordinal) && StripTag(tokens[k]) != tokens[k];
                if (!hasEntity)
                    continue;
                var text = string.Concat(tokens.Skip(i).Take(length).Select(StripTag));
                if (!lexicon.Contains(text))
                    continue;
                words.Add(text);
                i += length;
                merges++;
                merged = true;
            }
            if (!merged)
                words.Add(StripTag(tokens[i++]));
        }
        return words;
    }

    /// <summary>True when the line is MSRA word/tag (every token ends in a known tag).</summary>
    public static bool IsWordTag(string line)
    {
        var tokens = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        return tokens.Length > 0 && tokens.All(t => StripTag(t) != t);
    }

    /// <summary>"北京/ns" → "北京"; a token without a known tag is returned as is.</summary>
    public static string StripTag(string token)
    {
        var slash = token.LastIndexOf('/');
        if (slash <= 0)
            return token;
        var tag = token.AsSpan(slash + 1);
        return tag is "o" or "nr" or "ns" or "nt" ? token[..slash] : token;
    }
}
