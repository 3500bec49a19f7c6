using Listening.Core.Feedback;
using Listening.Core.Matrix;
using Listening.Core.Sentiment;
using Listening.Storage;

namespace Listening.Reports;

/// <summary>
/// What the drill-down page asks for: one factor's mentions about a brand (and its competitors) over the UTC days
/// [From, To], filtered by the mention's polarity, the channel and the brand it is about, newest first, one page.
/// </summary>
public sealed record MentionsQuery(string Brand, string Factor, DateOnly From, DateOnly To, string Lang,
    string? Polarity = null, string? Channel = null, string? About = null, int Page = 1, int PageSize = 25)
{
    public const int MaxPageSize = 100, MaxDepth = 20_000;
}

/// <summary>
/// One item mentioning the factor: its polarity for the factor (the mean of its mentions there), the masked passage with
/// the first clause that mentions it at [ClauseStart, +ClauseLength), the author masked to initials, and the original post.
/// </summary>
public sealed record MentionRow(string ItemId, DateOnly Date, string Brand, string BrandName, bool Competitor, string Channel, string ChannelName,
    string Source, string Polarity, string Text, int ClauseStart, int ClauseLength, string Author, string? Url);

/// <summary>A filter value with how many of the factor's mentions in the period have it (before any filter).</summary>
public sealed record FacetCount(string Value, string Label, long Count);

public sealed record MentionsPage(
    string Brand, string DisplayName, string Factor, string FactorName, DateOnly From, DateOnly To, string Lang,
    string? Polarity, string? Channel, string? About, int Page, int PageSize, long Total, int Pages, long AllMentions,
    IReadOnlyList<FacetCount> Polarities, IReadOnlyList<FacetCount> Channels, IReadOnlyList<FacetCount> Brands,
    IReadOnlyList<MentionRow> Mentions);

/// <summary>The drill-down behind each factor of the report (<c>GET /api/reports/{brand}/factors/{factor}</c>).</summary>
public interface IFactorMentions
{
    /// <summary>The page, or null when the brand is unknown (<see cref="KnownBrands"/>).</summary>
    Task<MentionsPage?> FindAsync(MentionsQuery query, CancellationToken cancellationToken);
}

/// <summary>
/// Streams the period's items from the feedback store (the brand's and those naming it as competitor, oldest first),
/// keeps only the newest <c>Page × PageSize</c> matches (bounded memory), counts the rest and the facets. Spam is left out,
/// as in the report; unscored items have no factors yet.
/// </summary>
public sealed class StoredFactorMentions(IFeedbackStore store, KnownBrands brands, BrandNames names) : IFactorMentions
{
    public static readonly string[] PolarityValues = ["positive", "neutral", "negative"];

