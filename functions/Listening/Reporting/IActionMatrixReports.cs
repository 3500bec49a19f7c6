using Listening.Storage;

namespace Listening.Reporting;

/// <summary>A report for one brand (its competitors included) over [From, To).</summary>
public sealed record ReportRequest(string Brand, DateTimeOffset From, DateTimeOffset To, ReportFormat Format);

public enum ReportFormat { Html, Json }

public sealed record RenderedReport(string ContentType, string Content, string FileExtension);

/// <summary>
/// The one seam between the pipeline and the action-matrix report renderer: BuildActionMatrix (timer),
/// GetActionMatrix (HTTP) and `listening demo` all call it.
/// </summary>
public interface IActionMatrixReports
{
    Task<RenderedReport> BuildAsync(ReportRequest request, IAsyncEnumerable<FeedbackRecord> records, CancellationToken cancellationToken);
}
