using Listening.Core.Factors.Cues;
using Listening.Core.Factors.Text;
using Listening.Core.Sentiment;
using Listening.Core.Text;

namespace Listening.Core.Factors;

/// <summary>
/// Finds the factors of a taxonomy in a text and gives each mention the sentiment of what its own clause says.
/// <list type="bullet">
/// <item>Detection: the taxonomy's terms per clause; weak terms ("40 minutes", "долго") only where the sentence names
/// no factor they yield to (<see cref="Factor.WeakYieldsTo"/>); a question judges nothing unless it complains
/// ("Can anyone recommend a good delivery?" names delivery but rates nothing).</item>
/// <item>Clause polarity: opinion words with negation (<see cref="SentimentCues"/>: "no issue", «не сказал бы, что
/// дорого», «без проблем»), sarcasm markers and scare quotes turning praise round («очень "быстрая" доставка 🙃»),
/// explicitly neutral words ("average prices") holding a clause at neutral. With the injected model
/// (<see cref="FactorExtractor(FactorTaxonomy, ISentimentScorer?, SentimentCues?)"/>, as the pipeline injects it)
/// the clause's model score is blended in — and it decides alone where the clause has no opinion word. Without a
/// model, a clause with no opinion word borrows its sentence's, then at half weight the whole text's. Where all that
/// leaves the clause neutral, the item's star rating breaks the tie (1–2 negative, 4–5 positive).</item>
/// </list>
/// Thread-safe.
/// </summary>
public sealed class FactorExtractor
{
    private readonly TermMatcher matcher;
    private readonly ISentimentScorer? clauseScorer;
    private readonly SentimentCues cues;
    private readonly int factorCount;
    // yields[f] = the factors (indices) that take the weak terms of factor f over.
    private readonly int[][] yields;

    public FactorExtractor(FactorTaxonomy taxonomy, ISentimentScorer? clauseScorer = null, SentimentCues? cues = null)
    {
        Taxonomy = taxonomy;
        this.clauseScorer = clauseScorer;
        this.cues = cues ?? SentimentCues.Default;
        factorCount = taxonomy.Factors.Count;
        // Groups 0..n-1: each factor's terms; n..2n-1: its weak terms; 2n..3n-1: its judged terms.
        var groups = taxonomy.Factors.Select(f => f.Terms.Values.SelectMany(terms => terms))
            .Concat(taxonomy.Factors.Select(f => f.WeakTerms.Values.SelectMany(terms => terms)))
            .Concat(taxonomy.Factors.Select(f => f.JudgedTerms.Values.SelectMany(terms => terms)))
            .ToList();
        matcher = new TermMatcher(groups);
        yields = taxonomy.Factors
            .Select(f => f.WeakYieldsTo.Select(id => taxonomy.Factors.ToList().FindIndex(x => x.Id == id)).Where(i => i >= 0).ToArray())
            .ToArray();
    }

    public FactorTaxonomy Taxonomy { get; }

    /// <summary>Scores of |score| at or below this are neutral.</summary>
    public float NeutralBand { get; init; } = 0.05f;

    /// <summary>Weight of the opinion words in a clause that has some (the model's weight is 1 − this).</summary>
    public float CueWeight { get; init; } = 0.7f;

    /// <summary>
    /// Languages in which every comma also ends a clause. Russian punctuation puts a comma at each clause
    /// boundary ("еда вкусная, официант грубый"); English commas mostly list things, and splitting on them
    /// measured slightly worse on the English train splits.
    /// </summary>
    public IReadOnlySet<string> CommaLanguages { get; init; } = new HashSet<string> { LanguageDetector.Russian };

    public IReadOnlyList<FactorMention> Extract(string text) => Extract(text, null);

    /// <param name="rating">The item's star rating (1–5), if it has one: the tie-break for clauses that say nothing either way.</param>
    public IReadOnlyList<FactorMention> Extract(string text, int? rating)
    {
        var tokens = WordTokenizer.Tokenize(text, symbols: true);
        if (tokens.Count == 0) return [];
        var clauses = ClauseSplitter.Split(text, tokens, CommaLanguages.Contains(LanguageDetector.Detect(text)), keepSubordinate: true);
        var mentions = new List<FactorMention>();
        var matches = new List<TermMatch>();
        var context = new TextContext(text, tokens, clauses, rating);
        for (var first = 0; first < clauses.Count;)
        {
            var end = first + 1;
            while (end < clauses.Count && clauses[end].Sentence == clauses[first].Sentence) end++;
            Sentence(context, first, end, matches, mentions);
            first = end;
        }
        return mentions;
    }

