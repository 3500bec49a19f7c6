using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Azure.Cosmos;

namespace Listening.Storage.Cosmos;

/// <summary>
/// Typed documents on one container through the SDK's stream API: the JSON is exactly the record's (web casing),
/// 404 / 409 / 412 come back as status codes for the caller to decide on, and every call's RU charge is metered.
/// </summary>
public sealed class CosmosDocuments(Container container, CosmosRequestCharges charges)
{
    public static JsonSerializerOptions Json => Pipeline.ListeningJson.Options;

    private static readonly ItemRequestOptions NoContent = new() { EnableContentResponseOnWrite = false };

    public Container Container => container;

    /// <summary>The document and its ETag, or null when there is none.</summary>
    public async Task<(T Document, string ETag)?> ReadAsync<T>(string id, string pk, CancellationToken cancellationToken)
    {
        using var response = await container.ReadItemStreamAsync(id, new PartitionKey(pk), cancellationToken: cancellationToken);
        Meter("read", response);
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        if (!response.IsSuccessStatusCode) throw Failure("read", response);
        var document = await JsonSerializer.DeserializeAsync<T>(response.Content, Json, cancellationToken)
            ?? throw new CosmosStoreException($"document {id} is null");
        return (document, response.Headers.ETag);
    }

    /// <summary>Creates the document: <see cref="HttpStatusCode.Created"/>, or <see cref="HttpStatusCode.Conflict"/> when the id is taken.</summary>
    public Task<HttpStatusCode> CreateAsync<T>(T document, string pk, CancellationToken cancellationToken) =>
        CreateStreamAsync(JsonSerializer.SerializeToUtf8Bytes(document, Json), pk, cancellationToken);

    public async Task<HttpStatusCode> CreateStreamAsync(byte[] json, string pk, CancellationToken cancellationToken)
    {
        using var body = new MemoryStream(json);
        using var response = await container.CreateItemStreamAsync(body, new PartitionKey(pk), NoContent, cancellationToken);
        Meter("create", response);
        if (response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.Conflict) return response.StatusCode;
        throw Failure("create", response);
    }

    /// <summary>Creates or overwrites the document: for documents whose content is the same whichever writer wins.</summary>
    public async Task UpsertAsync<T>(T document, string pk, CancellationToken cancellationToken)
    {
        using var body = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(document, Json));
        using var response = await container.UpsertItemStreamAsync(body, new PartitionKey(pk), NoContent, cancellationToken);
        Meter("upsert", response);
        if (!response.IsSuccessStatusCode) throw Failure("upsert", response);
    }

    /// <summary>Replaces the document if it is still at <paramref name="etag"/>: OK, or PreconditionFailed / NotFound when it moved.</summary>
    public Task<HttpStatusCode> ReplaceAsync<T>(T document, string id, string pk, string etag, CancellationToken cancellationToken) =>
        ReplaceStreamAsync(JsonSerializer.SerializeToUtf8Bytes(document, Json), id, pk, etag, cancellationToken);

    public async Task<HttpStatusCode> ReplaceStreamAsync(byte[] json, string id, string pk, string etag, CancellationToken cancellationToken)
    {
        using var body = new MemoryStream(json);
        var options = new ItemRequestOptions { IfMatchEtag = etag, EnableContentResponseOnWrite = false };
        using var response = await container.ReplaceItemStreamAsync(body, id, new PartitionKey(pk), options, cancellationToken);
        Meter("replace", response);
        if (response.IsSuccessStatusCode || response.StatusCode is HttpStatusCode.PreconditionFailed or HttpStatusCode.NotFound) return response.StatusCode;
        throw Failure("replace", response);
    }

    /// <summary>Deletes the document (if it is still at <paramref name="etag"/>, when given); a document already gone is fine.</summary>
    public async Task<HttpStatusCode> DeleteAsync(string id, string pk, string? etag, CancellationToken cancellationToken)
    {
        using var response = await container.DeleteItemStreamAsync(id, new PartitionKey(pk), new ItemRequestOptions { IfMatchEtag = etag }, cancellationToken);
        Meter("delete", response);
        if (response.IsSuccessStatusCode || response.StatusCode is HttpStatusCode.PreconditionFailed or HttpStatusCode.NotFound) return response.StatusCode;
        throw Failure("delete", response);
    }

    /// <summary>The query's documents as raw JSON (system properties <c>_etag</c>, <c>_rid</c>… included), page by page.</summary>
    public async IAsyncEnumerable<JsonElement> QueryAsync(string operation, QueryDefinition query, QueryRequestOptions? options,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var iterator = container.GetItemQueryStreamIterator(query, requestOptions: options ?? new QueryRequestOptions());
        while (iterator.HasMoreResults)
        {
            using var page = await iterator.ReadNextAsync(cancellationToken);
            Meter(operation, page);
            if (!page.IsSuccessStatusCode) throw Failure(operation, page);
            using var body = await JsonDocument.ParseAsync(page.Content, cancellationToken: cancellationToken);
            foreach (var document in body.RootElement.GetProperty("Documents").EnumerateArray())
                yield return document.Clone();
        }
    }

    /// <summary>The query's documents, typed, each with its ETag.</summary>
    public async IAsyncEnumerable<(T Document, string ETag)> QueryAsync<T>(string operation, QueryDefinition query, QueryRequestOptions? options,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var element in QueryAsync(operation, query, options, cancellationToken))
            yield return (element.Deserialize<T>(Json)!, element.GetProperty("_etag").GetString()!);
    }

    private void Meter(string operation, ResponseMessage response) =>
        charges.Record(container.Id, operation, response.StatusCode, response.Headers.RequestCharge);

    // The container, never the document id: ids can carry an author id.
    private CosmosStoreException Failure(string operation, ResponseMessage response) =>
        new($"Cosmos DB {operation} in {container.Id} failed: {(int)response.StatusCode} {response.StatusCode} {response.ErrorMessage}");
}
