using Listening.Tests.Stores.Cosmos;

namespace Listening.Tests.Responses;

/// <summary>
/// The response tests run against both <see cref="Listening.Responses.IResponseStore"/> adapters: each abstract test
/// class below derives from this and gets two concrete classes, one per store, so the same behaviour is asserted on
/// SQLite (local shape) and on Cosmos DB (Azure shape, on the loopback protocol server).
/// </summary>
public abstract class ResponseStoreSuite
{
    /// <summary>A harness on fresh storage, or on the storage of an earlier harness with the same <paramref name="dataDir"/>.</summary>
    protected abstract ResponsesHarness NewHarness(IReadOnlyDictionary<string, string?>? settings = null, string? dataDir = null);
}

public sealed class RespondToAuthorOnSqlite : RespondToAuthorTests
{
    protected override ResponsesHarness NewHarness(IReadOnlyDictionary<string, string?>? settings = null, string? dataDir = null) => new(settings, dataDir);
}

[Collection(CosmosServerCollection.Name)]
public sealed class RespondToAuthorOnCosmos(CosmosServerFixture server) : RespondToAuthorTests
{
    protected override ResponsesHarness NewHarness(IReadOnlyDictionary<string, string?>? settings = null, string? dataDir = null) => new(settings, dataDir, server);
}

public sealed class OutboxDeliveryOnSqlite : OutboxDeliveryTests
{
    protected override ResponsesHarness NewHarness(IReadOnlyDictionary<string, string?>? settings = null, string? dataDir = null) => new(settings, dataDir);
}

[Collection(CosmosServerCollection.Name)]
public sealed class OutboxDeliveryOnCosmos(CosmosServerFixture server) : OutboxDeliveryTests
{
    protected override ResponsesHarness NewHarness(IReadOnlyDictionary<string, string?>? settings = null, string? dataDir = null) => new(settings, dataDir, server);
}

public sealed class ResponseMonitorOnSqlite : ResponseMonitorTests
{
    protected override ResponsesHarness NewHarness(IReadOnlyDictionary<string, string?>? settings = null, string? dataDir = null) => new(settings, dataDir);
}

[Collection(CosmosServerCollection.Name)]
public sealed class ResponseMonitorOnCosmos(CosmosServerFixture server) : ResponseMonitorTests
{
    protected override ResponsesHarness NewHarness(IReadOnlyDictionary<string, string?>? settings = null, string? dataDir = null) => new(settings, dataDir, server);
}

public sealed class AuthorErasureOnSqlite : AuthorErasureTests
{
    protected override ResponsesHarness NewHarness(IReadOnlyDictionary<string, string?>? settings = null, string? dataDir = null) => new(settings, dataDir);
}

[Collection(CosmosServerCollection.Name)]
public sealed class AuthorErasureOnCosmos(CosmosServerFixture server) : AuthorErasureTests
{
    protected override ResponsesHarness NewHarness(IReadOnlyDictionary<string, string?>? settings = null, string? dataDir = null) => new(settings, dataDir, server);
}

public sealed class ConnectorDeliveryOnSqlite : ConnectorDeliveryTests
{
    protected override ResponsesHarness NewHarness(IReadOnlyDictionary<string, string?>? settings = null, string? dataDir = null) => new(settings, dataDir);
}

[Collection(CosmosServerCollection.Name)]
public sealed class ConnectorDeliveryOnCosmos(CosmosServerFixture server) : ConnectorDeliveryTests
{
    protected override ResponsesHarness NewHarness(IReadOnlyDictionary<string, string?>? settings = null, string? dataDir = null) => new(settings, dataDir, server);
}

public sealed class OutboxOperationsOnSqlite : OutboxOperationsTests
{
    protected override ResponsesHarness NewHarness(IReadOnlyDictionary<string, string?>? settings = null, string? dataDir = null) => new(settings, dataDir);
}

[Collection(CosmosServerCollection.Name)]
public sealed class OutboxOperationsOnCosmos(CosmosServerFixture server) : OutboxOperationsTests
{
    protected override ResponsesHarness NewHarness(IReadOnlyDictionary<string, string?>? settings = null, string? dataDir = null) => new(settings, dataDir, server);
}
