using NewsLens.Assess;
using NewsLens.Assess.Detectors;
using NewsLens.Assess.Knowledge;
using NewsLens.Assess.Rules;
using NewsLens.Eval.Flags;
using NewsLens.Model;

namespace NewsLens.Tests.Assess;

public sealed class DetectorTests
{
    private static IReadOnlyList<Flag> Flags(IFlagDetector detector, Article article, IRoleKnowledge? knowledge = null) =>
        detector.Detect(new AssessContext(new AnalysedArticle(article), AssessFixture.Rules, knowledge ?? new NoKnowledge())).ToArray();

    [Theory]
    [InlineData("乐天堂fun88", "乐天堂fun88")]
    [InlineData("访问了快乐天堂游乐园", null)]
    [InlineData("他们发布了一系列特色播客节目", null)]
    [InlineData("这势必威胁地区安全", null)]
    [InlineData("明星私服穿搭引发关注", null)]
    [InlineData("欢迎访问hg0088.com注册", "hg0088")]
    [InlineData("fun888x不是品牌", null)]
    public void Lexicon_finds_strong_brands_only_on_word_edges(string text, string? expected)
    {
        var strong = BrandRuns.Find(AssessFixture.Rules.Lexicon, text).Where(r => r.Weight >= BrandRuns.Strong).Select(r => r.Slice(text)).ToArray();
        if (expected is null)
            Assert.Empty(strong);
        else
            Assert.Contains(expected, strong);
    }

    [Theory]
    [InlineData("俄罗斯强调，朝鲜作为全球唯一的核武器国家，其安全对全球格局有重要影响。", true)]
    [InlineData("有人称朝鲜是唯一拥有核武器的国家。", true)]
    [InlineData("中国是唯一承诺不首先使用核武器的核武器国家。", false)]
    [InlineData("以色列是中东唯一拥有核武器的国家。", false)]
    [InlineData("美国是唯一在战争中使用过核武器的国家。", false)]
    [InlineData("朝鲜并不是唯一的核武器国家。", false)]
    [InlineData("这是唯一的办法。", false)]
    public void Only_claims_are_checked_only_when_bare(string sentence, bool flagged)
    {
        var flags = Flags(new OnlyClaimDetector(), AssessFixture.Article(sentence, title: "测试"));
        Assert.Equal(flagged, flags.Any(f => f.Code == OnlyClaimDetector.Code));
    }

    [Theory]
    [InlineData("气象部门提醒，山区群众要注意防范山洪、泥石流等次生灾害，", Severity.High)]
    [InlineData("展望未来,随着乌克兰危机的发展以", Severity.High)]
    [InlineData("检查的重点内容主要包括以下几个方面：", Severity.Low)]
    [InlineData("公园管理处介绍，夜间开放时间为每天18时至22时，照明设施全部采用节能灯具。", null)]
    [InlineData("铁路部门加开旅客列车1.3万列，重点加强了旅游城市的运力安排。（完）", null)]
    [InlineData("责任编辑：李明", null)]
    [InlineData("游戏在Steam售价36元，支持Windows和MAC，暂时没有简体中文版本可以选择", Severity.Low)]
    [InlineData("本文引用地址：http://www.example.com/trackback.php?p=1700", null)]
    public void Truncation_reads_how_the_body_ends(string last, Severity? expected)
    {
        var flags = Flags(new TruncationDetector(), AssessFixture.Article("第一段正文写得完整。\n\n" + last, title: "测试"));
        Assert.Equal(expected, flags.SingleOrDefault()?.Severity);
    }

    [Fact]
    public void Hidden_site_menu_is_not_flagged_but_hidden_gambling_links_are()
    {
        var menu = new CaseRemoved("首页 新闻 体育", RemovalReason.Navigation, true, null,
            [new("首页", "https://a.example.com/"), new("新闻", "https://a.example.com/n/"), new("体育", "https://a.example.com/s/")]);
        var spam = new CaseRemoved("澳门新葡京 百家乐", RemovalReason.Hidden, true, null, [new("澳门新葡京", "http://xpj8.cc/"), new("百家乐", "http://x.vip/")]);
        Assert.Empty(Flags(new HiddenContentDetector(), AssessFixture.Article("正文。", removed: [menu], url: "https://a.example.com/1.html")));
        var flag = Assert.Single(Flags(new HiddenContentDetector(), AssessFixture.Article("正文。", removed: [menu, spam], url: "https://a.example.com/1.html")));
        Assert.Equal((HiddenContentDetector.LinksCode, Severity.High, 1), (flag.Code, flag.Severity, flag.Evidence[0].RemovedIndex));
    }

