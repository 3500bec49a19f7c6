using Listening.Core.Factors;
using Listening.Core.Feedback;
using Listening.Core.Sentiment;
using Listening.Reports;

namespace Listening.Tests.Reports;

/// <summary>Quotes that prove the point: the clause that produced the mention, highlighted in its polarity, under its own factor.</summary>
public class QuoteChoiceTests
{
    private static int _ids;

    private static ScoredFeedback Scored(string text, params (string Factor, SentimentLabel Label, string Clause)[] mentions) =>
        Scored(text, null, mentions);

    private static ScoredFeedback Scored(string text, Author? author, params (string Factor, SentimentLabel Label, string Clause)[] mentions) =>
        new(new FeedbackItem($"q{Interlocked.Increment(ref _ids)}", FeedbackKind.Review, "google", "Acme", text, DateTimeOffset.UnixEpoch, Author: author),
            new FeedbackScores("en", SentimentScore.FromProbabilities(0.3f, 0.4f, 0.3f), mentions.Select(m =>
            {
                var start = text.IndexOf(m.Clause, StringComparison.Ordinal);
                Assert.True(start >= 0, m.Clause);
                var score = m.Label switch { SentimentLabel.Positive => 0.8f, SentimentLabel.Negative => -0.8f, _ => 0f };
                return new FactorMention(m.Factor, m.Label, score, start, m.Clause.Length);
            }).ToList()));

    [Fact]
    public void Each_quote_contains_the_clause_of_its_mention_highlighted_with_that_mentions_polarity()
    {
        var quotes = new QuoteCandidates("en");
        quotes.Offer(Scored("We ordered on Friday. The food was great but the courier was rude and an hour late. Will try again.",
            ("quality", SentimentLabel.Positive, "The food was great"),
            ("delivery", SentimentLabel.Negative, "but the courier was rude and an hour late.")));

        var quality = Assert.Single(quotes.For("quality", SentimentLabel.Positive));
        var delivery = Assert.Single(quotes.For("delivery", SentimentLabel.Negative));

        Assert.Equal("The food was great", quality.Clause);
        Assert.Equal("positive", quality.Sentiment);
        Assert.Equal("but the courier was rude and an hour late.", delivery.Clause);
        Assert.Equal("negative", delivery.Sentiment);
        // The passage is the sentence around the clause, with "…" where text was left out.
        Assert.Equal("… The food was great but the courier was rude and an hour late. …", quality.Text);
        Assert.Equal(quality.Text, delivery.Text);
        Assert.Empty(quotes.For("staff", SentimentLabel.Negative));
    }

    [Fact]
    public void A_factor_never_gets_a_quote_of_another_factor()
    {
        var quotes = new QuoteCandidates("en");
        quotes.Offer(Scored("Loyalty points add up quickly and the weekly deals are decent.", ("loyalty", SentimentLabel.Positive, "Loyalty points add up quickly and the weekly deals are decent.")));
        quotes.Offer(Scored("Parking is impossible near the store.", ("location_parking", SentimentLabel.Negative, "Parking is impossible near the store.")));

        Assert.Empty(quotes.For("waiting_time", SentimentLabel.Negative));
        Assert.Empty(quotes.For("cleanliness_atmosphere", SentimentLabel.Positive));
        Assert.All(quotes.For("location_parking", SentimentLabel.Negative), q => Assert.Contains("Parking", q.Clause));
    }

    [Fact]
    public void Quotes_with_the_factors_headline_polarity_come_first_then_one_of_the_other_side()
    {
        var quotes = new QuoteCandidates("en");
        foreach (var (text, label) in new[]
                 {
                     ("Delivery was three hours late again.", SentimentLabel.Negative),
                     ("The courier never called and left the bags outside.", SentimentLabel.Negative),
                     ("Delivery took forever this week.", SentimentLabel.Negative),
                     ("Delivery was on time and everything was well packed.", SentimentLabel.Positive),
                     ("Fast delivery, the courier was lovely.", SentimentLabel.Positive),
                 })
            quotes.Offer(Scored(text, ("delivery", label, text)));

        var toFix = quotes.For("delivery", QuoteCandidates.Headline("fix", positive: 2, neutral: 0, negative: 3));
        var toPromote = quotes.For("delivery", QuoteCandidates.Headline("promote", positive: 2, neutral: 0, negative: 3));

        Assert.Equal(["negative", "negative", "positive"], toFix.Select(q => q.Sentiment));
        Assert.Equal(["positive", "positive", "negative"], toPromote.Select(q => q.Sentiment));
        Assert.Equal(SentimentLabel.Negative, QuoteCandidates.Headline("maintain", positive: 2, neutral: 0, negative: 3));
        Assert.Equal(SentimentLabel.Neutral, QuoteCandidates.Headline("insufficient", positive: 5, neutral: 26, negative: 6));
    }

