using NewsLens.Model;

namespace NewsLens.Cli.Output;

/// <summary>A Markdown rendering of each record. Page text is escaped so it cannot inject Markdown or HTML.</summary>
internal sealed class MarkdownReportWriter(TextWriter writer, ReportParts parts) : IReportWriter
{
    public void Write(AnalysedArticle analysed)
    {
        var a = analysed.Article;
        writer.WriteLine($"# {Escape(a.Title ?? "(no title)")}");
        writer.WriteLine();
        writer.WriteLine($"- published: {a.Published?.ToIso() ?? "not stated"}");
        if (a.Site is not null)
            writer.WriteLine($"- site: {Escape(a.Site)}");
        if (a.Author is not null)
            writer.WriteLine($"- author: {Escape(a.Author)}");
        writer.WriteLine($"- source: `{a.Source.Replace("`", "'", StringComparison.Ordinal)}`");
        if (analysed.Credibility is { } c)
            writer.WriteLine($"- credibility: {c.Score:0.00}");
        writer.WriteLine();
        if (parts.HasFlag(ReportParts.Flags) && analysed.Flags.Count > 0)
        {
            writer.WriteLine("## Flags");
            writer.WriteLine();
            foreach (var f in analysed.Flags)
                writer.WriteLine($"- **{f.Severity.ToString().ToLowerInvariant()}** `{f.Code}`: {Escape(f.MessageEn)} — «{Escape(f.Evidence.FirstOrDefault()?.Text ?? "")}»");
            writer.WriteLine();
        }
        if (parts.HasFlag(ReportParts.Events) && analysed.Events.Count > 0)
        {
            writer.WriteLine("## Events");
            writer.WriteLine();
            foreach (var e in analysed.Events)
                writer.WriteLine($"- {e.Type.ToString().ToUpperInvariant()}{(e.Mode is null ? "" : "/" + e.Mode)}: {Escape(string.Join(", ", e.Actors.Select(p => p.Canonical ?? p.Text)))} → {Escape(string.Join(", ", e.Recipients.Select(p => p.Canonical ?? p.Text)))}, {e.Date?.Value ?? "undated"} — «{Escape(e.Sentence)}»");
            writer.WriteLine();
        }
        if (parts.HasFlag(ReportParts.Article))
        {
            foreach (var section in a.Sections)
            {
                if (section.Heading is not null)
                {
                    writer.WriteLine($"## {Escape(section.Heading)}");
                    writer.WriteLine();
                }
                foreach (var p in section.Paragraphs)
                {
                    writer.WriteLine(Escape(p.Text));
                    writer.WriteLine();
                }
            }
        }
        writer.WriteLine("---");
        writer.WriteLine();
    }

    public void Finish(int rejected)
    {
    }

    /// <summary>Backslash-escapes Markdown's active characters and HTML's angle brackets.</summary>
    internal static string Escape(string s)
    {
        var sb = new System.Text.StringBuilder(s.Length + 8);
        foreach (var ch in s)
        {
            if (ch is '\\' or '`' or '*' or '_' or '[' or ']' or '#' or '|' or '!')
                sb.Append('\\').Append(ch);
            else if (ch == '<')
                sb.Append("&lt;");
            else if (ch == '>')
                sb.Append("&gt;");
            else
                sb.Append(ch);
        }
        return sb.ToString();
    }
}
