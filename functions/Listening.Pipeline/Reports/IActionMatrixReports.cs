using Listening.Reports;

namespace Listening.Reports;

/// <summary>A report for one brand (its competitors included) over the UTC days [From, To], in <paramref name="Lang"/> (ru|en).</summary>
public sealed record ActionMatrixQuery(string Brand, DateOnly From, DateOnly To, string Lang);

public enum ReportFormat { Html, Json }

/// <summary>The report as served or stored: the same HTML and JSON `listening report` writes.</summary>
public sealed record RenderedReport(string ContentType, string Content, string FileExtension)
{
    public static RenderedReport Of(ReportModel model, ReportFormat format) => format == ReportFormat.Json
        ? new("application/json; charset=utf-8", ReportJson.Serialize(model), "json")
        : new("text/html; charset=utf-8", ReportHtml.Render(model), "html");
}

/// <summary>
/// The one seam between the pipeline and the action-matrix report: BuildActionMatrix (timer) and
/// GetActionMatrix (HTTP, which `listening demo` calls) build the report model through it.
/// </summary>
public interface IActionMatrixReports
{
    Task<ReportModel> BuildAsync(ActionMatrixQuery query, CancellationToken cancellationToken);
}
