using System.Globalization;
using System.Text.Json.Nodes;
using Listening.Core.Alerts;
using Listening.Core.Feedback;
using Listening.Core.Sentiment;

namespace Listening.Alerts;

/// <summary>One brand's day in counts: scored items, negative ones (document sentiment), and each factor's item polarities.</summary>
public sealed class DayCounts
{
    public long Items { get; set; }
    public long Negative { get; set; }
    public Dictionary<string, PolarityCounts> Factors { get; } = new(StringComparer.OrdinalIgnoreCase);

    public void Add(ScoredFeedback scored)
    {
        Items++;
        if (scored.Scores.Sentiment.Label == SentimentLabel.Negative) Negative++;
        foreach (var group in scored.Scores.Factors.GroupBy(m => m.Factor.ToLowerInvariant()))
        {
            // An item counts once per factor, with the sign of its mentions' mean (as the report counts it).
            var sum = group.Sum(m => m.Label == SentimentLabel.Positive ? 1 : m.Label == SentimentLabel.Negative ? -1 : 0);
            var one = sum > 0 ? new PolarityCounts(1, 0, 0) : sum < 0 ? new PolarityCounts(0, 0, 1) : new PolarityCounts(0, 1, 0);
            Factors[group.Key] = Factors.TryGetValue(group.Key, out var c) ? c.Plus(one) : one;
        }
    }

    public JsonObject ToJson() => new()
    {
        ["items"] = Items,
        ["negative"] = Negative,
        ["factors"] = new JsonObject(Factors.OrderBy(f => f.Key, StringComparer.Ordinal)
            .Select(f => KeyValuePair.Create(f.Key, (JsonNode?)new JsonArray(f.Value.Positive, f.Value.Neutral, f.Value.Negative)))),
    };

    public static DayCounts FromJson(JsonObject json)
    {
        var day = new DayCounts { Items = json["items"]?.GetValue<long>() ?? 0, Negative = json["negative"]?.GetValue<long>() ?? 0 };
        if (json["factors"] is JsonObject factors)
            foreach (var (factor, node) in factors)
                if (node is JsonArray { Count: 3 } a)
                    day.Factors[factor] = new PolarityCounts(a[0]!.GetValue<long>(), a[1]!.GetValue<long>(), a[2]!.GetValue<long>());
        return day;
    }
}

/// <summary>
/// What the alert job remembers per brand, in the reports store (document <c>alerts-{brand}</c>, partition the brand key):
/// the counts of each complete UTC day (the brand's and each competitor's), so that a run reads only the last two days
/// from the feedback store; yesterday's quadrants (for "moved into fix"); and when each alert last went out (so that a
/// spike is alerted once per window, not on every run).
/// </summary>
public sealed class AlertState
{
    public Dictionary<DateOnly, Dictionary<string, DayCounts>> Days { get; } = [];
    public DateOnly? QuadrantsDay { get; set; }
    public Dictionary<string, string> Quadrants { get; set; } = new(StringComparer.OrdinalIgnoreCase);
    public Dictionary<string, DateTimeOffset> Alerted { get; } = new(StringComparer.Ordinal);

    public static string Id(string brand) => $"alerts-{BrandKey.Of(brand)}";

    public DayCounts For(DateOnly day, string brand)
    {
        if (!Days.TryGetValue(day, out var brands)) Days[day] = brands = new Dictionary<string, DayCounts>(BrandKey.Comparer);
        if (!brands.TryGetValue(brand, out var counts)) brands[brand] = counts = new DayCounts();
        return counts;
    }

    public DayCounts? Get(DateOnly day, string brand) =>
        Days.TryGetValue(day, out var brands) && brands.TryGetValue(brand, out var counts) ? counts : null;

    public JsonObject ToJson(string brand) => new()
    {
        ["id"] = Id(brand),
        ["brand"] = BrandKey.Of(brand),
        ["type"] = "alert-state",
        ["days"] = new JsonObject(Days.OrderBy(d => d.Key).Select(d => KeyValuePair.Create(d.Key.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            (JsonNode?)new JsonObject(d.Value.OrderBy(b => b.Key, StringComparer.Ordinal).Select(b => KeyValuePair.Create(b.Key, (JsonNode?)b.Value.ToJson())))))),
        ["quadrantsDay"] = QuadrantsDay?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["quadrants"] = new JsonObject(Quadrants.Select(q => KeyValuePair.Create(q.Key, (JsonNode?)q.Value))),
        ["alerted"] = new JsonObject(Alerted.Select(a => KeyValuePair.Create(a.Key, (JsonNode?)a.Value.ToString("O", CultureInfo.InvariantCulture)))),
    };

    public static AlertState FromJson(JsonObject? json)
    {
        var state = new AlertState();
        if (json is null) return state;
        if (json["days"] is JsonObject days)
            foreach (var (day, brands) in days)
                if (DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) && brands is JsonObject b)
                    foreach (var (brand, counts) in b)
                        if (counts is JsonObject c)
                        {
                            if (!state.Days.TryGetValue(d, out var map)) state.Days[d] = map = new Dictionary<string, DayCounts>(BrandKey.Comparer);
                            map[brand] = DayCounts.FromJson(c);
                        }
        if (json["quadrantsDay"]?.GetValue<string>() is { } qd && DateOnly.TryParseExact(qd, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var q))
            state.QuadrantsDay = q;
        if (json["quadrants"] is JsonObject quadrants)
            foreach (var (factor, quadrant) in quadrants)
                if (quadrant?.GetValue<string>() is { } value) state.Quadrants[factor] = value;
        if (json["alerted"] is JsonObject alerted)
            foreach (var (key, at) in alerted)
                if (at?.GetValue<string>() is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var when))
                    state.Alerted[key] = when;
        return state;
    }
}
