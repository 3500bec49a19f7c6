using Listening.Core.Factors;
using Listening.Core.Factors.Text;
using static Listening.Core.Tests.Factors.DefaultExtraction;

namespace Listening.Core.Tests.Factors;

/// <summary>
/// Round 9: what a new domain lost in every held-out round, read by form rather than by one domain's list — the people who act
/// for a service away from a counter (an agent, an expert, an assessor, a mentor; a worker made with -щик/-щица; a first name),
/// money coming back to the customer under a promise (a payout, a claim, a job redone for free: the guideline's returns), and
/// the service's own result (a cure, a result that came out or lasted, a service named by its verbal noun). Sentences are our
/// own, for services no dev story covers: a notary, a vet, a driving school, a courier firm, a car sharing, a furniture maker,
/// a travel agency, an estate agency, a moving firm, a car detailer.
/// </summary>
public class PeoplePayoutsAndResultsTests
{
    [Theory]
    [InlineData("Турагент просто умница, нашла тур за полчаса.")]
    [InlineData("Наставник в автошколе грубый и вечно опаздывает.")]
    [InlineData("Эксперт-оценщик приехал вовремя и всё подробно объяснил.")]
    [InlineData("Оценщик очень внимательный, квартиру оценил честно.")]
    [InlineData("Приёмщица в химчистке очень милая.")]
    [InlineData("Our estate agent was brilliant from the first viewing to the keys.")]
    [InlineData("The surveyor was brilliant and explained every crack.")]
    [InlineData("My travel agent was amazing, sorted the visas too.")]
    public void A_person_acting_for_a_service_and_judged_is_staff(string text)
    {
        Assert.Contains("staff", FactorsIn(text));
    }

    [Theory]
    [InlineData("Новый куратор пропал на месяц, курс стоит.")]
    [InlineData("Our new notary left the room twice during the signing.")]
    [InlineData("Kotik nurse held our dog through the whole procedure.")]
    public void A_person_named_with_one_word_of_which_and_opening_the_clause_is_judged_by_what_they_did(string text)
    {
        Assert.Contains("staff", FactorsIn(text));
    }

    [Theory]
    [InlineData("Спасибо Кате из ветклиники, кот здоров!")]
    [InlineData("Вика в нотариальной конторе — просто умница.")]
    [InlineData("Инструктор Денис отличный, сдала с первого раза.")]
    [InlineData("Katya at the vet's was wonderful with our cat.")]
    [InlineData("Huge thanks to Artem, the best driving instructor ever.")]
    [InlineData("Vrach v veterinarke horoshiy, vsyo obyasnil.")]
    public void A_first_name_or_a_role_typed_in_latin_letters_judged_is_the_person_who_served(string text)
    {
        Assert.Contains("staff", FactorsIn(text));
    }

    [Theory]
    // firms and customers made like workers: a developer (builder), a supplier, a borrower
    [InlineData("Застройщик отличный, сдал дом вовремя.")]
    [InlineData("Поставщик отличный, диван пришёл целым.")]
    [InlineData("Заёмщику такие условия невыгодны, ужас.")]
    // a bare agent is the support line's; a word that is also a name, written small
    [InlineData("Support agent was useless and rude.")]
    [InlineData("В салоне не было света, ужасно.")]
    public void Firms_customers_the_line_and_words_that_spell_a_name_are_not_staff(string text)
    {
        Assert.DoesNotContain("staff", FactorsIn(text));
    }

    [Theory]
    [InlineData("В автошколе инструкторов не хватает, а куратора нет вообще.")]
    [InlineData("The dental clinic had no nurse on Saturday.")]
    public void A_person_said_to_be_missing_is_the_staff_judged_negative(string text)
    {
        var staff = Default.Extract(text).Where(m => m.Factor == "staff").ToList();
        Assert.NotEmpty(staff);
        Assert.All(staff, m => Assert.Equal(Listening.Core.Sentiment.SentimentLabel.Negative, m.Label));
    }

    [Fact]
    public void A_support_agent_is_the_support_lines()
    {
        Assert.Contains("support", FactorsIn("Support agent was useless and rude."));
    }

