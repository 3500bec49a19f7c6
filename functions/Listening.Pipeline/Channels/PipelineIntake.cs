using Listening.Core.Feedback;
using Listening.Ingest;

namespace Listening.Channels;

/// <summary>
/// The channels' way into the pipeline on both shapes: <see cref="IngestFeedback"/> in this process — the same store and
/// queue path as <c>POST /api/feedback</c>, with no HTTP call back into the app. An item already stored, repeated within
/// the batch or collapsed into another one (a cross-post) is a duplicate. Channels are trusted senders
/// (<see cref="IngestTrust.Trusted"/>): a signed webhook, a polled source or the import command names the source, the external
/// id and the author.
/// </summary>
public sealed class PipelineIntake(IngestFeedback ingest) : IFeedbackIntake
{
    public async Task<IReadOnlyList<IntakeResult>> SubmitAsync(IReadOnlyList<FeedbackItemDto> items, CancellationToken cancellationToken)
    {
        if (items.Count == 0) return [];
        IngestResult result;
        // Once items are being stored, finish (an item stored without its message waits for the stalled-item timer).
        try { result = await ingest.IngestAsync(items, IngestTrust.Trusted, CancellationToken.None); }
        catch (Exception e) when (e is not OperationCanceledException and not ArgumentException)
        {
            throw new IntakeException($"ingest failed: {e.GetType().Name}: {e.Message}");
        }
        return result.Ids.Select((id, i) => new IntakeResult(result.New[i] ? IntakeOutcome.Accepted : IntakeOutcome.Duplicate, id)).ToList();
    }
}

/// <summary>The pipeline refused or failed to take items (not the items' fault): the caller answers 5xx / retries.</summary>
public sealed class IntakeException(string message) : Exception(message);
