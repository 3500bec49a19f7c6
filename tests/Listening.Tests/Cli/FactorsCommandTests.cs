using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Listening.Cli;

namespace Listening.Tests.Cli;

public class FactorsCommandTests
{
    private static (int Code, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter(CultureInfo.InvariantCulture);
        var error = new StringWriter(CultureInfo.InvariantCulture);
        var code = FactorsCommand.Create().Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public void A_brands_override_file_adds_a_factor_that_is_found_with_clause_sentiment()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, """{ "factors": [ { "id": "kids_corner", "names": { "ru": "Детская комната" }, "terms": { "ru": ["детская комната", "аниматор"] } } ] }""");
            var (code, output, error) = Run("--taxonomy", file, "Аниматоры замечательные. Но в детской комнате грязно");

            Assert.True(code == 0, error);
            var mentions = JsonDocument.Parse(output).RootElement.EnumerateArray()
                .Where(m => m.GetProperty("factor").GetString() == "kids_corner")
                .Select(m => (m.GetProperty("label").GetString(), m.GetProperty("clause").GetString()))
                .ToList();
            Assert.Equal([("positive", "Аниматоры замечательные"), ("negative", "Но в детской комнате грязно")], mentions);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static List<(string Factor, string Label)> Mentions(string output) =>
        JsonDocument.Parse(output).RootElement.EnumerateArray()
            .Select(m => (m.GetProperty("factor").GetString()!, m.GetProperty("label").GetString()!))
            .ToList();

    [Fact]
    public void By_default_the_text_is_scored_as_the_pipeline_scores_an_item_with_the_shipped_model()
    {
        var (code, output, error) = Run("Доставка опоздала на час, но продукты свежие");
        Assert.True(code == 0, error);
        Assert.Equal([("delivery", "negative"), ("quality", "positive")], Mentions(output));
    }

    [Fact]
    public void Without_the_model_opinion_words_alone_decide()
    {
        var (code, output, error) = Run("--no-model", "Prices are fine, I have no issue there");
        Assert.True(code == 0, error);
        Assert.Equal([("price", "neutral")], Mentions(output));
    }

    [Fact]
    public void The_rating_breaks_the_tie_for_a_clause_that_says_nothing_either_way()
    {
        var (_, withOne, _) = Run("--no-model", "--rating", "1", "We ordered delivery on Monday.");
        var (_, withFive, _) = Run("--no-model", "--rating", "5", "We ordered delivery on Monday.");
        Assert.Equal([("delivery", "negative")], Mentions(withOne));
        Assert.Equal([("delivery", "positive")], Mentions(withFive));
        var (code, _, error) = Run("--rating", "7", "text");
        Assert.NotEqual(0, code);
        Assert.Contains("--rating", error);
    }

    [Fact]
    public void A_missing_model_fails_and_points_to_no_model()
    {
        var (code, _, error) = Run("--model", "/nonexistent/model.zip", "text");
        Assert.NotEqual(0, code);
        Assert.Contains("--no-model", error);
    }

    [Fact]
    public void A_broken_override_file_fails_naming_the_file()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, "{ \"factors\": [ ");
            var (code, _, error) = Run("--taxonomy", file, "text");
            Assert.NotEqual(0, code);
            Assert.Contains(file, error);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Packs_are_listed_with_their_factors()
    {
        var (code, output, _) = Run("--pack", "telecom", "--list");
        Assert.Equal(0, code);
        Assert.Contains("coverage", output);
        Assert.Contains("price", output);
    }

    [Fact]
    public void An_unknown_pack_fails_with_the_known_ones()
    {
        var (code, _, error) = Run("--pack", "casinos", "text");
        Assert.NotEqual(0, code);
        Assert.Contains("restaurants", error);
    }
}
