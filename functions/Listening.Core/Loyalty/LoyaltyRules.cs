using Listening.Core.Feedback;

namespace Listening.Core.Loyalty;

/// <summary>
/// Loyalty configuration (section <c>Loyalty</c>). The amount never depends on sentiment: there is
/// deliberately no setting for it, because sentiment-dependent incentives are unlawful in several markets.
/// </summary>
public sealed class LoyaltyRules
{
    /// <summary>Points per eligible feedback item.</summary>
    public int Points { get; set; } = 50;
    public int MaxPointsPerDay { get; set; } = 100;
    public int MaxPointsPerMonth { get; set; } = 300;
    /// <summary>Caps count calendar days/months at this offset from UTC (e.g. 3 for Moscow).</summary>
    public double CapUtcOffsetHours { get; set; }
    /// <summary>Texts shorter than this (after trimming) earn nothing: they are not feedback.</summary>
    public int MinTextLength { get; set; } = 15;
    /// <summary>Per-source rules; merged over <see cref="DefaultSources"/>. Key: the item's source.</summary>
    public Dictionary<string, SourceRule> Sources { get; set; } = new(StringComparer.OrdinalIgnoreCase);
    /// <summary>Per-brand overrides of the amount, the caps and the source rules.</summary>
    public Dictionary<string, BrandRules> Brands { get; set; } = new(BrandKey.Comparer);

    /// <summary>
    /// Built-in defaults: first-party channels and survey tools allow incentives; third-party review
    /// platforms (whose terms forbid incentivised reviews) do not. A source not listed anywhere is off.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, bool> DefaultSources = new Dictionary<string, bool>(StringComparer.OrdinalIgnoreCase)
    {
        ["site"] = true, ["app"] = true, ["api"] = true, ["email"] = true, ["survey"] = true,
        ["typeform"] = true, ["surveymonkey"] = true, ["formbricks"] = true, ["qualtrics"] = true, ["googleforms"] = true, ["google_forms"] = true,
        ["google"] = false, ["yandex"] = false, ["yandex-maps"] = false, ["yandex_maps"] = false, ["2gis"] = false, ["otzovik"] = false,
        ["irecommend"] = false, ["tripadvisor"] = false, ["trustpilot"] = false, ["yelp"] = false,
        ["booking"] = false, ["amazon"] = false, ["ozon"] = false, ["wildberries"] = false, ["yandex-market"] = false, ["yandex_market"] = false,
        // App stores forbid incentivised ratings and reviews (Google Play's and Apple's developer policies).
        ["googleplay"] = false, ["appstore"] = false,
        // Social communities: not forbidden outright, but off until the brand decides (Loyalty:Sources:vk:Incentives=true).
        ["vk"] = false, ["telegram"] = false,
    };

    /// <summary>The brand's rules, matched by <see cref="BrandKey"/> (also when configuration binding replaced the dictionary).</summary>
    public BrandRules For(string brand) => Brands.TryGetValue(brand, out var b) ? b
        : Brands.FirstOrDefault(kv => BrandKey.Comparer.Equals(kv.Key, brand)).Value ?? BrandRules.Empty;

    public int PointsFor(string brand, string source)
    {
        var b = For(brand);
        return SourceRuleFor(b, source)?.Points ?? b.Points ?? Points;
    }

    public bool IncentivesAllowed(string brand, string source, bool isSurvey)
    {
        var rule = SourceRuleFor(For(brand), source);
        if (rule?.Incentives is { } explicitSetting) return explicitSetting;
        if (DefaultSources.TryGetValue(source, out var allowed)) return allowed;
        return isSurvey;
    }

    private SourceRule? SourceRuleFor(BrandRules brand, string source) =>
        brand.Sources.TryGetValue(source, out var b) ? Merge(b, Sources.GetValueOrDefault(source))
        : Sources.GetValueOrDefault(source);

    private static SourceRule Merge(SourceRule brand, SourceRule? global) =>
        new() { Incentives = brand.Incentives ?? global?.Incentives, Points = brand.Points ?? global?.Points };

    /// <summary>Configuration problems, empty when valid.</summary>
    public IEnumerable<string> Problems()
    {
        if (Points < 0) yield return "Loyalty:Points must not be negative";
        if (MaxPointsPerDay < 0 || MaxPointsPerMonth < 0) yield return "Loyalty caps must not be negative";
        if (MaxPointsPerMonth < MaxPointsPerDay) yield return "Loyalty:MaxPointsPerMonth must be at least MaxPointsPerDay";
        if (Math.Abs(CapUtcOffsetHours) > 14) yield return "Loyalty:CapUtcOffsetHours must be within ±14";
        foreach (var (name, b) in Brands)
            if (b.Points < 0 || b.MaxPointsPerDay < 0 || b.MaxPointsPerMonth < 0) yield return $"Loyalty:Brands:{name} has a negative amount";
    }
}

public sealed class SourceRule
{
    /// <summary>Whether the platform's rules allow incentives for feedback posted there.</summary>
    public bool? Incentives { get; set; }
    public int? Points { get; set; }
}

public sealed class BrandRules
{
    public static readonly BrandRules Empty = new();
    public int? Points { get; set; }
    public int? MaxPointsPerDay { get; set; }
    public int? MaxPointsPerMonth { get; set; }
    public Dictionary<string, SourceRule> Sources { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
