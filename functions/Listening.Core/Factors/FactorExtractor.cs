using Listening.Core.Factors.Cues;
using Listening.Core.Factors.Text;
using Listening.Core.Sentiment;
using Listening.Core.Text;

namespace Listening.Core.Factors;

/// <summary>
/// Finds the factors of a taxonomy in a text and gives each mention the sentiment of its own clause.
/// Clause sentiment = the injected model's score of the clause text plus the clause's opinion words with
/// negation (<see cref="SentimentCues"/>). Without a model, the opinion words alone; a clause without any
/// borrows those of its sentence ("The pizza? Excellent."), then, at half weight, those of the whole text
/// (measured on the train splits: a factor named without an opinion mostly shares the review's tone),
/// else it is neutral.
/// Thread-safe.
/// </summary>
public sealed class FactorExtractor
{
    private readonly TermMatcher matcher;
    private readonly ISentimentScorer? clauseScorer;
    private readonly SentimentCues cues;

    public FactorExtractor(FactorTaxonomy taxonomy, ISentimentScorer? clauseScorer = null, SentimentCues? cues = null)
    {
        Taxonomy = taxonomy;
        this.clauseScorer = clauseScorer;
        this.cues = cues ?? SentimentCues.Default;
        matcher = new TermMatcher(taxonomy.Factors
            .Select(f => f.Terms.Values.SelectMany(terms => terms))
            .ToList());
    }

    public FactorTaxonomy Taxonomy { get; }

    /// <summary>Scores of |score| below this are neutral.</summary>
    public float NeutralBand { get; init; } = 0.05f;

    /// <summary>
    /// Languages in which every comma also ends a clause. Russian punctuation puts a comma at each clause
    /// boundary ("еда вкусная, официант грубый"); English commas mostly list things, and splitting on them
    /// measured slightly worse on the English train splits.
    /// </summary>
    public IReadOnlySet<string> CommaLanguages { get; init; } = new HashSet<string> { LanguageDetector.Russian };

    public IReadOnlyList<FactorMention> Extract(string text)
    {
        var tokens = WordTokenizer.Tokenize(text);
        if (tokens.Count == 0) return [];
        var clauses = ClauseSplitter.Split(text, tokens, CommaLanguages.Contains(LanguageDetector.Detect(text)));
        var mentions = new List<FactorMention>();
        var matches = new List<TermMatch>();
        CueScore? documentCue = null; // computed once, only if some clause needs it
        foreach (var clause in clauses)
        {
            matches.Clear();
            matcher.Find(tokens, clause.FirstToken, clause.EndToken, matches);
            if (matches.Count == 0) continue;
            var sentiment = ClauseSentiment(text, tokens, clauses, clause, ref documentCue);
            var seen = 0UL;
            foreach (var m in matches)
            {
                if (IsInsideLongerMatch(m, matches)) continue;
                // One mention per factor and clause; the bit set covers the first 64 factors, the rest dedupe by search.
                if (m.Group < 64)
                {
                    if ((seen & (1UL << m.Group)) != 0) continue;
                    seen |= 1UL << m.Group;
                }
                else if (mentions.Any(x => x.Start == clause.Start && x.Factor == Taxonomy.Factors[m.Group].Id)) continue;
                mentions.Add(new FactorMention(Taxonomy.Factors[m.Group].Id, sentiment.Label, sentiment.Score, clause.Start, clause.Length));
            }
        }
        return mentions;
    }

    private (SentimentLabel Label, float Score) ClauseSentiment(string text, List<WordToken> tokens, List<Clause> clauses, Clause clause, ref CueScore? documentCue)
    {
        var cue = cues.Score(tokens, clause.FirstToken, clause.EndToken);
        float score;
        if (clauseScorer is not null)
        {
            // The model always has an opinion on the clause; the clause's own cues (with negation) correct it.
            score = Math.Clamp(clauseScorer.Score(text.Substring(clause.Start, clause.Length)).Score + cue.Score, -1f, 1f);
        }
        else
        {
            var weight = 1f;
            if (cue.IsEmpty)
            {
                var (first, end) = SentenceTokens(clauses, clause.Sentence);
                cue = cues.Score(tokens, first, end);
            }
            if (cue.IsEmpty)
            {
                // Last resort: the tone of the whole text, at half weight — a weaker signal than the clause's own.
                cue = documentCue ??= cues.Score(tokens, 0, tokens.Count);
                weight = 0.5f;
            }
            score = cue.Score * weight;
        }
        var label = score > NeutralBand ? SentimentLabel.Positive
            : score < -NeutralBand ? SentimentLabel.Negative
            : SentimentLabel.Neutral;
        return (label, score);
    }

    private static (int First, int End) SentenceTokens(List<Clause> clauses, int sentence)
    {
        int first = int.MaxValue, end = 0;
        foreach (var c in clauses)
        {
            if (c.Sentence != sentence) continue;
            first = Math.Min(first, c.FirstToken);
            end = Math.Max(end, c.EndToken);
        }
        return (first, end);
    }

    private static bool IsInsideLongerMatch(TermMatch m, List<TermMatch> matches)
    {
        foreach (var other in matches)
        {
            if (other.TokenCount <= m.TokenCount) continue;
            if (other.FirstToken <= m.FirstToken && other.FirstToken + other.TokenCount >= m.FirstToken + m.TokenCount) return true;
        }
        return false;
    }
}
