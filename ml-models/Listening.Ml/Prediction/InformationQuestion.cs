using Listening.Core.Factors;
using Listening.Core.Factors.Text;
using Listening.Core.Sentiment;
using Listening.Ml.Features.Lexicon;

namespace Listening.Ml.Prediction;

/// <summary>
/// A text that only asks for information — "What time does the store close today?", «Есть ли парковка у отделения?»,
/// "@brand do you deliver to Khimki?" — judges nothing, yet the model read such questions as complaints (−0.3 … −0.5: in
/// its training data a customer's question is mostly a complaint, "where is my bag??"). When every sentence of the text is
/// a question whose first word asks for information (<see cref="InformationRequest"/>: "what time", "is there", «можно
/// ли», «подскажите»; an @handle before it aside) and the text holds no opinion word of the model's own lexicon, most of the polar mass moves to
/// neutral. "Why …?" questions, questions with an opinion word ("is it always this slow?") and any statement stay as
/// the model reads them.
/// </summary>
public static class InformationQuestion
{
    /// <summary>The share of each polar class that is kept (the rest moves to neutral).</summary>
    private const float Kept = 0.25f;

    public static SentimentScore Apply(string text, SentimentScore score)
    {
        if (text.IndexOf('?') < 0 || score.Label == SentimentLabel.Neutral || !AsksOnly(text)) return score;
        var negative = score.Negative * Kept;
        var positive = score.Positive * Kept;
        return SentimentScore.FromProbabilities(negative, 1f - negative - positive, positive);
    }

    /// <summary>Whether every sentence of <paramref name="text"/> is a question asking for information, with no opinion word.</summary>
    public static bool AsksOnly(string text)
    {
        var tokens = WordTokenizer.Tokenize(text, symbols: true);
        if (tokens.Count == 0 || ModelLexicon.Cues.HasOpinionWord(tokens, 0, tokens.Count)) return false;
        var first = 0;
        for (var i = 1; i <= tokens.Count; i++)
        {
            var gapEnd = i < tokens.Count ? tokens[i].Start : text.Length;
            var gap = text.AsSpan(tokens[i - 1].End, gapEnd - tokens[i - 1].End);
            if (i < tokens.Count && gap.IndexOfAny('.', '!', '?') < 0 && gap.IndexOf('…') < 0) continue;
            // The sentence [first, i), past any @handle: it must end with a question mark, and its first word must ask.
            var opening = first;
            while (opening < i && tokens[opening].Start > 0 && text[tokens[opening].Start - 1] == '@') opening++;
            if (gap.IndexOf('?') < 0 || !InformationRequest.OpensAtFirstWord(tokens, opening, i) && !InformationRequest.AsksForHelp(tokens, opening, i)) return false;
            first = i;
        }
        return true;
    }
}
