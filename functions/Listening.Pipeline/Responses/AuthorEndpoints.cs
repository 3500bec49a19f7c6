using System.Text.Json;
using Listening.Access;
using Listening.Core.Feedback;
using Listening.Core.Loyalty;
using Listening.Erasure;
using Listening.Ingest;
using Listening.Pipeline;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Listening.Responses;

public sealed record AuthorPoints(int Balance, IReadOnlyList<AuthorPoints.Entry> Entries)
{
    public sealed record Entry(string Id, string ItemId, string Brand, string Source, int Points, DateTimeOffset At);
}

public sealed record AuthorErased(ErasureReport Erased);

/// <summary>An author's points (<c>GET /api/authors/{id}/points</c>) and the erasure of a person's data
/// (<c>DELETE /api/authors/{id}</c>, <c>POST /api/erasures</c>).</summary>
public static class AuthorEndpoints
{
    public const string PointsName = "GetAuthorPoints", EraseName = "EraseAuthor", ErasureName = "RequestErasure";

    public static IEndpointRouteBuilder MapAuthors(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/authors/{id}/points", GetPointsAsync).WithName(PointsName).WithMetadata(FunctionAccess.Key);
        app.MapDelete("/api/authors/{id}", EraseAsync).WithName(EraseName).WithMetadata(FunctionAccess.Key);
        app.MapPost("/api/erasures", RequestErasureAsync).WithName(ErasureName).WithMetadata(FunctionAccess.Key);
        return app;
    }

    /// <summary><c>{"balance": N, "entries": [...]}</c>; the balance is the sum of the ledger. For a key with the read-points
    /// role, or for the author with the signed link of their thank-you (<c>?token=…</c>, <see cref="AuthorLinks"/>).</summary>
    public static async Task<Results<Ok<AuthorPoints>, ProblemHttpResult>> GetPointsAsync(string id, HttpContext context, IResponseStore store, AuthorLinks links,
        CancellationToken cancellationToken)
    {
        if (!Identifiers.IsId(id)) return Problems.Of(404, "Not found", "no such author");
        if (!context.Caller().Has(AccessRole.ReadPoints) && !links.Verify(id, context.Request.Query["token"].ToString()))
            return Problems.Of(401, "Unauthorized", "send the signed link from your thank-you message (token), or a key with the read-points role");
        var entries = await store.LedgerAsync(id, cancellationToken);
        return TypedResults.Ok(new AuthorPoints(LoyaltyLedger.Balance(entries),
            entries.Select(e => new AuthorPoints.Entry(e.Id, e.ItemId, e.Brand, e.Source, e.Points, e.At)).ToList()));
    }

    /// <summary>Erases the person with this author id, and the same person's items under their other identifiers (linked
    /// through their items). Answers the counts. Repeating it is harmless.</summary>
    public static async Task<Results<Ok<AuthorErased>, ProblemHttpResult>> EraseAsync(string id, AuthorErasure erasure, CancellationToken cancellationToken)
    {
        if (!Identifiers.IsId(id))
            return Problems.Of(400, "Invalid author id", "an author id is 1–128 of A-Z a-z 0-9 . _ -",
                new Dictionary<string, string[]> { ["id"] = ["not an author id"] });
        return TypedResults.Ok(new AuthorErased(await erasure.EraseAsync([PersonalIdentifier.AuthorId(id)!], cancellationToken)));
    }

    /// <summary><c>POST /api/erasures</c> with <c>{"authorIds", "emails", "phones", "handles"}</c>: the person named by any of
    /// them, and everything linked to them through their items.</summary>
    public static async Task<Results<Ok<AuthorErased>, ProblemHttpResult>> RequestErasureAsync(HttpRequest request, AuthorErasure erasure,
        IOptions<HttpEdgeOptions> edge, TimeProvider time, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (FeedbackParser.UnsupportedMediaType(request.ContentType) is { } unsupported) return Problems.Of(unsupported);
        var read = await HttpBodies.ReadAsync(request, 64 * 1024, edge.Value, time, loggers.CreateLogger(typeof(AuthorEndpoints)), cancellationToken);
        if (!read.Ok) return read.Problem!;
        var (body, invalid) = HttpBodies.StrictUtf8(read.Bytes!, json: true);
        if (invalid is not null) return invalid;
        ErasureRequest? parsed;
        try { parsed = JsonSerializer.Deserialize<ErasureRequest>(body!, FeedbackParser.Strict); }
        catch (JsonException e)
        {
            return Problems.Of(400, "Invalid erasure request", "the body is not an erasure request",
                new Dictionary<string, string[]> { [e.Path is { Length: > 2 } p ? p[2..] : "body"] = ["has the wrong type or is not valid JSON"] });
        }
        var (identifiers, errors) = (parsed ?? new ErasureRequest()).Parse();
        if (errors.Count > 0) return Problems.Of(400, "Invalid erasure request", "one or more fields are invalid; see errors", errors);
        return TypedResults.Ok(new AuthorErased(await erasure.EraseAsync(identifiers, cancellationToken)));
    }
}