    [Fact]
    public void One_item_gives_a_factor_one_quote_however_many_clauses_mention_it()
    {
        var quotes = new QuoteCandidates("en");
        const string text = "The courier apologised for being late, but the delay was almost an hour.";
        quotes.Offer(Scored(text,
            ("delivery", SentimentLabel.Positive, "The courier apologised for being late,"),
            ("delivery", SentimentLabel.Negative, "but the delay was almost an hour.")));
        quotes.Offer(Scored("Delivery was late again.", ("delivery", SentimentLabel.Negative, "Delivery was late again.")));
        quotes.Offer(Scored("Third late delivery this month.", ("delivery", SentimentLabel.Negative, "Third late delivery this month.")));

        var chosen = quotes.For("delivery", SentimentLabel.Negative);

        Assert.Single(chosen, q => q.Text == text);
        Assert.Equal(3, chosen.Count);
    }

    [Fact]
    public void A_question_is_quoted_only_when_no_statement_is_left()
    {
        var quotes = new QuoteCandidates("en", perPolarity: 1);
        quotes.Offer(Scored("Can anyone recommend a good grocery delivery in Moscow?", ("delivery", SentimentLabel.Positive, "Can anyone recommend a good grocery delivery in Moscow?")));
        quotes.Offer(Scored("Delivery came early, lovely.", ("delivery", SentimentLabel.Positive, "Delivery came early, lovely.")));

        Assert.Equal("Delivery came early, lovely.", Assert.Single(quotes.For("delivery", SentimentLabel.Positive)).Clause);
    }

    [Fact]
    public void A_clause_about_the_factor_alone_is_preferred_to_one_listing_several()
    {
        var quotes = new QuoteCandidates("en", perPolarity: 1);
        quotes.Offer(Scored("Great range of foods, and the staff actually know their products.",
            ("quality", SentimentLabel.Positive, "Great range of foods, and the staff actually know their products."),
            ("assortment", SentimentLabel.Positive, "Great range of foods, and the staff actually know their products."),
            ("staff", SentimentLabel.Positive, "Great range of foods, and the staff actually know their products.")));
        quotes.Offer(Scored("The bread is always fresh and tasty.", ("quality", SentimentLabel.Positive, "The bread is always fresh and tasty.")));

        Assert.Equal("The bread is always fresh and tasty.", Assert.Single(quotes.For("quality", SentimentLabel.Positive)).Clause);
    }

    [Fact]
    public void Masking_personal_data_keeps_the_highlight_on_the_clause()
    {
        var quotes = new QuoteCandidates("en");
        const string text = "I called twice. The manager John Smith was rude, write to me at jane.doe@example.com. Food was fine.";
        quotes.Offer(Scored(text, new Author(Name: "Jane Doe"), ("staff", SentimentLabel.Negative, "The manager John Smith was rude, write to me at jane.doe@example.com.")));

        var quote = Assert.Single(quotes.For("staff", SentimentLabel.Negative));

        Assert.DoesNotContain("John", quote.Text);
        Assert.DoesNotContain("jane.doe", quote.Text);
        Assert.Equal("The manager [name] was rude, write to me at [e-mail].", quote.Clause);
        Assert.StartsWith("… ", quote.Text);
        Assert.EndsWith(" …", quote.Text);
    }

    [Fact]
    public void A_long_passage_keeps_the_whole_clause_and_cuts_the_context()
    {
        var before = string.Join(" ", Enumerable.Repeat("and then some more words", 20));
        var text = $"We went there {before}, but the checkout queue took forty minutes {before}.";
        var quotes = new QuoteCandidates("en");
        quotes.Offer(Scored(text, ("waiting_time", SentimentLabel.Negative, "but the checkout queue took forty minutes")));

        var quote = Assert.Single(quotes.For("waiting_time", SentimentLabel.Negative));

        Assert.Equal("but the checkout queue took forty minutes", quote.Clause);
        Assert.True(quote.Text.Length < 300, quote.Text);
    }
}
