using Listening.Core.Factors;
using Listening.Core.Feedback;
using Listening.Core.Sentiment;

namespace Listening.Core.Tests.Feedback;

public sealed class DocumentStanceTests
{
    private static readonly SentimentScore MildlyNegative = SentimentScore.FromProbabilities(0.65f, 0.15f, 0.20f);

    private static FactorMention Mention(string factor, SentimentLabel label) => new(factor, label, label switch
    {
        SentimentLabel.Positive => 0.6f,
        SentimentLabel.Negative => -0.6f,
        _ => 0f,
    }, 0, 1);

    [Fact]
    public void An_unrated_text_read_mildly_against_the_clauses_that_all_praise_its_factors_follows_them()
    {
        var stance = DocumentStance.Of(MildlyNegative, [Mention("website_app", SentimentLabel.Positive), Mention("speed", SentimentLabel.Positive)], null, null);

        Assert.Equal(SentimentLabel.Positive, stance.Label);
    }

    [Fact]
    public void A_text_the_model_is_sure_of_keeps_its_side_against_its_clauses()
    {
        var sure = SentimentScore.FromProbabilities(0.97f, 0.02f, 0.01f);

        Assert.Equal(SentimentLabel.Negative, DocumentStance.Of(sure, [Mention("price", SentimentLabel.Positive)], null, null).Label);
    }

    [Fact]
    public void Clauses_that_disagree_or_judge_nothing_leave_the_text_models_reading()
    {
        Assert.Equal(MildlyNegative, DocumentStance.Of(MildlyNegative, [Mention("quality", SentimentLabel.Positive), Mention("delivery", SentimentLabel.Negative)], null, null));
        Assert.Equal(MildlyNegative, DocumentStance.Of(MildlyNegative, [Mention("delivery", SentimentLabel.Neutral)], null, null));
        Assert.Equal(MildlyNegative, DocumentStance.Of(MildlyNegative, [], null, null));
    }

    [Fact]
    public void A_neutral_mention_beside_polar_ones_does_not_break_their_agreement()
    {
        Assert.Equal(SentimentLabel.Positive, DocumentStance.Unanimous([Mention("delivery", SentimentLabel.Neutral), Mention("quality", SentimentLabel.Positive)]));
        Assert.Null(DocumentStance.Unanimous([Mention("delivery", SentimentLabel.Negative), Mention("quality", SentimentLabel.Positive)]));
    }

    [Theory]
    [InlineData(5, null)]
    [InlineData(null, 9)]
    [InlineData(2, null)]
    public void A_rated_item_is_weighed_by_the_authors_score_alone(int? rating, int? nps)
    {
        var stance = DocumentStance.Of(MildlyNegative, [Mention("staff", SentimentLabel.Positive)], rating, nps);

        Assert.Equal(AuthorVerdict.Combine(MildlyNegative, rating, nps), stance);
    }

    private static FactorMention At(string body, string clause, string factor, SentimentLabel label) =>
        Mention(factor, label) with { Start = body.IndexOf(clause, StringComparison.Ordinal), Length = clause.Length };

    [Fact]
    public void An_unrated_item_whose_clauses_disagree_is_read_by_the_side_it_ends_on_after_a_turn()
    {
        const string body = "Нотариус вежливый и всё объяснил, но в конторе два часа ждали приёма.";
        var mentions = new[] { At(body, "Нотариус вежливый и всё объяснил", "staff", SentimentLabel.Positive), At(body, "но в конторе два часа ждали приёма", "waiting_time", SentimentLabel.Negative) };
        var mildlyPositive = SentimentScore.FromProbabilities(0.30f, 0.20f, 0.50f);

        Assert.Equal(SentimentLabel.Negative, DocumentStance.Of(mildlyPositive, mentions, null, null, body).Label);
        // Without the text the mixed item keeps the model's reading, as before.
        Assert.Equal(mildlyPositive, DocumentStance.Of(mildlyPositive, mentions, null, null));
    }

    [Fact]
    public void A_turn_to_praise_that_names_no_factor_outweighs_the_complaint_before_it()
    {
        const string body = "parking near the vet clinic is a myth but the vet is wonderful";
        var mentions = new[] { At(body, "parking near the vet clinic is a myth", "location_parking", SentimentLabel.Negative) };

        Assert.Equal(SentimentLabel.Positive, DocumentStance.EndsOn(body, mentions));
        Assert.Equal(SentimentLabel.Positive, DocumentStance.Of(MildlyNegative, mentions, null, null, body).Label);
    }

    [Fact]
    public void A_trailing_concession_and_a_list_of_pros_and_cons_name_no_side_to_end_on()
    {
        const string concession = "The courier was on time and polite, though the parcel was dented.";
        const string list = "Courier on time. Parcel dented.";

        Assert.Null(DocumentStance.EndsOn(concession, [At(concession, "though the parcel was dented", "delivery", SentimentLabel.Negative)]));
        Assert.Null(DocumentStance.EndsOn(list, [At(list, "Parcel dented", "delivery", SentimentLabel.Negative)]));
    }
}
