using System.Text;
using Listening.Channels.Feeds;
using Listening.Channels.ReviewPages;
using Listening.Core.Feedback;
using Microsoft.Extensions.Options;

namespace Listening.Channels.Polling;

/// <summary>The result of polling one source: what was found and how many items were new to the pipeline.</summary>
public sealed record PollReport(string Source, FetchOutcome Outcome, int Found, int New, string? Error = null);

/// <summary>
/// Re-reads configured review pages and feeds; only items not seen before on that source are submitted.
/// </summary>
public sealed partial class SourcePoller(
    PoliteFetcher fetcher, ISourceStateStore states, ChannelIntake intake, IOptions<ChannelsOptions> options, ILogger<SourcePoller> logger)
{
    private const int MaxSeenIds = 20_000;

    public async Task<IReadOnlyList<PollReport>> PollAllAsync(CancellationToken cancellationToken)
    {
        var reports = new List<PollReport>();
        foreach (var source in options.Value.Sources) reports.Add(await PollAsync(source, cancellationToken));
        return reports;
    }

    public async Task<PollReport> PollAsync(ChannelSource source, CancellationToken cancellationToken)
    {
        var name = string.IsNullOrWhiteSpace(source.Name) ? source.Url : source.Name;
        if (!Uri.TryCreate(source.Url, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            return new PollReport(name, FetchOutcome.Failed, 0, 0, "url is not an absolute http(s) URL");
        var state = await states.GetAsync(source.Url, cancellationToken);
        var fetched = await fetcher.FetchAsync(url, state, cancellationToken);
        if (fetched.Outcome != FetchOutcome.Content)
        {
            LogPolled(logger, name, fetched.Outcome.ToString(), 0, 0);
            return new PollReport(name, fetched.Outcome, 0, 0, fetched.Error);
        }

        IReadOnlyList<FeedbackItemDto> items;
        try
        {
            items = source.Kind.Equals("feed", StringComparison.OrdinalIgnoreCase)
                ? FeedReader.Read(new MemoryStream(fetched.Body!), source.Brand, source.Source ?? (string.IsNullOrWhiteSpace(source.Name) ? ReviewMapping.SourceOf(url) : source.Name))
                : ReadPage(source, url, fetched.Body!);
        }
        catch (Exception e) when (e is FormatException or ReviewPageRejectedException)
        {
            return new PollReport(name, FetchOutcome.Failed, 0, 0, e.Message);
        }

        var seen = new HashSet<string>(state.SeenIds);
        var fresh = 0;
        foreach (var item in items)
        {
            var key = item.ExternalId ?? item.Text!;
            if (seen.Contains(key)) continue;
            var result = await intake.SubmitAsync(item, cancellationToken);
            if (result.Outcome == IntakeOutcome.Accepted) fresh++;
            if (result.Outcome != IntakeOutcome.Rejected) seen.Add(key);
        }
        // Bounded memory of seen ids: forgetting an old id costs at most one idempotent re-submit.
        var kept = seen.Count > MaxSeenIds ? seen.Skip(seen.Count - MaxSeenIds).ToHashSet() : seen;
        await states.SaveAsync(state with { ETag = fetched.ETag, LastModified = fetched.LastModified, SeenIds = kept }, cancellationToken);
        LogPolled(logger, name, "Content", items.Count, fresh);
        return new PollReport(name, FetchOutcome.Content, items.Count, fresh);
    }

    private IReadOnlyList<FeedbackItemDto> ReadPage(ChannelSource source, Uri url, byte[] body)
    {
        var parser = new ReviewPageParser(options.Value.ReviewPages);
        var result = parser.Parse(Encoding.UTF8.GetString(body), options.Value.ProfileFor(source, url));
        var sourceName = source.Source ?? ReviewMapping.SourceOf(url);
        return result.Reviews.Select(r => r.ToFeedback(source.Brand, sourceName, url.ToString())).ToList();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Polled {Source}: {Outcome}, {Found} found, {New} new")]
    private static partial void LogPolled(ILogger logger, string source, string outcome, int found, int @new);
}
