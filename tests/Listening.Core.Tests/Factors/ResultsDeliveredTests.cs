using static Listening.Core.Tests.Factors.DefaultExtraction;

namespace Listening.Core.Tests.Factors;

/// <summary>Round 18 (fact21r): results made for the customer (a lab's tests, an exam's marks) reach them as an order does — said
/// to come, to take time or to be lost, they are the delivery; a result judged for what it shows is not.</summary>
public class ResultsDeliveredTests
{
    [Theory]
    [InlineData("Анализы пришли быстрее, чем я доехала до дома.")]
    [InlineData("Результаты анализа на ТТГ ждал неделю.")]
    [InlineData("Жду результаты девятый день.")]
    [InlineData("Они потеряли мои анализы.")]
    [InlineData("Results in the app next day, very convenient.")]
    [InlineData("A week for blood results. Might as well use a state clinic.")]
    [InlineData("They lost my results and the call centre was useless.")]
    public void Results_said_to_come_take_time_or_be_lost_are_the_delivery(string text)
    {
        Assert.Contains("delivery", FactorsIn(text));
    }

    [Theory]
    [InlineData("Great results after a week of training.")]
    [InlineData("Результат отличный, через месяц минус 5 кг.")]
    [InlineData("Результаты хорошие, тренер толковый.")]
    public void A_result_judged_for_what_it_shows_is_no_delivery(string text)
    {
        Assert.DoesNotContain("delivery", FactorsIn(text));
    }
}
