using System.Text.Json.Nodes;
using Listening.Handler;
using Listening.Reporting;
using Listening.Storage;
using Microsoft.Extensions.Options;

namespace Listening.Functions;

/// <summary>
/// Timer (app setting <c>ReportSchedule</c>, daily by default): for each configured brand, the action-matrix report
/// over the last <see cref="ReportOptions.PeriodDays"/> days, written to the <c>reports</c> container with a
/// deterministic id (brand + day), so a rerun replaces rather than duplicates.
/// </summary>
public sealed class BuildActionMatrix(IFeedbackStore store, IActionMatrixReports reports, IOptions<ReportOptions> options, TimeProvider time) : IFunctionHandler
{
    public async Task<InvocationResult> InvokeAsync(InvocationRequest request, CancellationToken cancellationToken)
    {
        var to = time.GetUtcNow();
        var from = to.AddDays(-options.Value.PeriodDays);
        var documents = new JsonArray();
        var result = new InvocationResult();
        foreach (var brand in options.Value.Brands)
        {
            var report = await reports.BuildAsync(new ReportRequest(brand, from, to, ReportFormat.Html), store.QueryAsync(brand, from, to, cancellationToken), cancellationToken);
            documents.Add(new JsonObject
            {
                ["id"] = $"{brand.ToLowerInvariant()}-{to:yyyyMMdd}",
                ["brand"] = brand,
                ["from"] = from,
                ["to"] = to,
                ["contentType"] = report.ContentType,
                ["content"] = report.Content,
            });
        }
        if (options.Value.Brands.Length == 0) result.Log("no brands configured (Listening:Reports:Brands); nothing to build");
        return result.Output("report", documents);
    }
}
