using Listening.Core.Factors.Text;

namespace Listening.Core.Tests.Factors;

public class ClauseSplitterTests
{
    private static List<string> Clauses(string text)
    {
        var tokens = WordTokenizer.Tokenize(text);
        return ClauseSplitter.Split(text, tokens).Select(c => text.Substring(c.Start, c.Length)).ToList();
    }

    [Fact]
    public void Contrast_words_start_a_new_clause_in_both_languages()
    {
        Assert.Equal(["Вкусно", "но дорого", "а официант грубый", "однако быстро", "зато чисто"],
            Clauses("Вкусно, но дорого, а официант грубый, однако быстро, зато чисто"));
        Assert.Equal(["Tasty", "but pricey", "however fast"], Clauses("Tasty but pricey, however fast"));
    }

    [Fact]
    public void Sentences_end_at_terminal_punctuation_and_line_breaks()
    {
        Assert.Equal(["Good food", "Slow service", "Nice place", "Clean"], Clauses("Good food. Slow service! Nice place\nClean"));
    }

    [Fact]
    public void A_concessive_opener_ends_its_clause_at_the_next_comma()
    {
        Assert.Equal(["Although the food was good", "the service was slow"], Clauses("Although the food was good, the service was slow"));
        Assert.Equal(["Хотя еда вкусная", "обслуживание медленное"], Clauses("Хотя еда вкусная, обслуживание медленное"));
    }

    [Fact]
    public void Commas_without_a_contrast_word_do_not_split()
    {
        Assert.Single(Clauses("The food, the drinks and the music were great"));
    }

    [Fact]
    public void Commas_split_when_asked_for_russian_texts()
    {
        const string text = "Еда вкусная, официант грубый";
        var clauses = ClauseSplitter.Split(text, WordTokenizer.Tokenize(text), commas: true);
        Assert.Equal(["Еда вкусная", "официант грубый"], clauses.Select(c => text.Substring(c.Start, c.Length)));
    }

    [Fact]
    public void Clauses_know_their_sentence()
    {
        const string text = "Good but slow. Cheap";
        var clauses = ClauseSplitter.Split(text, WordTokenizer.Tokenize(text));
        Assert.Equal([0, 0, 1], clauses.Select(c => c.Sentence));
    }
}
