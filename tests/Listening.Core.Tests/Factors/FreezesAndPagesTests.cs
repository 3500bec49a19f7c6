using static Listening.Core.Tests.Factors.DefaultExtraction;

namespace Listening.Core.Tests.Factors;

/// <summary>Round 18: two words the app took from other senses — "freezing" said of a cold room or water, and a page counted
/// as a document's length — name no site or app; software that freezes and a web page still do.</summary>
public class FreezesAndPagesTests
{
    [Theory]
    [InlineData("The new video platform freezes every lesson.")]
    [InlineData("Great teacher, but the video keeps freezing and the audio lags.")]
    [InlineData("Payment screen froze, money taken, no booking created.")]
    [InlineData("The page won't load at all.")]
    [InlineData("После обновления приложение зависает на оплате.")]
    public void Software_that_freezes_and_a_web_page_are_the_app(string text)
    {
        Assert.Contains("website_app", FactorsIn(text));
    }

    [Theory]
    [InlineData("Two hours late and freezing cold.")]
    [InlineData("Carriage was freezing and the tea was lukewarm.")]
    [InlineData("The water was freezing. 22 degrees in the main pool.")]
    [InlineData("40 pages of exclusions. Read the small print before you buy.")]
    [InlineData("Правила страхования на 40 страниц мелким шрифтом, исключение на исключении.")]
    public void A_cold_place_and_a_document_counted_in_pages_are_no_app(string text)
    {
        Assert.DoesNotContain("website_app", FactorsIn(text));
    }
}
