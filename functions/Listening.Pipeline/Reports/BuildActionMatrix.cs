using System.Text.Json.Nodes;
using Listening.Core.Feedback;
using Listening.Reports;
using Microsoft.Extensions.Options;

namespace Listening.Reports;

/// <summary>Where the scheduled reports are kept: the <c>reports</c> container (Cosmos DB, partition key <c>/brand</c>;
/// a document table locally). A document with the same id replaces the previous one. The alert job keeps its per-brand
/// state there too (<c>alerts-{brand}</c>).</summary>
public interface IReportStore
{
    /// <summary>Upsert by <c>id</c>; the document carries <c>brand</c> (its partition).</summary>
    Task SaveAsync(JsonObject document, CancellationToken cancellationToken);

    /// <summary>The document with this id in the brand's partition; null when absent.</summary>
    Task<JsonObject?> GetAsync(string brand, string id, CancellationToken cancellationToken);
}

/// <summary>
/// Timer (<c>ReportSchedule</c>, daily by default): for each configured brand, the action-matrix report over the last
/// <see cref="ReportOptions.PeriodDays"/> days up to today, saved with a deterministic id (brand + day), so a rerun the
/// same day replaces rather than duplicates. The document carries the HTML page (<c>content</c>) and the report's
/// numbers (<c>report</c>, the JSON `listening report --json` writes).
/// </summary>
public sealed partial class BuildActionMatrix(IActionMatrixReports reports, IReportStore store, IOptions<ReportOptions> options, TimeProvider time,
    ILogger<BuildActionMatrix> logger)
{
    public const string Name = nameof(BuildActionMatrix);

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var (from, to) = settings.DefaultPeriod(today);
        var built = 0;
        foreach (var brand in settings.Brands.Select(b => b.Trim()).Where(b => b.Length > 0).Distinct(BrandKey.Comparer))
        {
            var model = await reports.BuildAsync(new ActionMatrixQuery(brand, from, to, settings.Lang), cancellationToken);
            var html = RenderedReport.Of(model, ReportFormat.Html);
            await store.SaveAsync(new JsonObject
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
            }, cancellationToken);
            built++;
        }
        if (built == 0) LogNoBrands(logger);
        return built;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "No brands configured (Listening:Reports:Brands); no report built")]
    private static partial void LogNoBrands(ILogger logger);
}
