using Listening.Core.Factors;
using Listening.Core.Feedback;
using Listening.Core.Sentiment;
using Listening.Core.Text;

namespace Listening.Scoring;

/// <summary>
/// INTERIM stand-in so the pipeline runs end to end before the real scorer (ML.NET sentiment + factor taxonomy)
/// is merged: a few dozen polarity words in Russian and English and keyword factors. Deterministic, thread-safe,
/// not a quality claim.
/// </summary>
public sealed class InterimLexiconScorer : IFeedbackScorer
{
    private static readonly string[] Positive =
        ["good", "great", "excellent", "love", "fast", "friendly", "polite", "tasty", "clean", "recommend", "nice", "perfect", "helpful",
         "хорош", "отличн", "прекрасн", "люблю", "быстр", "вежлив", "вкусн", "чист", "рекоменд", "спасибо", "супер", "понравил"];
    private static readonly string[] Negative =
        ["bad", "terrible", "awful", "slow", "rude", "dirty", "expensive", "late", "broken", "never", "worst", "cold", "disappoint",
         "плох", "ужасн", "медлен", "груб", "грязн", "дорог", "опозд", "сломан", "никогда", "худш", "холодн", "разочар", "долго"];
    private static readonly (string Factor, string[] Words)[] Factors =
    [
        ("price", ["price", "expensive", "cheap", "cost", "цен", "дорог", "дешев", "стоимост"]),
        ("delivery", ["delivery", "courier", "shipping", "доставк", "курьер"]),
        ("staff", ["staff", "waiter", "cashier", "manager", "персонал", "официант", "кассир", "продавц", "сотрудник"]),
        ("waiting_time", ["wait", "queue", "slow", "late", "ждал", "ожидан", "очеред", "долго", "опозд"]),
        ("quality", ["quality", "tasty", "fresh", "broken", "качеств", "вкусн", "свеж", "сломан"]),
        ("cleanliness", ["clean", "dirty", "чист", "грязн"]),
    ];

    public FeedbackScores Score(FeedbackItem item)
    {
        var language = item.Language ?? LanguageDetector.Detect(item.Text);
        var text = item.Text.ToLowerInvariant();
        var sentiment = Polarity(text);
        var mentions = new List<FactorMention>();
        foreach (var (factor, words) in Factors)
        {
            var at = words.Select(w => text.IndexOf(w, StringComparison.Ordinal)).Where(i => i >= 0).DefaultIfEmpty(-1).Min();
            if (at < 0) continue;
            var (start, length) = Clause(text, at);
            var clause = Polarity(text.Substring(start, length));
            mentions.Add(new FactorMention(factor, clause.Label, clause.Score, start, length));
        }
        return new FeedbackScores(language, sentiment, mentions);
    }

    private static SentimentScore Polarity(string text)
    {
        var pos = Positive.Count(w => text.Contains(w, StringComparison.Ordinal));
        var neg = Negative.Count(w => text.Contains(w, StringComparison.Ordinal));
        var total = pos + neg + 1f;
        return SentimentScore.FromProbabilities(neg / total, 1f / total, pos / total);
    }

    private static (int Start, int Length) Clause(string text, int at)
    {
        var separators = new[] { '.', '!', '?', ',', ';', '\n' };
        var start = text.LastIndexOfAny(separators, Math.Max(0, at - 1)) + 1;
        var end = text.IndexOfAny(separators, at);
        if (end < 0) end = text.Length;
        return (start, end - start);
    }
}
