using Listening.Core.Feedback;
using Listening.Core.Responses;
using Listening.Reports;
using Microsoft.Extensions.Options;

namespace Listening.Responses;

/// <summary>
/// The report's Responses section over the stores: the decisions of items posted since the period's start are read once,
/// then the report's own pass over the brand's items picks those of the brand (not its competitors) posted in the period —
/// the decisions carry no brand, the items do. Memory: one decision per answered item since the period's start.
/// </summary>
public sealed class ReportResponseTimes(IResponseStore store, IOptions<ResponseTargets> targets, TimeProvider time)
{
    public async Task<Collector> StartAsync(string brand, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var tracked = (await store.TrackingAsync(start, cancellationToken)).Where(t => t.Reachable).ToDictionary(t => t.ItemId, StringComparer.Ordinal);
        return new Collector(brand, start, end, tracked, targets.Value, time);
    }

    public sealed class Collector(string brand, DateTimeOffset from, DateTimeOffset to, Dictionary<string, ResponseTracking> tracked, ResponseTargets targets,
        TimeProvider time)
    {
        private readonly List<ResponseTracking> ours = [];

        /// <summary>Called with every item the report reads.</summary>
        public void Add(FeedbackItem item)
        {
            if (item.CompetitorOf is null && BrandKey.Comparer.Equals(item.Brand, brand) && tracked.Remove(item.Id, out var decision)) ours.Add(decision);
        }

        public ResponsesSection Section()
        {
            var now = time.GetUtcNow();
            return new ResponsesSection(ResponseTimeRow.Of(ResponseDigest.Build(ResponseMonitor.Records(ours), targets, from, to, now)));
        }
    }
}
