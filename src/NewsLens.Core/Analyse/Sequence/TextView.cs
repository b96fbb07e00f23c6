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

    public void Dispose()
    {
        ArrayPool<char>.Shared.Return(chars);
        ArrayPool<byte>.Shared.Return(kinds);
        ArrayPool<byte>.Shared.Return(begin);
        ArrayPool<byte>.Shared.Return(end);
        ArrayPool<byte>.Shared.Return(inside);
    }
}
