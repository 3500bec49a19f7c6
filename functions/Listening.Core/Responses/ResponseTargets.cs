using Listening.Core.Feedback;

namespace Listening.Core.Responses;

/// <summary>
/// Response-time targets per channel class (configuration section <c>Responses:Targets</c>). Customers
/// expect an answer on social media within the hour, by e-mail within hours, on review sites within a day.
/// </summary>
public sealed class ResponseTargets
{
    public const string Social = "social", Review = "review", Email = "email", Survey = "survey";

    public Dictionary<string, TimeSpan> Targets { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        [Social] = TimeSpan.FromMinutes(30),
        [Review] = TimeSpan.FromHours(24),
        [Email] = TimeSpan.FromHours(6),
        [Survey] = TimeSpan.FromHours(6),
    };

    /// <summary>Source → channel class, merged over <see cref="DefaultClasses"/>.</summary>
    public Dictionary<string, string> Sources { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public static readonly IReadOnlyDictionary<string, string> DefaultClasses = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["vk"] = Social, ["telegram"] = Social, ["twitter"] = Social, ["x"] = Social, ["instagram"] = Social,
        ["facebook"] = Social, ["ok"] = Social, ["youtube"] = Social, ["tiktok"] = Social, ["threads"] = Social,
        ["google"] = Review, ["yandex"] = Review, ["yandex-maps"] = Review, ["yandex_maps"] = Review, ["2gis"] = Review, ["otzovik"] = Review,
        ["irecommend"] = Review, ["tripadvisor"] = Review, ["trustpilot"] = Review, ["yelp"] = Review, ["booking"] = Review,
        ["amazon"] = Review, ["ozon"] = Review, ["wildberries"] = Review, ["yandex-market"] = Review, ["yandex_market"] = Review, ["site"] = Review, ["app"] = Review,
        ["googleplay"] = Review, ["appstore"] = Review,
        ["email"] = Email,
        ["typeform"] = Survey, ["surveymonkey"] = Survey, ["formbricks"] = Survey, ["qualtrics"] = Survey, ["googleforms"] = Survey, ["google_forms"] = Survey, ["survey"] = Survey,
    };

    /// <summary>The channel class of a source; an unlisted source is classed by the item's kind.</summary>
    public string ClassOf(string source, FeedbackKind kind) =>
        Sources.GetValueOrDefault(source) ?? DefaultClasses.GetValueOrDefault(source) ?? kind switch
        {
            FeedbackKind.Mention => Social,
            FeedbackKind.Survey => Survey,
            _ => Review,
        };

    public TimeSpan TargetFor(string channelClass) =>
        Targets.TryGetValue(channelClass, out var t) ? t : Targets.Values.DefaultIfEmpty(TimeSpan.FromHours(24)).Max();

    public IEnumerable<string> Problems()
    {
        foreach (var (name, t) in Targets)
            if (t <= TimeSpan.Zero) yield return $"Responses:Targets:{name} must be positive";
        foreach (var (source, cls) in Sources)
            if (!Targets.ContainsKey(cls)) yield return $"Responses:Targets:Sources:{source} names '{cls}', which has no target";
    }
}
