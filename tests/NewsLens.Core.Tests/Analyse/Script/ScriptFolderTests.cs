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
    public void Shipped_table_folds_simplified_variants_and_traditional_only_forms()
    {
        var folder = ScriptFolder.Load(Path.Combine(AppContext.BaseDirectory, "models", ScriptFolder.FileName));
        // 國 經 發: kSimplifiedVariant; 羣 祕 牀 巖: traditional-only forms folded through their one GB2312
        // semantic variant (tools/unihan/derive_t2s.py, rule 2); 乾 lists itself first and stays.
        Assert.Equal("国经发群秘床岩乾", folder.Fold("國經發羣祕牀巖乾"));
    }

    [Fact]
    public void Identity_changes_nothing()
    {
        Assert.Equal("國家", ScriptFolder.Identity.Fold("國家"));
    }
}
