using Listening.Core.Feedback;
using Listening.Core.Loyalty;

namespace Listening.Core.Tests.Loyalty;

public class LoyaltyPolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);
    private static readonly LoyaltyPolicy Policy = new(new LoyaltyRules { Points = 50, MaxPointsPerDay = 100, MaxPointsPerMonth = 200 });

    private static FeedbackItem Item(string id = "site-1", string source = "site", string text = "Доставка приехала вовремя, курьер был вежлив.",
        int? rating = null, string? competitorOf = null, FeedbackKind kind = FeedbackKind.Review, string? authorId = "a-1", string brand = "Acme") =>
        new(id, kind, source, brand, text, Now, rating, Author: new Author(authorId, "Анна", null, "anna@example.org"), CompetitorOf: competitorOf);

    private static LedgerEntry Entry(string itemId, DateTimeOffset at, int points = 50, string? fingerprint = null) =>
        new(LoyaltyLedger.AwardId(itemId), "a-1", itemId, "Acme", "site", points, at, fingerprint);

    [Fact]
    public void Praise_and_complaint_earn_the_same_points()
    {
        var praise = Policy.Decide(Item("site-1", text: "Всё отлично, спасибо за быструю доставку!", rating: 5), [], Now);
        var complaint = Policy.Decide(Item("site-2", text: "Ужасно: доставка опоздала на три дня, курьер нагрубил.", rating: 1), [], Now);

        Assert.Equal(LoyaltyReasons.Awarded, praise.Reason);
        Assert.Equal(LoyaltyReasons.Awarded, complaint.Reason);
        Assert.Equal(50, praise.Points);
        Assert.Equal(praise.Points, complaint.Points);
    }

    [Fact]
    public void A_google_review_earns_nothing_because_the_platform_forbids_incentives()
    {
        var decision = Policy.Decide(Item("google-1", source: "google"), [], Now);

        Assert.Null(decision.Award);
        Assert.Equal(LoyaltyReasons.PlatformForbidsIncentives, decision.Reason);
    }

    [Theory]
    [InlineData("googleplay")]
    [InlineData("appstore")]
    [InlineData("google")]
    public void App_stores_and_google_reviews_never_earn_points_even_when_configured_on_and_that_configuration_is_refused(string source)
    {
        var rules = new LoyaltyRules();
        rules.Sources[source] = new SourceRule { Incentives = true };
        rules.Brands["Beta"] = new BrandRules { Sources = { [source] = new SourceRule { Incentives = true } } };

        var global = new LoyaltyPolicy(rules).Decide(Item(source: source), [], Now);
        var brand = new LoyaltyPolicy(rules).Decide(Item(brand: "Beta", source: source), [], Now);

        Assert.Equal((LoyaltyReasons.PlatformForbidsIncentives, LoyaltyReasons.PlatformForbidsIncentives), (global.Reason, brand.Reason));
        Assert.Equal(2, rules.Problems().Count(p => p.Contains($"{source} forbids incentivised reviews")));
    }

    [Theory]
    [InlineData("site", FeedbackKind.Review, true)]
    [InlineData("app", FeedbackKind.Review, true)]
    [InlineData("typeform", FeedbackKind.Survey, true)]
    [InlineData("my-own-survey-tool", FeedbackKind.Survey, true)]
    [InlineData("otzovik", FeedbackKind.Review, false)]
    [InlineData("tripadvisor", FeedbackKind.Review, false)]
    [InlineData("some-forum", FeedbackKind.Mention, false)]
    public void First_party_sources_and_surveys_are_on_third_party_review_sites_and_unknown_sources_off(string source, FeedbackKind kind, bool earns)
    {
        Assert.Equal(earns, Policy.Decide(Item(source: source, kind: kind), [], Now).IsNewAward);
    }

    [Fact]
    public void Amount_and_platform_rules_come_from_configuration_per_brand_and_source()
    {
        var rules = new LoyaltyRules { Points = 50 };
        rules.Sources["app"] = new SourceRule { Points = 70 };
        rules.Brands["Beta"] = new BrandRules { Points = 10, Sources = { ["vk"] = new SourceRule { Incentives = true } } };
        var policy = new LoyaltyPolicy(rules);

        Assert.Equal(70, policy.Decide(Item(source: "app"), [], Now).Points);
        Assert.Equal(10, policy.Decide(Item(brand: "Beta"), [], Now).Points);
        Assert.Equal(10, policy.Decide(Item(brand: "Beta", source: "vk"), [], Now).Points);
        Assert.False(policy.Decide(Item(brand: "Acme", source: "vk"), [], Now).IsNewAward);
    }

    [Fact]
    public void The_award_id_is_derived_from_the_item_and_a_second_decision_returns_the_existing_award()
    {
        var first = Policy.Decide(Item(), [], Now);
        var again = Policy.Decide(Item(), [first.Award!], Now.AddMinutes(5));

        Assert.Equal("award-site-1", first.Award!.Id);
        Assert.Equal(LoyaltyReasons.AlreadyAwarded, again.Reason);
        Assert.Same(first.Award, again.Award);
        Assert.False(again.IsNewAward);
    }

    [Fact]
    public void The_daily_cap_refuses_an_award_that_would_exceed_it_and_the_next_day_is_fresh()
    {
        LedgerEntry[] today = [Entry("site-a", Now.AddHours(-3)), Entry("site-b", Now.AddHours(-1))];

        Assert.Equal(LoyaltyReasons.DailyCap, Policy.Decide(Item("site-c"), today, Now).Reason);
        Assert.True(Policy.Decide(Item("site-c"), today, Now.AddDays(1)).IsNewAward);
    }

    [Fact]
    public void The_monthly_cap_holds_across_days_and_resets_with_the_month()
    {
        LedgerEntry[] month = [Entry("a", Now.AddDays(-10)), Entry("b", Now.AddDays(-8)), Entry("c", Now.AddDays(-5)), Entry("d", Now.AddDays(-2))];

        Assert.Equal(LoyaltyReasons.MonthlyCap, Policy.Decide(Item("site-e"), month, Now).Reason);
        Assert.True(Policy.Decide(Item("site-e"), month, new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero)).IsNewAward);
    }

    [Fact]
    public void Caps_count_days_at_the_configured_offset()
    {
        // 22:30 UTC on the 19th is already the 20th in Moscow (UTC+3).
        var moscow = new LoyaltyPolicy(new LoyaltyRules { Points = 50, MaxPointsPerDay = 50, CapUtcOffsetHours = 3 });
        LedgerEntry[] lateEvening = [Entry("a", new DateTimeOffset(2026, 11, 19, 22, 30, 0, TimeSpan.Zero))];

        Assert.Equal(LoyaltyReasons.DailyCap, moscow.Decide(Item(), lateEvening, Now).Reason);
        Assert.True(Policy.Decide(Item(), lateEvening, Now).IsNewAward);
    }

    [Fact]
    public void A_one_word_review_earns_nothing_but_is_not_called_spam()
    {
        Assert.Equal(LoyaltyReasons.TooShort, Policy.Decide(Item(text: "Отлично!"), [], Now).Reason);
    }

    [Theory]
    [InlineData("https://example.ru/free-bonus https://example.ru/free-bonus")]
    [InlineData("Купите дешёвые часы http://spam.example и http://spam2.example")]
    [InlineData("ааааааааааааааааааа!!!! супер")]
    [InlineData("хорошо хорошо хорошо хорошо хорошо хорошо магазин")]
    public void Spam_and_non_feedback_earn_nothing(string text)
    {
        Assert.Equal(LoyaltyReasons.Spam, Policy.Decide(Item(text: text), [], Now).Reason);
    }

    [Fact]
    public void An_item_the_intake_marked_as_spam_earns_nothing_even_when_its_text_looks_genuine()
    {
        var flagged = Item() with { Spam = "flood" };
        Assert.Equal(LoyaltyReasons.Spam, Policy.Decide(flagged, [], Now).Reason);
    }

    [Fact]
    public void The_same_text_posted_again_under_another_item_is_a_duplicate()
    {
        var first = Policy.Decide(Item("site-1"), [], Now);
        var copy = Policy.Decide(Item("app-7", source: "app", text: "  доставка приехала ВОВРЕМЯ; курьер был вежлив "), [first.Award!], Now);

        Assert.Equal(LoyaltyReasons.Duplicate, copy.Reason);
    }

    [Fact]
    public void A_mention_of_a_competitor_earns_nothing()
    {
        Assert.Equal(LoyaltyReasons.Competitor, Policy.Decide(Item(competitorOf: "Acme", brand: "Rival"), [], Now).Reason);
    }

    [Fact]
    public void An_item_without_an_author_id_earns_nothing()
    {
        Assert.Equal(LoyaltyReasons.NoAuthor, Policy.Decide(Item(authorId: null), [], Now).Reason);
    }

    [Fact]
    public void The_balance_is_the_sum_of_the_ledger()
    {
        Assert.Equal(120, LoyaltyLedger.Balance([Entry("a", Now, 50), Entry("b", Now, 70)]));
    }

    [Fact]
    public void Invalid_rules_are_reported()
    {
        var problems = new LoyaltyRules { Points = -1, MaxPointsPerDay = 100, MaxPointsPerMonth = 50 }.Problems().ToList();

        Assert.Contains(problems, p => p.Contains("Points"));
        Assert.Contains(problems, p => p.Contains("MaxPointsPerMonth"));
    }
}
