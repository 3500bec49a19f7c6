using Listening.Core.Feedback;
using Listening.Reports;

namespace Listening.Tests.Reports;

public class PersonalDataMaskTests
{
    [Theory]
    [InlineData("Write to ivan.petrov+shop@mail.example.ru please", "Write to [e-mail] please")]
    [InlineData("Call me at +7 (916) 123-45-67 today", "Call me at [phone] today")]
    [InlineData("Thanks @shop_helper for the help", "Thanks @[…] for the help")]
    [InlineData("The waiter Michael was rude", "The waiter [name] was rude")]
    [InlineData("Sarah at the till was lovely", "[name] at the till was lovely")]
    public void English_personal_data_is_masked(string text, string expected) =>
        Assert.Equal(expected, PersonalDataMask.Mask(text, null, "en"));

    [Theory]
    [InlineData("Официант Анна была очень внимательна", "Официант [имя] была очень внимательна")]
    [InlineData("Спасибо Сергею за помощь", "Спасибо [имя] за помощь")]
    [InlineData("Менеджер Олег Иванов нагрубил", "Менеджер [имя] нагрубил")]
    [InlineData("Звоните 8 916 123 45 67", "Звоните [телефон]")]
    public void Russian_personal_data_is_masked_in_any_case_form(string text, string expected) =>
        Assert.Equal(expected, PersonalDataMask.Mask(text, null, "ru"));

    [Fact]
    public void The_authors_own_name_is_masked_wherever_it_appears()
    {
        var author = new Author(Name: "Zoltan Kovacs");
        Assert.Equal("I, [name] [name], loved it", PersonalDataMask.Mask("I, Zoltan Kovacs, loved it", author, "en"));
    }

    [Fact]
    public void Ordinary_text_numbers_and_prices_are_left_alone()
    {
        const string text = "Delivery took 3 days, cost 1 200 rubles, order 12345. Great value!";
        Assert.Equal(text, PersonalDataMask.Mask(text, null, "en"));
    }
}
