using Listening.Core.Factors;

namespace Listening.Core.Sentiment;

/// <summary>The sentiment of one clause of a document: where it is and what the model says about it alone.</summary>
public sealed record ClausePolarity(int Start, int Length, SentimentLabel Label, float Score);

/// <summary>
/// A document's clause polarities and whether it is <b>mixed</b>: at least one clause carries a clear
/// positive opinion and another a clear negative one ("Продукты свежие и вкусные, но доставка опять
/// опоздала на час"). The document label stays the model's (a mixed review can still lean one way); mixed
/// is a flag beside it, so reports can count such feedback on its own.
/// </summary>
public sealed record MixedVerdict(bool Mixed, IReadOnlyList<ClausePolarity> Clauses)
{
    public static MixedVerdict None { get; } = new(false, []);
}

/// <summary>Scores each clause of a text with the document model and decides whether the text is mixed.</summary>
public static class MixedSentiment
{
    /// <summary>|P(positive) − P(negative)| a clause needs to count as a clear opinion.</summary>
    public const float ClearOpinion = 0.35f;

    /// <summary>Texts with more clauses are judged on their first this-many (a long review is rarely one-sided anyway).</summary>
    public const int MaxClauses = 12;

    /// <summary>How far from 0 a factor mention's score must be to count as a clear opinion on its factor.</summary>
    public const float ClearMention = 0.5f;

    /// <summary>
    /// As <see cref="Analyze(ISentimentScorer, string)"/>, and also mixed when the text's factor mentions judge one factor clearly
    /// well and another clearly badly in different clauses: "Курьер вежливый 😊 но опоздал на 40 минут 😡" — the mentions read
    /// opinion words with their negation and scope, which the model, scoring a clause alone, misses ("опоздал" with no
    /// opinion word reads neutral to it).
    /// </summary>
    public static MixedVerdict Analyze(ISentimentScorer scorer, string text, IReadOnlyList<FactorMention> mentions)
    {
        var verdict = Analyze(scorer, text);
        if (verdict.Mixed || !JudgedBothWays(mentions) || IsSarcasticComplaint(scorer, text)) return verdict;
        return verdict with { Mixed = true };
    }

    private static bool JudgedBothWays(IReadOnlyList<FactorMention> mentions)
    {
        foreach (var good in mentions)
        {
            if (good.Score < ClearMention) continue;
            foreach (var bad in mentions)
                if (bad.Score <= -ClearMention && bad.Start != good.Start) return true;
        }
        return false;
    }

    // Sarcastic praise ("Oh great, another order arrived half-empty") is a complaint, not a mixed review.
    private static bool IsSarcasticComplaint(ISentimentScorer scorer, string text) =>
        SarcasmMarkers.Candidate(text) && scorer.Score(text).Label == SentimentLabel.Negative;

    public static MixedVerdict Analyze(ISentimentScorer scorer, string text)
    {
        ArgumentNullException.ThrowIfNull(scorer);
        var spans = ClauseSegmenter.Split(text);
        if (spans.Count < 2) return MixedVerdict.None;
        var clauses = new List<ClausePolarity>(Math.Min(spans.Count, MaxClauses));
        bool positive = false, negative = false;
        foreach (var (start, length) in spans.Take(MaxClauses))
        {
            var s = scorer.Score(text.Substring(start, length));
            clauses.Add(new ClausePolarity(start, length, s.Label, s.Score));
            if (s.Label == SentimentLabel.Positive && s.Score >= ClearOpinion) positive = true;
            if (s.Label == SentimentLabel.Negative && s.Score <= -ClearOpinion) negative = true;
        }
        var mixed = positive && negative && !IsSarcasticComplaint(scorer, text);
        return new MixedVerdict(mixed, clauses);
    }
}
