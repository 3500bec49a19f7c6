using Listening.Core.Text;

namespace Listening.Core.Tests.Text;

public class LanguageDetectorTests
{
    [Theory]
    [InlineData("Доставка пришла вовремя, спасибо!")]
    [InlineData("норм")]
    [InlineData("Ещё раз убедился: Сбер лучший")]
    [InlineData("@namaskaramsaroo Мотоцикль")]                       // a Latin handle must not outvote a Cyrillic word
    [InlineData("Мнение о кредитной карте ВТБ 24 http://t.co/SBJTcsqjCg")]
    [InlineData("Купил iPhone в МТС, всё ок")]
    public void Russian_short_texts_are_ru(string text) => Assert.Equal(LanguageDetector.Russian, LanguageDetector.Detect(text));

    [Theory]
    [InlineData("@VirginAmerica What @dhepburn said.")]
    [InlineData("ok")]
    [InlineData("Great app, but the search is slow")]
    [InlineData("@united thanks!!! 👍")]
    [InlineData("Café was nice, the staff friendly")]                 // one accent does not make it French
    public void English_short_texts_are_en(string text) => Assert.Equal(LanguageDetector.English, LanguageDetector.Detect(text));

    [Theory]
    [InlineData("Дуже дякую, все прийшло вчасно і якісно")]          // Ukrainian
    [InlineData("Рахмет, бәрі жақсы болды")]                          // Kazakh
    [InlineData("El servicio es muy bueno y la comida también")]    // Spanish
    [InlineData("Das ist nicht gut, ich bin sehr enttäuscht")]        // German
    [InlineData("C'est très bien, merci pour la livraison")]          // French
    [InlineData("😍😍😍 12345 !!!")]                                  // no letters
    [InlineData("")]
    public void Other_languages_and_letterless_texts_are_other(string text) =>
        Assert.Equal(LanguageDetector.Other, LanguageDetector.Detect(text));

    [Fact]
    public void Mixed_text_goes_to_the_language_of_most_letters()
    {
        Assert.Equal(LanguageDetector.Russian, LanguageDetector.Detect("Очень удобное приложение, но иногда пишет error"));
        Assert.Equal(LanguageDetector.English, LanguageDetector.Detect("The app is great, but the delivery from Озон was late again"));
    }
}
