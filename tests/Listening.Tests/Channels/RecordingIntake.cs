using System.Collections.Concurrent;
using Listening.Channels;
using Listening.Core.Feedback;

namespace Listening.Tests.Channels;

/// <summary>
/// Stand-in for the pipeline's ingest in tests of the channel side alone: keeps items by their deterministic id,
/// like the store does, so a second submit of the same item is a duplicate.
/// </summary>
internal sealed class RecordingIntake : IFeedbackIntake
{
    public ConcurrentDictionary<string, FeedbackItemDto> Items { get; } = new();

    public Task<IReadOnlyList<IntakeResult>> SubmitAsync(IReadOnlyList<FeedbackItemDto> items, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<IntakeResult>>(items.Select(item =>
        {
            var id = item.ToItem(DateTimeOffset.UnixEpoch).Id;
            return Items.TryAdd(id, item) ? new IntakeResult(IntakeOutcome.Accepted, id) : new IntakeResult(IntakeOutcome.Duplicate, id);
        }).ToList());
}
