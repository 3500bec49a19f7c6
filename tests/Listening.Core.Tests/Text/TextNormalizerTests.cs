using Listening.Core.Text;

namespace Listening.Core.Tests.Text;

public class TextNormalizerTests
{
    [Fact]
    public void Lowercases_and_folds_yo_to_ye()
    {
        Assert.Equal("все отлично еще", TextNormalizer.Normalize("ВСЁ Отлично ЕЩЁ"));
    }

    [Fact]
    public void Urls_and_mentions_become_placeholder_tokens()
    {
        Assert.Equal("_user_ где мой заказ ? _url_",
            TextNormalizer.Normalize("@OzonRu где мой заказ? https://t.co/AbC123"));
        Assert.Equal("see _url_ now", TextNormalizer.Normalize("see www.example.com/x?y=1 now"));
    }

    [Fact]
    public void An_email_address_is_not_a_mention()
    {
        Assert.DoesNotContain(TextNormalizer.User, TextNormalizer.Normalize("mail me at anna@example.com"));
    }

    [Fact]
    public void Hashtags_are_marked_and_keep_their_word()
    {
        Assert.Equal("_ht_ fail again", TextNormalizer.Normalize("#FAIL again"));
    }

    [Fact]
    public void Letters_repeated_three_or_more_times_are_squeezed_to_two()
    {
        Assert.Equal("cool soo", TextNormalizer.Normalize("Cooool Soooooo"));
        Assert.Equal("good", TextNormalizer.Normalize("good"));
        Assert.Equal("супеер", TextNormalizer.Normalize("супеееееер"));
    }

    [Theory]
    [InlineData("thanks :)", "thanks _smile_")]
    [InlineData("thanks :-)))", "thanks _smile_")]
    [InlineData("delayed again :(", "delayed again _sad_")]
    [InlineData("lol :D", "lol _laugh_")]
    [InlineData("i <3 it", "i _heart_ it")]
    [InlineData("спасибо)))", "спасибо _smile_")]
    [InlineData("опять сломалось(((", "опять сломалось _sad_")]
    [InlineData("привет)", "привет _smile_")]
    public void Emoticons_become_signal_tokens(string text, string expected) =>
        Assert.Equal(expected, TextNormalizer.Normalize(text));

    [Fact]
    public void A_closing_bracket_that_closes_a_parenthesis_is_not_a_smile()
    {
        Assert.Equal("заказ номер 5 пришел", TextNormalizer.Normalize("Заказ (номер 5) пришел"));
    }

    [Fact]
    public void Emoji_are_kept_as_separate_tokens_without_skin_tone_modifiers()
    {
        Assert.Equal("love it 😍 👍", TextNormalizer.Normalize("love it😍👍🏽"));
        Assert.Equal("ну такое ❤", TextNormalizer.Normalize("ну такое ❤️"));
    }

    [Fact]
    public void Exclamations_and_questions_are_kept_and_runs_collapsed()
    {
        Assert.Equal("why ?? great !! ok ! ...", TextNormalizer.Normalize("why??? great!!!!!! ok! …"));
    }

    [Fact]
    public void Other_punctuation_separates_words_and_keeps_apostrophes_and_hyphens_inside()
    {
        Assert.Equal("don't like кто-то says", TextNormalizer.Normalize("Don’t like: кто-то, says"));
    }

    [Fact]
    public void Long_numbers_collapse_to_one_token_and_short_ones_stay()
    {
        Assert.Equal("заказ _num_ за 5 дней", TextNormalizer.Normalize("заказ 123456789 за 5 дней"));
    }

    [Fact]
    public void Blank_text_normalizes_to_empty()
    {
        Assert.Equal("", TextNormalizer.Normalize("   \t "));
        Assert.Empty(TextNormalizer.Tokenize(" ,,; - "));
    }
}
