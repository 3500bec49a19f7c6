using System.Text.Json.Nodes;
using Listening.Core.Feedback;
using Listening.Handler;
using Listening.Reporting;
using Listening.Reports;
using Microsoft.Extensions.Options;

namespace Listening.Functions;

/// <summary>
/// Timer (app setting <c>ReportSchedule</c>, daily by default): for each configured brand, the action-matrix report
/// over the last <see cref="ReportOptions.PeriodDays"/> days up to today, written to the <c>reports</c> container with
/// a deterministic id (brand + day), so a rerun the same day replaces rather than duplicates. The document carries the
/// HTML page (<c>content</c>) and the report's numbers (<c>report</c>, the JSON `listening report --json` writes).
/// </summary>
public sealed class BuildActionMatrix(IActionMatrixReports reports, IOptions<ReportOptions> options, TimeProvider time) : IFunctionHandler
{
    public async Task<InvocationResult> InvokeAsync(InvocationRequest request, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var (from, to) = settings.DefaultPeriod(today);
        var documents = new JsonArray();
        var result = new InvocationResult();
        foreach (var brand in settings.Brands.Select(b => b.Trim()).Where(b => b.Length > 0).Distinct(BrandKey.Comparer))
        {
            var model = await reports.BuildAsync(new ActionMatrixQuery(brand, from, to, settings.Lang), cancellationToken);
            var html = RenderedReport.Of(model, ReportFormat.Html);
            documents.Add(new JsonObject
            {
                // The container's partition key: the brand key, so one brand's reports share a partition whatever its case.
                ["id"] = $"{BrandKey.Of(brand)}-{to:yyyyMMdd}",
                ["brand"] = BrandKey.Of(brand),
                ["from"] = from.ToString("yyyy-MM-dd"),
                ["to"] = to.ToString("yyyy-MM-dd"),
                ["lang"] = settings.Lang,
                ["generatedAt"] = model.GeneratedAt,
                ["contentType"] = html.ContentType,
                ["content"] = html.Content,
                ["report"] = JsonNode.Parse(ReportJson.Serialize(model)),
            });
        }
        if (documents.Count == 0) result.Log("no brands configured (Listening:Reports:Brands); nothing to build");
        return result.Output("report", documents);
    }
}
