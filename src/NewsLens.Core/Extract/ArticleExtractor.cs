using System.Security.Cryptography;
using System.Text;
using NewsLens.Model;
using NewsLens.Pipeline;

namespace NewsLens.Extract;

/// <summary>
/// Placeholder until the real extractor lands (issue 3 owns this folder): keeps every non-empty line as a
/// paragraph so the rest of the pipeline has an article to work on.
/// </summary>
internal sealed class ArticleExtractor : IArticleExtractor
{
    public Article Extract(DecodedPage page)
    {
        var paragraphs = new List<Paragraph>();
        var sb = new StringBuilder();
        foreach (var line in page.Text.Split('\n'))
        {
            var t = line.Trim();
            if (t.Length == 0)
                continue;
            if (sb.Length > 0)
                sb.Append("\n\n");
            paragraphs.Add(new Paragraph(t, new Span(sb.Length, sb.Length + t.Length)));
            sb.Append(t);
        }
        if (sb.Length == 0)
            throw new PageRejectedException(RejectionReason.NoContent, "no text lines");
        var text = sb.ToString();
        var id = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
        return new Article(id, page.Source, page.Url, paragraphs[0].Text, null, null, null, "zh", text,
            [new Section(null, null, paragraphs)], [], ExtractionInfo.None("0:placeholder"));
    }
}
