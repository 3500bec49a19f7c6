using static Listening.Core.Tests.Factors.DefaultExtraction;

namespace Listening.Core.Tests.Factors;

/// <summary>
/// Round 19 (qual19): booking or checking in online is done on the site or in the app, whatever is booked — a dentist, a bike
/// repair, a hostel — so a slot it loses or a check-in that fails is the app's, not the thing sold. Sentences are our own.
/// </summary>
public class OnlineBookingTests
{
    [Theory]
    [InlineData("Онлайн-запись к стоматологу не работает.")]
    [InlineData("Записаться онлайн в веломастерскую невозможно, всё занято.")]
    [InlineData("Онлайн-регистрация в хостеле за минуту, удобно.")]
    [InlineData("Online booking at the bike shop is broken.")]
    [InlineData("Online check-in at the hostel took a minute, great.")]
    public void Booking_or_checking_in_online_is_the_app(string text)
    {
        var factors = FactorsIn(text);
        Assert.Contains("website_app", factors);
        Assert.DoesNotContain("quality", factors);
    }
}
