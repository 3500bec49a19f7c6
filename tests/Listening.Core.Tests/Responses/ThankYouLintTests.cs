using Listening.Core.Responses;

namespace Listening.Core.Tests.Responses;

public class ThankYouLintTests
{
    private static readonly NegativeGuard Guard = ShippedTemplates.Catalog().NegativeGuard;

    [Theory]
    [InlineData("Спасибо! 😊", "emoji")]
    [InlineData("Спасибо :)", "emoji")]
    [InlineData("Спасибо)))", "emoji")]
    [InlineData("Ловите промокод на следующий заказ", "промокод")]
    [InlineData("Дарим скидку 10%", "скидк")]
    [InlineData("Ваше мнение очень важно для нас.", "stock phrase")]
    [InlineData("На самом деле курьер приехал вовремя.", "arguing")]
    [InlineData("Привет, Анна", "familiar")]
    [InlineData("We apologize for any inconvenience.", "stock phrase")]
    [InlineData("Try our premium upgrade", "upgrade")]
    public void Policy_breaches_in_an_apology_are_found(string text, string expected)
    {
        Assert.Contains(ThankYouLint.NegativeProblems(text, Guard), p => p.Contains(expected));
    }

    [Theory]
    [InlineData("Сотрудник свяжется с вами в течение 24 часов. Реакция на отзыв последует.")]
    [InlineData("We will contact you; our wholesale team has been told.")]
    [InlineData("В течение тысячи лет")]
    public void Formal_text_and_words_that_merely_contain_a_banned_word_pass(string text)
    {
        Assert.Empty(ThankYouLint.NegativeProblems(text, Guard));
    }
}
