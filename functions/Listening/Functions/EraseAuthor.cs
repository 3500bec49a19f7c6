using Listening.Handler;
using Listening.Responses;

namespace Listening.Functions;

/// <summary>
/// DELETE /api/authors/{id}: erases the author's name, contact and handle from items, messages and the ledger, keeping
/// anonymous counts. Answers the counts; logs them (never the id or the data). Repeating it is harmless.
/// </summary>
public sealed partial class EraseAuthor : IForwardedHttpFunction
{
    public Delegate Endpoint => async (string id, IResponseStore store, TimeProvider time, ILogger<EraseAuthor> logger, CancellationToken cancellationToken) =>
    {
        if (string.IsNullOrWhiteSpace(id) || id.Length > 200)
            return Results.Problem(statusCode: 400, title: "Invalid author id", detail: "the author id must be 1–200 characters");
        var report = await store.EraseAuthorAsync(id, time.GetUtcNow(), cancellationToken);
        LogErased(logger, report.Items, report.Messages, report.LedgerEntries, report.QueuedMessages);
        return Results.Json(new { erased = report }, ResponsePlanner.Json);
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Author personal data erased on request: {Items} item(s), {Messages} message(s), {LedgerEntries} ledger entr(ies) anonymised, {Queued} queued message(s)")]
    private static partial void LogErased(ILogger logger, int items, int messages, int ledgerEntries, int queued);
}
