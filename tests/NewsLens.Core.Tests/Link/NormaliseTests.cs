using NewsLens.Link.Normalise;

namespace NewsLens.Tests.Link;

public class NormaliseTests
{
    private readonly LinkTextNormaliser normaliser = new(new FallbackScriptFolder());

    [Theory]
    [InlineData("俄羅斯國防部長抵達平壤，舉行「會談」。", "俄罗斯国防部长抵达平壤举行会谈")]
    [InlineData("ＡＢＣ　ｄｅｆ１２３，ok", "abc def123 ok")]
    [InlineData("2025年4月15日 俄副防长", "2025年4月15日俄副防长")]
    [InlineData("  \n\t，。！？  ", "")]
    [InlineData("Kim Jong Un met Shoigu.", "kim jong un met shoigu")]
    public void Folds_script_width_case_punctuation_and_space(string input, string expected) =>
        Assert.Equal(expected, normaliser.Normalise(input));

    [Fact]
    public void Traditional_and_simplified_give_the_same_units()
    {
        var simplified = normaliser.Units("朝鲜劳动党总书记会见俄罗斯代表团，双方签署合作协议。");
        var traditional = normaliser.Units("朝鮮勞動黨總書記會見俄羅斯代表團，雙方簽署合作協議。");
        Assert.Equal(simplified.Units, traditional.Units);
        Assert.True(simplified.MostlyCjk);
    }

    [Fact]
    public void Words_are_one_unit_each_and_text_is_bounded()
    {
        var units = normaliser.Units("the quick brown fox 中文");
        Assert.Equal(6, units.Units.Length);
        Assert.Equal(2, units.CjkUnits);
        var huge = new string('字', 50_000);
        Assert.Equal(1000, normaliser.Units(huge, maxUnits: 1000).Units.Length);
    }

    [Fact]
    public void Hostile_text_does_not_throw()
    {
        var junk = "\uD800\uDC00\uD800 \uDFFF\u0000\u200B\uFEFF" + new string('\uFF01', 100) + "\u0301a\u0301";
        var units = normaliser.Units(junk);
        Assert.NotNull(units.Units);
        Assert.NotNull(normaliser.Normalise(junk));
    }
}
