using NewsLens.Storage.Search;

namespace NewsLens.Tests.Search;

public sealed class FacetsTests
{
    private static DateOnly D(string s) => DateOnly.ParseExact(s, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2024-01-01", "2024-03-31", "m202401 m202402 m202403")]
    [InlineData("2024-01-01", "2025-12-31", "y2024 y2025")]
    [InlineData("2024-02-28", "2024-03-02", "d20240228 d20240229 d20240301 d20240302")]
    [InlineData("2024-12-30", "2025-02-28", "d20241230 d20241231 m202501 m202502")]
    [InlineData("2024-03-05", "2024-03-05", "d20240305")]
    [InlineData("2024-03-06", "2024-03-05", "")]
    public void A_day_range_is_the_fewest_year_month_and_day_terms(string from, string to, string expected) =>
        Assert.Equal(expected, string.Join(' ', Facets.DayRange(D(from), D(to))));

    [Fact]
    public void A_range_reaching_the_last_representable_day_ends()
    {
        Assert.Equal(["y9999"], Facets.DayRange(new DateOnly(9999, 1, 1), DateOnly.MaxValue));
        Assert.Equal(["d99991231"], Facets.DayRange(DateOnly.MaxValue, DateOnly.MaxValue));
    }

    [Fact]
    public void Every_day_of_a_long_range_is_covered_exactly_once()
    {
        var from = D("2023-11-17");
        var to = D("2026-02-03");
        var covered = new List<DateOnly>();
        foreach (var term in Facets.DayRange(from, to))
        {
            var digits = term[1..];
            var year = int.Parse(digits[..4], System.Globalization.CultureInfo.InvariantCulture);
            var (start, end) = term[0] switch
            {
                'y' => (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31)),
                'm' => (new DateOnly(year, int.Parse(digits[4..6], System.Globalization.CultureInfo.InvariantCulture), 1), default(DateOnly)),
                _ => (D($"{digits[..4]}-{digits[4..6]}-{digits[6..]}"), default(DateOnly)),
            };
            if (term[0] == 'm')
                end = start.AddMonths(1).AddDays(-1);
            else if (term[0] == 'd')
                end = start;
            for (var d = start; d <= end; d = d.AddDays(1))
                covered.Add(d);
        }
        Assert.Equal(to.DayNumber - from.DayNumber + 1, covered.Count);
        Assert.Equal(covered.Count, covered.Distinct().Count());
        Assert.Equal(from, covered.Min());
        Assert.Equal(to, covered.Max());
    }

    [Fact]
    public void An_article_indexes_its_site_flag_prefixes_entity_names_and_day()
    {
        var terms = Facets.Build("news.example.cn", "2025-04-15", ["spam.injected_link"],
            ["Q56226", "金正恩", "金正恩"]).Split(' ');
        Assert.Contains(Facets.Site("news.example.cn"), terms);
        Assert.Contains(Facets.Flag("spam"), terms);
        Assert.Contains(Facets.Flag("spam.injected_link"), terms);
        Assert.DoesNotContain(Facets.Flag("spam.injected"), terms);
        Assert.Contains(Facets.Entity("Q56226"), terms);
        Assert.Contains(Facets.Entity("金正恩"), terms);
        Assert.Contains("y2025", terms);
        Assert.Contains("m202504", terms);
        Assert.Contains("d20250415", terms);
        Assert.Equal(terms.Length, terms.Distinct().Count());
    }

    [Fact]
    public void Values_map_to_distinct_single_tokens()
    {
        // The unicode61 tokenizer splits on anything but letters and digits: a term must be one alphanumeric run.
        string[] values = ["a.b", "a_b", "a b", "ab", "金正恩", "A.B"];
        var terms = values.Select(Facets.Site).ToArray();
        Assert.Equal(values.Length, terms.Distinct(StringComparer.Ordinal).Count());
        Assert.All(terms, t => Assert.True(t.All(char.IsAsciiLetterOrDigit), t));
        Assert.NotEqual(Facets.Site("x"), Facets.Flag("x"));
    }
}
