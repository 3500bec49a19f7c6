using static Listening.Core.Tests.Factors.DefaultExtraction;

namespace Listening.Core.Tests.Factors;

/// <summary>Round 19: the people who serve, named by their job at a venue, a shop, a bank or a train, are the staff whatever the
/// clause says of them.</summary>
public class JobTitlesTests
{
    [Theory]
    [InlineData("The usher was lovely.")]
    [InlineData("Booksellers are lovely, but a paperback shouldn't cost 1200.")]
    [InlineData("The lifeguard at the kids' pool was on her phone the whole time.")]
    [InlineData("Спасатель у детского бассейна весь час сидел в телефоне.")]
    [InlineData("Проводница в 9 вагоне принесла дочке второе одеяло.")]
    [InlineData("Сорок минут очереди, а потом операционистка отправила меня в другое окно.")]
    public void A_person_named_by_the_job_of_serving_is_the_staff(string text)
    {
        Assert.Contains("staff", FactorsIn(text));
    }

    [Theory]
    [InlineData("Проводной интернет тянет отлично.")]
    public void A_word_that_only_begins_like_a_job_is_no_staff(string text)
    {
        Assert.DoesNotContain("staff", FactorsIn(text));
    }
}
