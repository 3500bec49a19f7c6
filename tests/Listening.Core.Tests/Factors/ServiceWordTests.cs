using static Listening.Core.Tests.Factors.DefaultExtraction;

namespace Listening.Core.Tests.Factors;

/// <summary>Round 19: "service" / «сервис» on its own is a verdict on the whole offering or on the part the text is about, not
/// on the staff; the people who serve are staff where they are named.</summary>
public class ServiceWordTests
{
    [Theory]
    [InlineData("Courier called 30 minutes ahead and I could follow him in the app. Great service.")]
    [InlineData("Букет приехал со сломанной розой, через два часа привезли новый. Вот это сервис.")]
    [InlineData("Не могу оплатить ЖКХ третий день: ошибка «сервис недоступен».")]
    [InlineData("Best picture quality of any streaming service I've tried.")]
    public void The_service_as_a_whole_is_no_staff_judged(string text)
    {
        Assert.DoesNotContain("staff", FactorsIn(text));
    }

    [Theory]
    [InlineData("Отличный сервис, консультанты вежливые и всё подсказали.")]
    [InlineData("Great service, the waiter was so kind.")]
    [InlineData("Обслуживание ужасное, кассир нахамила.")]
    public void The_people_who_serve_named_beside_it_are_the_staff(string text)
    {
        Assert.Contains("staff", FactorsIn(text));
    }
}
