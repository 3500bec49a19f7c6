using Listening.Core.Factors;
using Listening.Core.Feedback;
using Listening.Core.Loyalty;
using Listening.Core.Responses;
using Listening.Core.Sentiment;

namespace Listening.Core.Tests.Responses;

public class ThankYouComposerTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);
    private static readonly ThankYouComposer Composer = ShippedTemplates.Composer();

    internal static FeedbackItem Item(string source = "site", Author? author = null, int? rating = null, string brand = "Acme", string id = "site-1") =>
        new(id, FeedbackKind.Review, source, brand, "текст отзыва", Now, rating, Author: author ?? new Author("a-1", "Анна", null, "anna@example.org"));

    internal static FeedbackScores Scores(string lang, SentimentLabel label, params (string Factor, SentimentLabel Label)[] factors) =>
        new(lang, SentimentScore.FromProbabilities(label == SentimentLabel.Negative ? .9f : .05f, label == SentimentLabel.Neutral ? .9f : .05f, label == SentimentLabel.Positive ? .9f : .05f),
            factors.Select((f, i) => new FactorMention(f.Factor, f.Label, 0, i * 20, 10)).ToList());

    private static LoyaltyDecision Points(int n) => n == 0
        ? LoyaltyDecision.None(LoyaltyReasons.PlatformForbidsIncentives)
        : new LoyaltyDecision(new LedgerEntry("award-site-1", "a-1", "site-1", "Acme", "site", n, Now), LoyaltyReasons.Awarded);

    private static ThankYou Compose(FeedbackItem item, FeedbackScores scores, int points = 50, AuthorProfile? profile = null) =>
        Composer.Compose(new ThankYouRequest(item, scores, profile, Points(points))) ?? throw new Xunit.Sdk.XunitException("no message");

    [Fact]
    public void Shipped_templates_pass_the_policy_checks()
    {
        Assert.Empty(Composer.Validate());
    }

    [Fact]
    public void Russian_thanks_names_the_author_and_the_factor_in_the_prepositional_case()
    {
        var m = Compose(Item(), Scores("ru", SentimentLabel.Positive, ("delivery", SentimentLabel.Positive)));

        Assert.StartsWith("Здравствуйте, Анна!", m.Body);
        Assert.Contains("рассказали о доставке.", m.Body);
        Assert.Equal("ru.positive", m.Template);
        Assert.False(m.FollowUp);
    }

    [Fact]
    public void Factors_sharing_a_preposition_share_it_and_different_prepositions_are_each_kept()
    {
        var same = Compose(Item(), Scores("ru", SentimentLabel.Positive, ("delivery", SentimentLabel.Positive), ("price", SentimentLabel.Positive)));
        var mixed = Compose(Item(), Scores("ru", SentimentLabel.Positive, ("delivery", SentimentLabel.Positive), ("payment", SentimentLabel.Positive), ("staff", SentimentLabel.Neutral)));

        Assert.Contains("рассказали о доставке и цене.", same.Body);
        Assert.Contains("рассказали о доставке, об оплате и об обслуживании.", mixed.Body);
    }

    [Fact]
    public void A_factor_without_configured_forms_is_left_out_rather_than_misdeclined()
    {
        var m = Compose(Item(), Scores("ru", SentimentLabel.Positive, ("teleportation", SentimentLabel.Positive), ("delivery", SentimentLabel.Positive)));

        Assert.Contains("рассказали о доставке.", m.Body);
        Assert.DoesNotContain("teleportation", m.Body);
    }

    [Theory]
    [InlineData(1, "1 бонусный балл.")]
    [InlineData(3, "3 бонусных балла.")]
    [InlineData(11, "11 бонусных баллов.")]
    [InlineData(21, "21 бонусный балл.")]
    [InlineData(50, "50 бонусных баллов.")]
    public void The_award_is_disclosed_with_the_number_agreeing(int points, string expected)
    {
        var m = Compose(Item(), Scores("ru", SentimentLabel.Positive), points);

        Assert.Contains("мы начислили вам " + expected, m.Body);
        Assert.Equal(points, m.Points);
    }

    [Fact]
    public void Russian_apology_is_formal_promises_a_follow_up_by_e_mail_within_the_configured_hours_and_is_flagged()
    {
        var m = Compose(Item(), Scores("ru", SentimentLabel.Negative, ("delivery", SentimentLabel.Negative), ("staff", SentimentLabel.Positive)));

        Assert.True(m.FollowUp);
        Assert.Equal(Tone.Negative, m.Tone);
        Assert.StartsWith("Здравствуйте, Анна.", m.Body);
        Assert.DoesNotContain("!", m.Body);
        Assert.Contains("подробно рассказали о доставке.", m.Body);
        Assert.Contains("Сотрудник напишет вам на электронную почту в течение 24 часов, чтобы разобраться в ситуации с доставкой", m.Body);
        Assert.Contains("Как и за любой отзыв, мы начислили вам 50 бонусных баллов.", m.Body);
        Assert.Empty(ThankYouLint.NegativeProblems(m.Subject + m.Body, ShippedTemplates.Catalog().NegativeGuard));
    }

    [Theory]
    [InlineData(1, "в течение 1 часа")]
    [InlineData(2, "в течение 2 часов")]
    [InlineData(21, "в течение 21 часа")]
    [InlineData(48, "в течение 48 часов")]
    public void Follow_up_hours_are_in_the_genitive(int hours, string expected)
    {
        var composer = ShippedTemplates.Composer(new ResponseRules { FollowUpHours = hours });
        var m = composer.Compose(new ThankYouRequest(Item(), Scores("ru", SentimentLabel.Negative), null, Points(0)))!;

        Assert.Contains(expected, m.Body);
    }

    [Theory]
    [InlineData(SentimentLabel.Neutral, 0.05f)]
    [InlineData(SentimentLabel.Positive, 0.42f)] // "Доставка задержалась на час, суп остыл": P(positive) 0.42 from the shipped model
    public void A_text_whose_every_factor_mention_is_negative_is_answered_as_a_complaint_unless_the_model_is_sure_it_is_praise(SentimentLabel label, float positive)
    {
        var rest = (1 - positive) / 2;
        var sentiment = label == SentimentLabel.Neutral ? SentimentScore.FromProbabilities(rest - 0.2f, rest + 0.2f, positive) : SentimentScore.FromProbabilities(0.36f, 0.22f, positive);
        var scores = new FeedbackScores("ru", sentiment, [new FactorMention("delivery", SentimentLabel.Negative, -1, 0, 8), new FactorMention("waiting_time", SentimentLabel.Negative, -1, 0, 8)]);
        var confidentPraise = new FeedbackScores("ru", SentimentScore.FromProbabilities(0.1f, 0.1f, 0.8f), scores.Factors);

        Assert.Equal(label, sentiment.Label);
        Assert.Equal(Tone.Negative, Compose(Item(), scores).Tone);
        Assert.True(Compose(Item(), scores).FollowUp);
        Assert.Equal(Tone.Positive, Compose(Item(), confidentPraise).Tone);
        Assert.NotEqual(Tone.Negative, Compose(Item(rating: 5), scores).Tone); // a five-star rating keeps its say
        var mixed = new FeedbackScores("ru", sentiment, [.. scores.Factors, new FactorMention("staff", SentimentLabel.Positive, 1, 20, 8)]);
        Assert.NotEqual(Tone.Negative, Compose(Item(), mixed).Tone);
    }

    [Fact]
    public void A_one_star_rating_is_answered_as_a_complaint_even_when_the_text_reads_neutral()
    {
        var m = Compose(Item(rating: 1), Scores("ru", SentimentLabel.Neutral));

        Assert.Equal(Tone.Negative, m.Tone);
        Assert.True(m.FollowUp);
    }

    [Fact]
    public void A_google_review_without_points_is_still_thanked_through_the_review_reply_and_mentions_no_points()
    {
        var item = Item(source: "google", author: new Author("g-1", "Ivan", "ivan_k", null));
        var m = Compose(item, Scores("en", SentimentLabel.Positive, ("staff", SentimentLabel.Positive)), points: 0);

        Assert.Equal(new ReplyRoute("reply", "ivan_k"), m.Route);
        Assert.StartsWith("Hello Ivan,", m.Body);
        Assert.Contains("telling us about our staff.", m.Body);
        Assert.DoesNotContain("point", m.Body);
    }

    [Fact]
    public void English_apology_says_when_and_how_and_names_the_problem()
    {
        var item = Item(author: new Author("a-2", "Kate", "@kate", null), source: "twitter");
        var m = Compose(item, Scores("en", SentimentLabel.Negative, ("delivery", SentimentLabel.Negative), ("price", SentimentLabel.Negative)), points: 1);

        Assert.StartsWith("Dear Kate,", m.Body);
        Assert.Contains("will reply to you in this thread within 24 hours to look into what went wrong with the delivery and our prices", m.Body);
        Assert.Contains("we have added 1 bonus point to your account.", m.Body);
    }

    [Fact]
    public void A_vip_author_gets_the_variant_signed_by_the_named_executive()
    {
        var m = Compose(Item(), Scores("ru", SentimentLabel.Negative), profile: new AuthorProfile("a-1", AuthorTier.Vip));

        Assert.Equal("ru.negative.vip", m.Template);
        Assert.Contains("Меня зовут Анна Смирнова, я директор по работе с клиентами компании Acme.", m.Body);
        Assert.EndsWith("Анна Смирнова, директор по работе с клиентами Acme", m.Body);
    }

    [Fact]
    public void A_vip_tone_without_its_own_variant_falls_back_to_the_standard_template()
    {
        var m = Compose(Item(), Scores("ru", SentimentLabel.Neutral), profile: new AuthorProfile("a-1", AuthorTier.Vip));

        Assert.Equal("ru.neutral", m.Template);
    }

    [Fact]
    public void The_preferred_channel_wins_when_the_author_can_be_reached_there()
    {
        var item = Item(author: new Author("a-1", "Анна", "@anna", "anna@example.org"));
        var viaTelegram = Compose(item, Scores("ru", SentimentLabel.Negative), profile: new AuthorProfile("a-1", PreferredChannel: "telegram"));
        var viaEmail = Compose(item with { Source = "vk" }, Scores("ru", SentimentLabel.Positive));

        Assert.Equal(new ReplyRoute("telegram", "@anna"), viaTelegram.Route);
        Assert.Contains("Сотрудник напишет вам в Telegram в течение 24 часов", viaTelegram.Body);
        Assert.Equal(new ReplyRoute("email", "anna@example.org"), viaEmail.Route);
    }

    [Fact]
    public void An_author_who_cannot_be_reached_gets_no_message()
    {
        var item = Item(source: "import", author: new Author("a-9", "Анна", null, null));

        Assert.Null(Composer.Compose(new ThankYouRequest(item, Scores("ru", SentimentLabel.Positive), null, Points(50))));
    }

    [Fact]
    public void Feedback_about_a_competitor_is_never_answered()
    {
        var item = Item(brand: "PelmeniBar") with { CompetitorOf = "Acme" };

        Assert.Null(Composer.Compose(new ThankYouRequest(item, Scores("ru", SentimentLabel.Positive), null, Points(0))));
    }

    [Fact]
    public void Spam_is_not_answered()
    {
        var item = Item() with { Text = "https://example.com/deal/8h2k https://example.com/deal/8h2k https://example.com/deal/9x1p" };

        Assert.Null(Composer.Compose(new ThankYouRequest(item, Scores("en", SentimentLabel.Neutral), null, Points(0))));
    }

    [Fact]
    public void An_unsupported_language_falls_back_to_the_default_language()
    {
        var m = Compose(Item(), Scores("de", SentimentLabel.Positive));

        Assert.Equal("ru", m.Language);
        Assert.Equal("ru.positive", m.Template);
    }

    [Fact]
    public void Without_a_name_the_greeting_stays_grammatical()
    {
        var m = Compose(Item(author: new Author("a-1", null, null, "x@example.org")), Scores("ru", SentimentLabel.Positive));

        Assert.StartsWith("Здравствуйте!\n\nСпасибо", m.Body);
    }

    [Fact]
    public void A_marketing_edit_that_puts_a_discount_or_an_emoji_into_an_apology_fails_validation()
    {
        var bodies = ShippedTemplates.Bodies();
        bodies["ru.negative"] = bodies["ru.negative"].Replace("С уважением,", "Дарим промокод на скидку 10% :)\n\nС уважением,");
        var problems = new ThankYouComposer(ShippedTemplates.Catalog(), bodies, new ResponseRules()).Validate().ToList();

        Assert.Contains(problems, p => p.Contains("ru.negative.liquid") && p.Contains("promotion 'промокод'"));
        Assert.Contains(problems, p => p.Contains("emoji"));
    }

    [Fact]
    public void An_apology_template_that_forgets_the_follow_up_or_a_template_that_hides_the_award_fails_validation()
    {
        var bodies = ShippedTemplates.Bodies();
        bodies["en.negative"] = "Dear {{ name }}, we are sorry.";
        bodies["en.positive"] = "Thanks, {{ name }}!";
        var problems = new ThankYouComposer(ShippedTemplates.Catalog(), bodies, new ResponseRules()).Validate().ToList();

        Assert.Contains(problems, p => p.Contains("en.negative.liquid") && p.Contains("follow"));
        Assert.Contains(problems, p => p.Contains("en.positive.liquid") && p.Contains("not disclosed"));
    }

    [Fact]
    public void A_template_that_does_not_parse_is_reported_with_its_file_name()
    {
        var bodies = ShippedTemplates.Bodies();
        bodies["ru.positive"] = "{% if name %}Здравствуйте";

        var error = Assert.Throws<FormatException>(() => new ThankYouComposer(ShippedTemplates.Catalog(), bodies, new ResponseRules()));
        Assert.StartsWith("ru.positive.liquid:", error.Message);
    }
}
