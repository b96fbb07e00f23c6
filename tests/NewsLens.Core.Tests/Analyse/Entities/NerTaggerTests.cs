using NewsLens.Analyse.Script;
using NewsLens.Analyse.Entities;
using NewsLens.Model;
using NewsLens.Tests.Analyse.Sequence;

namespace NewsLens.Tests.Analyse.Entities;

public sealed class NerTaggerTests
{
    private static readonly NerTagger Tiny = TinyModels.Tagger();

    private static string Show(string text, NerTagger tagger) =>
        string.Join(" ", tagger.Tag(text).Select(e => $"{e.Text}/{NerTagger.CodeOf(e.Type)}@{e.Span.Start}"));

    [Theory]
    [InlineData("王华和李明在北京见面。", "王华/PER@0 李明/PER@3 北京/LOC@6")]
    [InlineData("新华社记者张强报道。", "新华社/ORG@0 张强/PER@5")]
    public void Finds_the_trained_entities_with_spans(string text, string expected)
    {
        Assert.Equal(expected, Show(text, Tiny));
    }

    [Fact]
    public void Mentions_are_unlinked_and_spans_slice_the_original()
    {
        const string text = "  李明访问北京。\n外交部在北京。";
        var mentions = Tiny.Tag(text);
        Assert.NotEmpty(mentions);
        foreach (var m in mentions)
        {
            Assert.Equal(m.Text, m.Span.Slice(text));
            Assert.Null(m.KbId);
        }
    }

    [Fact]
    public void Traditional_text_gives_the_same_spans()
    {
        var folder = ScriptFolder.FromPairs([('華', '华'), ('強', '强'), ('報', '报'), ('記', '记'), ('導', '导')]);
        var tagger = TinyModels.Tagger(folder);
        var simplified = tagger.Tag("新华社记者张强报道。").Select(e => (e.Span, e.Type));
        var traditional = tagger.Tag("新華社記者張強報導。").Select(e => (e.Span, e.Type));
        Assert.Equal(simplified, traditional);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" \n ")]
    [InlineData("😀😀\0")]
    public void Hostile_input_does_not_throw(string text)
    {
        foreach (var m in Tiny.Tag(text))
            Assert.Equal(m.Text, m.Span.Slice(text));
    }

    [Fact]
    public void Type_codes_round_trip()
    {
        foreach (var type in Enum.GetValues<EntityType>())
            Assert.Equal(type, NerTagger.TypeOf(NerTagger.CodeOf(type)));
    }
}
