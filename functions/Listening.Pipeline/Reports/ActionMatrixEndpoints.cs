using System.Globalization;
using Listening.Pipeline;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Listening.Reports;

/// <summary>
/// <c>GET /api/reports/{brand}?from=&amp;to=&amp;lang=&amp;format=html|json</c>: the action-matrix report on demand over the
/// brand's and its competitors' items created on the UTC days [from, to] (dates, yyyy-MM-dd; a date-time counts as its UTC
/// day). Defaults: the last <see cref="ReportOptions.PeriodDays"/> days up to today, the configured language, HTML.
/// </summary>
public static class ActionMatrixEndpoints
{
    public const string Name = "GetActionMatrix";

    public static IEndpointRouteBuilder MapReports(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/reports/{brand}", GetAsync).WithName(Name).WithMetadata(FunctionAccess.Key);
        return app;
    }

    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> GetAsync(string brand, string? from, string? to, string? lang, string? format,
        IActionMatrixReports reports, IOptions<ReportOptions> options, TimeProvider time, CancellationToken cancellationToken)
    {
        ReportFormat? kind = format?.ToLowerInvariant() switch { null or "html" => ReportFormat.Html, "json" => ReportFormat.Json, _ => null };
        if (kind is null) return Problem("Invalid format", "format must be html or json");
        var language = lang ?? options.Value.Lang;
        if (language is not ("ru" or "en")) return Problem("Invalid language", "lang must be ru or en");
        var (defaultFrom, today) = options.Value.DefaultPeriod(DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
        if (!TryDay(to, today, out var last)) return Problem("Invalid period", "to must be a date (yyyy-MM-dd) or an ISO 8601 date-time");
        var defaultStart = to is null ? defaultFrom : last.AddDays(1 - options.Value.PeriodDays);
        if (!TryDay(from, defaultStart, out var first)) return Problem("Invalid period", "from must be a date (yyyy-MM-dd) or an ISO 8601 date-time");
        if (first > last) return Problem("Invalid period", "from must not be after to");
        if (last.DayNumber - first.DayNumber >= 3660) return Problem("Invalid period", "a report covers at most 3660 days");
        if (string.IsNullOrWhiteSpace(brand)) return Problem("Invalid brand", "brand is required");

        var model = await reports.BuildAsync(new ActionMatrixQuery(brand.Trim(), first, last, language), cancellationToken);
        var report = RenderedReport.Of(model, kind.Value);
        return TypedResults.Content(report.Content, report.ContentType);
    }

    private static ProblemHttpResult Problem(string title, string detail) => Problems.Of(400, title, detail);

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