    /// <summary>What the clauses of one text share while they are scored.</summary>
    private sealed class TextContext(string text, List<WordToken> tokens, List<Clause> clauses, int? rating)
    {
        public string Text { get; } = text;
        public List<WordToken> Tokens { get; } = tokens;
        public List<Clause> Clauses { get; } = clauses;
        public int? Rating { get; } = rating;
        public CueScore? Document; // computed once, only if some clause needs it
    }

    /// <summary>The mentions of clauses [first, end) — one sentence.</summary>
    private void Sentence(TextContext context, int first, int end, List<TermMatch> matches, List<FactorMention> mentions)
    {
        var tokens = context.Tokens;
        var clauses = context.Clauses;
        matches.Clear();
        var sentenceFirst = clauses[first].FirstToken;
        var sentenceEnd = clauses[end - 1].EndToken;
        for (var c = first; c < end; c++) matcher.Find(tokens, clauses[c].FirstToken, clauses[c].EndToken, matches);
        if (matches.Count == 0) return;

        // Factors named by their own (strong) terms anywhere in the sentence take weak terms over.
        var named = new HashSet<int>();
        foreach (var m in matches)
        {
            if (m.Group < factorCount && !IsInsideLongerMatch(m, matches)) named.Add(m.Group);
        }
        var question = IsQuestion(context.Text, tokens, sentenceEnd);
        var sarcastic = cues.HasSarcasm(tokens, sentenceFirst, sentenceEnd);

        for (var c = first; c < end; c++)
        {
            var clause = clauses[c];
            var found = new List<int>(4);
            ClauseCues? clauseCues = null;
            foreach (var m in matches)
            {
                if (m.FirstToken < clause.FirstToken || m.FirstToken >= clause.EndToken) continue;
                if (IsInsideLongerMatch(m, matches)) continue;
                var factor = m.Group % factorCount;
                var kind = m.Group / factorCount; // 0 term, 1 weak term, 2 judged term
                if (found.Contains(factor)) continue;
                if (kind == 1 && yields[factor].Any(named.Contains)) continue;
                if (kind == 2 && (clauseCues ??= cues.Analyze(context.Text, tokens, clause.FirstToken, clause.EndToken, sarcastic)).Score.IsEmpty) continue;
                found.Add(factor);
            }
            if (found.Count == 0) continue;
            var (label, score) = ClauseSentiment(context, clause, sarcastic, sentenceFirst, sentenceEnd, clauseCues);
            // A question asks, it does not judge — unless it is a complaint put as a question ("why is it always late?").
            if (question && label != SentimentLabel.Negative) continue;
            foreach (var factor in found)
                mentions.Add(new FactorMention(Taxonomy.Factors[factor].Id, label, score, clause.Start, clause.Length));
        }
    }

    private static bool IsQuestion(string text, List<WordToken> tokens, int sentenceEnd)
    {
        var from = tokens[sentenceEnd - 1].End;
        var to = sentenceEnd < tokens.Count ? tokens[sentenceEnd].Start : text.Length;
        return text.AsSpan(from, to - from).Contains('?');
    }

    private (SentimentLabel Label, float Score) ClauseSentiment(TextContext context, Clause clause, bool sarcastic, int sentenceFirst, int sentenceEnd, ClauseCues? known)
    {
        var tokens = context.Tokens;
        var cue = known ?? cues.Analyze(context.Text, tokens, clause.FirstToken, clause.EndToken, sarcastic);
        float score;
        if (clauseScorer is not null)
        {
            var model = clauseScorer.Score(context.Text.Substring(clause.Start, clause.Length)).Score;
            score = !cue.Score.IsEmpty ? CueWeight * cue.Score.Score + (1 - CueWeight) * model
                : cue.Neutral > 0 ? 0f
                : model;
        }
        else if (!cue.Score.IsEmpty) score = cue.Score.Score;
        else if (cue.Neutral > 0) score = 0f;
        else
        {
            var sentence = cues.Analyze(context.Text, tokens, sentenceFirst, sentenceEnd, sarcastic).Score;
            if (!sentence.IsEmpty) score = sentence.Score;
            else
            {
                // Last resort: the tone of the whole text, at half weight — a weaker signal than the clause's own.
                context.Document ??= cues.Analyze(context.Text, tokens, 0, tokens.Count, sarcastic).Score;
                score = context.Document.Value.Score * 0.5f;
            }
        }
        if (Math.Abs(score) <= NeutralBand && cue.Neutral == 0 && context.Rating is { } rating and not 3)
        {
            // A clause that says nothing either way takes the item's own verdict: a factor named in a 1-star review.
            score = rating > 3 ? NeutralBand * 2 : -NeutralBand * 2;
        }
        var label = score > NeutralBand ? SentimentLabel.Positive
            : score < -NeutralBand ? SentimentLabel.Negative
            : SentimentLabel.Neutral;
        return (label, score);
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
