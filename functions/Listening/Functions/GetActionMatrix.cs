using Listening.Handler;
using Listening.Reporting;
using Listening.Storage;

namespace Listening.Functions;

/// <summary>
/// GET /api/reports/{brand}?from=&amp;to=&amp;format=html|json: the action-matrix report on demand, over the brand's
/// and its competitors' items created in [from, to) (default: everything up to now).
/// </summary>
public sealed class GetActionMatrix : IForwardedHttpFunction
{
    public Delegate Endpoint => async (string brand, DateTimeOffset? from, DateTimeOffset? to, string? format,
        IFeedbackStore store, IActionMatrixReports reports, TimeProvider time, CancellationToken cancellationToken) =>
    {
        ReportFormat kind;
        if (format is null) kind = ReportFormat.Html;
        else if (!Enum.TryParse(format, ignoreCase: true, out kind))
            return Results.Problem(statusCode: 400, title: "Invalid format", detail: "format must be html or json");
        var end = to ?? time.GetUtcNow().AddSeconds(1);
        var start = from ?? DateTimeOffset.UnixEpoch;
        if (start >= end) return Results.Problem(statusCode: 400, title: "Invalid period", detail: "from must be before to");
        var report = await reports.BuildAsync(new ReportRequest(brand, start, end, kind), store.QueryAsync(brand, start, end, cancellationToken), cancellationToken);
        return Results.Content(report.Content, report.ContentType);
    };
}
