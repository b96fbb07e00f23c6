using NewsLens.Analyse.Knowledge;
using NewsLens.Model;

namespace NewsLens.Tests.Analyse.Knowledge;

public sealed class WikidataImporterTests
{
    private static readonly Lazy<KnowledgeBase> Shipped = new(() => KnowledgeBase.Load(Path.Combine(AppContext.BaseDirectory, "kb")));

    [Fact]
    public void Imports_people_and_P39_terms_that_then_load_with_the_kb()
    {
        var json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Cases", "Knowledge", "wikidata-sample.json"));
        var result = new WikidataImporter(Shipped.Value).Import(json);
        Assert.Equal(1, result.People);
        Assert.Equal(2, result.Terms);
        Assert.Equal(1, result.Offices); // the defence ministry maps to the KB office by English name; the committee is new
        Assert.Equal(1, result.Skipped); // Q900300 has no label
        Assert.Contains("Q900001\tnl:RUS.dm\t2015-03-02\t2019-06\twikidata", result.TermsTsv, StringComparison.Ordinal);
        Assert.Contains("Q900001\tQ900200\t2021\t\twikidata", result.TermsTsv, StringComparison.Ordinal);

        var dir = Path.Combine(Path.GetTempPath(), "newslens-kb-" + Guid.NewGuid().ToString("N"));
        try
        {
            CopyDirectory(Path.Combine(AppContext.BaseDirectory, "kb"), dir);
            Directory.CreateDirectory(Path.Combine(dir, "import"));
            File.WriteAllText(Path.Combine(dir, "import", "w.people.tsv"), result.EntitiesTsv);
            File.WriteAllText(Path.Combine(dir, "import", "w.offices.tsv"), result.OfficesTsv);
            File.WriteAllText(Path.Combine(dir, "import", "w.terms.tsv"), result.TermsTsv);
            var kb = KnowledgeBase.Load(dir);
            Assert.Equal("Q900001", kb.Resolve("样例夫")?.Id);
            Assert.Equal("RUS", kb.Entity("Q900001")?.Country);
            Assert.Contains(kb.HoldersOn("nl:RUS.dm", new DateOnly(2017, 1, 1)), t => t.PersonId == "Q900001");
            Assert.Equal(RoleCheck.Held, kb.CheckRole("Q900001", "nl:RUS.dm", new DateOnly(2019, 6, 20)).Check);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Malformed_json_is_an_error_not_a_crash_of_the_process() =>
        Assert.ThrowsAny<System.Text.Json.JsonException>(() => new WikidataImporter(Shipped.Value).Import("{\"entities\": {"));

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var f in Directory.EnumerateFiles(from))
            File.Copy(f, Path.Combine(to, Path.GetFileName(f)));
    }
}
