using Listening.Core.Text;

namespace Listening.Core.Tests.Text;

public class TransliterationTests
{
    [Theory]
    [InlineData("Vse otlichno, spasibo!")]
    [InlineData("Uzhasnyi servis, nikomu ne sovetuyu")]
    [InlineData("Opyat opozdali na chas")]
    public void Russian_in_latin_letters_is_recognised(string text) => Assert.True(Transliteration.LooksLikeRussian(text));

    [Theory]
    [InlineData("The courier was late and the food was cold")]
    [InlineData("Great app, love it")]
    [InlineData("Всё отлично, спасибо")]
    [InlineData("Bank of America is not the best")]
    public void English_and_cyrillic_texts_are_not(string text) => Assert.False(Transliteration.LooksLikeRussian(text));

    [Theory]
    [InlineData("Uzhasnyi servis, nikomu ne sovetuyu", "Ужасный сервис, никому не советую")]
    [InlineData("Vse otlichno, spasibo!", "Все отлично, спасибо!")]
    [InlineData("Prilozhenie udobnoe, bystraya dostavka 👍", "Приложение удобное, быстрая доставка 👍")]
    public void Transliteration_maps_back_to_cyrillic(string latin, string cyrillic) => Assert.Equal(cyrillic, Transliteration.ToCyrillic(latin));
}
