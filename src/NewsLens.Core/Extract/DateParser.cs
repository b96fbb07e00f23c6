using System.Globalization;
using System.Text.RegularExpressions;
using NewsLens.Model;

namespace NewsLens.Extract;

/// <summary>
/// Reads publish dates as pages write them: ISO 8601 (meta, JSON-LD, &lt;time&gt;), Chinese
/// "2025年6月6日 10:20", numeric "2025-06-06 / 2025/6/6 / 2025.06.06", English and German month names,
/// and dates in URLs. Precision is never raised: a date without time stays a date.
/// </summary>
internal static partial class DateParser
{
    /// <summary>Earliest year accepted: the web's news archives start in the 1990s; older numbers are ids.</summary>
    private const int MinYear = 1990;

    /// <summary>Latest year accepted (a sanity bound, not "today": parsing must not depend on the clock).</summary>
    private const int MaxYear = 2099;

    private static readonly string[][] MonthNames =
    [
        ["jan", "januar", "janvier", "enero", "gennaio", "stycznia", "jänner"],
        ["feb", "februar", "février", "fevrier", "febrero", "febbraio", "lutego"],
        ["mar", "märz", "maerz", "mars", "marzo", "marca"],
        ["apr", "april", "avril", "abril", "aprile", "kwietnia"],
        ["may", "mai", "mayo", "maggio", "maja"],
        ["jun", "juni", "juin", "junio", "giugno", "czerwca"],
        ["jul", "juli", "juillet", "julio", "luglio", "lipca"],
        ["aug", "august", "août", "aout", "agosto", "sierpnia"],
        ["sep", "sept", "september", "septembre", "septiembre", "settembre", "września"],
        ["oct", "okt", "oktober", "octobre", "octubre", "ottobre", "października"],
        ["nov", "november", "novembre", "noviembre", "listopada"],
        ["dec", "dez", "dezember", "décembre", "decembre", "diciembre", "dicembre", "grudnia"],
    ];

    /// <summary>Parses a machine date (ISO 8601 and close variants) as meta tags and JSON-LD give it.</summary>
    public static PublishedAt? ParseMachine(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        var m = IsoDate().Match(value.Trim());
        if (!m.Success)
            return FindInText(value);
        if (!TryDate(m.Groups["y"].Value, m.Groups["m"].Value, m.Groups["d"].Value, out var date))
            return null;
        TimeOnly? time = null;
        TimeSpan? offset = null;
        if (m.Groups["H"].Success && TryTime(m.Groups["H"].Value, m.Groups["M"].Value, m.Groups["S"].Value, out var t))
        {
            time = t;
            if (m.Groups["z"].Success)
                offset = ParseOffset(m.Groups["z"].Value);
        }
        // Midnight UTC with nothing else is how many CMSs write "a date without time".
        if (time == TimeOnly.MinValue && (offset is null || offset == TimeSpan.Zero))
        {
            time = null;
            offset = null;
        }
        return new PublishedAt(date, time, offset);
    }

    /// <summary>The first date written in a piece of human text ("发布时间：2025年6月6日 10:20", "March 5, 2024").</summary>
    public static PublishedAt? FindInText(string text)
    {
        if (text.Length > 400)
            text = text[..400];
        var m = NumericDate().Match(text);
        if (m.Success && TryDate(m.Groups["y"].Value, m.Groups["m"].Value, m.Groups["d"].Value, out var date))
        {
            TimeOnly? time = null;
            if (m.Groups["H"].Success && TryTime(m.Groups["H"].Value, m.Groups["M"].Value, m.Groups["S"].Value, out var t))
                time = t;
            return new PublishedAt(date, time, null);
        }
        m = DayMonthNameYear().Match(text);
        if (m.Success && Month(m.Groups["mn"].Value) is { } mn1 && TryDate(m.Groups["y"].Value, mn1.ToString(CultureInfo.InvariantCulture), m.Groups["d"].Value, out date))
            return new PublishedAt(date, null, null);
        m = MonthNameDayYear().Match(text);
        if (m.Success && Month(m.Groups["mn"].Value) is { } mn2 && TryDate(m.Groups["y"].Value, mn2.ToString(CultureInfo.InvariantCulture), m.Groups["d"].Value, out date))
            return new PublishedAt(date, null, null);
        m = DayMonthYearNumeric().Match(text);
        if (m.Success && TryDate(m.Groups["y"].Value, m.Groups["m"].Value, m.Groups["d"].Value, out date))
            return new PublishedAt(date, null, null);
        return null;
    }

