using Listening.Core.Factors;
using Listening.Core.Factors.Text;
using static Listening.Core.Tests.Factors.DefaultExtraction;

namespace Listening.Core.Tests.Factors;

/// <summary>
/// Round 6: the core offering of any service read by the default taxonomy (no pack) — the work done, the money asked,
/// the money moving, the place to go to, the premises, the appointment. Sentences are our own, written for services the
/// dev stories do not cover (a dry cleaner, a clinic, a gym, a car wash, a courier firm, an insurer) as well as banks and garages.
/// </summary>
public class ServiceDetectionRulesTests
{
    private static FactorMention Mention(string text, string factor) => Assert.Single(Default.Extract(text), m => m.Factor == factor);

    [Theory]
    [InlineData("Работа отличная, пятно вывели полностью.")]
    [InlineData("Сделали аккуратно, как и обещали.")]
    [InlineData("Починили за день, всё работает идеально.")]
    [InlineData("The work is excellent, every seam pressed.")]
    [InlineData("Flawless job on the paint, no streaks at all.")]
    [InlineData("Мастер сделал на совесть.")]
    public void The_work_a_service_does_judged_is_quality(string text)
    {
        Assert.Contains("quality", FactorsIn(text));
    }

    [Theory]
    [InlineData("Пришлось переделывать у других мастеров.")]
    [InlineData("Had to come back twice to redo the stitching.")]
    [InlineData("После них кран снова течёт.")]
    [InlineData("They found the cause that two other clinics missed.")]
    [InlineData("Халтура, а не ремонт.")]
    public void Work_redone_botched_or_put_right_is_quality_without_an_opinion_word_beside_it(string text)
    {
        Assert.Contains("quality", FactorsIn(text));
    }

    [Theory]
    [InlineData("Сделали заказ в пятницу, привезли в субботу.")]
    [InlineData("Сделали вид, что меня не видят.")]
    [InlineData("Удобно забежать после работы, зал рядом с офисом.")]
    [InlineData("Keep up the good work!")]
    [InlineData("Opening hours are great for people who work late.")]
    [InlineData("Both work like clockwork, the app and the pickup.")]
    public void Work_as_a_commute_an_order_placed_or_a_pretence_is_no_job_judged(string text)
    {
        Assert.DoesNotContain("quality", FactorsIn(text));
    }

    [Theory]
    [InlineData("Сделали быстро.")]
    [InlineData("The wash was done quickly.")]
    public void Speed_alone_says_how_long_not_how_well_the_work_was_done(string text)
    {
        Assert.DoesNotContain("quality", FactorsIn(text));
    }

    [Theory]
    [InlineData("Комиссия за перевод грабительская.")]
    [InlineData("Тарифы поменяли, теперь дороже.")]
    [InlineData("The fees for a late return are outrageous.")]
    [InlineData("Their interest rates are the best I found.")]
    [InlineData("Ввели плату за обслуживание карты.")]
    [InlineData("Абонентская плата выросла вдвое.")]
    [InlineData("Charged 3500 for a basic check-up.")]
    [InlineData("Отдал 4500 за чистку пальто.")]
    public void The_money_families_of_any_service_are_price(string text)
    {
        Assert.Contains("price", FactorsIn(text));
    }

    [Theory]
    [InlineData("Переводы без комиссии, это плюс.")]
    [InlineData("Zero fees and a clean app.")]
    [InlineData("Нет скрытых комиссий.")]
    [InlineData("Ноль комиссий.")]
    public void A_cost_not_charged_is_praise_of_the_price(string text)
    {
        Assert.Equal(Listening.Core.Sentiment.SentimentLabel.Positive, Mention(text, "price").Label);
    }

    [Theory]
    [InlineData("Бесплатное обслуживание, рекомендую.", "price", "staff")]
    [InlineData("Переводы без комиссии.", "price", "payment")]
    [InlineData("Fees for transfers went up again.", "price", "payment")]
    [InlineData("Бесплатная доставка, привезли вовремя.", "delivery", "price")]
    public void A_fee_on_a_service_is_the_price_not_the_service_it_is_charged_for(string text, string present, string absent)
    {
        var factors = FactorsIn(text);
        Assert.Contains(present, factors);
        Assert.DoesNotContain(absent, factors);
    }

