using NewsLens.Analyse.Sequence;

namespace NewsLens.Tests.Analyse.Sequence;

public sealed class TagSchemeTests
{
    [Theory]
    [InlineData("B", "M", true)]
    [InlineData("B", "E", true)]
    [InlineData("B", "S", false)]
    [InlineData("M", "B", false)]
    [InlineData("E", "B", true)]
    [InlineData("S", "M", false)]
    [InlineData("B-PER", "I-PER", true)]
    [InlineData("B-PER", "E-LOC", false)]
    [InlineData("I-ORG", "E-ORG", true)]
    [InlineData("O", "I-LOC", false)]
    [InlineData("E-LOC", "B-LOC", true)]
    [InlineData("S-PER", "O", true)]
    [InlineData("B-ORG", "O", false)]
    public void Transition(string previous, string next, bool expected)
    {
        string[] labels = [previous, next];
        var allowed = TagScheme.AllowedTransitions(labels);
        Assert.Equal(expected, allowed[0 * 2 + 1]);
    }

    [Fact]
    public void Sequences_start_and_end_on_closed_labels()
    {
        string[] labels = ["B", "M", "E", "S"];
        Assert.Equal([true, false, false, true], TagScheme.AllowedStarts(labels));
        Assert.Equal([false, false, true, true], TagScheme.AllowedEnds(labels));
    }
}
