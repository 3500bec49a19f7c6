using System.Collections.Concurrent;
using Listening.Channels.Polling;
using Listening.Core.Feedback;
using Listening.Responses.Delivery;

namespace Listening.Channels.Connectors;

/// <summary>One review as a platform lists it: its key (review id), and the item it becomes (null when it carries no text).</summary>
public sealed record PolledReview(string Key, FeedbackItemDto? Item);

/// <summary>A review platform that is polled (Google Play, the App Store, Google Business Profile) and answered in place.</summary>
public interface IReviewPlatform
{
    string Name { get; }

    /// <summary>The brands whose connector to this platform is configured for polling.</summary>
    IReadOnlyList<string> Brands();

    /// <summary>The brand's reviews, newest first, a page at a time (the poller stops once a page holds nothing new).</summary>
    /// <exception cref="PlatformException">the platform could not be read (transient: retried at a later poll).</exception>
    IAsyncEnumerable<IReadOnlyList<PolledReview>> ReviewsAsync(string brand, CancellationToken cancellationToken);
}

/// <summary>What one poll of one brand on one platform found.</summary>
public sealed record ReviewPollReport(string Platform, string Brand, int Found, int New, string? Error = null, DateTimeOffset? DeferredUntil = null);

/// <summary>
/// The <c>PollReviews</c> schedule: reads each configured brand's new reviews on each review platform and hands them to
/// the pipeline (item ids from platform + review id: a review seen again is the same item). Only reviews not seen
/// before are submitted; paging stops at the first page with nothing new. A platform that answers 429 or 5xx is left
/// alone until its <c>Retry-After</c> (else an exponential backoff from one minute) — in this process; a refusal
/// (bad credentials, unknown app) is reported and tried again at the next poll.
/// </summary>
public sealed partial class ReviewPoller(IEnumerable<IReviewPlatform> platforms, ISourceStateStore states, ChannelIntake intake, TimeProvider time,
    ILogger<ReviewPoller> logger)
{
    public const string Name = "PollReviews";
    private const int MaxPages = 10;
    private const int MaxSeenIds = 20_000;
    private readonly ConcurrentDictionary<string, (DateTimeOffset NotBefore, int Failures)> throttled = new();

    public async Task<IReadOnlyList<ReviewPollReport>> PollAllAsync(CancellationToken cancellationToken)
    {
        var reports = new List<ReviewPollReport>();
        foreach (var platform in platforms)
            foreach (var brand in platform.Brands())
                reports.Add(await PollAsync(platform, brand, cancellationToken));
        return reports;
    }

    public async Task<ReviewPollReport> PollAsync(IReviewPlatform platform, string brand, CancellationToken cancellationToken)
    {
        var key = $"reviews:{platform.Name}:{BrandKey.Of(brand)}";
        var now = time.GetUtcNow();
        if (throttled.TryGetValue(key, out var wait) && wait.NotBefore > now)
            return new ReviewPollReport(platform.Name, brand, 0, 0, "waiting for the platform's Retry-After", wait.NotBefore);

        var state = await states.GetAsync(key, cancellationToken);
        var seen = new HashSet<string>(state.SeenIds, StringComparer.Ordinal);
        int found = 0, fresh = 0, pages = 0;
        try
        {
            await foreach (var page in platform.ReviewsAsync(brand, cancellationToken))
            {
                found += page.Count;
                var news = page.Where(r => !seen.Contains(r.Key)).ToList();
                var items = news.Where(r => r.Item is not null).ToList();
                if (items.Count > 0)
                {
                    var results = await intake.SubmitAsync(items.Select(r => r.Item!).ToList(), cancellationToken);
                    for (var i = 0; i < items.Count; i++)
                    {
                        if (results[i].Outcome == IntakeOutcome.Accepted) fresh++;
                        if (results[i].Outcome != IntakeOutcome.Rejected) seen.Add(items[i].Key);
                    }
                }
                foreach (var empty in news.Where(r => r.Item is null)) seen.Add(empty.Key);
                if (news.Count == 0 || ++pages >= MaxPages) break;
            }
        }
        catch (PlatformException e)
        {
            var failures = (throttled.TryGetValue(key, out var before) ? before.Failures : 0) + 1;
            DateTimeOffset? until = null;
            if (e.Transient)
            {
                var backoff = e.RetryAfter ?? TimeSpan.FromMinutes(Math.Min(60, Math.Pow(2, failures - 1)));
                until = now + backoff;
                throttled[key] = (until.Value, failures);
            }
            LogFailed(logger, platform.Name, brand, e.Transient, e.Message);
            await SaveAsync(state, seen, cancellationToken);
            return new ReviewPollReport(platform.Name, brand, found, fresh, e.Message, until);
        }
        throttled.TryRemove(key, out _);
        await SaveAsync(state, seen, cancellationToken);
        LogPolled(logger, platform.Name, brand, found, fresh);
        return new ReviewPollReport(platform.Name, brand, found, fresh);
    }

    private Task SaveAsync(SourceState state, HashSet<string> seen, CancellationToken cancellationToken)
    {
        // Bounded memory of seen ids: forgetting an old one costs at most one idempotent re-submit.
        var kept = seen.Count > MaxSeenIds ? seen.Skip(seen.Count - MaxSeenIds).ToHashSet(StringComparer.Ordinal) : seen;
        return states.SaveAsync(state with { SeenIds = kept }, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Polled {Platform} reviews of {Brand}: {Found} found, {New} new")]
    private static partial void LogPolled(ILogger logger, string platform, string brand, int found, int @new);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Polling {Platform} reviews of {Brand} failed (transient: {Transient}): {Error}")]
    private static partial void LogFailed(ILogger logger, string platform, string brand, bool transient, string error);
}

/// <summary>The brands configured under a platform's section (<c>Channels:GooglePlay:{brand}</c> …).</summary>
public static class ConnectorSections
{
    public static IReadOnlyList<string> Brands(IConfiguration configuration, string section, Func<IConfigurationSection, bool> configured) =>
        configuration.GetSection(section).GetChildren().Where(configured).Select(c => c.Key).ToList();
}
