using NewsLens.Analyse.Knowledge;

namespace NewsLens.Tests.Analyse.Knowledge;

/// <summary>Malformed KB lines fail the load with file:line and the reason; good files load.</summary>
public sealed class KnowledgeBaseLoaderTests
{
    private const string Countries =
        "# comment\n" +
        "id\tiso3\tzh\tzh_hant\ten\taliases\tabbr\tcapital_zh\tcapital_zh_hant\tcapital_en\tcapital_aliases\tstart\tend\tsource\n" +
        "Q159\tRUS\t俄罗斯\t俄羅斯\tRussia\t俄罗斯联邦\t俄\t莫斯科\t\tMoscow\t\t\t\tiso-3166\n" +
        "Q423\tPRK\t朝鲜\t朝鮮\tNorth Korea\tDPRK\t朝\t平壤\t\tPyongyang\t\t\t\tiso-3166\n";

    private const string People =
        "id\ttype\tcountry\tzh\tzh_hant\ten\taliases\tstart\tend\tsource\n" +
        "nl:p.a\tperson\tRUS\t甲·乙丙\t\tA\t\t\t\tencyclopedia\n";

    private const string Offices =
        "id\tcountry\tbody\tkind\tzh\tzh_hant\ten\ttitles\tstart\tend\tcomplete_from\tsource\n" +
        "nl:RUS.dm\tRUS\t\tdefence_minister\t俄罗斯国防部长\t\tDefence minister\t\t\t\t2010-01-01\tofficial\n";

    private const string Terms =
        "person\toffice\tstart\tend\tsource\tnote\n" +
        "nl:p.a\tnl:RUS.dm\t2012-11\t2024-05-12\tnews\t\n";

    private static KnowledgeBase Load(params (string, string)[] files) => KnowledgeBaseLoader.LoadTexts(files);

    [Fact]
    public void Loads_a_small_valid_kb()
    {
        var kb = Load(("countries.tsv", Countries), ("people.tsv", People), ("offices.tsv", Offices), ("terms.tsv", Terms));
        Assert.Equal("nl:p.a", kb.Resolve("乙丙")?.Id);
        Assert.Single(kb.HoldersOn("nl:RUS.dm", new DateOnly(2012, 11, 1)));
        Assert.Empty(kb.HoldersOn("nl:RUS.dm", new DateOnly(2012, 10, 31)));
    }

    [Theory]
    [InlineData("terms.tsv", "person\toffice\tstart\tend\tsource\tnote\nnl:p.a\tnl:RUS.dm\t2024-05-12\t2012-11\tnews\t\n", "terms.tsv:2", "after end")]
    [InlineData("terms.tsv", "person\toffice\tstart\tend\tsource\tnote\nnl:p.a\tnl:RUS.dm\t2012-13\t\tnews\t\n", "terms.tsv:2", "is not a date")]
    [InlineData("terms.tsv", "person\toffice\tstart\tend\tsource\tnote\n\nnl:p.a\tnl:RUS.xx\t2012\t\tnews\t\n", "terms.tsv:3", "office 'nl:RUS.xx'")]
    [InlineData("terms.tsv", "person\toffice\tstart\tend\tsource\tnote\nnl:p.a\tnl:RUS.dm\t2012\n", "terms.tsv:2", "expected 6 tab-separated cells")]
    [InlineData("terms.tsv", "person\toffice\tstart\tend\tsource\tnote\nnl:p.a\tnl:RUS.dm\t2012\t\t\t\n", "terms.tsv:2", "source column is empty")]
    [InlineData("more.tsv", "id\ttype\tcountry\tzh\tzh_hant\ten\taliases\tstart\tend\tsource\nnl:p.a\tperson\tRUS\t丁\t\tB\t\t\t\tnews\n", "more.tsv:2", "already used at people.tsv:2")]
    [InlineData("more.tsv", "id\ttype\tcountry\tzh\tzh_hant\ten\taliases\tstart\tend\tsource\nnl:p.b\tperson\tRUS\t丁\t\tB\tx||y\t\t\tnews\n", "more.tsv:2", "empty item")]
    [InlineData("more.tsv", "id\ttype\tcountry\tzh\tzh_hant\ten\taliases\tstart\tend\tsource\nnl:p.b\tperson\tRUS\t\t\tB\t\t\t\tnews\n", "more.tsv:2", "column 'zh' is empty")]
    [InlineData("more.tsv", "id\ttype\tcountry\tzh\tzh_hant\ten\taliases\tstart\tend\tsource\nnl:p.b\tperson\tXXX\t丁\t\tB\t\t\t\tnews\n", "more.tsv:2", "country 'XXX'")]
    [InlineData("more.tsv", "id\ttype\tcountry\tzh\tzh_hant\ten\taliases\tstart\tend\tsource\nbad id\tperson\tRUS\t丁\t\tB\t\t\t\tnews\n", "more.tsv:2", "is not a KB id")]
    [InlineData("more.tsv", "id\tname\nx\ty\n", "more.tsv:1", "unknown table header")]
    public void A_malformed_line_names_file_line_and_reason(string file, string text, string where, string reason)
    {
        var tables = new List<(string, string)> { ("countries.tsv", Countries), ("people.tsv", People), ("offices.tsv", Offices) };
        if (file == "terms.tsv")
            tables.Add((file, text));
        else
        {
            tables.Add(("terms.tsv", Terms));
            tables.Add((file, text));
        }
        var e = Assert.Throws<KnowledgeBaseException>(() => KnowledgeBaseLoader.LoadTexts(tables));
        Assert.Contains(e.Errors, x => x.ToString().StartsWith(where + ":", StringComparison.Ordinal) && x.Reason.Contains(reason, StringComparison.Ordinal));
        Assert.Contains(where, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_folder_is_a_clear_error()
    {
        var e = Assert.Throws<KnowledgeBaseException>(() => KnowledgeBase.Load(Path.Combine(Path.GetTempPath(), "no-such-kb-" + Guid.NewGuid())));
        Assert.Contains("not found", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2016", 2016, 1, 1, 2016, 12, 31)]
    [InlineData("2016-02", 2016, 2, 1, 2016, 2, 29)]
    [InlineData("2016-06-29", 2016, 6, 29, 2016, 6, 29)]
    public void Partial_dates_span_their_period(string text, int y1, int m1, int d1, int y2, int m2, int d2)
    {
        Assert.True(KbDate.TryParse(text, out var d));
        Assert.Equal(new DateOnly(y1, m1, d1), d.Earliest);
        Assert.Equal(new DateOnly(y2, m2, d2), d.Latest);
        Assert.Equal(text, d.ToString());
    }

    [Theory]
    [InlineData("16-06-29")]
    [InlineData("2016-6-29")]
    [InlineData("2015-02-29")]
    [InlineData("2016-13")]
    [InlineData("")]
    [InlineData("yyyy")]
    public void Rejects_malformed_dates(string text) => Assert.False(KbDate.TryParse(text, out _));
}
