using static Listening.Core.Tests.Factors.DefaultExtraction;

namespace Listening.Core.Tests.Factors;

/// <summary>
/// Round 14b: a stain said to be taken out, or to be still there, is the result of a cleaning — a dry cleaner's, a car wash's,
/// a carpet cleaner's — so it is the thing sold (quality), not a dirty place; a stain on its own (on a seat, on a curtain) stays
/// the place's, and a photo of a stain judges nothing; a cleaning sold as the service, judged, is its result. Sentences are our own, for services no dev story covers.
/// </summary>
public class StainsTests
{
    [Theory]
    [InlineData("Вывели пятно от травы с детских брюк.")]
    [InlineData("Пятно от кетчупа на диване так и осталось после выездной чистки.")]
    [InlineData("Пятна с ковра ушли полностью.")]
    [InlineData("They got the red wine stain out completely.")]
    [InlineData("The oil stain on the seat is still there after the valet.")]
    public void A_stain_taken_out_or_left_is_the_cleaning_result(string text)
    {
        var factors = FactorsIn(text);
        Assert.Contains("quality", factors);
        Assert.DoesNotContain("cleanliness_atmosphere", factors);
    }

    [Theory]
    [InlineData("В зале кресла в пятнах.")]
    [InlineData("Stained seats in the hall.")]
    public void A_stain_on_its_own_is_still_the_place(string text)
    {
        Assert.Contains("cleanliness_atmosphere", FactorsIn(text));
    }

    [Theory]
    [InlineData("К заказу можно приложить фото пятна.")]
    [InlineData("You can attach a photo of the stain when you book.")]
    public void A_photo_of_a_stain_judges_no_place(string text)
    {
        Assert.DoesNotContain("cleanliness_atmosphere", FactorsIn(text));
    }

    // A cleaning sold as the service, judged, is its result (as «делают хорошо» is); a yard not cleaned stays the place's.
    [Theory]
    [InlineData("Ковры чистят отлично, как новые.")]
    [InlineData("Чистка салона машины ужасная.")]
    public void A_cleaning_sold_as_the_service_judged_is_its_result(string text)
    {
        Assert.Contains("quality", FactorsIn(text));
    }
}
