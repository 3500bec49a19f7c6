using System.Globalization;
using Listening.Pipeline;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Listening.Reports;

/// <summary>
/// <c>GET /api/reports/{brand}?from=&amp;to=&amp;lang=&amp;format=html|json</c>: the action-matrix report on demand over the
/// brand's and its competitors' items created on the UTC days [from, to] (dates, yyyy-MM-dd; a date-time counts as its UTC
/// day). Defaults: the last <see cref="ReportOptions.PeriodDays"/> days up to today, the configured language, HTML.
/// <c>GET /api/reports/{brand}/factors/{factor}?from&amp;to&amp;lang&amp;format&amp;polarity&amp;channel&amp;about&amp;page&amp;pageSize</c>:
/// the mentions behind one factor (the drill-down the served report links to). An unknown brand is 404 on both.
/// </summary>
public static class ActionMatrixEndpoints
{
    public const string Name = "GetActionMatrix", MentionsName = "GetFactorMentions";

    public static IEndpointRouteBuilder MapReports(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/reports/{brand}", GetAsync).WithName(Name).WithMetadata(FunctionAccess.Key);
        app.MapGet("/api/reports/{brand}/factors/{factor}", GetMentionsAsync).WithName(MentionsName).WithMetadata(FunctionAccess.Key);
        return app;
    }

    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> GetAsync(string brand, string? from, string? to, string? lang, string? format,
        IActionMatrixReports reports, KnownBrands brands, IOptions<ReportOptions> options, TimeProvider time, CancellationToken cancellationToken)
    {
        var (query, kind, problem) = Parse(brand, from, to, lang, format, options.Value, time);
        if (problem is not null) return problem;

        var model = await reports.BuildAsync(query!, cancellationToken);
        if (model.Items.Brand == 0 && model.Items.Spam == 0 && model.Items.Unscored == 0 && model.Items.Competitors.All(c => c.Items == 0)
            && !await brands.IsKnownAsync(query!.Brand, query.To, cancellationToken))
            return UnknownBrand(query.Brand);
        var report = kind == ReportFormat.Json
            ? RenderedReport.Of(model, ReportFormat.Json)
            : new RenderedReport("text/html; charset=utf-8", ReportHtml.Render(model, ReportLinks.Served(query!.Brand, query.From, query.To, query.Lang)), "html");
        return TypedResults.Content(report.Content, report.ContentType);
    }

    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> GetMentionsAsync(string brand, string factor, string? from, string? to, string? lang,
        string? format, string? polarity, string? channel, string? about, string? page, string? pageSize,
        IFactorMentions mentions, IOptions<ReportOptions> options, TimeProvider time, CancellationToken cancellationToken)
    {
        var (query, kind, problem) = Parse(brand, from, to, lang, format, options.Value, time);
        if (problem is not null) return problem;
        if (string.IsNullOrWhiteSpace(factor) || factor.Length > 100) return Problem("Invalid factor", "factor must be a factor id, e.g. delivery");
        var pol = polarity?.Trim().ToLowerInvariant();
        if (pol is not null && !StoredFactorMentions.PolarityValues.Contains(pol)) return Problem("Invalid polarity", "polarity must be positive, neutral or negative");
        if (!TryInt(page, 1, out var pageNumber) || pageNumber < 1) return Problem("Invalid page", "page must be a whole number from 1");
        if (!TryInt(pageSize, 25, out var size) || size is < 1 or > MentionsQuery.MaxPageSize) return Problem("Invalid pageSize", $"pageSize must be 1…{MentionsQuery.MaxPageSize}");
        if ((long)pageNumber * size > MentionsQuery.MaxDepth) return Problem("Invalid page", $"pages reach back at most {MentionsQuery.MaxDepth} mentions: narrow the period or the filters");

        var found = await mentions.FindAsync(new MentionsQuery(query!.Brand, factor.Trim().ToLowerInvariant(), query.From, query.To, query.Lang, pol,
            Blank(channel), Blank(about), pageNumber, size), cancellationToken);
        if (found is null) return UnknownBrand(query.Brand);
        if (found.AllMentions == 0 && !FactorNames.IsKnown(found.Factor))
            return Problems.Of(404, "Unknown factor", $"no factor '{found.Factor}' in the taxonomies and no mention of it in the period");
        return kind == ReportFormat.Json
            ? TypedResults.Content(System.Text.Json.JsonSerializer.Serialize(found, ReportJson.Options), "application/json; charset=utf-8")
            : TypedResults.Content(MentionsHtml.Render(found), "text/html; charset=utf-8");
    }

    private static (ActionMatrixQuery? Query, ReportFormat Kind, ProblemHttpResult? Problem) Parse(string brand, string? from, string? to, string? lang, string? format,
        ReportOptions options, TimeProvider time)
    {
        ReportFormat? kind = format?.ToLowerInvariant() switch { null or "html" => ReportFormat.Html, "json" => ReportFormat.Json, _ => null };
        if (kind is null) return (null, default, Problem("Invalid format", "format must be html or json"));
        var language = lang ?? options.Lang;
        if (language is not ("ru" or "en")) return (null, default, Problem("Invalid language", "lang must be ru or en"));
        var (defaultFrom, today) = options.DefaultPeriod(DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
        if (!TryDay(to, today, out var last)) return (null, default, Problem("Invalid period", "to must be a date (yyyy-MM-dd) or an ISO 8601 date-time"));
        var defaultStart = to is null ? defaultFrom : last.AddDays(1 - options.PeriodDays);
        if (!TryDay(from, defaultStart, out var first)) return (null, default, Problem("Invalid period", "from must be a date (yyyy-MM-dd) or an ISO 8601 date-time"));
        if (first > last) return (null, default, Problem("Invalid period", "from must not be after to"));
        if (last.DayNumber - first.DayNumber >= 3660) return (null, default, Problem("Invalid period", "a report covers at most 3660 days"));
        if (string.IsNullOrWhiteSpace(brand)) return (null, default, Problem("Invalid brand", "brand is required"));
        return (new ActionMatrixQuery(brand.Trim(), first, last, language), kind.Value, null);
    }

    private static ProblemHttpResult UnknownBrand(string brand) =>
        Problems.Of(404, "Unknown brand", $"no brand '{brand}' is configured and the store has no feedback about it");

    private static ProblemHttpResult Problem(string title, string detail) => Problems.Of(400, title, detail);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static bool TryInt(string? text, int fallback, out int value)
    {
        value = fallback;
        return text is null || int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    private static bool TryDay(string? text, DateOnly fallback, out DateOnly day)
    {
        day = fallback;
        if (text is null) return true;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day)) return true;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
        {
            day = DateOnly.FromDateTime(at.UtcDateTime);
            return true;
        }
        return false;
    }
}
