using Listening.Ml.Features;

namespace Listening.Ml.Tests.Features;

public class AbsentComplaintTests
{
    [Theory]
    [InlineData("Проблем нет.", "нет Проблем.")]
    [InlineData("Нареканий к мастеру нет, всё аккуратно", "нет Нареканий к мастеру, всё аккуратно")]
    [InlineData("Замечаний по оформлению не было", "не было Замечаний по оформлению")]
    [InlineData("Претензий не имею", "не имею Претензий")]
    [InlineData("I have never had a single issue with the notary", "I have never had a issue with the notary")]
    [InlineData("haven't had one single complaint", "haven't had one complaint")]
    [InlineData("Never once had a problem with the vet", "never had a problem with the vet")]
    [InlineData("Zero complaints so far", "no complaints so far")]
    public void A_complaint_said_to_be_absent_gets_its_negator_in_front(string text, string expected) =>
        Assert.Equal(expected, AbsentComplaint.Rewrite(text));

    [Theory]
    [InlineData("Вопросов нет")]                       // not a complaint noun: no questions is not praise
    [InlineData("Жалобы писать нет смысла")]           // "no point in complaining" is no absence of complaints
    [InlineData("Проблем много, ответа нет")]          // the noun and the negator are in different clauses
    [InlineData("Есть проблемы с записью")]
    [InlineData("A single issue ruined the trip")]
    [InlineData("Zero stars if I could")]
    public void Other_texts_are_left_alone(string text) => Assert.Equal(text, AbsentComplaint.Rewrite(text));
}
