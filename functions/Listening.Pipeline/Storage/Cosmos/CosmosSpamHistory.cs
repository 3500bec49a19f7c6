using System.Net;
using System.Text.Json;
using Listening.Core.Channels.Social;
using Listening.Ingest;

namespace Listening.Storage.Cosmos;

/// <summary>
/// <see cref="ISpamHistory"/> on Cosmos DB: one document per author in the <c>aggregates</c> container, in its own
/// logical partition (<c>/pk</c> = the document id). Optimistic concurrency: read with the ETag, check, then create
/// (409 → someone else did: again) or replace If-Match (412 → someone else wrote: again), so two instances taking
/// posts of one author at the same moment both see each other's post. An erased author's history is not kept: after its
/// write the history checks the author's tombstone and deletes what it wrote (an erasure writes the tombstone before it
/// deletes the history, so one of the two always removes it).
/// </summary>
public sealed class CosmosSpamHistory(CosmosDocuments documents, Listening.Access.ListeningKeys keys, Listening.Erasure.IErasureRegistry erasures) : ISpamHistory
{
    private const int MaxAttempts = 8;

    public async Task<T> UpdateAsync<T>(string authorKey, Func<List<SpamPost>, T> check, CancellationToken cancellationToken)
    {
        var spamKey = keys.SpamKey(authorKey);
        var id = SpamHistoryDocument.IdOf(spamKey);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var stored = await documents.ReadAsync<JsonElement>(id, id, cancellationToken);
            var posts = stored is { } s ? SpamHistoryDocument.Parse(s.Document) : [];
            var result = check(posts);
            var body = JsonSerializer.SerializeToUtf8Bytes(SpamHistoryDocument.ToJson(id, posts));
            var written = stored is { } current
                ? await documents.ReplaceStreamAsync(body, id, id, current.ETag, cancellationToken)
                : await documents.CreateStreamAsync(body, id, cancellationToken);
            if (written is HttpStatusCode.OK or HttpStatusCode.Created)
            {
                if (await erasures.IsErasedAsync([spamKey], cancellationToken)) await documents.DeleteAsync(id, id, etag: null, cancellationToken);
                return result;
            }
        }
        throw new CosmosStoreException($"spam history {id} kept racing");
    }
}
