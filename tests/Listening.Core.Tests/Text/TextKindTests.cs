using Listening.Core.Text;

namespace Listening.Core.Tests.Text;

public class TextKindTests
{
    [Theory]
    [InlineData("@sberbank верните деньги", TextKind.Post)]
    [InlineData("Новый тариф #мтс http://t.co/x", TextKind.Post)]
    [InlineData("RT Отличная новость", TextKind.Post)]
    [InlineData("Пункт выдачи чистый, выдали быстро", TextKind.Short)]
    [InlineData("Great app, works fine", TextKind.Short)]
    [InlineData("Очередь. Достоинства: нет Недостатки: всё", TextKind.Review)]
    [InlineData("e-mail me at a@b.com", TextKind.Short)] // an e-mail address is no @handle
    public void Kind_is_decided_from_the_text_itself(string text, string expected) => Assert.Equal(expected, TextKind.Of(text));

    [Fact]
    public void Long_texts_are_reviews()
    {
        Assert.Equal(TextKind.Review, TextKind.Of(string.Join(' ', Enumerable.Repeat("Обслуживание хорошее.", 20))));
        Assert.Equal(TextKind.Short, TextKind.Of(new string('a', TextKind.ReviewChars)));
    }
}
