using Listening.Core.Factors.Cues;
using Listening.Core.Factors.Text;

namespace Listening.Core.Tests.Factors.Cues;

public class SentimentCuesTests
{
    private static List<CueHit> Hits(string text)
    {
        var tokens = WordTokenizer.Tokenize(text);
        var hits = new List<CueHit>();
        SentimentCues.Default.Find(tokens, 0, tokens.Count, hits);
        return hits;
    }

    [Fact]
    public void Find_reports_each_cue_with_its_polarity_after_negation()
    {
        var hits = Hits("Суп не вкусный, и вообще ожидание было долгим");
        Assert.Contains(hits, h => h is { Positive: false, Negated: true }); // "не вкусный"
        Assert.Contains(hits, h => h is { Positive: false, Negated: false }); // "ожидание" (beyond the negation scope)
        Assert.DoesNotContain(hits, h => h.Positive);
    }

    [Fact]
    public void Score_counts_what_Find_reports()
    {
        const string text = "Great food, not friendly staff and a slow delivery";
        var tokens = WordTokenizer.Tokenize(text);
        var hits = Hits(text);
        var score = SentimentCues.Default.Score(tokens, 0, tokens.Count);
        Assert.Equal(hits.Count(h => h.Positive), score.Positive);
        Assert.Equal(hits.Count(h => !h.Positive), score.Negative);
        Assert.Equal((1, 2), (score.Positive, score.Negative));
    }
}
