using Listening.Access;
using Listening.Core.Channels.Social;
using Listening.Erasure;
using Listening.Core.Feedback;
using Listening.Pipeline;
using Listening.Queues;
using Listening.Storage;

namespace Listening.Ingest;

/// <summary>What ingest did with a batch, in input order: the id each item is known by (a cross-posted copy answers the
/// id of the item it collapsed into) and whether it is new to the pipeline.</summary>
public sealed record IngestResult(IReadOnlyList<string> Ids, IReadOnlyList<bool> New);

/// <summary>
/// The one entry every channel shares (<c>POST /api/feedback</c>, webhooks, mentions, polled sources, <c>listening
/// import</c>): the spam and cross-post check (<see cref="SpamScreen"/>), the item created in the store and never
/// overwritten — so a re-post, a webhook retry or a concurrent duplicate is the same single item — and one
/// <c>feedback-ingested</c> message per item not yet past ingest, sent as one batch with the item ids as message ids.
/// Links-only posts and floods are stored with <c>spam</c> set; a cross-posted copy is not stored. Ids are derived under the
/// deployment's key in the sender's namespace (<see cref="IngestTrust"/>), and an item whose author was erased goes on
/// without them (<see cref="ErasureGuard"/>; the commit checks again inside its own write).
/// </summary>
public sealed class IngestFeedback(SpamScreen spam, IStageCommit commit, ListeningKeys keys, ErasureGuard erasures, TimeProvider time)
{
    public const string Name = nameof(IngestFeedback);

    /// <summary>Stores and queues valid items (<see cref="FeedbackItemDto.Validate"/> passed). Once it has started it should
    /// run to the end (pass no request-abort token): an item stored without its message waits for <see cref="RequeueStalledFeedback"/>.</summary>
    public async Task<IngestResult> IngestAsync(IReadOnlyList<FeedbackItemDto> dtos, IngestTrust trust, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var items = (await Task.WhenAll(dtos.Select(d => erasures.ScreenAsync(d.ToItem(now, keys.Ids, trust), cancellationToken)))).ToList();
        var distinct = items.DistinctBy(i => i.Id).ToList();
        var verdicts = await spam.CheckAsync(distinct, cancellationToken);
        var answered = new Dictionary<string, string>(StringComparer.Ordinal);
        var kept = new List<FeedbackItem>(distinct.Count);
        for (var i = 0; i < distinct.Count; i++)
        {
            var (item, verdict) = (distinct[i], verdicts[i]);
            answered[item.Id] = verdict.Kind == SpamKind.CrossPost ? verdict.OriginalId! : item.Id;
            if (verdict.Kind == SpamKind.CrossPost) continue;
            // A sender's own spam mark (a re-import of stored items) stands.
            kept.Add(verdict.IsSpam && item.Spam is null ? item with { Spam = verdict.Reason } : item);
        }
        var added = kept.Count == 0 ? [] : await commit.IngestAsync(kept, now, cancellationToken);

        var created = added.Where(a => a.Created).Select(a => a.Record.Item.Id).ToHashSet(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var ids = items.Select(i => answered[i.Id]).ToList();
        // New: created by this call, and the first time the batch names it (a repeat or a collapsed copy is a duplicate).
        var fresh = items.Select((item, i) => ids[i] == item.Id && created.Contains(item.Id) && seen.Add(item.Id)).ToList();
        return new IngestResult(ids, fresh);
    }
}