    [Theory]
    [InlineData("Ветеринар бесплатно посмотрела лапу.")]
    [InlineData("It was there for 200 years.")]
    [InlineData("Заказ на 2024 год уже оформлен.")]
    [InlineData("Ни денег, ни ответа.")]
    public void A_number_a_favour_or_money_missing_is_no_price_judged(string text)
    {
        Assert.DoesNotContain("price", FactorsIn(text));
    }

    [Theory]
    [InlineData("Карта опять не прошла на кассе.")]
    [InlineData("Карту отклоняют без причины.")]
    [InlineData("Перевод завис на три дня.")]
    [InlineData("My card was declined at the pharmacy.")]
    [InlineData("They froze my account for a week.")]
    [InlineData("Instant transfers are anything but instant.")]
    [InlineData("Счёт заблокирован вторую неделю.")]
    [InlineData("Списали деньги дважды за одну покупку.")]
    public void Money_that_does_not_move_is_payment(string text)
    {
        Assert.Contains("payment", FactorsIn(text));
    }

    [Theory]
    [InlineData("Карта опять не прошла на кассе.")]
    [InlineData("Card delivered in two hours, great.")]
    public void A_card_declined_or_delivered_is_not_the_loyalty_card(string text)
    {
        Assert.DoesNotContain("loyalty", FactorsIn(text));
    }

    [Theory]
    [InlineData("The spinach was fresh, not frozen.")]
    [InlineData("A pallet blocked the aisle for ages.")]
    [InlineData("Перевели на оператора, потом на другого.")]
    public void Frozen_food_a_blocked_aisle_or_a_call_transferred_is_no_payment(string text)
    {
        Assert.DoesNotContain("payment", FactorsIn(text));
    }

    [Theory]
    [InlineData("Банкоматов мало, приходится искать.")]
    [InlineData("There's a cash machine literally everywhere.")]
    [InlineData("Too few branches outside the centre.")]
    [InlineData("Отделений нет вообще.")]
    [InlineData("Единственное отделение в районе.")]
    [InlineData("Пунктов приёма мало, ближайший в соседнем районе.")]
    public void A_place_to_go_to_with_a_count_or_a_distance_is_the_location(string text)
    {
        Assert.Contains("location_parking", FactorsIn(text));
    }

    [Theory]
    [InlineData("The branch manager sorted everything out.")]
    [InlineData("The queue at the branch was awful.")]
    [InlineData("В отделении помогли заполнить заявление.")]
    [InlineData("Мало.")]
    public void A_branch_where_something_happens_or_a_bare_count_is_not_the_location(string text)
    {
        Assert.DoesNotContain("location_parking", FactorsIn(text));
    }

    [Theory]
    [InlineData("В зоне ожидания грязно и холодно.")]
    [InlineData("The waiting room is a dump.")]
    [InlineData("Раздевалка тесная и душная.")]
    [InlineData("Сидеть негде, туалета нет.")]
    [InlineData("Lovely lounge, bright and warm.")]
    public void The_premises_a_customer_waits_or_changes_in_are_cleanliness_and_atmosphere(string text)
    {
        Assert.Contains("cleanliness_atmosphere", FactorsIn(text));
    }

    [Fact]
    public void A_waiting_area_is_the_place_not_a_wait()
    {
        var factors = FactorsIn("В зоне ожидания уныло.");
        Assert.Contains("cleanliness_atmosphere", factors);
        Assert.DoesNotContain("waiting_time", factors);
    }

    [Theory]
    [InlineData("Приняли через час сверх записи.")]
    [InlineData("Even with a booking I waited two hours.")]
    [InlineData("Seen exactly on time, in and out.")]
    [InlineData("Приняли минута в минуту.")]
    [InlineData("Запись не соблюдается.")]
    public void An_appointment_kept_or_not_is_waiting_time(string text)
    {
        Assert.Contains("waiting_time", FactorsIn(text));
    }

    [Fact]
    public void A_courier_on_the_minute_is_the_delivery_not_a_wait()
    {
        var factors = FactorsIn("Курьер приехал минута в минуту.");
        Assert.Contains("delivery", factors);
        Assert.DoesNotContain("waiting_time", factors);
    }

