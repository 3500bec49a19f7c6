using Listening.Core.Sentiment;
using static Listening.Core.Tests.Factors.DefaultExtraction;

namespace Listening.Core.Tests.Factors;

/// <summary>
/// Round 15b, read off the flowers and bookshop stories' misses: an exchange refused, a faulty thing replaced or a replacement
/// made without questions is the exchange the guideline files under returns; a replacement alone is a service's work. A shop
/// called beautiful or pleasant is its look and feel (atmosphere), where "beautiful" alone yields to the service beside it.
/// A fault a refund, a compensation or a replacement made good (a defect or a delay named after the verb) is that
/// refund's praise, not a complaint about it. Goods sold nowhere else are the range's rarity. Sentences are our own, for goods and shops no dev story covers.
/// </summary>
public class ExchangesLooksAndRarityTests
{
    [Theory]
    [InlineData("Треснувшая тарелка из сервиза, отказ в замене. Больше не приду.")]
    [InlineData("Магазин отказался заменить чайник, который потёк через день.")]
    [InlineData("Заменили сковородку с браком за один день.")]
    [InlineData("Поменяли кроссовки с заводским браком, спасибо.")]
    [InlineData("Заменили лампу без вопросов, хотя чека не было.")]
    public void An_exchange_refused_or_a_faulty_thing_replaced_is_the_return(string text)
    {
        Assert.Contains("returns", FactorsIn(text));
    }

    [Theory]
    [InlineData("Мастер заменил розетку за десять минут.")]
    [InlineData("Поменяли масло и фильтр за полчаса.")]
    public void A_replacement_done_as_the_service_is_no_return(string text)
    {
        Assert.DoesNotContain("returns", FactorsIn(text));
    }

    [Theory]
    [InlineData("Gorgeous store, friendly people.")]
    [InlineData("Beautiful shop, slow service at the till.")]
    [InlineData("Such a pretty shop with lamps and rugs everywhere.")]
    [InlineData("Очень приятный магазин, вежливые продавцы.")]
    [InlineData("Самый красивый магазин в торговом центре.")]
    public void A_shop_called_beautiful_or_pleasant_is_its_atmosphere(string text)
    {
        Assert.Contains("cleanliness_atmosphere", FactorsIn(text));
    }

    [Fact]
    public void Beautiful_alone_yields_to_the_service_beside_it()
    {
        Assert.DoesNotContain("cleanliness_atmosphere", FactorsIn("Beautiful, slow service at the till."));
    }

    private static SentimentLabel ReturnsPolarity(string text)
    {
        var mentions = Default.Extract(text).Where(m => m.Factor == "returns").ToList();
        Assert.True(mentions.Count > 0, $"no returns mention in \"{text}\"");
        return mentions[0].Label;
    }

    [Theory]
    [InlineData("Вернули деньги за чайник с браком и извинились.")]
    [InlineData("Компенсировали задержку заказа бонусами.")]
    [InlineData("They refunded the defective kettle straight away.")]
    public void A_fault_a_refund_made_good_is_the_refund_praised(string text)
    {
        Assert.Equal(SentimentLabel.Positive, ReturnsPolarity(text));
    }

    [Theory]
    [InlineData("Так и не вернули деньги за чайник с браком.")]
    [InlineData("Деньги за брак не вернули.")]
    public void A_refund_refused_for_a_fault_stays_a_complaint(string text)
    {
        Assert.Equal(SentimentLabel.Negative, ReturnsPolarity(text));
    }

    [Theory]
    [InlineData("Sauces you can't get anywhere else, and fresh every week.")]
    [InlineData("В этой лавке всегда есть что-то необычное.")]
    public void Goods_sold_nowhere_else_are_the_range(string text)
    {
        Assert.Contains("assortment", FactorsIn(text));
    }

    [Fact]
    public void Cheaper_than_anywhere_else_is_no_range()
    {
        Assert.DoesNotContain("assortment", FactorsIn("The sofa cost less than anywhere else."));
    }
}
