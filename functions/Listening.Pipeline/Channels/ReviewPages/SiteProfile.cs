namespace Listening.Channels.ReviewPages;

/// <summary>
/// CSS selectors for a site without review markup (configuration <c>Channels:ReviewPages:Profiles</c>).
/// <see cref="Review"/> selects each review block; the other selectors are relative to it.
/// </summary>
public sealed class SiteProfile
{
    /// <summary>The host the profile applies to (e.g. <c>reviews.example.com</c>), or a name used by sources.</summary>
    public string Name { get; set; } = "";
    public string Review { get; set; } = "";
    public string? Text { get; set; }
    public string? Author { get; set; }
    public string? Date { get; set; }
    public string? Rating { get; set; }
    /// <summary>Attribute holding the rating on the <see cref="Rating"/> element (e.g. <c>data-score</c>); else its text, or the count of ★.</summary>
    public string? RatingAttribute { get; set; }
    public double BestRating { get; set; } = 5;
    /// <summary>Attribute of the review block holding its id (e.g. <c>data-review-id</c>); else <see cref="IdSelector"/>.</summary>
    public string? IdAttribute { get; set; }
    public string? IdSelector { get; set; }
}

/// <summary>Limits that keep a hostile page from costing more than a bounded amount of time and memory.</summary>
public sealed class ReviewPageLimits
{
    /// <summary>Pages larger than this are rejected unread.</summary>
    public long MaxBytes { get; set; } = 4 * 1024 * 1024;
    /// <summary>Parsing and extraction that take longer than this are abandoned.</summary>
    public TimeSpan ParseTimeout { get; set; } = TimeSpan.FromSeconds(10);
    /// <summary>Element nesting deeper than this is rejected before parsing (deep trees make DOM walks recursive and slow).</summary>
    public int MaxNesting { get; set; } = 512;
    public int MaxReviews { get; set; } = 5_000;
    public int MaxJsonLdBytes { get; set; } = 1024 * 1024;
}
