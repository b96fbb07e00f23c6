using System.Buffers;
using NewsLens.Analyse.Script;

namespace NewsLens.Analyse.Sequence;

/// <summary>
/// The per-call working copy of a text run as the features see it: normalised characters (with two
/// boundary characters of padding each side), their kinds, and the lexicon match lengths. Pooled buffers;
/// dispose after use.
/// </summary>
internal sealed class TextView : IDisposable
{
    /// <summary>Padding each side so that window features never index out of range.</summary>
    public const int Pad = 3;

    private readonly char[] chars;
    private readonly byte[] kinds;
    private readonly byte[] begin;
    private readonly byte[] end;
    private readonly byte[] inside;

    /// <summary>Per-list matches of <see cref="MatchLexicons"/> (list-major), pooled; null until then.</summary>
    private byte[]? setBegin;
    private byte[]? setEnd;
    private byte[]? setInside;

    public TextView(ReadOnlySpan<char> text, ScriptFolder folder)
    {
        Length = text.Length;
        var size = text.Length + 2 * Pad;
        chars = ArrayPool<char>.Shared.Rent(size);
        kinds = ArrayPool<byte>.Shared.Rent(size);
        begin = ArrayPool<byte>.Shared.Rent(size);
        end = ArrayPool<byte>.Shared.Rent(size);
        inside = ArrayPool<byte>.Shared.Rent(size);
        for (var i = 0; i < Pad; i++)
        {
            chars[i] = ModelText.Begin;
            chars[Pad + text.Length + i] = ModelText.End;
        }
        ModelText.Normalise(text, chars.AsSpan(Pad, text.Length), folder);
        for (var i = 0; i < size; i++)
            kinds[i] = (byte)ModelText.KindOf(chars[i]);
        begin.AsSpan(0, size).Clear();
        end.AsSpan(0, size).Clear();
        inside.AsSpan(0, size).Clear();
    }

    public int Length { get; }

    /// <summary>Normalised text without padding.</summary>
    public ReadOnlySpan<char> Text => chars.AsSpan(Pad, Length);

    /// <summary>Character at text position <paramref name="i"/> (may be −Pad … Length+Pad−1).</summary>
    public char this[int i] => chars[i + Pad];

    public byte Kind(int i) => kinds[i + Pad];

    public byte BeginLength(int i) => begin[i + Pad];

    public byte EndLength(int i) => end[i + Pad];

    public byte InsideLength(int i) => inside[i + Pad];

    public void MatchLexicon(Lexicon lexicon, int cap, MatchFilter? filter = null) =>
        lexicon.LongestMatches(Text, begin.AsSpan(Pad, Length), end.AsSpan(Pad, Length), inside.AsSpan(Pad, Length), cap, filter);

    /// <summary>
    /// Matches every list of <paramref name="set"/> in one pass; <see cref="SelectMatches"/> then makes one list's
    /// matches those that <see cref="BeginLength"/>, <see cref="EndLength"/> and <see cref="InsideLength"/> read,
    /// as <see cref="MatchLexicon"/> with that list (and no filter) would.
    /// </summary>
    public void MatchLexicons(LexiconSet set, int cap)
    {
        ReturnSetMatches();
        var size = set.Count * Length;
        setBegin = ArrayPool<byte>.Shared.Rent(size);
        setEnd = ArrayPool<byte>.Shared.Rent(size);
        setInside = ArrayPool<byte>.Shared.Rent(size);
        set.LongestMatches(Text, setBegin, setEnd, setInside, cap);
    }

    /// <summary>Loads the matches of list <paramref name="list"/> of the last <see cref="MatchLexicons"/>.</summary>
    public void SelectMatches(int list)
    {
        if (setBegin is null || setEnd is null || setInside is null)
            throw new InvalidOperationException("no lexicon set matched");
        setBegin.AsSpan(list * Length, Length).CopyTo(begin.AsSpan(Pad));
        setEnd.AsSpan(list * Length, Length).CopyTo(end.AsSpan(Pad));
        setInside.AsSpan(list * Length, Length).CopyTo(inside.AsSpan(Pad));
    }

    private void ReturnSetMatches()
    {
        if (setBegin is not null)
            ArrayPool<byte>.Shared.Return(setBegin);
        if (setEnd is not null)
            ArrayPool<byte>.Shared.Return(setEnd);
        if (setInside is not null)
            ArrayPool<byte>.Shared.Return(setInside);
        setBegin = setEnd = setInside = null;
    }

    public void Dispose()
    {
        ReturnSetMatches();
        ArrayPool<char>.Shared.Return(chars);
        ArrayPool<byte>.Shared.Return(kinds);
        ArrayPool<byte>.Shared.Return(begin);
        ArrayPool<byte>.Shared.Return(end);
        ArrayPool<byte>.Shared.Return(inside);
    }
}
