using static Listening.Core.Tests.Factors.DefaultExtraction;

namespace Listening.Core.Tests.Factors;

/// <summary>Round 15: words of the range read by what they say — a replacement that swaps no goods of an order, a list of
/// lacks that holds things no shelf does, and a search in the site or the app are not the range.</summary>
public class RangeReplacementsListsAndSearchTests
{
    [Theory]
    [InlineData("Замену фасада ждём шестую неделю.")]
    [InlineData("Полтора часа в салоне ради замены сим-карты.")]
    [InlineData("Мастер по замене счётчика опоздал на три часа.")]
    public void A_replacement_of_the_customers_own_thing_is_not_the_range(string text)
    {
        Assert.DoesNotContain("assortment", FactorsIn(text));
    }

    [Theory]
    [InlineData("Половины позиций не было, заменили на что попало.")]
    [InlineData("Двух позиций не оказалось, заменили аналогами.")]
    [InlineData("Привезли через 3 часа и половину заменили без спроса.")]
    public void Goods_of_an_order_swapped_for_others_are_the_range(string text)
    {
        Assert.Contains("assortment", FactorsIn(text));
    }

    [Theory]
    [InlineData("Задержка семь часов. Ни еды, ни гостиницы.")]
    [InlineData("Stuck at the gate four hours now. No food, no updates.")]
    [InlineData("Faulty kettle, return approved, no refund. No kettle, no money.")]
    public void A_list_of_lacks_holding_things_no_shelf_holds_is_not_the_range(string text)
    {
        Assert.DoesNotContain("assortment", FactorsIn(text));
    }

    [Theory]
    [InlineData("Ни молока, ни хлеба.")]
    [InlineData("No fresh fish, no decent bread.")]
    public void A_list_of_missing_products_stays_the_range(string text)
    {
        Assert.Contains("assortment", FactorsIn(text));
    }

    [Theory]
    [InlineData("Can't find it on the site.")]
    [InlineData("На сайте ничего не нашла.")]
    [InlineData("After the update the app can't find my season pass.")]
    public void Finding_or_not_finding_in_the_site_or_the_app_is_its_search_not_the_range(string text)
    {
        var factors = FactorsIn(text);
        Assert.Contains("website_app", factors);
        Assert.DoesNotContain("assortment", factors);
    }

    [Theory]
    [InlineData("Couldn't find oat milk anywhere in the store.")]
    [InlineData("Нашла редкий корм, которого нигде нет.")]
    public void Finding_a_product_in_the_shop_stays_the_range(string text)
    {
        Assert.Contains("assortment", FactorsIn(text));
    }
}
