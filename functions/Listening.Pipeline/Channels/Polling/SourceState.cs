using System.Collections.Concurrent;

namespace Listening.Channels.Polling;

/// <summary>What we remember about a polled URL: validators for the conditional GET and the item ids already sent.</summary>
public sealed record SourceState(string Url, string? ETag, string? LastModified, IReadOnlySet<string> SeenIds)
{
    public static SourceState New(string url) => new(url, null, null, new HashSet<string>());
}

/// <summary>
/// Remembers source state between polls. Losing it costs one full re-read, never duplicates: item ids are
/// deterministic and ingest is idempotent.
/// </summary>
public interface ISourceStateStore
{
    Task<SourceState> GetAsync(string url, CancellationToken cancellationToken);
    Task SaveAsync(SourceState state, CancellationToken cancellationToken);
}

public sealed class InMemorySourceStateStore : ISourceStateStore
{
    private readonly ConcurrentDictionary<string, SourceState> _states = new();

    public Task<SourceState> GetAsync(string url, CancellationToken cancellationToken) =>
        Task.FromResult(_states.GetValueOrDefault(url) ?? SourceState.New(url));

    public Task SaveAsync(SourceState state, CancellationToken cancellationToken)
    {
        _states[state.Url] = state;
        return Task.CompletedTask;
    }
}
