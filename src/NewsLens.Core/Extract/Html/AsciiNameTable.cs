using System.Runtime.CompilerServices;

namespace NewsLens.Extract.Html;

/// <summary>
/// A small fixed set of lower-case ASCII names (tag and attribute names), looked up straight from the page's
/// characters with ASCII case folding: no lower-casing copy, no general-purpose hashing. Built once; read-only after.
/// </summary>
internal sealed class AsciiNameTable
{
    private readonly string[] names;
    private readonly int[] slots;
    private readonly int mask;

    public AsciiNameTable(IReadOnlyList<string> names)
    {
        this.names = [.. names];
        var size = 16;
        while (size < names.Count * 4)
            size *= 2;
        mask = size - 1;
        slots = new int[size];
        Array.Fill(slots, -1);
        for (var i = 0; i < this.names.Length; i++)
        {
            var h = Hash(this.names[i]) & mask;
            while (slots[h] >= 0)
                h = (h + 1) & mask;
            slots[h] = i;
        }
    }

    /// <summary>The index of <paramref name="name"/> (any ASCII case) in the list the table was built from, or -1.</summary>
    public int IndexOf(ReadOnlySpan<char> name)
    {
        if (name.IsEmpty)
            return -1;
        var h = Hash(name) & mask;
        while (true)
        {
            var i = slots[h];
            if (i < 0)
                return -1;
            if (EqualsFolded(name, names[i]))
                return i;
            h = (h + 1) & mask;
        }
    }

    public string this[int index] => names[index];

    // Inlined into IndexOf: called per tag and per attribute name, too small to be worth a call.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Hash(ReadOnlySpan<char> s) =>
        (s.Length * 397) ^ (Lower(s[0]) * 31) ^ (Lower(s[^1]) * 7919) ^ (Lower(s[s.Length >> 1]) * 131);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Lower(char c) => c is >= 'A' and <= 'Z' ? c + 32 : c;

    private static bool EqualsFolded(ReadOnlySpan<char> s, string lower)
    {
        if (s.Length != lower.Length)
            return false;
        for (var k = 0; k < s.Length; k++)
        {
            if (Lower(s[k]) != lower[k])
                return false;
        }
        return true;
    }
}
