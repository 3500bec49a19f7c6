using Listening.Ml.Features;

namespace Listening.Ml.Tests.Features;

public class NegatedComplaintTests
{
    [Theory]
    [InlineData("Not bad at all, actually pretty good.", "good, actually pretty good.")]
    [InlineData("It wasn't bad.", "It was good.")]
    [InlineData("Wasn't disappointed, the food was great.", "Was good, the food was great.")]
    [InlineData("Never late, always polite.", "good, always polite.")]
    [InlineData("Not that expensive for what you get.", "good for what you get.")]
    [InlineData("Не плохо.", "хорошо.")]
    [InlineData("Совсем не так уж дорого для такого качества.", "Совсем хорошо для такого качества.")]
    [InlineData("Не разочаровались ни разу, спасибо!", "хорошо, спасибо!")]
    [InlineData("Курьер не опоздал ни на минуту", "Курьер хорошо ни на минуту")]
    public void A_denied_complaint_is_written_as_the_praise_it_is(string text, string expected) =>
        Assert.Equal(expected, NegatedComplaint.Rewrite(text));

    [Theory]
    [InlineData("The delivery wasn't late this time, but the bread was stale.", "The delivery was this time, but the bread was stale.")]
    [InlineData("Курьер не опоздал, но половины заказа не было.", "Курьер , но половины заказа не было.")]
    [InlineData("Дорого, но не разочаровались.", "Дорого, но хорошо.")]   // the contrast comes before it: the denial is the point
    public void A_denied_complaint_before_a_contrast_is_left_out_rather_than_praised(string text, string expected) =>
        Assert.Equal(expected, NegatedComplaint.Rewrite(text));

    [Theory]
    [InlineData("Не плохо, а ужасно.")]                 // the correction: a stronger complaint replaces the denied one
    [InlineData("Не очень плохо, но и не хорошо.")]     // «не очень» softens, it does not deny
    [InlineData("Not only bad but rude.")]
    [InlineData("The food was bad and the staff rude.")]
    [InlineData("Неплохо, но дорого.")]                 // no negator: «неплохо» is the model's own word
    [InlineData("Nobody said it was cheap.")]
    public void Other_texts_are_left_alone(string text) => Assert.Equal(text, NegatedComplaint.Rewrite(text));
}
