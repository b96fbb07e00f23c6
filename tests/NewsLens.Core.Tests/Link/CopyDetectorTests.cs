using NewsLens.Link;
using NewsLens.Link.Copies;
using NewsLens.Link.Normalise;
using NewsLens.Model;

namespace NewsLens.Tests.Link;

public class CopyDetectorTests
{
    private readonly CopyDetector detector = new(LinkOptions.Default, new FallbackScriptFolder());

    private CopyMatch Compare(string a, string b) =>
        CopyClassifier.Compare(detector.Sign(LinkFixtures.Case(a)), detector.Sign(LinkFixtures.Case(b)));

    [Theory]
    [InlineData("wire-traditional.txt", new[] { CopyKind.Duplicate, CopyKind.NearDuplicate })]
    [InlineData("wire-repost.txt", new[] { CopyKind.Duplicate, CopyKind.NearDuplicate })]
    [InlineData("wire-rewrite.txt", new[] { CopyKind.Rewrite })]
    [InlineData("wire-excerpt.txt", new[] { CopyKind.Excerpt })]
    public void Copies_of_the_wire_report_are_found_with_their_kind(string variant, CopyKind[] expected)
    {
        var match = Compare("wire.txt", variant);
        Assert.True(match.Kind is { } k && expected.Contains(k),
            $"{variant}: got {match.Kind?.ToString() ?? "no copy"} (J={match.Jaccard:F2}, containment={match.Containment:F2}, size ratio={match.SizeRatio:F2}); expected {string.Join("/", expected)}");
    }

    [Fact]
    public void A_different_story_with_the_same_actors_is_not_a_copy()
    {
        var match = Compare("wire.txt", "unrelated.txt");
        Assert.Null(match.Kind);
        Assert.True(match.Jaccard < CopyClassifier.RewriteJaccard, $"J={match.Jaccard:F2}");
    }

    [Fact]
    public void Identical_text_is_a_duplicate_whatever_the_punctuation()
    {
        var a = detector.Sign("俄罗斯外长拉夫罗夫今天抵达平壤，开始对朝鲜进行正式访问，双方将举行会谈。");
        var b = detector.Sign("俄罗斯外长拉夫罗夫今天抵达平壤 开始对朝鲜进行正式访问 双方将举行会谈");
        Assert.Equal(a.TextHash, b.TextHash);
        Assert.Equal(CopyKind.Duplicate, CopyClassifier.Compare(a, b).Kind);
    }

    [Fact]
    public void Very_short_texts_are_not_called_copies_unless_identical()
    {
        var a = detector.Sign("金正恩会见绍伊古");
        var b = detector.Sign("金正恩会见绍伊古一行");
        Assert.Null(CopyClassifier.Compare(a, b).Kind);
    }

    [Fact]
    public void Signature_round_trips_through_bytes_and_rejects_garbage()
    {
        var s = detector.Sign(LinkFixtures.Case("wire.txt"));
        var back = CopySignature.FromBytes(s.ToBytes());
        Assert.Equal(s.Values, back.Values);
        Assert.Equal(s.Shingles, back.Shingles);
        Assert.Equal(s.TextHash, back.TextHash);
        Assert.Throws<FormatException>(() => CopySignature.FromBytes([1, 2, 3]));
        var bad = s.ToBytes();
        bad[1] = 0xFF;
        Assert.Throws<FormatException>(() => CopySignature.FromBytes(bad));
    }

    [Fact]
    public void Signing_is_deterministic_across_instances()
    {
        var other = new CopyDetector(LinkOptions.Default, new FallbackScriptFolder());
        var text = LinkFixtures.Case("wire.txt");
        Assert.Equal(detector.Sign(text).Values, other.Sign(text).Values);
    }

    [Fact]
    public void Index_finds_copies_incrementally_and_forgets_removed_ones()
    {
        var index = new LshIndex(LinkOptions.Default);
        index.Add("wire", detector.Sign(LinkFixtures.Case("wire.txt")));
        index.Add("unrelated", detector.Sign(LinkFixtures.Case("unrelated.txt")));
        Assert.False(index.Add("empty", detector.Sign("，。")));

        var found = detector.Find(index, detector.Sign(LinkFixtures.Case("wire-traditional.txt")));
        Assert.Equal("wire", Assert.Single(found).OtherId);

        Assert.True(index.Remove("wire"));
        Assert.Empty(detector.Find(index, detector.Sign(LinkFixtures.Case("wire-traditional.txt"))));
        Assert.Equal(1, index.Count);
    }

    [Fact]
    public void Band_keys_match_for_duplicates_and_differ_by_band()
    {
        var banding = new LshBanding(LinkOptions.Default);
        var a = banding.Keys(detector.Sign(LinkFixtures.Case("wire.txt")));
        var b = banding.Keys(detector.Sign(LinkFixtures.Case("wire-traditional.txt")));
        Assert.Equal(LinkOptions.Default.Bands, a.Length);
        Assert.True(a.Intersect(b).Any());
        Assert.Equal(a.Length, a.Distinct().Count());
    }
}
