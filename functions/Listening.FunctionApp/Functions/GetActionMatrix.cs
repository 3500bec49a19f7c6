using Listening.Reports;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;

namespace Listening.FunctionApp.Functions;

/// <summary><c>GET /api/reports/{brand}?from&amp;to&amp;lang&amp;format</c>: <see cref="ActionMatrixEndpoints.GetAsync"/>.</summary>
public sealed class GetActionMatrix(IActionMatrixReports reports, KnownBrands brands, IOptions<ReportOptions> options, TimeProvider time)
{
    [Function(ActionMatrixEndpoints.Name)]
    public Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Function, "get", Route = "reports/{brand}")] HttpRequest request, string brand,
        CancellationToken cancellationToken) =>
        ActionMatrixEndpoints.GetAsync(brand, Query(request, "from"), Query(request, "to"), Query(request, "lang"), Query(request, "format"),
            reports, brands, options, time, cancellationToken).AsAction();

    private static string? Query(HttpRequest request, string name) => request.Query.TryGetValue(name, out var value) ? value.ToString() : null;
}