    [Fact]
    public void A_headline_in_a_menu_naming_a_spam_word_is_a_story_not_injection()
    {
        var nav = new CaseRemoved("[网聊] 网吧下载“黄片”包宿看(图) [健康] 澳门新葡京酒店今起恢复营业引游客排队", RemovalReason.Navigation);
        Assert.Empty(Flags(new SpamBrandDetector(), AssessFixture.Article("本地新闻正文，与博彩无关。", title: "本地新闻", removed: [nav])));
        var footer = new CaseRemoved("友情链接：某某阀门 必威体育 必威体育 阀门网", RemovalReason.Footer);
        var flag = Assert.Single(Flags(new SpamBrandDetector(), AssessFixture.Article("本地新闻正文，与博彩无关。", title: "本地新闻", removed: [footer])));
        Assert.Equal(SpamBrandDetector.InjectedCode, flag.Code);
    }

    [Fact]
    public void Role_checks_skip_sentences_about_the_past()
    {
        var fake = new FakeKnowledge();
        var article = AssessFixture.Article("2023年7月，时任俄罗斯国防部长绍伊古访问平壤。\n\n俄罗斯国防部长绍伊古当天会见了代表团。", title: "测试", published: "2025-06-06");
        var flags = Flags(new RoleContradictionDetector(), article, fake);
        var flag = Assert.Single(flags);
        Assert.Equal(RoleContradictionDetector.RoleCode, flag.Code);
        Assert.Equal("俄罗斯国防部长绍伊古", flag.Evidence[0].Text);
        Assert.Equal(flag.Evidence[0].Text, flag.Evidence[0].Span!.Value.Slice(article.Text));
        Assert.NotEmpty(flag.Facts);
    }

    [Fact]
    public void Without_a_knowledge_base_role_checks_stay_silent()
    {
        var article = AssessFixture.Article("俄罗斯国防部长绍伊古当天会见了代表团。", title: "测试", published: "2025-06-06");
        Assert.Empty(Flags(new RoleContradictionDetector(), article));
    }

    [Fact]
    public void Credibility_counts_each_code_once_at_its_worst()
    {
        static Flag F(string code, Severity s) => new(code, s, [new Evidence("x", EvidenceLocation.Metadata, null, null)], "中", "en", []);
        var one = CredibilityScorer.Score([F("kb.only_claim", Severity.High)]);
        var twice = CredibilityScorer.Score([F("kb.only_claim", Severity.High), F("kb.only_claim", Severity.High)]);
        var two = CredibilityScorer.Score([F("kb.only_claim", Severity.High), F("text.truncated", Severity.Medium)]);
        Assert.Equal(one.Score, twice.Score);
        Assert.True(two.Score < one.Score);
        Assert.Equal(1.0, CredibilityScorer.Score([]).Score);
        Assert.Equal(2, two.Reasons.Count);
    }

    [Fact]
    public void Hostile_input_does_not_throw_or_hang()
    {
        var text = string.Join("\n\n", Enumerable.Repeat("娱乐娱乐娱乐" + new string('乐', 500) + "fun88fun88唯一唯一唯一国家，", 400));
        var removed = Enumerable.Range(0, 200).Select(i => new CaseRemoved(new string('澳', 1000), RemovalReason.Hidden, true)).ToArray();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var analysed = AssessFixture.Run(AssessFixture.Article(text, title: new string('标', 5000), removed: removed, meta: Enumerable.Repeat("词", 5000).ToArray()));
        Assert.NotNull(analysed.Credibility);
        Assert.True(watch.Elapsed < TimeSpan.FromMinutes(1), $"took {watch.Elapsed}");
    }

    /// <summary>Says "绍伊古 did not hold 俄罗斯国防部长" for any text that contains the phrase.</summary>
    private sealed class FakeKnowledge : IRoleKnowledge
    {
        public bool Available => true;

        public IReadOnlyList<RoleContradiction> Contradictions(string text, DateOnly date)
        {
            const string phrase = "俄罗斯国防部长绍伊古";
            var i = text.IndexOf(phrase, StringComparison.Ordinal);
            return i < 0 ? [] :
            [
                new RoleContradiction(new Span(i, i + phrase.Length), "绍伊古", "国防部长", "Minister of Defence of Russia", RoleConflict.NotHeld, date,
                    ["别洛乌索夫"], ["俄罗斯联邦安全会议秘书"], [new KbFact("绍伊古", "held office", "俄罗斯国防部长", "2012-11-06", "2024-05-12", "test")]),
            ];
        }

        public KnownSet? Set(string id) => null;
    }
}
