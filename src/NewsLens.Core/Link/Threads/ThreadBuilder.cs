using NewsLens.Model;

namespace NewsLens.Link.Threads;

/// <summary>Where an article was placed: its thread, whether it founded it, and why.</summary>
internal sealed record ThreadAssignment(string ThreadId, bool Founded, ThreadReason Reason, string? MatchedId, double Score);

/// <summary>
/// Assigns articles to story threads one at a time (the store calls it per new article; the batch linker
/// feeds articles in date order). An article joins the thread of its best-matching earlier member when the
/// match reaches <see cref="JoinScore"/>, else founds a new thread. Threads never merge, so thread ids
/// stay stable once stored. Not thread-safe: one builder per writer.
/// </summary>
internal sealed class ThreadBuilder
{
    /// <summary>
    /// Score a match must reach to join a thread. Calibrated with <c>newslens eval links</c>: on the
    /// hand-written story set, versions of one event score 0.5–1 and same-actor or same-topic negatives
    /// within the date window stay below 0.4 with text evidence only.
    /// </summary>
    public const double JoinScore = 0.45;

    /// <summary>Bound on members compared per new article (the most recent ones in the date window).</summary>
    public const int MaxCandidates = 5000;

    /// <summary>Undated members kept as candidates for undated articles (most recent first).</summary>
    public const int MaxUndatedCandidates = 2000;

    private readonly List<Member> members = [];
    private readonly Dictionary<string, int> memberById = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ThreadState> threads = new(StringComparer.Ordinal);
    private readonly Dictionary<int, List<int>> byDay = [];
    private readonly List<int> undated = [];

    public int ThreadCount => threads.Count;

    public int ArticleCount => members.Count;

    public string? ThreadOf(string articleId) =>
        memberById.TryGetValue(articleId, out var m) ? members[m].ThreadId : null;

    /// <summary>Places a new article. <paramref name="copies"/> are its copy links to earlier articles.</summary>
    public ThreadAssignment Assign(StoryProfile profile, IReadOnlyList<DuplicateLink> copies)
    {
        if (memberById.TryGetValue(profile.Id, out var existing))
        {
            var m = members[existing];
            return new ThreadAssignment(m.ThreadId, false, m.Reason, m.MatchedId, m.Score);
        }
        var copyKinds = copies
            .GroupBy(c => c.OtherId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Min(c => c.Kind), StringComparer.Ordinal);

        Member? best = null;
        var bestMatch = StoryMatch.None;
        foreach (var index in Candidates(profile, copyKinds.Keys))
        {
            var other = members[index];
            var match = StoryMatcher.Score(profile, other.Profile, copyKinds.TryGetValue(other.Profile.Id, out var k) ? k : null);
            if (match.Score > bestMatch.Score
                || (match.Score == bestMatch.Score && best is not null && match.Score > 0 && string.CompareOrdinal(other.Profile.Id, best.Profile.Id) < 0))
            {
                best = other;
                bestMatch = match;
            }
        }

        var assignment = best is not null && bestMatch.Score >= JoinScore
            ? new ThreadAssignment(best.ThreadId, false, bestMatch.Reason, best.Profile.Id, Math.Round(bestMatch.Score, 3))
            : new ThreadAssignment(NewThreadId(profile.Id), true, ThreadReason.Founder, null, 1);
        Restore(profile, assignment);
        return assignment;
    }

    /// <summary>Puts back an article whose placement was decided earlier (a store reloading its state).</summary>
    public void Restore(StoryProfile profile, ThreadAssignment assignment)
    {
        if (memberById.ContainsKey(profile.Id))
            return;
        var index = members.Count;
        members.Add(new Member(profile, assignment.ThreadId, assignment.Reason, assignment.MatchedId, assignment.Score));
        memberById[profile.Id] = index;
        if (!threads.TryGetValue(assignment.ThreadId, out var thread))
            threads[assignment.ThreadId] = thread = new ThreadState(assignment.ThreadId);
        thread.Members.Add(index);
        if (profile.Date is { } d)
        {
            if (!byDay.TryGetValue(d.DayNumber, out var list))
                byDay[d.DayNumber] = list = [];
            list.Add(index);
        }
        else
        {
            undated.Add(index);
        }
    }