    public async Task<MentionsPage?> FindAsync(MentionsQuery q, CancellationToken cancellationToken)
    {
        var text = ReportText.For(q.Lang);
        var keep = q.Page * q.PageSize;
        var newest = new LinkedList<(FeedbackItem Item, Core.Factors.FactorMention Mention, string Polarity)>();
        long total = 0, all = 0, read = 0;
        var polarities = PolarityValues.ToDictionary(p => p, _ => 0L);
        var channels = new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase);
        var about = new Dictionary<string, long>(BrandKey.Comparer);
        var start = new DateTimeOffset(q.From.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var end = new DateTimeOffset(q.To.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        await foreach (var record in store.QueryAsync(q.Brand, start, end, cancellationToken))
        {
            read++;
            var item = record.Item;
            if (item.Spam is not null || record.Scores is null) continue;
            var mentions = record.Scores.Factors.Where(m => string.Equals(m.Factor, q.Factor, StringComparison.OrdinalIgnoreCase)).ToList();
            if (mentions.Count == 0) continue;
            var polarity = PolarityOf(mentions);
            var channel = BrandStats.ChannelOf(item);
            all++;
            polarities[polarity]++;
            channels[channel] = channels.GetValueOrDefault(channel) + 1;
            about[item.Brand] = about.GetValueOrDefault(item.Brand) + 1;
            if (q.Polarity is not null && polarity != q.Polarity) continue;
            if (q.Channel is not null && !string.Equals(channel, q.Channel, StringComparison.OrdinalIgnoreCase)) continue;
            if (q.About is not null && !BrandKey.Comparer.Equals(item.Brand, q.About)) continue;
            total++;
            // The clause shown is that of the first mention with the item's polarity for the factor.
            var shown = mentions.FirstOrDefault(m => Name(m.Label) == polarity) ?? mentions[0];
            newest.AddLast((item, shown, polarity));
            if (newest.Count > keep) newest.RemoveFirst();
        }
        if (read == 0 && !await brands.IsKnownAsync(q.Brand, q.To, cancellationToken)) return null;

        var rows = newest.Reverse().Skip((q.Page - 1) * q.PageSize).Take(q.PageSize).Select(m =>
        {
            var quote = QuoteCandidates.Of(m.Item, m.Mention, q.Lang);
            var channel = BrandStats.ChannelOf(m.Item);
            return new MentionRow(m.Item.Id, DateOnly.FromDateTime(m.Item.CreatedAt.UtcDateTime), m.Item.Brand, names.Of(m.Item.Brand, q.Lang),
                !BrandKey.Comparer.Equals(m.Item.Brand, q.Brand), channel, text.ChannelName(channel), m.Item.Source, m.Polarity,
                quote.Text, quote.ClauseStart, quote.ClauseLength, MaskedAuthor(m.Item.Author, q.Lang), PostUrl(m.Item.Url));
        }).ToList();
        var pages = (int)Math.Max(1, (total + q.PageSize - 1) / q.PageSize);
        return new MentionsPage(BrandKey.Of(q.Brand), names.Of(q.Brand, q.Lang), q.Factor, FactorNames.Name(q.Factor, q.Lang), q.From, q.To, q.Lang,
            q.Polarity, q.Channel, q.About, q.Page, q.PageSize, total, pages, all,
            PolarityValues.Select(p => new FacetCount(p, PolarityName(p, q.Lang), polarities[p])).ToList(),
            channels.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Select(c => new FacetCount(c.Key, text.ChannelName(c.Key), c.Value)).ToList(),
            about.OrderByDescending(b => BrandKey.Comparer.Equals(b.Key, q.Brand)).ThenByDescending(b => b.Value)
                .Select(b => new FacetCount(b.Key, names.Of(b.Key, q.Lang), b.Value)).ToList(),
            rows);
    }

    /// <summary>The item's polarity for the factor: the sign of the mean of its mentions' −1/0/+1 labels there.</summary>
    public static string PolarityOf(IReadOnlyList<Core.Factors.FactorMention> mentions)
    {
        var sum = mentions.Sum(m => m.Label == SentimentLabel.Positive ? 1 : m.Label == SentimentLabel.Negative ? -1 : 0);
        return sum > 0 ? "positive" : sum < 0 ? "negative" : "neutral";
    }

    private static string Name(SentimentLabel label) =>
        label == SentimentLabel.Positive ? "positive" : label == SentimentLabel.Negative ? "negative" : "neutral";

    public static string PolarityName(string polarity, string lang) => (lang, polarity) switch
    {
        ("ru", "positive") => "позитив",
        ("ru", "negative") => "негатив",
        ("ru", _) => "нейтрально",
        (_, "positive") => "positive",
        (_, "negative") => "negative",
        _ => "neutral",
    };

    /// <summary>Initials only ("Мария Петрова" → "М. П."), a handle's first letter, or nothing: the page is for patterns, not people.</summary>
    public static string MaskedAuthor(Author? author, string lang)
    {
        if (author?.Name is { Length: > 0 } name)
        {
            var parts = name.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(p => char.IsLetter(p[0])).ToList();
            if (parts.Count > 0) return string.Join(" ", parts.Take(3).Select(p => char.ToUpperInvariant(p[0]) + "."));
        }
        if (author?.Handle is { Length: > 0 } handle && handle.TrimStart('@') is { Length: > 0 } bare) return $"@{bare[0]}…";
        if (author?.Email is { Length: > 0 }) return lang == "ru" ? "автор (e-mail)" : "author (e-mail)";
        return "—";
    }

    private static string? PostUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri.AbsoluteUri : null;
}
