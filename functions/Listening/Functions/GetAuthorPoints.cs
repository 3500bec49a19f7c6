using Listening.Core.Loyalty;
using Listening.Handler;
using Listening.Responses;

namespace Listening.Functions;

/// <summary>GET /api/authors/{id}/points: <c>{"balance": N, "entries": [...]}</c>; the balance is the sum of the ledger.</summary>
public sealed class GetAuthorPoints : IForwardedHttpFunction
{
    public Delegate Endpoint => async (string id, IResponseStore store, CancellationToken cancellationToken) =>
    {
        var entries = await store.LedgerAsync(id, cancellationToken);
        return Results.Json(new AuthorPoints(LoyaltyLedger.Balance(entries),
            entries.Select(e => new AuthorPoints.Entry(e.Id, e.ItemId, e.Brand, e.Source, e.Points, e.At)).ToList()), ResponsePlanner.Json);
    };
}

public sealed record AuthorPoints(int Balance, IReadOnlyList<AuthorPoints.Entry> Entries)
{
    public sealed record Entry(string Id, string ItemId, string Brand, string Source, int Points, DateTimeOffset At);
}
