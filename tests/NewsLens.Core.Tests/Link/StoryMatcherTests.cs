using NewsLens.Link.Threads;
using NewsLens.Model;

namespace NewsLens.Tests.Link;

public class StoryMatcherTests
{
    private static readonly DateOnly Day = new(2025, 5, 8);

    private static StoryProfile Profile(string id, Keywords keywords, params WeightedKey[] entities) =>
        new(id, null, id, null, null, Day, [], entities, keywords);

    private static Keywords Vector(params (ulong Term, float Weight)[] terms)
    {
        var norm = MathF.Sqrt(terms.Sum(t => t.Weight * t.Weight));
        return new Keywords(terms.Select(t => t.Term).ToArray(), terms.Select(t => t.Weight / norm).ToArray());
    }

    [Fact]
    public void Entities_that_differ_do_not_lower_the_keyword_evidence()
    {
        // Two reports of one launch: same key terms, but each names a different side figure.
        var a = Vector((1, 3), (2, 2), (3, 1));
        var b = Vector((1, 3), (2, 2), (4, 1));
        var withoutEntities = StoryMatcher.Score(Profile("a", a), Profile("b", b), null).Score;
        var withDifferentEntities = StoryMatcher.Score(
            Profile("a", a, new WeightedKey("朝鲜", StoryProfiler.LocationWeight), new WeightedKey("韩国联合参谋本部", StoryProfiler.OrganizationWeight)),
            Profile("b", b, new WeightedKey("朝鲜", StoryProfiler.LocationWeight), new WeightedKey("韩联社", StoryProfiler.OrganizationWeight)),
            null).Score;
        Assert.True(withoutEntities > 0.5);
        Assert.Equal(withoutEntities, withDifferentEntities, 6);
    }

    [Fact]
    public void Shared_people_raise_weak_keyword_evidence()
    {
        var a = Vector((1, 1), (2, 3), (3, 3));
        var b = Vector((1, 1), (5, 3), (6, 3));
        var people = new[] { new WeightedKey("Q1", StoryProfiler.PersonWeight), new WeightedKey("Q2", StoryProfiler.PersonWeight) };
        var keywordsOnly = StoryMatcher.Score(Profile("a", a), Profile("b", b), null).Score;
        var withPeople = StoryMatcher.Score(Profile("a", a, people), Profile("b", b, people), null).Score;
        Assert.True(withPeople > keywordsOnly);
    }
}
