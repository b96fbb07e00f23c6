using System.Text;

namespace NewsLens.Storage.Search;

public enum QueryTermKind
{
    /// <summary>Consecutive index terms (a CJK run of two or more characters is a bigram phrase; a quoted group of words).</summary>
    Phrase,

    /// <summary>One CJK character: any index term that starts with it.</summary>
    Prefix,
}

/// <param name="Lexemes">The index terms the phrase consists of, folded.</param>
/// <param name="Surface">The folded text to highlight in snippets.</param>
/// <param name="Word">For a CJK term: the whole term, matched against the segmenter's words to rank whole-word hits first.</param>
public sealed record QueryTerm(QueryTermKind Kind, IReadOnlyList<string> Lexemes, string Surface, string? Word);

/// <summary>
/// The user's query cut into terms with the same rules as <see cref="IndexTerms"/>: whitespace separates
/// terms, every term is required, double quotes keep words together as one phrase. Everything else is
/// literal text; no operator of either search engine reaches it.
/// </summary>
public static class QueryTerms
{
    /// <summary>Longest query accepted, in characters (a search box, not a document).</summary>
    public const int MaxQueryChars = 200;

    /// <summary>Most terms in one query; each costs one index lookup.</summary>
    public const int MaxTerms = 12;

    public static IReadOnlyList<QueryTerm> Parse(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Length > MaxQueryChars)
            throw new ArgumentException($"the query is {query.Length} characters long; the limit is {MaxQueryChars}", nameof(query));
        var terms = new List<QueryTerm>();
        var parts = SplitQuoted(query);
        foreach (var (text, quoted) in parts)
        {
            var lexemes = new List<string>();
            var runs = Runs(text);
            if (quoted && runs.Count > 1)
            {
                // A quoted group: one phrase over the index terms of all its runs.
                foreach (var (run, cls) in runs)
                    lexemes.AddRange(cls == CharClass.Cjk ? CjkLexemes(run) : [run]);
                terms.Add(new QueryTerm(QueryTermKind.Phrase, lexemes, TextFolding.Fold(text.Trim()), null));
                continue;
            }
            foreach (var (run, cls) in runs)
                terms.Add(ForRun(run, cls));
        }
        if (terms.Count > MaxTerms)
            throw new ArgumentException($"the query has {terms.Count} terms; the limit is {MaxTerms}", nameof(query));
        return terms;
    }

    private static QueryTerm ForRun(string run, CharClass cls)
    {
        if (cls == CharClass.Word)
            return new QueryTerm(QueryTermKind.Phrase, [run], run, null);
        var units = IndexTerms.TextUnits(run);
        if (units.Count == 1)
            return new QueryTerm(QueryTermKind.Prefix, [run], run, null);
        return new QueryTerm(QueryTermKind.Phrase, CjkLexemes(run), run, run);
    }

    private static List<string> CjkLexemes(string run)
    {
        var units = IndexTerms.TextUnits(run);
        if (units.Count == 1)
            return [run];
        var lexemes = new List<string>(units.Count - 1);
        for (var k = 0; k + 1 < units.Count; k++)
            lexemes.Add(run[units[k].Start..units[k + 1].End]);
        return lexemes;
    }

    /// <summary>Maximal runs of one character class, folded; separators dropped.</summary>
    private static List<(string Run, CharClass Class)> Runs(string text)
    {
        var runs = new List<(string, CharClass)>();
        var i = 0;
        while (i < text.Length)
        {
            var cls = TextFolding.Classify(text[i]);
            var start = i;
            while (i < text.Length && TextFolding.Classify(text[i]) == cls)
                i++;
            if (cls != CharClass.Separator)
                runs.Add((TextFolding.Fold(text[start..i]), cls));
        }
        return runs;
    }

    private static List<(string Text, bool Quoted)> SplitQuoted(string query)
    {
        var parts = new List<(string, bool)>();
        var sb = new StringBuilder();
        var quoted = false;
        foreach (var c in query)
        {
            if (c == '"')
            {
                if (sb.Length > 0)
                    parts.Add((sb.ToString(), quoted));
                sb.Clear();
                quoted = !quoted;
            }
            else if (!quoted && char.IsWhiteSpace(c))
            {
                if (sb.Length > 0)
                    parts.Add((sb.ToString(), false));
                sb.Clear();
            }
            else
            {
                sb.Append(c);
            }
        }
        if (sb.Length > 0)
            parts.Add((sb.ToString(), quoted));
        return parts;
    }
}
