using Listening.Ml.Features;

namespace Listening.Ml.Tests.Features;

public class ScoringRewritesTests
{
    // Texts where none, one, two or all three rewrites fire, so a stale lower-cased copy after a change would show.
    public static TheoryData<string> Texts => new()
    {
        "The bread was fresh.",
        "Не могу сказать, что плохо.",
        "I can't say it was bad at all.",
        "Проблем не было ни разу, не разочаровались.",
        "Never had a single issue, and not bad at all.",
        "НЕ МОГУ СКАЗАТЬ, ЧТО ПЛОХО, проблем не возникало.",
        "Zero problems. Not expensive either, but the bread was stale.",
        "Не думаю, что дорого. Никаких нареканий не было, не разочаровались.",
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void One_shared_lower_cased_copy_gives_what_the_three_rewrites_give_one_after_another(string text)
    {
        var oneByOne = NegatedComplaint.Rewrite(AbsentComplaint.Rewrite(HedgedNegation.Rewrite(text)));
        Assert.Equal(oneByOne, ScoringRewrites.Apply(text, hedges: true));
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void Without_hedges_the_hedge_rewrite_is_skipped(string text) =>
        Assert.Equal(NegatedComplaint.Rewrite(AbsentComplaint.Rewrite(text)), ScoringRewrites.Apply(text, hedges: false));

    [Fact]
    public void A_hedge_rewritten_first_is_then_read_as_a_denied_complaint() =>
        Assert.Equal("хорошо.", ScoringRewrites.Apply("Не могу сказать, что плохо.", hedges: true));
}