    public StoryThread? Thread(string threadId) =>
        threads.TryGetValue(threadId, out var t) ? Build(t) : null;

    /// <summary>Every thread with at least <paramref name="minMembers"/> members, the latest story first.</summary>
    public IReadOnlyList<StoryThread> Threads(int minMembers = 1) =>
        threads.Values
            .Where(t => t.Members.Count >= minMembers)
            .Select(Build)
            .OrderByDescending(t => t.Last ?? DateOnly.MinValue)
            .ThenBy(t => t.Id, StringComparer.Ordinal)
            .ToArray();

    private IEnumerable<int> Candidates(StoryProfile profile, IEnumerable<string> copyIds)
    {
        var seen = new HashSet<int>();
        foreach (var id in copyIds)
        {
            if (memberById.TryGetValue(id, out var m) && seen.Add(m))
                yield return m;
        }
        var taken = 0;
        if (profile.Date is { } d)
        {
            // Nearest days first, so the bound drops the least likely candidates.
            for (var offset = 0; offset <= StoryMatcher.StoryWindowDays && taken < MaxCandidates; offset++)
            {
                foreach (var day in offset == 0 ? [d.DayNumber] : new[] { d.DayNumber - offset, d.DayNumber + offset })
                {
                    if (!byDay.TryGetValue(day, out var list))
                        continue;
                    for (var i = list.Count - 1; i >= 0 && taken < MaxCandidates; i--)
                    {
                        if (seen.Add(list[i]))
                        {
                            taken++;
                            yield return list[i];
                        }
                    }
                }
            }
        }
        // Undated members can match anything (with a penalty); dated members can match an undated article.
        for (var i = undated.Count - 1; i >= 0 && i >= undated.Count - MaxUndatedCandidates; i--)
        {
            if (seen.Add(undated[i]))
                yield return undated[i];
        }
        if (profile.Date is null)
        {
            for (var i = members.Count - 1; i >= 0 && taken < MaxUndatedCandidates; i--)
            {
                if (seen.Add(i))
                {
                    taken++;
                    yield return i;
                }
            }
        }
    }

    private StoryThread Build(ThreadState t)
    {
        var entries = t.Members
            .Select(i => members[i])
            .Select(m => new TimelineEntry(m.Profile.Id, m.Profile.Published, m.Profile.Date, m.Profile.Title, m.Profile.Source,
                m.Profile.Site, m.Reason, m.MatchedId, m.Score))
            .OrderBy(e => e.Date ?? DateOnly.MaxValue)
            .ThenBy(e => e.Published?.Time ?? TimeOnly.MinValue)
            .ThenBy(e => e.ArticleId, StringComparer.Ordinal)
            .ToArray();
        var dates = entries.Where(e => e.Date is not null).Select(e => e.Date!.Value).ToArray();
        var founder = members[t.Members[0]];
        return new StoryThread(t.Id, founder.Profile.Title ?? entries[0].Title,
            dates.Length > 0 ? dates.Min() : null, dates.Length > 0 ? dates.Max() : null, entries);
    }

    /// <summary>Thread ids come from the founding article's id, so a re-run over the same input gives the same ids.</summary>
    private static string NewThreadId(string articleId) =>
        "t-" + (articleId.Length > 16 ? articleId[..16] : articleId);

    private sealed record Member(StoryProfile Profile, string ThreadId, ThreadReason Reason, string? MatchedId, double Score);

    private sealed class ThreadState(string id)
    {
        public string Id { get; } = id;

        public List<int> Members { get; } = [];
    }
}
