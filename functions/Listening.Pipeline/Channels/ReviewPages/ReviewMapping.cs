using System.Security.Cryptography;
using System.Text;
using Listening.Core.Feedback;

namespace Listening.Channels.ReviewPages;

/// <summary>Turns an extracted review into the canonical feedback DTO for a brand.</summary>
public static class ReviewMapping
{
    public static FeedbackItemDto ToFeedback(this ExtractedReview review, string brand, string source, string? pageUrl)
    {
        int? rating = null;
        if (review.Rating is { } value)
        {
            var best = review.BestRating is > 0 ? review.BestRating.Value : 5;
            var scaled = Math.Round(value * 5 / best);
            rating = scaled is >= 1 and <= 5 ? (int)scaled : null;
        }
        var text = review.Text.Length > FeedbackItemDto.MaxTextLength ? review.Text[..FeedbackItemDto.MaxTextLength] : review.Text;
        return new FeedbackItemDto
        {
            Kind = "review",
            Source = source.Length > 64 ? source[..64] : source,
            Channel = "reviews",
            Brand = brand,
            Text = text,
            Rating = rating,
            Author = review.Author is null ? null : new AuthorDto(null, review.Author, null, null),
            CreatedAt = review.Date,
            Url = review.Url ?? pageUrl,
            // Without a review id, the author, date and text identify a review on re-reads of the page.
            ExternalId = review.Id ?? "content:" + Hash($"{review.Author}\n{review.Date?.ToUnixTimeSeconds()}\n{text}"),
        };
    }

    /// <summary>A source name for a page: its host without <c>www.</c>.</summary>
    public static string SourceOf(Uri url) => url.Host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? url.Host[4..] : url.Host;

    private static string Hash(string s) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(s))[..12]);
}
