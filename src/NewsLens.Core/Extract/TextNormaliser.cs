using System.Runtime.CompilerServices;
using System.Text;

namespace NewsLens.Extract;

/// <summary>Whitespace rules shared by every extraction path, so equal text compares equal.</summary>
internal static class TextNormaliser
{
    /// <summary>Whitespace as readers see it: ASCII, no-break, ideographic (full-width) and the zero-width family.</summary>
    /// <remarks>
    /// Called per character by every collapsing loop: printable ASCII (most of any page) answers in one range
    /// check, and the method is forced inline (the JIT judged the full test too large to inline on its own).
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsSpace(char c) =>
        (c <= ' ' || c >= '\u0080') && (char.IsWhiteSpace(c) || c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF');

    /// <summary>Every whitespace run becomes one space; the result is trimmed.</summary>
    public static string Collapse(string text)
    {
        var sb = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (IsSpace(c))
            {
                pendingSpace = sb.Length > 0;
                continue;
            }
            if (pendingSpace)
                sb.Append(' ');
            pendingSpace = false;
            sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>Like <see cref="Collapse"/> but a run holding a line break becomes one "\n"; empty lines go.</summary>
    public static string CollapseLines(string text)
    {
        var sb = new StringBuilder(text.Length);
        var pending = '\0';
        foreach (var c in text)
        {
            if (IsSpace(c))
            {
                if (sb.Length > 0 && (c == '\n' || pending != '\n'))
                    pending = c == '\n' ? '\n' : ' ';
                continue;
            }
            if (pending != '\0')
                sb.Append(pending);
            pending = '\0';
            sb.Append(c);
        }
        return sb.ToString();
    }

    public static bool IsCjk(char c) =>
        c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or >= '\uF900' and <= '\uFAFF'
            or >= '\u3040' and <= '\u30FF' or >= '\uAC00' and <= '\uD7AF';

    /// <summary>Sentence punctuation, ASCII and full-width: dense in prose, rare in menus.</summary>
    public static bool IsProsePunctuation(char c) =>
        c is ',' or '.' or ';' or '!' or '?' or ':' or '，' or '。' or '、' or '；' or '！' or '？' or '：' or '」' or '”' or '）';

    /// <summary>
    /// Length in "Latin character equivalents": one CJK character carries about as much as three Latin
    /// letters (average English word + space ≈ 6 chars ≈ one two-character Chinese word).
    /// </summary>
    public static int EffectiveLength(ReadOnlySpan<char> text)
    {
        var n = 0;
        foreach (var c in text)
        {
            if (IsSpace(c))
                continue;
            n += IsCjk(c) ? 3 : 1;
        }
        return n;
    }

    public static int CountPunctuation(ReadOnlySpan<char> text)
    {
        var n = 0;
        foreach (var c in text)
        {
            if (IsProsePunctuation(c))
                n++;
        }
        return n;
    }
}

/// <summary>
/// Builds what <see cref="TextNormaliser.Collapse"/> (or, with line breaks kept, <see cref="TextNormaliser.CollapseLines"/>)
/// returns for the concatenation of several pieces, one piece at a time: no joined copy, no second pass.
/// </summary>
internal sealed class CollapsedText(LineBreaks lineBreaks) : Html.ITextSink
{
    private char[] buffer = new char[256];
    private int length;
    private char pending;

    public int Length => length;

    /// <summary>Characters appended that are not whitespace by <see cref="TextNormaliser.IsSpace"/> (what collapsing keeps of the pieces).</summary>
    public int Visible { get; private set; }

    public void Clear()
    {
        length = 0;
        pending = '\0';
        Visible = 0;
    }

    public void Append(ReadOnlySpan<char> piece)
    {
        if (length + piece.Length + 1 > buffer.Length)
            Array.Resize(ref buffer, Math.Max(buffer.Length * 2, length + piece.Length + 1));
        var keepLines = lineBreaks == LineBreaks.Kept;
        var into = buffer;
        var n = length;
        var p = pending;
        var kept = 0;
        foreach (var c in piece)
        {
            if (TextNormaliser.IsSpace(c))
            {
                if (n > 0 && (!keepLines || c == '\n' || p != '\n'))
                    p = keepLines && c == '\n' ? '\n' : ' ';
                continue;
            }
            if (p != '\0')
                into[n++] = p;
            p = '\0';
            into[n++] = c;
            kept++;
        }
        length = n;
        pending = p;
        Visible += kept;
    }

    public void AppendLineBreak() => Append("\n");

    public override string ToString() => new(buffer, 0, length);

    /// <summary>The first <paramref name="max"/> characters (all when fewer).</summary>
    public string ToString(int max) => new(buffer, 0, Math.Min(length, max));
}

internal enum LineBreaks
{
    /// <summary>Every whitespace run is one space.</summary>
    Collapsed,

    /// <summary>A whitespace run holding a line break is one line break.</summary>
    Kept,
}
