using Listening.Core.Feedback;
using Listening.Core.Responses;

namespace Listening.Core.Tests.Responses;

/// <summary>What every public answer (a review reply, a comment) goes through before a platform connector posts it.</summary>
public class PublicReplyTests
{
    [Fact]
    public void A_public_answer_shows_no_e_mail_phone_number_personal_link_or_the_authors_own_ids()
    {
        var author = new Author("crm-778812", "Мария", "@maria", "maria.k@example.ru");
        var text = "Мария, спасибо! Мы написали вам на maria.k@example.ru (или позвоните +7 912 345-67-89). "
            + "Баллы: https://acme.example/points?author=crm-778812 — ваш номер crm-778812.\nСлужба заботы «Акме»";

        var scrubbed = PublicReply.Scrub(text, author);

        Assert.False(PublicReply.HasPersonalData(scrubbed));
        Assert.DoesNotContain("maria.k", scrubbed);
        Assert.DoesNotContain("345-67-89", scrubbed);
        Assert.DoesNotContain("crm-778812", scrubbed);
        Assert.DoesNotContain("()", scrubbed);
        Assert.StartsWith("Мария, спасибо! Мы написали вам на", scrubbed);
        Assert.EndsWith("\nСлужба заботы «Акме»", scrubbed);
    }

    [Theory]
    [InlineData(350)]   // Google Play
    [InlineData(200)]
    public void An_answer_over_the_platforms_limit_is_cut_at_a_sentence_and_keeps_its_signature(int max)
    {
        var body = string.Join(" ", Enumerable.Range(1, 30).Select(i => $"Предложение номер {i} о доставке и курьере."));
        var text = "Здравствуйте, Мария!\n\n" + body + "\n\nС уважением, служба заботы «Акме»";

        var fitted = PublicReply.Truncate(text, max);

        Assert.InRange(fitted.Length, max / 3, max);
        Assert.EndsWith("\nС уважением, служба заботы «Акме»", fitted);
        var head = fitted[..fitted.LastIndexOf('\n')].TrimEnd();
        Assert.EndsWith(".", head); // a whole sentence, not a word cut in half
    }

    [Fact]
    public void An_answer_within_the_limit_is_left_as_it_is()
    {
        Assert.Equal("Спасибо за отзыв!", PublicReply.Truncate("Спасибо за отзыв!", 350));
    }
}
