using System.Diagnostics;
using Listening.Channels;
using Listening.Core.Feedback;
using Listening.Core.Matrix;
using Listening.Reports;
using Listening.Storage;
using Microsoft.Extensions.Options;

namespace Listening.Reports;

/// <summary>
/// The action-matrix report over the feedback store: the brand's competitors are those configured for it
/// (<c>Channels:Competitors:{brand}</c>) plus any brand an item names it as competitor of; the store offers no
/// per-day aggregates, so the items of the period and the previous one are streamed once (<c>QueryAsync</c>,
/// oldest first) into the same aggregates `listening report` builds from a file — nothing is kept per item.
/// Cost, measured with `listening bench-report --store --items 100000` (local SQLite store, 2 shared cores):
/// ~21 µs CPU and ~6.6 KB allocated per stored item (document JSON parse dominates), 148 MB peak working set —
/// about as fast as reading the same items from a JSON Lines file; a store with per-day aggregates would make it O(days).
/// </summary>
public sealed partial class StoredFeedbackReports(
    IFeedbackStore store, IOptions<ReportOptions> options, IOptions<ChannelsOptions> channels, BrandNames names, TimeProvider time,
    ILogger<StoredFeedbackReports> logger, Responses.ReportResponseTimes? responseTimes = null) : IActionMatrixReports
{
    public async Task<ReportModel> BuildAsync(ActionMatrixQuery query, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var request = new ReportRequest(query.Brand, ConfiguredCompetitors(query.Brand), query.From, query.To, query.Lang,
            MatrixRules.Default with { MinMentions = settings.MinMentions, MinCompetitorMentions = settings.MinCompetitorMentions }, settings.MinWheelItems, names);
        var input = new ReportInput(request);
        var started = Stopwatch.GetTimestamp();
        long read = 0;
        var responses = responseTimes is null ? null : await responseTimes.StartAsync(query.Brand, query.From, query.To, cancellationToken);
        await foreach (var record in store.QueryAsync(query.Brand, Midnight(request.Previous.From), Midnight(query.To.AddDays(1)), cancellationToken))
        {
            read++;
            var item = record.Item;
            if (item.CompetitorOf is { } of && BrandKey.Comparer.Equals(of, query.Brand)) input.Include(item.Brand);
            input.Add(item, record.Scores);
            responses?.Add(item);
        }
        var model = ReportBuilder.Build(input, time.GetUtcNow()) with { Responses = responses?.Section() };
        LogBuilt(logger, read, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return model;
    }

    // Configuration keys are case-insensitive; the bound dictionary may not be, so match the brand by its key.
    private List<string> ConfiguredCompetitors(string brand) =>
        (channels.Value.Competitors.FirstOrDefault(kv => BrandKey.Comparer.Equals(kv.Key, brand)).Value ?? [])
        .Select(c => c.Name.Trim()).Where(n => n.Length > 0).Distinct(BrandKey.Comparer).ToList();

    private static DateTimeOffset Midnight(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    [LoggerMessage(Level = LogLevel.Information, Message = "action-matrix report: {Items} stored items streamed in {Milliseconds:0} ms")]
    private static partial void LogBuilt(ILogger logger, long items, double milliseconds);
}
