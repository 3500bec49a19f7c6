using static Listening.Core.Tests.Factors.DefaultExtraction;

namespace Listening.Core.Tests.Factors;

/// <summary>Round 15: words of the returns and the loyalty programme pinned to the forms that name them — handing something in
/// is no return, making up for something no refund, and "point", "offered", "sales" or a group of customers no programme.</summary>
public class WordFormsOfReturnsAndLoyaltyTests
{
    [Theory]
    [InlineData("Сдала анализы в понедельник, сегодня пятница.")]
    [InlineData("Сдала пуховик в чистку.")]
    [InlineData("Приложение глючит, но мастер всё компенсирует.")]
    [InlineData("Биты — хорошо, но грязь в раздевалке это не компенсирует.")]
    public void Handing_something_in_or_making_up_for_something_is_not_a_return(string text)
    {
        Assert.DoesNotContain("returns", FactorsIn(text));
    }

    [Theory]
    [InlineData("Сдала обратно неподошедший смеситель — приняли без вопросов.")]
    [InlineData("Сдал телевизор по гарантии, прошёл месяц.")]
    [InlineData("Искра обещала компенсировать ремонт и пропала.")]
    public void A_purchase_handed_back_or_a_compensation_promised_stays_the_return(string text)
    {
        Assert.Contains("returns", FactorsIn(text));
    }

    [Theory]
    [InlineData("What's the point of live tracking then?")]
    [InlineData("The receptionist at my local point is the best.")]
    [InlineData("Asked for help and the assistant just pointed at a shelf. Useless.")]
    [InlineData("The manager shrugged and offered me a coffee. Nice.")]
    [InlineData("Sales manager won't stop calling me about an upgrade.")]
    [InlineData("Инженер на приёме кричит на пенсионеров. Стыдно.")]
    public void A_point_an_offer_made_sales_people_or_pensioners_are_not_the_loyalty_programme(string text)
    {
        Assert.DoesNotContain("loyalty", FactorsIn(text));
    }

    [Theory]
    [InlineData("The points add up quickly, love it.")]
    [InlineData("Great offers every week.")]
    [InlineData("Got a great jacket in the sale.")]
    [InlineData("Убрали даже скидку для пенсионеров. Ну спасибо.")]
    public void Points_offers_a_sale_and_a_pensioners_discount_stay_the_loyalty_programme(string text)
    {
        Assert.Contains("loyalty", FactorsIn(text));
    }
}
