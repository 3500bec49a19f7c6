using System.Net;
using System.Text.Json;
using Listening.Core.Channels.Social;
using Listening.Ingest;
using Microsoft.Azure.Cosmos;

namespace Listening.Storage.Cosmos;

/// <summary>
/// <see cref="ISpamHistory"/> on Cosmos DB: one document per author in the <c>aggregates</c> container, in its own
/// logical partition (<c>/pk</c> = the document id). Optimistic concurrency: read with the ETag, check, then create
/// (409 → someone else did: again) or replace If-Match (412 → someone else wrote: again), so two instances taking
/// posts of one author at the same moment both see each other's post.
/// </summary>
public sealed class CosmosSpamHistory(Container container, CosmosRequestCharges charges) : ISpamHistory
{
    private const int MaxAttempts = 8;
    private static readonly ItemRequestOptions NoContentOnWrite = new() { EnableContentResponseOnWrite = false };

    public async Task<T> UpdateAsync<T>(string authorKey, Func<List<SpamPost>, T> check, CancellationToken cancellationToken)
    {
        var id = SpamHistoryDocument.IdOf(authorKey);
        var pk = new PartitionKey(id);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            List<SpamPost> posts;
            string? etag = null;
            using (var read = await container.ReadItemStreamAsync(id, pk, cancellationToken: cancellationToken))
            {
                Meter("read", read);
                if (read.StatusCode == HttpStatusCode.NotFound) posts = [];
                else if (!read.IsSuccessStatusCode) throw Failure("read", read);
                else
                {
                    using var document = await JsonDocument.ParseAsync(read.Content, cancellationToken: cancellationToken);
                    posts = SpamHistoryDocument.Parse(document.RootElement);
                    etag = read.Headers.ETag;
                }
            }

            var result = check(posts);
            using var body = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(SpamHistoryDocument.ToJson(id, posts)));
            using var written = etag is null
                ? await container.CreateItemStreamAsync(body, pk, NoContentOnWrite, cancellationToken)
                : await container.ReplaceItemStreamAsync(body, id, pk,
                    new ItemRequestOptions { IfMatchEtag = etag, EnableContentResponseOnWrite = false }, cancellationToken);
            Meter(etag is null ? "create" : "replace", written);
            if (written.IsSuccessStatusCode) return result;
            if (written.StatusCode is not (HttpStatusCode.Conflict or HttpStatusCode.PreconditionFailed or HttpStatusCode.NotFound))
                throw Failure("write", written);
        }
        throw new CosmosStoreException($"spam history {id} kept racing");
    }

    private void Meter(string operation, ResponseMessage response) =>
        charges.Record(container.Id, operation, response.StatusCode, response.Headers.RequestCharge);

    private static CosmosStoreException Failure(string operation, ResponseMessage response) =>
        new($"Cosmos DB {operation} of a spam history failed: {(int)response.StatusCode} {response.ErrorMessage}");
}
