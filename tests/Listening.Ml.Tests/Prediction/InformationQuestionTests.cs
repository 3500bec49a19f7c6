using Listening.Core.Sentiment;
using Listening.Ml.Prediction;

namespace Listening.Ml.Tests.Prediction;

public class InformationQuestionTests
{
    [Theory]
    [InlineData("What time does the store close today?")]
    [InlineData("@lavka do you deliver to Khimki?")]
    [InlineData("Есть ли парковка у отделения на Арбате?")]
    [InlineData("Подскажите, можно ли оплатить картой? Как оформить доставку?")]
    public void A_text_of_questions_asking_for_information_only_asks(string text) => Assert.True(InformationQuestion.AsksOnly(text));

    [Theory]
    [InlineData("Why is my order late again?")]                          // "why" is a complaint put as a question
    [InlineData("Is it always this slow?")]                              // an opinion word
    [InlineData("Where is my bag??")]                                    // does not open as a request for information
    [InlineData("Do you deliver to Khimki? The courier never came.")]    // a statement beside the question
    [InlineData("What time does the store close today")]                 // no question mark: not asked
    public void Other_texts_do_not(string text) => Assert.False(InformationQuestion.AsksOnly(text));

    [Fact]
    public void A_question_that_only_asks_keeps_a_quarter_of_each_polar_class()
    {
        var model = SentimentScore.FromProbabilities(0.6f, 0.3f, 0.1f);
        var asked = InformationQuestion.Apply("What time does the store close today?", model);
        Assert.Equal(SentimentLabel.Neutral, asked.Label);
        Assert.Equal(0.15f, asked.Negative, 4);
        Assert.Equal(0.025f, asked.Positive, 4);
        Assert.Equal(0.825f, asked.Neutral, 4);
        Assert.Same(model, InformationQuestion.Apply("Why is the app so slow?", model));
    }
}
