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
        await IsErasedAsync(item, cancellationToken, ingest: true) ? Erased(item) : item;

    public async Task<FeedbackRecord> ScreenAsync(FeedbackRecord record, CancellationToken cancellationToken) =>
        await IsErasedAsync(record.Item, cancellationToken) ? Erased(record) : record;

    /// <summary>The item without its erased author (the author's own details masked in it).</summary>
    public static FeedbackItem Erased(FeedbackItem item) =>
        Anonymizer.Erase(new FeedbackRecord(item, FeedbackStage.Ingested, null, item.CreatedAt), Anonymizer.DetailsOf(item.Author)).Item;

    public static FeedbackRecord Erased(FeedbackRecord record) => Anonymizer.Erase(record, Anonymizer.DetailsOf(record.Item.Author));
}
