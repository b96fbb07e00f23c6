using System.Collections.Frozen;
using System.Text;
using NewsLens.Model;

namespace NewsLens.Analyse.Knowledge;

/// <summary>A KB name found in text by the gazetteer.</summary>
public sealed record GazetteerHit(Span Span, string Text, KbEntity Entity);

/// <summary>
/// Finds KB names in Chinese text (longest match, left to right), so linking works without NER and catches
/// what NER misses. Separators inside names are skipped ("谢尔盖 · 绍伊古"). Built once per KB.
/// </summary>
internal sealed class KbGazetteer
{
    /// <summary>Longest normalised name matched (longest KB Chinese names are ~20 characters).</summary>
    private const int MaxKeyChars = 24;

    /// <summary>
    /// Short names that are also ordinary words or parts of them (沿海地区 holds 海地); matched only when the
    /// segmenter made them a token of their own.
    /// </summary>
    private static readonly FrozenSet<string> NeedsTokenBoundary = FrozenSet.ToFrozenSet(
        ["海地", "黑山", "马里", "多哥", "乍得", "加纳", "南非", "中非", "约旦", "老挝", "文莱", "刚果", "开城", "利马", "罗马", "巴斯特尔", "维多利亚", "圣约翰", "金斯敦", "乔治敦", "亚伦"],
        StringComparer.Ordinal);

    private readonly FrozenDictionary<string, KbEntity> byKey;
    private readonly FrozenSet<string> prefixes;

    public KbGazetteer(KnowledgeBase kb)
    {
        var keys = new Dictionary<string, KbEntity>(StringComparer.Ordinal);
        foreach (var (key, entities) in kb.NameIndex)
        {
            if (key.Length < 2 || key.Length > MaxKeyChars || !key.All(NameKey.IsHan))
                continue;
            keys[key] = entities[0];
        }
        byKey = keys.ToFrozenDictionary(StringComparer.Ordinal);
        prefixes = keys.Keys.SelectMany(k => Enumerable.Range(1, k.Length).Select(n => k[..n])).ToFrozenSet(StringComparer.Ordinal);
    }

    public int Count => byKey.Count;

    /// <summary>Every KB name in <paramref name="text"/>, non-overlapping, longest first at each position.</summary>
    /// <param name="tokens">Word tokens when segmentation ran (used for the ambiguous short names); may be empty.</param>
    public IReadOnlyList<GazetteerHit> Find(string text, IReadOnlyList<Token> tokens)
    {
        var tokenSpans = tokens.Count == 0 ? null : tokens.Select(t => t.Span).ToHashSet();
        var hits = new List<GazetteerHit>();
        var i = 0;
        var key = new StringBuilder(MaxKeyChars);
        while (i < text.Length)
        {
            if (!NameKey.IsHan(text[i]))
            {
                i++;
                continue;
            }
            key.Clear();
            KbEntity? best = null;
            var bestEnd = -1;
            string? bestKey = null;
            for (var j = i; j < text.Length && key.Length < MaxKeyChars; j++)
            {
                var c = text[j];
                if (NameKey.IsSeparator(c) && key.Length > 0 && j + 1 < text.Length && NameKey.IsHan(text[j + 1]))
                    continue;
                if (!NameKey.IsHan(c))
                    break;
                key.Append(c);
                var k = key.ToString();
                if (!prefixes.Contains(k))
                    break;
                if (byKey.TryGetValue(k, out var e))
                {
                    best = e;
                    bestEnd = j + 1;
                    bestKey = k;
                }
            }
            if (best is not null && Accept(text, i, bestEnd, bestKey!, best, tokenSpans))
            {
                hits.Add(new GazetteerHit(new Span(i, bestEnd), text[i..bestEnd], best));
                i = bestEnd;
            }
            else
            {
                i++;
            }
        }
        return hits;
    }

    private static bool Accept(string text, int start, int end, string key, KbEntity entity, HashSet<Span>? tokenSpans)
    {
        if (NeedsTokenBoundary.Contains(key))
            return tokenSpans is not null && tokenSpans.Contains(new Span(start, end));
        if (entity.Kind != KbEntityKind.Person)
            return true;
        // A transliterated name inside a longer one: "伊隆·马斯克" must not yield "马斯", nor "黑格尔" "黑格".
        if (start > 0 && NameKey.IsSeparator(text[start - 1]) && start > 1 && NameKey.IsHan(text[start - 2]))
            return false;
        var lastIsTransliteration = Transliteration.IsTransliterationChar(text[end - 1]);
        if (lastIsTransliteration && end < text.Length && Transliteration.IsTransliterationChar(text[end]) && !IsCommonFollower(text[end]))
            return false;
        return true;
    }

    /// <summary>Characters that often follow a name (verbs, conjunctions) though they also occur in transliterations.</summary>
    private static bool IsCommonFollower(char c) => c is '与' or '和' or '同' or '在' or '于' or '将' or '说' or '表' or '称' or '会' or '向' or '对' or '也' or '是' or '为' or '等' or '时' or '日' or '访' or '抵' or '率' or '出' or '今' or '昨' or '本' or '当' or '已' or '曾' or '则' or '就' or '指' or '强' or '通' or '签' or '宣' or '发' or '进' or '举';
}
