using Listening.Reports;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;

namespace Listening.FunctionApp.Functions;

/// <summary><c>GET /api/reports/{brand}/factors/{factor}?from&amp;to&amp;lang&amp;format&amp;polarity&amp;channel&amp;about&amp;page&amp;pageSize</c>:
/// <see cref="ActionMatrixEndpoints.GetMentionsAsync"/> — the drill-down behind each factor of the served report.</summary>
public sealed class GetFactorMentions(IFactorMentions mentions, IOptions<ReportOptions> options, TimeProvider time)
{
    [Function(ActionMatrixEndpoints.MentionsName)]
    public Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Function, "get", Route = "reports/{brand}/factors/{factor}")] HttpRequest request,
        string brand, string factor, CancellationToken cancellationToken) =>
        ActionMatrixEndpoints.GetMentionsAsync(brand, factor, Q(request, "from"), Q(request, "to"), Q(request, "lang"), Q(request, "format"),
            Q(request, "polarity"), Q(request, "channel"), Q(request, "about"), Q(request, "page"), Q(request, "pageSize"),
            mentions, options, time, cancellationToken).AsAction();

    private static string? Q(HttpRequest request, string name) => request.Query.TryGetValue(name, out var value) ? value.ToString() : null;
}
