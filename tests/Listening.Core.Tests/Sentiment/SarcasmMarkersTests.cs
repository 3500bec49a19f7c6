using Listening.Core.Sentiment;

namespace Listening.Core.Tests.Sentiment;

public class SarcasmMarkersTests
{
    [Theory]
    [InlineData("Oh great, another order arrived half-empty. Thanks a lot, really made my day.")]
    [InlineData("Отличный сервис, третий день жду курьера.")]
    [InlineData("Ну спасибо, опять привезли не тот заказ.")]
    [InlineData("Thanks for nothing, still waiting for a refund.")]
    [InlineData("Спасибо большое за испорченный вечер")]
    public void Ironic_praise_with_markers_is_a_candidate(string text) => Assert.True(SarcasmMarkers.Candidate(text));

    [Theory]
    [InlineData("Great service, will definitely order again!")]
    [InlineData("Отлично, спасибо, обязательно закажу ещё")]
    [InlineData("Спасибо, опять закажу у вас")]
    [InlineData("Great app, but it crashes every time I open the camera.")] // an explicit contrast: mixed, not irony
    [InlineData("Курьер опоздал на час")]
    [InlineData("The staff were great")]
    public void Sincere_praise_and_plain_complaints_are_not_candidates(string text) => Assert.False(SarcasmMarkers.Candidate(text));

    private sealed class Fixed(Func<string, SentimentScore> score) : ISentimentScorer
    {
        public SentimentScore Score(string text) => score(text);
    }

    [Fact]
    public void Resolve_turns_ironic_praise_negative_when_the_model_reads_the_rest_as_a_complaint()
    {
        const string text = "Oh great, another order arrived half-empty. Thanks a lot.";
        var whole = SentimentScore.FromProbabilities(0.2f, 0.1f, 0.7f);
        var model = new Fixed(t => t == text ? whole : SentimentScore.FromProbabilities(0.75f, 0.15f, 0.1f));

        Assert.Equal("another order arrived half-empty", SarcasmMarkers.Remainder(text));
        var resolved = SarcasmMarkers.Resolve(model, text, whole);
        Assert.Equal(SentimentLabel.Negative, resolved.Label);
        Assert.InRange(resolved.Negative + resolved.Neutral + resolved.Positive, 0.99f, 1.01f);

        // When the rest reads positive too, the praise was meant: the model's score stands.
        var sincere = new Fixed(_ => whole);
        Assert.Equal(whole, SarcasmMarkers.Resolve(sincere, "Great, another order arrived early!", whole));
    }
}