    [Theory]
    [InlineData("Выплату по гарантии на шкаф сделали за неделю, спасибо.")]
    [InlineData("Каршеринг выплатил компенсацию за сорванную поездку.")]
    [InlineData("Курьерская служба так и не выплатила за потерянную посылку. Позор.")]
    [InlineData("Мебельная фабрика переделала стол бесплатно, без вопросов.")]
    [InlineData("The courier firm paid out for the lost parcel within a week.")]
    [InlineData("My claim for the scratched sofa was rejected. Awful.")]
    [InlineData("They paid in full after the movers broke our mirror.")]
    public void Money_coming_back_under_a_promise_and_a_job_redone_for_free_are_returns(string text)
    {
        Assert.Contains("returns", FactorsIn(text));
    }

    [Theory]
    [InlineData("Выплатил кредит досрочно, без проблем.")]
    [InlineData("Нотариус выплатил зарплату помощнице, вот это новость.")]
    [InlineData("The notary claims to be the best in town.")]
    public void Paying_off_a_loan_or_wages_and_a_claim_made_by_the_brand_are_not_returns(string text)
    {
        Assert.DoesNotContain("returns", FactorsIn(text));
    }

    [Theory]
    [InlineData("Собаку вылечили за неделю, спасибо ветклинике!")]
    [InlineData("Finally cured my cat's ear infection.")]
    [InlineData("Полирование кузова отличное, блестит как новая.")]
    [InlineData("Покрытие на столе облезло через месяц.")]
    [InlineData("The lacquer on the new cabinet chipped within a week.")]
    [InlineData("The engraving came out perfect.")]
    public void A_cure_a_result_and_the_service_named_by_its_verbal_noun_are_quality(string text)
    {
        Assert.Contains("quality", FactorsIn(text));
    }

    [Theory]
    [InlineData("Запись к нотариусу на 10:00, приняли в 10:50. Безобразие.")]
    [InlineData("Сидела 40 минут в коридоре ветклиники, хотя была записана.")]
    [InlineData("Booked for 9:30 at the dentist, started at 10:15.")]
    [InlineData("The driving instructor was running late again, 25 minutes.")]
    public void An_appointment_against_the_time_it_began_or_sitting_there_by_the_clock_is_waiting_time(string text)
    {
        Assert.Contains("waiting_time", FactorsIn(text));
    }

    [Fact]
    public void Lateness_of_a_delivery_stays_the_deliverys()
    {
        var found = FactorsIn("Курьер мебельной фабрики приехал с опозданием на два часа.");
        Assert.Contains("delivery", found);
        Assert.DoesNotContain("waiting_time", found);
    }

    [Theory]
    [InlineData("Нотариальная контора — вход со двора, без вывески, еле нашёл.")]
    [InlineData("The only driving school office is two hours there and back.")]
    public void The_trip_there_and_the_way_in_are_location(string text)
    {
        Assert.Contains("location_parking", FactorsIn(text));
    }

    [Theory]
    [InlineData("Оплатила приём у стоматолога по ДМС, без доплат.")]
    [InlineData("The vet took my pet insurance details, billing was painless.")]
    public void Insurance_as_a_way_to_pay_is_payment(string text)
    {
        Assert.Contains("payment", FactorsIn(text));
    }

    [Theory]
    [InlineData("Страховка для собаки отличная, всё покрывает.")]
    [InlineData("Great insurer, honest and quick.")]
    public void An_insurers_policy_or_the_insurer_is_no_payment(string text)
    {
        Assert.DoesNotContain("payment", FactorsIn(text));
    }

    [Fact]
    public void A_capitalised_exact_form_with_endings_matches_each_form_and_only_with_a_capital()
    {
        var matcher = new TermMatcher([["^=вик(а|е|у)"]]);
        int Count(string text)
        {
            var tokens = WordTokenizer.Tokenize(text);
            var found = new List<TermMatch>();
            matcher.Find(tokens, 0, tokens.Count, found);
            return found.Count;
        }
        Assert.Equal(1, Count("Спасибо Вике за брови"));
        Assert.Equal(1, Count("К Вику записываюсь снова"));
        Assert.Equal(0, Count("спасибо вике за брови"));
        Assert.Equal(0, Count("Спасибо Викой"));
    }

    [Theory]
    [InlineData("приняли в 10:50", true)]
    [InlineData("приняли в 9", true)]
    [InlineData("приняли в 2025 году", false)]
    [InlineData("приняли в 45 минут", false)]
    public void An_hour_of_the_clock_is_read_only_as_a_time_of_day(string text, bool found)
    {
        var matcher = new TermMatcher([["приняли в #hour"]]);
        var tokens = WordTokenizer.Tokenize(text);
        var matches = new List<TermMatch>();
        matcher.Find(tokens, 0, tokens.Count, matches);
        Assert.Equal(found, matches.Count > 0);
    }
}
