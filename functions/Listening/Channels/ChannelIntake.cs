using System.Collections.Concurrent;
using Listening.Core.Channels.Social;
using Listening.Core.Feedback;
using Microsoft.Extensions.Options;

namespace Listening.Channels;

public enum IntakeOutcome { Accepted, Duplicate, Rejected }

/// <summary>What happened to one item handed to the pipeline; <see cref="Id"/> is its deterministic item id.</summary>
public sealed record IntakeResult(IntakeOutcome Outcome, string? Id = null, string? Error = null);

/// <summary>The pipeline's entry: puts a validated item on the ingest path (queue + store), idempotently by id.</summary>
public interface IFeedbackIntake
{
    Task<IntakeResult> SubmitAsync(FeedbackItemDto item, CancellationToken cancellationToken);
}

/// <summary>
/// The common last step of every channel: competitor attribution for the source's brand, spam and cross-post
/// check, then the pipeline. Cross-posted copies collapse into the first (reported as duplicates);
/// spam is marked and still submitted, so it is kept but out of the matrix and of loyalty awards.
/// </summary>
public sealed class ChannelIntake(IFeedbackIntake pipeline, IOptions<ChannelsOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, BrandAttribution> _attributions = new(StringComparer.OrdinalIgnoreCase);
    private readonly SpamFilter _spam = new(options.Value.Spam);
    private readonly Lock _spamLock = new();

    public async Task<IntakeResult> SubmitAsync(FeedbackItemDto dto, CancellationToken cancellationToken)
    {
        var errors = dto.Validate();
        if (errors.Count > 0) return new IntakeResult(IntakeOutcome.Rejected, Error: string.Join("; ", errors.SelectMany(e => e.Value)));
        Attribution(dto.Brand!).Apply(dto);

        var item = dto.ToItem(time.GetUtcNow());
        SpamVerdict verdict;
        lock (_spamLock) verdict = _spam.Check(item);
        if (verdict.Kind == SpamKind.CrossPost) return new IntakeResult(IntakeOutcome.Duplicate, verdict.OriginalId);
        if (verdict.IsSpam) dto.Spam = verdict.Reason;
        return await pipeline.SubmitAsync(dto, cancellationToken);
    }

    private BrandAttribution Attribution(string brand) => _attributions.GetOrAdd(brand, b => new BrandAttribution(b,
        options.Value.BrandAliases.GetValueOrDefault(b) ?? [],
        options.Value.Competitors.GetValueOrDefault(b) ?? []));
}
