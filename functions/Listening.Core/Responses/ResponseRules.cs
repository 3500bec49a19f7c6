namespace Listening.Core.Responses;

/// <summary>Response policy (configuration section <c>Responses</c>); the words live in the template catalog.</summary>
public sealed class ResponseRules
{
    /// <summary>The promise in every apology: a person follows up within this many hours.</summary>
    public int FollowUpHours { get; set; } = 24;
    /// <summary>At most this many factors are named in one message: a list of six reads like a form letter.</summary>
    public int MaxFactorsMentioned { get; set; } = 3;
    /// <summary>Sources whose platform lets the brand reply to the item (handed to the reply webhook).</summary>
    public HashSet<string> ReplySources { get; set; } = new(DefaultReplySources, StringComparer.OrdinalIgnoreCase);
    /// <summary>At most one unsolicited message (digest, reminder) per author per this period. Replies are never unsolicited.</summary>
    public TimeSpan UnsolicitedContactPeriod { get; set; } = TimeSpan.FromDays(7);
    /// <summary>Authors known to the brand: author id → tier and preferred channel.</summary>
    public Dictionary<string, AuthorProfileSetting> Authors { get; set; } = new(StringComparer.Ordinal);

    public static readonly string[] DefaultReplySources =
    [
        "site", "app", "google", "yandex", "yandex-maps", "yandex_maps", "2gis", "otzovik", "irecommend", "tripadvisor", "trustpilot",
        "googleplay", "appstore", "vk", "telegram", "twitter", "x", "instagram", "facebook", "ok", "youtube", "tiktok",
    ];

    public AuthorProfile? ProfileOf(string? authorId) =>
        authorId is not null && Authors.TryGetValue(authorId, out var s) ? new AuthorProfile(authorId, s.Tier, s.PreferredChannel) : null;

    public IEnumerable<string> Problems()
    {
        if (FollowUpHours is < 1 or > 24 * 14) yield return "Responses:FollowUpHours must be between 1 and 336";
        if (MaxFactorsMentioned < 0) yield return "Responses:MaxFactorsMentioned must not be negative";
        if (UnsolicitedContactPeriod < TimeSpan.Zero) yield return "Responses:UnsolicitedContactPeriod must not be negative";
    }
}

public sealed class AuthorProfileSetting
{
    public AuthorTier Tier { get; set; }
    public string? PreferredChannel { get; set; }
}
