using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Listening.Core.Feedback;
using Listening.Core.Loyalty;
using Listening.Erasure;
using Listening.Responses.Delivery;
using Microsoft.Extensions.Options;

namespace Listening.Responses;

/// <summary>What an erasure changed (<see cref="Report"/>, counts only), and the outbox messages it touched (their pickup
/// files are removed too; never answered or logged).</summary>
public sealed record ErasureOutcome(ErasureReport Report, [property: JsonIgnore] IReadOnlyList<string> MessageIds);

/// <summary>
/// Erasing a person (<c>DELETE /api/authors/{id}</c>, <c>POST /api/erasures</c>): the store records the tombstones first and
/// rewrites everything of the person in one go (<see cref="IResponseStore.EraseAsync"/>: items and the person's other items
/// linked through them, queued messages, the outbox — waiting for a send already under way —, the ledger, decisions, the
/// spam history, stored reports); then the messages already handed to the pickup directory are removed. Logs counts only.
/// </summary>
public sealed partial class AuthorErasure(IResponseStore store, IOptions<DeliveryOptions> delivery, TimeProvider time, ILogger<AuthorErasure> logger)
{
    /// <summary>The loyalty reason of an item decided after its author was erased: nothing sent, nothing awarded.</summary>
    public const string ErasedReason = "author-erased";

    public async Task<ErasureReport> EraseAsync(IReadOnlyList<PersonalIdentifier> identifiers, CancellationToken cancellationToken)
    {
        var outcome = await store.EraseAsync(identifiers, time.GetUtcNow(), cancellationToken);
        var files = RemovePickupFiles(outcome.MessageIds);
        var r = outcome.Report;
        LogErased(logger, r.Items, r.Messages, r.LedgerEntries, r.QueuedMessages, files);
        return r;
    }

    /// <summary>The response a decision taken after the author's erasure leaves: no message, no award, no link to the person.</summary>
    public static ResponsePlan ErasedPlan(ResponsePlan candidate) => candidate with
    {
        Loyalty = LoyaltyDecision.None(ErasedReason),
        Messages = [],
        Tracking = candidate.Tracking with { AuthorId = null, Reachable = false, FollowUp = false, LoyaltyReason = ErasedReason, Points = 0 },
    };

    /// <summary>Every string of a stored JSON document (a report's quotes) with the person masked; true when one changed.</summary>
    public static bool MaskStrings(JsonNode? node, PersonalDetails details)
    {
        var changed = false;
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, value) in o.ToList())
                    if (value is JsonValue v && v.TryGetValue<string>(out var s) && details.Mask(s) is { Changed: true } masked) { o[key] = masked.Text; changed = true; }
                    else changed |= MaskStrings(value, details);
                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                    if (a[i] is JsonValue v && v.TryGetValue<string>(out var s) && details.Mask(s) is { Changed: true } masked) { a[i] = masked.Text; changed = true; }
                    else changed |= MaskStrings(a[i], details);
                break;
        }
        return changed;
    }

    /// <summary>A message written to the pickup directory but not yet collected is still in our custody: it goes.</summary>
    private int RemovePickupFiles(IReadOnlyList<string> messageIds)
    {
        var directory = delivery.Value.PickupDirectory;
        if (string.IsNullOrWhiteSpace(directory) || !Directory.Exists(directory)) return 0;
        var removed = 0;
        foreach (var id in messageIds)
        {
            if (Access.SafePath.InDirectory(directory, $"{id}.json") is not { } path || !File.Exists(path)) continue;
            try { File.Delete(path); removed++; }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { LogPickupNotRemoved(logger, id); }
        }
        return removed;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Personal data erased on request: {Items} item(s), {Messages} message(s), {LedgerEntries} ledger entr(ies) anonymised, {Queued} queued message(s), {Files} pickup file(s) removed")]
    private static partial void LogErased(ILogger logger, int items, int messages, int ledgerEntries, int queued, int files);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {MessageId}: its pickup file could not be removed after an erasure")]
    private static partial void LogPickupNotRemoved(ILogger logger, string messageId);
}
