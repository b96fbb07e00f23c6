using System.Security.Cryptography;
using System.Text;
using NewsLens.Model;

namespace NewsLens.Eval.Links;

/// <summary>Builds the <see cref="Article"/> records the linker sees from generated or hand-written texts.</summary>
internal static class EvalArticles
{
    public static Article Build(string source, string title, DateOnly date, string site, IReadOnlyList<string> paragraphs)
    {
        var sb = new StringBuilder();
        var list = new List<Paragraph>();
        foreach (var p in paragraphs)
        {
            if (p.Length == 0)
                continue;
            if (sb.Length > 0)
                sb.Append("\n\n");
            list.Add(new Paragraph(p, new Span(sb.Length, sb.Length + p.Length)));
            sb.Append(p);
        }
        var text = sb.ToString();
        var id = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(title + "\n" + text + "\n" + source)))[..16];
        return new Article(id, source, null, title, new PublishedAt(date, null, null), site, null, "zh", text,
            [new Section(null, null, list)], [], ExtractionInfo.None("eval:generated"));
    }
}
