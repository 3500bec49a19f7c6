using Listening.Channels;
using Listening.Core.Feedback;
using Listening.Storage;
using Microsoft.Extensions.Options;

namespace Listening.Reports;

/// <summary>
/// Whether a brand asked for by name is one this installation knows, so that a typo gets 404 instead of an empty report:
/// a brand somebody configured (reports, delivery, display names, competitors, scoring taxonomies — as the brand or as a
/// named competitor) or one with feedback in the store within <see cref="Lookback"/> of the period asked for.
/// The store is asked only when the report came out empty and nothing is configured.
/// </summary>
public sealed class KnownBrands(IFeedbackStore store, IOptions<ReportOptions> reports, IOptions<ChannelsOptions> channels, BrandNames names,
    IConfiguration configuration)
{
    public static readonly TimeSpan Lookback = TimeSpan.FromDays(400);

    public bool IsConfigured(string brand)
    {
        var r = reports.Value;
        var c = channels.Value;
        return r.Brands.Contains(brand, BrandKey.Comparer) || r.Delivery.Keys.Contains(brand, BrandKey.Comparer) || names.Knows(brand)
            || c.Competitors.Any(kv => BrandKey.Comparer.Equals(kv.Key, brand) || kv.Value.Any(x => BrandKey.Comparer.Equals(x.Name, brand)))
            || configuration.GetSection("Listening:Scoring:Brands").GetChildren().Any(s => BrandKey.Comparer.Equals(s.Key, brand));
    }

    /// <summary>Configured, or with at least one stored item created in [<paramref name="to"/> − <see cref="Lookback"/>, <paramref name="to"/> + 1 day).</summary>
    public async Task<bool> IsKnownAsync(string brand, DateOnly to, CancellationToken cancellationToken)
    {
        if (IsConfigured(brand)) return true;
        var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        await foreach (var _ in store.QueryAsync(brand, end - Lookback, end, cancellationToken)) return true;
        return false;
    }
}
