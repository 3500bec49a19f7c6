namespace Listening.Channels.Connectors;

/// <summary>The platform connectors' HTTP client: one attempt per call with a timeout — the outbox (answers) and the
/// next poll (reviews) do the retrying, on the injected clock, honouring the platforms' Retry-After.</summary>
public static class ConnectorHttp
{
    public const string ClientName = "connectors";
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
}
