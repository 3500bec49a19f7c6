using Listening.Core.Text;

namespace Listening.Core.Tests.Text;

public class CaseFoldingTests
{
    [Fact]
    public void Every_character_lowers_as_char_ToLowerInvariant_does()
    {
        for (var c = 0; c <= char.MaxValue; c++)
            Assert.True(char.ToLowerInvariant((char)c) == CaseFolding.Lower((char)c), $"U+{c:X4}");
    }

    [Theory]
    [InlineData("Доставка ПРИШЛА вовремя, СПАСИБО! Ёлка")]
    [InlineData("The Staff Were FRIENDLY — İstanbul ΣΊΣΥΦΟΣ")]
    [InlineData("already lower case")]
    [InlineData("")]
    [InlineData("emoji 😀 and a Deseret capital 𐐀 go the string way")]
    public void Strings_lower_as_ToLowerInvariant_does(string text)
    {
        Assert.Equal(text.ToLowerInvariant(), CaseFolding.Lower(text));
        Span<char> buffer = stackalloc char[text.Length];
        var written = CaseFolding.Lower(text.AsSpan(), buffer);
        Assert.Equal(text.ToLowerInvariant(), new string(buffer[..written]));
    }

    [Fact]
    public void Random_strings_lower_as_ToLowerInvariant_does()
    {
        var random = new Random(7);
        for (var n = 0; n < 2000; n++)
        {
            var chars = new char[random.Next(1, 40)];
            for (var k = 0; k < chars.Length; k++) chars[k] = (char)random.Next(0x20, 0x2000);
            var text = new string(chars);
            Assert.Equal(text.ToLowerInvariant(), CaseFolding.Lower(text));
        }
    }
}
