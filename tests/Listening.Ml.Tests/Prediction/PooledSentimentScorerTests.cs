namespace Listening.Ml.Tests.Prediction;

[Collection(ShippedModelCollection.Name)]
public class PooledSentimentScorerTests(ShippedModelFixture fixture)
{
    private static readonly string[] Texts =
    [
        "Курьер опоздал на два часа", "Всё супер, спасибо!", "Обычный пункт выдачи", "@bank верните деньги!!!",
        "Love the new update 😍", "Worst airline ever :(", "The room was ok", "Не могу войти в приложение",
        "Быстро и удобно)))", "Meh. Could be better.", "Ну такое...", "Best customer support I have had",
    ];

    [Fact]
    public void Parallel_calls_give_the_same_scores_as_sequential_calls()
    {
        var scorer = fixture.Scorer;
        var expected = Texts.Select(scorer.Score).ToArray();
        var inputs = Enumerable.Range(0, 4000).Select(i => i % Texts.Length).ToArray();
        var actual = new Core.Sentiment.SentimentScore[inputs.Length];
        Parallel.For(0, inputs.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 },
            i => actual[i] = scorer.Score(Texts[inputs[i]]));
        for (var i = 0; i < inputs.Length; i++) Assert.Equal(expected[inputs[i]], actual[i]);
    }
}
