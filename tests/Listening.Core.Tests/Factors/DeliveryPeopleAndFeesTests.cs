using static Listening.Core.Tests.Factors.DefaultExtraction;

namespace Listening.Core.Tests.Factors;

/// <summary>Round 15: a courier judged only as a person is the staff's, a word of sending names goods only beside them, and a
/// delivery word that only says what the bringing costs is the price's — the guideline's "the courier's manner is staff" and
/// "fees are price".</summary>
public class DeliveryPeopleAndFeesTests
{
    [Theory]
    [InlineData("Great app, polite couriers.")]
    [InlineData("Курьеры вежливые.")]
    [InlineData("Приложение удобное, курьеры вежливые.")]
    [InlineData("Svezho courier was polite, careful and even bagged everything himself.")]
    public void A_courier_judged_only_by_his_manner_is_the_staff_not_the_delivery(string text)
    {
        var factors = FactorsIn(text);
        Assert.Contains("staff", factors);
        Assert.DoesNotContain("delivery", factors);
    }

    [Theory]
    [InlineData("Courier was rude when I asked why he was an hour late.")]
    [InlineData("Курьер грубый, посылка помята.")]
    [InlineData("Курьер опоздал на сорок минут.")]
    [InlineData("Курьер занёс стиралку на 6 этаж и помог распаковать.")]
    [InlineData("The courier rescheduled three times.")]
    public void A_courier_said_to_do_something_or_with_the_time_or_goods_of_the_bringing_stays_the_delivery(string text)
    {
        Assert.Contains("delivery", FactorsIn(text));
    }

    [Theory]
    [InlineData("Но цены с доставкой кусаются.")]
    [InlineData("Доставка конверта — 1900 рублей. Грабёж.")]
    [InlineData("The shipping on my presents now costs more than the presents.")]
    [InlineData("А доставка из шоурума платная.")]
    public void A_delivery_word_that_only_says_what_the_bringing_costs_is_the_price(string text)
    {
        var factors = FactorsIn(text);
        Assert.Contains("price", factors);
        Assert.DoesNotContain("delivery", factors);
    }

    [Theory]
    [InlineData("Бесплатная доставка от 2000 рублей — удобно.")]
    [InlineData("Shipping cost more than the paint itself, and it was late.")]
    [InlineData("Доставка за 300 рублей, привезли за час.")]
    public void Free_delivery_or_a_fee_said_with_the_time_of_the_bringing_stays_the_delivery(string text)
    {
        Assert.Contains("delivery", FactorsIn(text));
    }

    [Theory]
    [InlineData("За 4 500 рублей меня осмотрели 10 минут и отправили на анализы.")]
    [InlineData("Не открылся QR на входе, отправили на кассу.")]
    [InlineData("Сфоткал грязную машину, отправил в поддержку.")]
    public void Sending_a_person_or_a_message_is_not_a_delivery(string text)
    {
        Assert.DoesNotContain("delivery", FactorsIn(text));
    }

    [Theory]
    [InlineData("Постамат переполнен, посылку отправили в отделение на другом конце района.")]
    [InlineData("Товар отправили только через неделю.")]
    public void Goods_sent_are_the_delivery(string text)
    {
        Assert.Contains("delivery", FactorsIn(text));
    }
}
