using System.Collections.Concurrent;
using Listening.Core.Channels.Social;
using Listening.Core.Feedback;
using Microsoft.Extensions.Options;

namespace Listening.Channels;

public enum IntakeOutcome { Accepted, Duplicate, Rejected }

/// <summary>What happened to one item handed to the pipeline; <see cref="Id"/> is its deterministic item id.</summary>
public sealed record IntakeResult(IntakeOutcome Outcome, string? Id = null, string? Error = null);

/// <summary>
/// The pipeline's entry for channels: puts validated items on the ingest path (store + <c>feedback-ingested</c>
/// queue), idempotently by id. Results are in input order; an item already stored is a duplicate.
/// </summary>
public interface IFeedbackIntake
{
    Task<IReadOnlyList<IntakeResult>> SubmitAsync(IReadOnlyList<FeedbackItemDto> items, CancellationToken cancellationToken);
}

/// <summary>
/// The common last step of every channel: validation and competitor attribution for the source's brand, then the
/// pipeline. The spam and cross-post check is not here but in <c>IngestFeedback</c>, which every path reaches
/// (in-process locally, over <c>POST /api/feedback</c> on Azure), so each item is checked exactly once. A cross-posted
/// copy comes back as a duplicate of the item it collapsed into.
/// </summary>
public sealed class ChannelIntake(IFeedbackIntake pipeline, IOptions<ChannelsOptions> options)
{
    private readonly ConcurrentDictionary<string, BrandAttribution> _attributions = new(BrandKey.Comparer);

    public async Task<IntakeResult> SubmitAsync(FeedbackItemDto dto, CancellationToken cancellationToken) =>
        (await SubmitAsync([dto], cancellationToken))[0];

    public async Task<IReadOnlyList<IntakeResult>> SubmitAsync(IReadOnlyList<FeedbackItemDto> dtos, CancellationToken cancellationToken)
    {
        var results = new IntakeResult?[dtos.Count];
        var forward = new List<(int Index, FeedbackItemDto Dto)>(dtos.Count);
        for (var i = 0; i < dtos.Count; i++)
        {
            var dto = dtos[i];
            var errors = dto.Validate();
            if (errors.Count > 0)
            {
                results[i] = new IntakeResult(IntakeOutcome.Rejected, Error: string.Join("; ", errors.SelectMany(e => e.Value)));
                continue;
            }
            Attribution(dto.Brand!).Apply(dto);
            forward.Add((i, dto));
        }
        if (forward.Count > 0)
        {
            var submitted = await pipeline.SubmitAsync(forward.Select(f => f.Dto).ToList(), cancellationToken);
            for (var j = 0; j < forward.Count; j++) results[forward[j].Index] = submitted[j];
        }
        return results.Select(r => r!).ToList();
    }

    // Configuration keys are case-insensitive; the bound dictionaries may not be, so match brands by their key.
    private BrandAttribution Attribution(string brand) => _attributions.GetOrAdd(brand, b => new BrandAttribution(b.Trim(),
        options.Value.BrandAliases.FirstOrDefault(kv => BrandKey.Comparer.Equals(kv.Key, b)).Value ?? [],
        options.Value.Competitors.FirstOrDefault(kv => BrandKey.Comparer.Equals(kv.Key, b)).Value ?? []));
}
