namespace Listening.Core.Factors.Learned;

/// <summary>
/// The channels an item comes through that the learned detector reads (<see cref="FactorFeatures"/>): where a text was
/// left says what it is likely about in any domain — an app store review that describes a function judges the app, a
/// contact-centre e-mail most often the support. A channel outside this list gives no feature: its hashed name would
/// land on a bucket trained for something else, and no labelled story taught what it means.
/// </summary>
public static class ItemChannels
{
    /// <summary>The channels the detector reads, as the ingest writes them (trimmed, lower case).</summary>
    public static IReadOnlyList<string> Known { get; } = ["app", "reviews", "social", "survey", "store", "site", "contact_centre", "delivery"];

    /// <summary>The channel as the detector reads it (the report's spellings of the same channel read as one), null when it is none of <see cref="Known"/>.</summary>
    public static string? Of(string? channel) => Named(channel) ?? (string.IsNullOrWhiteSpace(channel) ? null : Named(channel.Trim().ToLowerInvariant()));

    private static string? Named(string? channel) => channel switch
    {
        "app" => "app",
        "reviews" => "reviews",
        "social" => "social",
        "survey" => "survey",
        "store" => "store",
        "site" or "web" => "site",
        "contact_centre" or "contact-centre" or "callcenter" => "contact_centre",
        "delivery" => "delivery",
        _ => null,
    };
}
