using Listening.Core.Loyalty;
using Listening.Pipeline;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Listening.Responses;

public sealed record AuthorPoints(int Balance, IReadOnlyList<AuthorPoints.Entry> Entries)
{
    public sealed record Entry(string Id, string ItemId, string Brand, string Source, int Points, DateTimeOffset At);
}

public sealed record AuthorErased(ErasureReport Erased);

/// <summary>An author's points (<c>GET /api/authors/{id}/points</c>) and the erasure of their personal data
/// (<c>DELETE /api/authors/{id}</c>).</summary>
public static partial class AuthorEndpoints
{
    public const string PointsName = "GetAuthorPoints", EraseName = "EraseAuthor";

    public static IEndpointRouteBuilder MapAuthors(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/authors/{id}/points", GetPointsAsync).WithName(PointsName).WithMetadata(FunctionAccess.Key);
        app.MapDelete("/api/authors/{id}", EraseAsync).WithName(EraseName).WithMetadata(FunctionAccess.Key);
        return app;
    }

    /// <summary><c>{"balance": N, "entries": [...]}</c>; the balance is the sum of the ledger.</summary>
    public static async Task<Ok<AuthorPoints>> GetPointsAsync(string id, IResponseStore store, CancellationToken cancellationToken)
    {
        var entries = await store.LedgerAsync(id, cancellationToken);
        return TypedResults.Ok(new AuthorPoints(LoyaltyLedger.Balance(entries),
            entries.Select(e => new AuthorPoints.Entry(e.Id, e.ItemId, e.Brand, e.Source, e.Points, e.At)).ToList()));
    }

    /// <summary>Erases the author's name, contact and handle from items, messages and the ledger, keeping anonymous counts.
    /// Answers the counts; logs them (never the id or the data). Repeating it is harmless.</summary>
    public static async Task<Results<Ok<AuthorErased>, ProblemHttpResult>> EraseAsync(string id, IResponseStore store, TimeProvider time,
        ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(id) || id.Length > 200)
            return Problems.Of(400, "Invalid author id", "the author id must be 1–200 characters");
        var report = await store.EraseAuthorAsync(id, time.GetUtcNow(), cancellationToken);
        LogErased(loggers.CreateLogger(typeof(AuthorEndpoints)), report.Items, report.Messages, report.LedgerEntries, report.QueuedMessages);
        return TypedResults.Ok(new AuthorErased(report));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Author personal data erased on request: {Items} item(s), {Messages} message(s), {LedgerEntries} ledger entr(ies) anonymised, {Queued} queued message(s)")]
    private static partial void LogErased(ILogger logger, int items, int messages, int ledgerEntries, int queued);
}
