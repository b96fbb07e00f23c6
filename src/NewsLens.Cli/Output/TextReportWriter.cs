using NewsLens.Model;
using Spectre.Console;

namespace NewsLens.Cli.Output;

/// <summary>
/// The readable report: a header panel per article, the clean text with its headings, then entities, dates,
/// events and flags. All page text goes through <see cref="Markup.Escape"/>: pages are hostile.
/// </summary>
internal sealed class TextReportWriter : IReportWriter
{
    private readonly IAnsiConsole console;
    private readonly ReportParts parts;
    private int written;

    public TextReportWriter(TextWriter writer, ReportParts parts)
    {
        var terminal = ReferenceEquals(writer, Console.Out) && !Console.IsOutputRedirected;
        console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        });
        if (!terminal)
            console.Profile.Width = 110;
        this.parts = parts;
    }

    public void Write(AnalysedArticle analysed)
    {
        var a = analysed.Article;
        if (written++ > 0)
            console.WriteLine();
        var header = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
        Row(header, "published", a.Published?.ToIso() ?? "[grey]not stated[/]", escape: a.Published is not null);
        Row(header, "site", a.Site);
        Row(header, "author", a.Author);
        Row(header, "source", a.Source);
        Row(header, "extraction", $"{a.Extraction.Step}; {a.Removed.Count} blocks removed");
        if (analysed.Credibility is { } c)
            Row(header, "credibility", CredibilityLine(c.Score, analysed.Flags), escape: false);
        console.Write(new Panel(header)
            .Header($"[bold]{Markup.Escape(a.Title ?? "(no title)")}[/]")
            .Border(BoxBorder.Rounded)
            .Expand());

        if (parts.HasFlag(ReportParts.Article))
            WriteText(a);
        if (parts.HasFlag(ReportParts.Flags))
            WriteFlags(analysed.Flags);
        if (parts.HasFlag(ReportParts.Events))
            WriteEvents(analysed.Events);
        if (parts.HasFlag(ReportParts.Entities))
            WriteEntities(analysed.Entities);
        if (parts.HasFlag(ReportParts.Dates))
            WriteDates(analysed.Dates);
        if (parts.HasFlag(ReportParts.Article) && a.Removed.Count > 0)
        {
            var removed = a.Removed.GroupBy(r => r.Reason).Select(g => $"{g.Key} ×{g.Count()}");
            console.MarkupLine($"[grey]removed: {Markup.Escape(string.Join(", ", removed))}[/]");
        }
    }

    /// <summary>The score with a count of flags by severity; the flags table below gives the reasons.</summary>
    private static string CredibilityLine(double score, IReadOnlyList<Flag> flags)
    {
        var colour = score switch { < 0.4 => "red", < 0.7 => "yellow", _ => "green" };
        var counts = flags.GroupBy(f => f.Severity).OrderByDescending(g => g.Key)
            .Select(g => $"{g.Count()} {g.Key.ToString().ToLowerInvariant()}");
        var summary = flags.Count == 0 ? "no flags" : string.Join(", ", counts) + (flags.Count == 1 ? " flag" : " flags");
        return $"[{colour}]{score:0.00}[/] ({summary})";
    }

    private static void Row(Grid grid, string label, string? value, bool escape = true)
    {
        if (value is null)
            return;
        grid.AddRow(new Markup($"[grey]{label}[/]"), new Markup(escape ? Markup.Escape(value) : value));
    }

    private void WriteText(Article a)
    {
        foreach (var section in a.Sections)
        {
            if (section.Heading is { } heading)
                console.MarkupLine($"\n[bold underline]{Markup.Escape(heading)}[/]");
            foreach (var p in section.Paragraphs)
            {
                console.WriteLine();
                foreach (var line in LineBreaker.Wrap(p.Text, console.Profile.Width))
                    console.WriteLine(line);
            }
        }
        console.WriteLine();
    }

    private void WriteFlags(IReadOnlyList<Flag> flags)
    {
        if (flags.Count == 0)
            return;
        var table = new Table().Title("[bold]credibility flags[/]").Expand()
            .AddColumn("severity").AddColumn("code").AddColumn("explanation").AddColumn("evidence");
        foreach (var f in flags.OrderByDescending(f => f.Severity))
        {
            var colour = f.Severity switch { Severity.High => "red", Severity.Medium => "yellow", _ => "grey" };
            var evidence = string.Join(" | ", f.Evidence.Select(e => Clip(e.Text, 80)));
            var facts = f.Facts.Count == 0 ? "" : "\n" + string.Join("\n", f.Facts.Select(k => $"KB: {k.Subject} {k.Relation} {k.Object} ({k.Start ?? "?"} – {k.End ?? "now"})"));
            table.AddRow(new Markup($"[{colour}]{f.Severity.ToString().ToLowerInvariant()}[/]"), new Text(f.Code),
                new Text($"{f.MessageEn}\n{f.MessageZh}{facts}"), new Text(evidence));
        }
        console.Write(table);
    }

    private void WriteEvents(IReadOnlyList<PoliticalEvent> events)
    {
        if (events.Count == 0)
            return;
        var table = new Table().Title("[bold]events[/]").Expand()
            .AddColumn("type").AddColumn("actors → recipients").AddColumn("where / when").AddColumn("evidence");
        foreach (var e in events)
        {
            var who = $"{Names(e.Actors)} → {Names(e.Recipients)}";
            var when = e.Date?.Value ?? (e.LatestDate is { } l ? $"undated (≤ {l})" : "undated");
            var type = e.Type.ToString().ToUpperInvariant() + (e.Mode is { } m ? "/" + m : "") + (e.Modality != EventModality.Historical ? $" ({e.Modality.ToString().ToLowerInvariant()})" : "");
            table.AddRow(new Text(type), new Text(who), new Text($"{e.Location?.Canonical ?? e.Location?.Text ?? "?"} / {when}"),
                new Text(Clip(e.Sentence, 100) + (e.Mentions > 1 ? $" (×{e.Mentions})" : "")));
        }
        console.Write(table);
    }

    private static string Names(IReadOnlyList<EventParticipant> people) =>
        people.Count == 0 ? "?" : string.Join(", ", people.Select(p => p.Canonical ?? p.Text));

    private void WriteEntities(IReadOnlyList<EntityMention> entities)
    {
        if (entities.Count == 0)
            return;
        var grouped = entities
            .GroupBy(e => (e.Type, Name: e.Canonical ?? e.Text))
            .OrderBy(g => g.Key.Type).ThenByDescending(g => g.Count()).ThenBy(g => g.Key.Name, StringComparer.Ordinal);
        var table = new Table().Title("[bold]entities[/]").Expand().AddColumn("type").AddColumn("name").AddColumn("kb").AddColumn("mentions").AddColumn("roles");
        foreach (var g in grouped)
        {
            var roles = string.Join("; ", g.Where(e => e.Role is not null).Select(e => $"{e.Role!.Text} ({e.Role.HeldOnDate})").Distinct(StringComparer.Ordinal));
            table.AddRow(g.Key.Type.ToString(), g.Key.Name, g.First().KbId ?? "", g.Count().ToString(System.Globalization.CultureInfo.InvariantCulture), roles);
        }
        console.Write(table);
    }

    private void WriteDates(IReadOnlyList<DateMention> dates)
    {
        if (dates.Count == 0)
            return;
        var table = new Table().Title("[bold]dates[/]").Expand().AddColumn("text").AddColumn("value").AddColumn("kind");
        foreach (var d in dates)
            table.AddRow(d.Text, d.Value is null ? "" : d.End is null ? d.Value : $"{d.Value} … {d.End}", $"{d.Kind}/{d.Granularity}".ToLowerInvariant());
        console.Write(table);
    }

    private static string Clip(string s, int max) => s.Length <= max ? s : s[..max] + "…";

    public void Finish(int rejected)
    {
        if (written == 0 && rejected == 0)
            console.MarkupLine("[grey]no pages found[/]");
    }
}
