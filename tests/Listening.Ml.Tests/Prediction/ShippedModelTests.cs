using System.Text.Json.Nodes;
using Listening.Core.Sentiment;
using Listening.Ml.Data;
using Listening.Ml.Evaluation;
using Listening.Ml.Prediction;

namespace Listening.Ml.Tests.Prediction;

[Collection(ShippedModelCollection.Name)]
public class ShippedModelTests(ShippedModelFixture fixture)
{
    // The card's dev figures (evaluation.json, written by `evaluate --json` when the model shipped)
    // must still hold, give or take this much for floating-point and platform differences.
    private const double Tolerance = 0.01;

    [Fact]
    public void Shipped_model_file_is_small_and_loads_as_one_model_per_language()
    {
        // Size is a property of the file; load time is measured by `listening bench sentiment`, not asserted here.
        Assert.True(new FileInfo(TestPaths.ShippedModel).Length <= 20 * 1024 * 1024, "model.zip must stay ≤ 20 MB");
        var scorer = PooledSentimentScorer.Load(TestPaths.ShippedModel);
        scorer.Score("warm");
        Assert.Equal(["en", "ru"], scorer.Model.Transformers.Keys.Order()); // one model per language, as the card says
        Assert.True(scorer.ScoresFromWeights); // the fast path, not a PredictionEngine per call
    }

    [Theory]
    [InlineData("Ужасный сервис, деньги списали дважды и никто не отвечает!", SentimentLabel.Negative)]
    [InlineData("Отличное приложение, всем советую, спасибо разработчикам)))", SentimentLabel.Positive)]
    [InlineData("Terrible service, my flight was cancelled and nobody helped", SentimentLabel.Negative)]
    [InlineData("The staff were wonderful and the food was excellent", SentimentLabel.Positive)]
    public void Shipped_model_gets_clear_cases_right(string text, SentimentLabel expected)
    {
        var score = fixture.Scorer.Score(text);
        Assert.Equal(expected, score.Label);
        Assert.InRange(score.Negative + score.Neutral + score.Positive, 0.99f, 1.01f);
        Assert.Equal(score.Positive - score.Negative, score.Score, 4);
    }

    [Fact]
    public void Evaluation_json_is_the_honest_table_of_the_shipped_model()
    {
        var json = JsonNode.Parse(File.ReadAllText(TestPaths.ShippedEvaluation))!;
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(TestPaths.ShippedModel)));
        Assert.Equal(sha, (string)json["modelSha256"]!); // figures and model were committed together
        Assert.Equal("random", (string)json["procedure"]!["Holdout"]!); // so randomDev below is the shipped model's own dev split
        foreach (var member in json["members"]?.AsArray() ?? []) Assert.Equal("random", (string)member!["Holdout"]!); // an ensemble's too
        var honest = json["honest"]!.AsArray().Select(s => (string)s!["name"]!).ToHashSet();
        foreach (var split in QualityTargets.Honest) Assert.Contains(split.Dataset, honest);
        foreach (var s in json["honest"]!.AsArray())
        {
            // "value" is rounded to 4 decimals; "met" is decided on the exact figure, so a value that rounds to the minimum
            // (SST-2: 715 of 872 = 0.81995 → 0.8200 against ≥ 0.82) can be either.
            if (s!["target"] is not { } t || Math.Abs((double)s["value"]! - (double)t["minimum"]!) < 5e-5) continue;
            Assert.Equal((double)s["value"]! >= (double)t["minimum"]!, (bool)t["met"]!);
        }
    }

    [DatasetsFact]
    public void Dev_split_figures_in_the_model_card_still_hold()
    {
        Assert.True(TestPaths.DatasetsAvailable()); // skipped (visibly) without the data, except under CI=true, where this fails
        var card = JsonNode.Parse(File.ReadAllText(TestPaths.ShippedEvaluation))!["randomDev"]!.AsArray();
        var datasets = DatasetReader.ReadAll(TestPaths.Datasets);
        var results = SentimentEvaluator.Evaluate(fixture.Scorer, datasets).ToDictionary(r => r.Dataset.Name);
        var failures = new List<string>();
        foreach (var expected in card)
        {
            var name = (string)expected!["name"]!;
            if (!results.TryGetValue(name, out var actual)) { failures.Add($"{name}: dataset missing"); continue; }
            Assert.Equal((int)expected["n"]!, actual.Metrics.N);
            Check(name, "macroF1", (double)expected["macroF1"]!, actual.Metrics.MacroF1, failures);
            Check(name, "accuracy", (double)expected["accuracy"]!, actual.Metrics.Accuracy, failures);
            Check(name, "f1pn", (double)expected["f1pn"]!, actual.Metrics.F1PositiveNegative, failures);
        }
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    private static void Check(string dataset, string metric, double card, double measured, List<string> failures)
    {
        if (measured < card - Tolerance) failures.Add($"{dataset}: {metric} {measured:F4} < card {card:F4} − {Tolerance}");
    }
}
