using Listening.Core.Factors;
using Listening.Core.Feedback;
using Listening.Core.Loyalty;
using Listening.Core.Sentiment;

namespace Listening.Core.Responses;

/// <summary>Sample requests covering every language × tone × tier × channel, for validation and <c>templates preview</c>.</summary>
public static class ThankYouSamples
{
    public sealed record Sample(string Name, ThankYouRequest Request);

    /// <summary>Google Play's limit for a developer reply: the strictest platform the shipped templates must fit.</summary>
    public const int PublicReviewReplyLength = 350;

    public static IEnumerable<Sample> All(ResponseCatalog catalog, string brand = "Acme")
    {
        var at = new DateTimeOffset(2026, 11, 2, 10, 0, 0, TimeSpan.Zero);
        var factorIds = catalog.Factors.Keys.Take(2).ToList();
        foreach (var lang in catalog.Languages.Keys)
        {
            var name = lang.StartsWith("ru", StringComparison.OrdinalIgnoreCase) ? "Анна" : "Anna";
            foreach (var tone in Enum.GetValues<Tone>())
                foreach (var tier in Enum.GetValues<AuthorTier>())
                    foreach (var (channel, author) in new[]
                    {
                        ("email", new Author("sample-author", name, null, "anna@example.org")),
                        ("reply", new Author("sample-author", null, "@anna", null)),
                    })
                        foreach (var points in new[] { 50, 0 })
                        {
                            var label = tone switch { Tone.Positive => SentimentLabel.Positive, Tone.Negative => SentimentLabel.Negative, _ => SentimentLabel.Neutral };
                            var item = new FeedbackItem("sample-item", FeedbackKind.Review, "site", brand, "sample", at, Author: author);
                            var factors = factorIds.Select((f, i) => new FactorMention(f, label, 0f, i * 10, 5)).ToList();
                            var scores = new FeedbackScores(lang, SentimentScore.FromProbabilities(label == SentimentLabel.Negative ? 1 : 0, label == SentimentLabel.Neutral ? 1 : 0, label == SentimentLabel.Positive ? 1 : 0), factors);
                            var loyalty = points > 0
                                ? new LoyaltyDecision(new LedgerEntry("award-sample-item", "sample-author", "sample-item", brand, "site", points, at), LoyaltyReasons.Awarded)
                                : LoyaltyDecision.None(LoyaltyReasons.PlatformForbidsIncentives);
                            yield return new Sample($"{lang} {tone.Key()} {tier} via {channel}, {points} points",
                                new ThankYouRequest(item, scores, new AuthorProfile("sample-author", tier), loyalty));
                            // The tightest platform: a public review reply of at most 350 characters (Google Play), no points.
                            if (channel == "reply" && points == 0)
                                yield return new Sample($"{lang} {tone.Key()} {tier} as a public review reply (350 characters)",
                                    new ThankYouRequest(item with { Author = author with { Name = name } }, scores, new AuthorProfile("sample-author", tier), loyalty,
                                        new ReplyConstraints(PublicReviewReplyLength, Public: true)));
                        }
        }
    }
}