    /// <summary>A date in a URL path: /2020/05/12/, /2020-05-12/, /20200512/ (sohu, sina, people.com.cn write it so).</summary>
    public static PublishedAt? FromUrl(string? url)
    {
        if (string.IsNullOrEmpty(url))
            return null;
        var m = UrlDate().Match(url);
        if (m.Success && TryDate(m.Groups["y"].Value, m.Groups["m"].Value, m.Groups["d"].Value, out var date))
            return new PublishedAt(date, null, null);
        m = UrlCompactDate().Match(url);
        if (m.Success && TryDate(m.Groups["y"].Value, m.Groups["m"].Value, m.Groups["d"].Value, out date))
            return new PublishedAt(date, null, null);
        return null;
    }

    private static int? Month(string name)
    {
        var n = name.Trim('.').ToLowerInvariant();
        if (n.Length < 3)
            return null;
        for (var i = 0; i < MonthNames.Length; i++)
        {
            foreach (var candidate in MonthNames[i])
            {
                if (candidate.StartsWith(n, StringComparison.Ordinal) || (candidate.Length == 3 && n.StartsWith(candidate, StringComparison.Ordinal)))
                    return i + 1;
            }
        }
        return null;
    }

    private static bool TryDate(string y, string m, string d, out DateOnly date)
    {
        date = default;
        if (!int.TryParse(y, NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(m, NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            || !int.TryParse(d, NumberStyles.None, CultureInfo.InvariantCulture, out var day))
            return false;
        if (year < 100)
            year += year < 70 ? 2000 : 1900;
        if (year is < MinYear or > MaxYear || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
            return false;
        date = new DateOnly(year, month, day);
        return true;
    }

    private static bool TryTime(string h, string m, string s, out TimeOnly time)
    {
        time = default;
        if (!int.TryParse(h, NumberStyles.None, CultureInfo.InvariantCulture, out var hour) || !int.TryParse(m, NumberStyles.None, CultureInfo.InvariantCulture, out var minute))
            return false;
        var second = 0;
        if (s.Length > 0 && !int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out second))
            return false;
        if (hour > 23 || minute > 59 || second > 59)
            return false;
        time = new TimeOnly(hour, minute, second);
        return true;
    }

    private static TimeSpan? ParseOffset(string z)
    {
        if (z is "Z" or "z")
            return TimeSpan.Zero;
        var sign = z[0] == '-' ? -1 : 1;
        var digits = z[1..].Replace(":", "", StringComparison.Ordinal);
        if (digits.Length < 2 || !int.TryParse(digits[..2], NumberStyles.None, CultureInfo.InvariantCulture, out var hh))
            return null;
        var mm = digits.Length >= 4 && int.TryParse(digits[2..4], NumberStyles.None, CultureInfo.InvariantCulture, out var x) ? x : 0;
        if (hh > 14 || mm > 59)
            return null;
        return sign * new TimeSpan(hh, mm, 0);
    }

    [GeneratedRegex(@"^(?<y>\d{4})-?(?<m>\d{1,2})-?(?<d>\d{1,2})(?:[T\s]+(?<H>\d{1,2}):(?<M>\d{2})(?::(?<S>\d{2}))?(?:\.\d+)?\s*(?<z>Z|[+-]\d{2}:?\d{2})?)?")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"(?<!\d)(?<y>(?:19|20)\d{2})\s*(?:年|-|/|\.|－)\s*(?<m>\d{1,2})\s*(?:月|-|/|\.|－)\s*(?<d>\d{1,2})(?!\d)\s*(?:日|号)?(?:\s*(?:[^\d\s]{0,6}?)\s*(?<H>\d{1,2})\s*[:：时]\s*(?<M>\d{2})(?:\s*[:：分]\s*(?<S>\d{2}))?)?")]
    private static partial Regex NumericDate();

    [GeneratedRegex(@"(?<!\d)(?<d>\d{1,2})\.?\s+(?<mn>[A-Za-zäéûóèñźśę]{3,12})\.?,?\s+(?<y>(?:19|20)\d{2})(?!\d)")]
    private static partial Regex DayMonthNameYear();

    [GeneratedRegex(@"\b(?<mn>[A-Za-zäéûóèñ]{3,10})\.?\s+(?<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?<y>(?:19|20)\d{2})(?!\d)")]
    private static partial Regex MonthNameDayYear();

    [GeneratedRegex(@"(?<!\d)(?<d>\d{1,2})\.\s?(?<m>\d{1,2})\.\s?(?<y>(?:19|20)\d{2})(?!\d)")]
    private static partial Regex DayMonthYearNumeric();

    [GeneratedRegex(@"/(?<y>(?:19|20)\d{2})[/_-](?<m>\d{1,2})[/_-](?<d>\d{1,2})(?:/|[_-]|\.|$)")]
    private static partial Regex UrlDate();

    [GeneratedRegex(@"[/_-](?<y>(?:19|20)\d{2})(?<m>[01]\d)(?<d>[0-3]\d)(?:/|[_-]|\.|$|\d{2,})")]
    private static partial Regex UrlCompactDate();
}
