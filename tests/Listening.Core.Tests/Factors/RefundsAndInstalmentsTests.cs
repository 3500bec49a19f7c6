using static Listening.Core.Tests.Factors.DefaultExtraction;

namespace Listening.Core.Tests.Factors;

/// <summary>Round 19: money refunded and an instalment's "no overpaying" are the refund's and the payment's, not a price
/// judged; a price judged in a clause of its own beside them stays the price's.</summary>
public class RefundsAndInstalmentsTests
{
    [Theory]
    [InlineData("Оформил возврат в чате. Деньги пришли через день.")]
    [InlineData("Спасибо, деньги за отменённый заказ вернулись на карту за два дня.")]
    [InlineData("Сфотографировала — вернули её стоимость за 15 минут.")]
    [InlineData("Третью неделю не могут вернуть 2400 рублей за отменённый сеанс, ужас.")]
    [InlineData("Переплату вернули только через месяц, это минус.")]
    [InlineData("Компенсацию предложили 30% от стоимости. Это издевательство.")]
    [InlineData("Still waiting for them to refund 2,400 roubles for the cancelled screening, awful.")]
    [InlineData("Support fixed my problem and refunded the delivery fee immediately.")]
    [InlineData("Cancelled the trial in time. Money never came back.")]
    public void Money_refunded_or_asked_back_is_the_refund_not_the_price(string text)
    {
        var factors = FactorsIn(text);
        Assert.Contains("returns", factors);
        Assert.DoesNotContain("price", factors);
    }

    [Theory]
    [InlineData("Рассрочка без переплаты, менеджер всё объяснил.")]
    [InlineData("Оплатила долями, 4 платежа без переплат, удобно.")]
    [InlineData("Взяли рассрочку, а она с процентами. «Без переплаты» — это ложь.")]
    [InlineData("Instalments with no mark-up and a helpful agent.")]
    [InlineData("Оплата абонемента в приложении через СБП без комиссии, так и надо.")]
    [InlineData("Paying utilities in the app with no fee is handy.")]
    public void No_overpaying_or_no_fee_for_paying_is_the_payments_not_the_price(string text)
    {
        var factors = FactorsIn(text);
        Assert.Contains("payment", factors);
        Assert.DoesNotContain("price", factors);
    }

    [Theory]
    [InlineData("Оператор горячей линии за пять минут поменял дату вылета без доплаты.")]
    [InlineData("Администратор сразу перенесла наш билет на другой день без доплат. Спасибо.")]
    [InlineData("The call centre moved my booking to another city in five minutes at no charge.")]
    public void A_favour_done_at_no_extra_charge_is_no_price_judged(string text)
    {
        Assert.DoesNotContain("price", FactorsIn(text));
    }

    [Theory]
    [InlineData("Дёшево. Деньги за возврат пришли через день.")]
    [InlineData("Cheap. The refund for a broken car took forever.")]
    [InlineData("Переплатили за бренд, качество так себе.")]
    [InlineData("Тарифы лучшие на рынке, переводы без комиссии.")]
    [InlineData("Card servicing free of charge, transfers too.")]
    [InlineData("За доплату дают место у окна, дороговато.")]
    public void A_price_judged_in_its_own_clause_beside_a_refund_stays_the_price(string text)
    {
        Assert.Contains("price", FactorsIn(text));
    }
}
