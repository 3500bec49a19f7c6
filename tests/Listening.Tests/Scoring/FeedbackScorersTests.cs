using Listening.Core.Feedback;
using Listening.Core.Sentiment;
using Listening.Reports;
using Listening.Scoring;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Listening.Tests.Scoring;

/// <summary>The real scorer as the pipeline and `listening report` get it: shipped ML.NET model + taxonomy.</summary>
public class FeedbackScorersTests
{
    private static readonly FeedbackScorer Scorer = FeedbackScorers.Create(new ScoringOptions());

    private static FeedbackScores Score(string text, string brand = "acme") =>
        Scorer.Score(new FeedbackItem("t1", FeedbackKind.Review, "site", brand, text, DateTimeOffset.UnixEpoch));

    [Fact]
    public void Mixed_review_gives_each_factor_the_sentiment_of_its_own_clause()
    {
        var scores = Score("The products are always fresh and high quality, but the courier was two hours late and rude.");

        Assert.Equal("en", scores.Language);
        Assert.Equal(SentimentLabel.Positive, Assert.Single(scores.Factors, f => f.Factor == "quality").Label);
        Assert.Equal(SentimentLabel.Negative, Assert.Single(scores.Factors, f => f.Factor == "delivery").Label);
    }

    [Fact]
    public void Russian_negated_praise_is_negative()
    {
        var scores = Score("Не понравилась доставка: курьер опоздал на час.");

        Assert.Equal("ru", scores.Language);
        Assert.Equal(SentimentLabel.Negative, scores.Sentiment.Label);
        Assert.Equal(SentimentLabel.Negative, Assert.Single(scores.Factors, f => f.Factor == "delivery").Label);
    }

    [Fact]
    public void A_brand_with_the_restaurants_pack_finds_restaurant_factors()
    {
        var scorer = FeedbackScorers.Create(new ScoringOptions { Brands = { ["bistro"] = new BrandScoringOptions { Packs = ["restaurants"] } } });
        var scores = scorer.Score(new FeedbackItem("t2", FeedbackKind.Review, "site", "bistro",
            "The food was great but the waiter was rude.", DateTimeOffset.UnixEpoch));

        Assert.Contains(scores.Factors, f => f.Label == SentimentLabel.Positive);
        Assert.Contains(scores.Factors, f => f.Factor == "staff" && f.Label == SentimentLabel.Negative);
    }

    [Fact]
    public void A_missing_model_file_stops_the_service_at_start_with_the_path()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Listening:Scoring:ModelPath"] = "/nonexistent/model.zip" })
            .Build());
        services.AddScoring();
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ScoringOptions>>().Value);
        Assert.Contains("/nonexistent/model.zip", error.Message);
    }

    [Fact]
    public void By_default_the_scorer_reads_factors_with_the_learned_detector_as_learned_factors_true_does()
    {
        // Since round 16 the pipeline's default factors are the rules' and the detector's together (ml-models/factors/README.md).
        string[] texts =
        [
            "@lavkaplus спасибо курьеру Артёму, поднял тяжеленные пакеты на 5 этаж без лифта 🙏",
            "The own-brand range is great value. Pasta, sauces and olive oil are all as good as the premium brands.",
            "Fast, but a coffee, milk and bread cost me almost double the supermarket price.",
            "Написала в поддержку Лавки Плюс про недовложение — ответили через 5 минут и сразу вернули деньги. Приятно удивили.",
        ];
        var learned = FeedbackScorers.Create(new ScoringOptions { LearnedFactors = true });
        var rules = FeedbackScorers.Create(new ScoringOptions { LearnedFactors = false });
        static string Factors(FeedbackScorer scorer, string text) => string.Join(";", scorer
            .Score(new FeedbackItem("t3", FeedbackKind.Review, "site", "acme", text, DateTimeOffset.UnixEpoch)).Factors
            .Select(f => $"{f.Factor}:{f.Label}"));

        Assert.True(new ScoringOptions().LearnedFactors);
        Assert.All(texts, t => Assert.Equal(Factors(learned, t), Factors(Scorer, t)));
        Assert.Contains(texts, t => Factors(rules, t) != Factors(Scorer, t));
    }

    [Fact]
    public void A_missing_factor_detector_stops_the_service_at_start_with_the_path()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Listening:Scoring:FactorDetectorPath"] = "/nonexistent/detector.bin.gz" })
            .Build());
        services.AddScoring();
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ScoringOptions>>().Value);
        Assert.Contains("/nonexistent/detector.bin.gz", error.Message);
    }

    [Fact]
    public void Report_names_factors_from_the_taxonomy()
    {
        Assert.Equal("Доставка", FactorNames.Name("delivery", "ru"));
        Assert.Equal("Waiting time / speed", FactorNames.Name("waiting_time", "en"));
        Assert.Equal("Brand new factor", FactorNames.Name("brand_new_factor", "en"));
    }
}
