using NewsLens.Analyse.Script;
using NewsLens.Tests.Analyse.Sequence;

namespace NewsLens.Tests.Analyse.Script;

public sealed class ScriptFolderTests
{
    [Fact]
    public void Folds_listed_characters_one_to_one()
    {
        var folder = ScriptFolder.Load(TinyModels.Case("Script", "t2s-sample.txt"));
        Assert.Equal(7, folder.Count);
        const string text = "中國經濟發展，開會時间";
        var folded = folder.Fold(text);
        Assert.Equal("中国经济发展，开会时间", folded);
        Assert.Equal(text.Length, folded.Length);
    }

    [Fact]
    public void Malformed_line_is_reported_with_its_number()
    {
        var path = Path.Combine(Path.GetTempPath(), "nl-t2s-" + Guid.NewGuid().ToString("N") + ".txt");
        File.WriteAllText(path, "# header\n國\t国\n這是錯的\n");
        try
        {
            var error = Assert.Throws<InvalidDataException>(() => ScriptFolder.Load(path));
            Assert.Contains(":3:", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Identity_changes_nothing()
    {
        Assert.Equal("國家", ScriptFolder.Identity.Fold("國家"));
    }
}
