using Listening.Core.Feedback;
using Listening.Pipeline;

namespace Listening.Erasure;

/// <summary>
/// The check every stage makes before it writes an item or sends a message about it: is the item's author erased? Then the
/// item goes on without them (<see cref="Anonymizer"/>: no author, the person masked in the text) — it still counts, but can
/// never bring the person back or reach them. The SQLite adapters make the same check inside the stage's own transaction
/// (so no erasure can fall between check and write); on Cosmos DB the stage checks again after its write
/// (<see cref="SeparateStageCommit"/>).
/// </summary>
public sealed class ErasureGuard(PersonKeys keys, IErasureRegistry registry)
{
    public PersonKeys Keys => keys;

    /// <summary>
    /// At ingest every identifier of the author is checked (a new item may bring an identifier the store never saw); past
    /// ingest the author id is enough when there is one — an erasure tombstones the author id of every item it finds, and an
    /// item ingested after it lost its author there — which keeps a stage's check at one point read on Cosmos DB.
    /// </summary>
    public async Task<bool> IsErasedAsync(FeedbackItem item, CancellationToken cancellationToken, bool ingest = false) =>
        item.Author is not null && await registry.IsErasedAsync(
            !ingest && PersonalIdentifier.AuthorId(item.Author.Id) is { } id ? [keys.Keys.KeyOf(id)] : keys.IndexKeys(item), cancellationToken);

    /// <summary>An arriving item: its author erased → the item without them.</summary>
    public async Task<FeedbackItem> ScreenAsync(FeedbackItem item, CancellationToken cancellationToken) =>
        await IsErasedAsync(item, cancellationToken, ingest: true)
            ? (await EraseAsync(new FeedbackRecord(item, FeedbackStage.Ingested, null, item.CreatedAt), cancellationToken)).Item
            : item;

    public async Task<FeedbackRecord> ScreenAsync(FeedbackRecord record, CancellationToken cancellationToken) =>
        await IsErasedAsync(record.Item, cancellationToken) ? await EraseAsync(record, cancellationToken) : record;

    /// <summary>The record of an erased author without them (<see cref="Erase"/>).</summary>
    public async Task<FeedbackRecord> EraseAsync(FeedbackRecord record, CancellationToken cancellationToken)
    {
        var candidates = keys.Candidates(record);
        var erased = await registry.ErasedAmongAsync(candidates.SelectMany(c => c.Keys).Distinct(StringComparer.Ordinal).ToList(), cancellationToken);
        // The item itself is the person's: nothing is answered for it from now on (PersonKeys.ItemKey).
        await registry.RecordAsync([keys.ItemKey(record.Item.Id)], record.UpdatedAt, cancellationToken);
        return Erase(record, candidates, erased);
    }

    /// <summary>
    /// The record without its erased author: the author's own name, e-mail, phone and handle masked in the text, and every word
    /// of the text whose key is a tombstone (<paramref name="erased"/>: the person's other handles, e-mails, phones and the
    /// names an erasure recorded) — so an item in flight never carries the person past a stage.
    /// </summary>
    public static FeedbackRecord Erase(FeedbackRecord record, IReadOnlyList<(string Word, IReadOnlyList<string> Keys)> candidates, IReadOnlySet<string> erased)
    {
        var details = Anonymizer.DetailsOf(record.Item.Author);
        foreach (var (word, wordKeys) in candidates)
            if (wordKeys.Any(erased.Contains)) details.AddWord(word);
        return Anonymizer.Erase(record, details);
    }
}
