using Listening.Core.Feedback;

namespace Listening.Storage;

/// <summary>
/// The <c>feedback</c> container's partition key <c>/pk</c>: "{report brand}|{yyyy-MM}" in UTC, where
/// the report brand is the brand whose action matrix the item feeds (<see cref="FeedbackItem.CompetitorOf"/>
/// for competitor mentions, else <see cref="FeedbackItem.Brand"/>) as its <see cref="BrandKey"/>, so "Lavka" and
/// "lavka" share partitions and one query finds both. A report for one brand and month
/// is then a single-partition query, and no logical partition outgrows Cosmos DB's 20 GB limit
/// unless one brand collects ~10 million items in a single month (docs/azure.md).
/// </summary>
public static class FeedbackPartitionKey
{
    public static string For(FeedbackItem item) => For(item.CompetitorOf ?? item.Brand, item.CreatedAt);

    public static string For(string reportBrand, DateTimeOffset createdAt) =>
        $"{BrandKey.Of(reportBrand)}|{createdAt.UtcDateTime:yyyy-MM}";

    /// <summary>The partition keys of <paramref name="reportBrand"/> covering [from, to), in time order.</summary>
    public static IEnumerable<string> Covering(string reportBrand, DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from) yield break;
        var month = new DateTime(from.UtcDateTime.Year, from.UtcDateTime.Month, 1, 0, 0, 0, DateTimeKind.Utc);
        for (; month < to.UtcDateTime; month = month.AddMonths(1))
            yield return For(reportBrand, new DateTimeOffset(month));
    }
}
