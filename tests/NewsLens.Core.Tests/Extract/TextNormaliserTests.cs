using NewsLens.Extract;

namespace NewsLens.Tests.Extract;

public sealed class TextNormaliserTests
{
    [Fact]
    public void IsSpace_fast_path_agrees_with_the_full_definition_on_every_char()
    {
        // The ASCII range check in front must not change any answer: Unicode white space plus the zero-width family.
        for (var c = char.MinValue; ; c++)
        {
            var expected = char.IsWhiteSpace(c) || c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF';
            Assert.True(expected == TextNormaliser.IsSpace(c), $"U+{(int)c:X4}");
            if (c == char.MaxValue)
                break;
        }
    }
}