    [Theory]
    [InlineData("Висела на линии 40 минут.")]
    [InlineData("50 minutes on hold, then cut off.")]
    public void Time_on_hold_is_a_wait_and_the_support_is_judged_too(string text)
    {
        var factors = FactorsIn(text);
        Assert.Contains("waiting_time", factors);
        Assert.Contains("support", factors);
    }

    [Theory]
    [InlineData("Оспаривание списания тянется второй месяц.")]
    [InlineData("My dispute was rejected with a template letter.")]
    public void A_disputed_charge_is_returns(string text)
    {
        Assert.Contains("returns", FactorsIn(text));
    }

    [Theory]
    [InlineData("Quick, tidy tyre swap.")]
    [InlineData("Машину вернули помытой.")]
    [InlineData("Toilet closed for repair again.")]
    [InlineData("Закончили за час, всё чисто.")]
    public void A_service_named_after_what_it_swaps_a_car_given_back_or_a_job_finished_is_no_return_or_shortage(string text)
    {
        var factors = FactorsIn(text);
        Assert.DoesNotContain("returns", factors);
        Assert.DoesNotContain("assortment", factors);
    }

    [Theory]
    [InlineData("5800", true)]
    [InlineData("4k", true)]
    [InlineData("7к", true)]
    [InlineData("100", true)]
    [InlineData("000", true)]
    [InlineData("99", false)]
    [InlineData("2025", false)]
    [InlineData("r17", false)]
    [InlineData("abc", false)]
    public void A_sum_term_matches_amounts_of_money_not_small_counts_or_years(string word, bool sum)
    {
        Assert.Equal(sum, TermMatcher.IsSum(WordTokenizer.Normalize(word)));
    }

    [Fact]
    public void A_sum_term_matches_a_number_followed_by_its_words()
    {
        var matcher = new TermMatcher([["#sum за"]]);
        var found = new List<TermMatch>();
        var tokens = WordTokenizer.Tokenize("отдал 5800 за чистку, а за 20 минут всё было готово");
        matcher.Find(tokens, 0, tokens.Count, found);
        var match = Assert.Single(found);
        Assert.Equal("5800", tokens[match.FirstToken].Lower);
    }

    [Fact]
    public void A_number_term_matches_any_count_followed_by_its_words()
    {
        var matcher = new TermMatcher([["#n pages"]]);
        var found = new List<TermMatch>();
        var tokens = WordTokenizer.Tokenize("40 pages of exclusions, and the page itself is fine; 3 pages more");
        matcher.Find(tokens, 0, tokens.Count, found);
        Assert.Equal(["40", "3"], found.Select(m => tokens[m.FirstToken].Lower));
    }

    [Fact]
    public void Hosted_words_that_may_not_stand_alone_count_only_beside_their_host()
    {
        var taxonomy = new FactorTaxonomy([]).With("""
            {"factors": [{"id": "location_parking", "hostedAlone": false,
              "hostedTerms": {"en": ["few"]}, "hosts": {"en": ["atms"]}}]}
            """);
        var extractor = new FactorExtractor(taxonomy);
        Assert.Contains(extractor.Extract("Very few ATMs around here."), m => m.Factor == "location_parking");
        Assert.Empty(extractor.Extract("The app is great. Few."));
        Assert.False(taxonomy.Factors.Single().HostedAlone);
    }

    [Theory]
    [InlineData("Ребята вежливые и толковые.")]
    [InlineData("The guys at the front were super friendly.")]
    [InlineData("Мастера нормальные, ничего не навязывают.")]
    public void The_people_who_serve_you_named_as_people_are_staff_where_judged(string text)
    {
        Assert.Contains("staff", FactorsIn(text));
    }

    [Theory]
    [InlineData("Дозвониться в сервис невозможно.")]
    [InlineData("Нашлась нужная деталь прямо в сервисе.")]
    [InlineData("Entrance is off the service road, easy to miss.")]
    [InlineData("Ребята, подскажите хороший сервис?")]
    public void The_service_as_a_business_or_a_road_is_not_the_staff(string text)
    {
        Assert.DoesNotContain("staff", FactorsIn(text));
    }

    [Theory]
    [InlineData("Last time the staff were lovely.", false)]
    [InlineData("The battery lasts all day, really good.", true)]
    public void Last_time_is_no_durability_but_lasting_is(string text, bool quality)
    {
        Assert.Equal(quality, FactorsIn(text).Contains("quality"));
    }
}
