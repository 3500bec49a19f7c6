using System.Runtime.CompilerServices;
using Listening.Core.Factors.Cues;
using Listening.Core.Factors.Text;
using Listening.Core.Feedback;
using Listening.Core.Matrix;
using Listening.Core.Sentiment;

namespace Listening.Core.Factors.Learned;

/// <summary>
/// The hybrid decision: the rules read a text first (<see cref="FactorExtractor"/>), then the learned model
/// (<see cref="FactorDetectorModel"/>), which sees what the rules found as well as the words, decides each factor it
/// knows. A factor the rules found stays, with the rules' mentions and polarity, unless the model puts it below
/// <see cref="FactorDetectorModel.DropBelow"/>; then every mention of it is dropped. A factor the rules missed is added
/// at or above <see cref="FactorDetectorModel.AddAbove"/>, as one mention on the clause whose words weigh most for it,
/// with the polarity read there (<see cref="Polarity"/>: by default what the rules said about another factor in that
/// clause, else the clause's opinion words, else the document's). Factors the model does not know (a brand's own, a
/// pack's) keep the rules' reading.
/// Pure and thread-safe.
/// </summary>
public sealed class LearnedFactorDetector(FactorDetectorModel model)
{
    // Which model factors each taxonomy has (a brand's taxonomy may leave some out), computed once per taxonomy.
    private readonly ConditionalWeakTable<FactorTaxonomy, bool[]> known = new();

    public FactorDetectorModel Model { get; } = model;

    /// <summary>
    /// Where an added mention's polarity is read. <see cref="AddedPolarity.RulesThenCues"/> since round 16: leave one
    /// story out on 31 sets the added mentions the labels confirm take the labelled polarity 0.834 of the time against
    /// 0.804 with the document's (a mixed text's other half decided it) and 0.763 with the sentiment model's reading of
    /// the clause (ml-models/factors/HISTORY.md, "Learned detector, round 16 (branch `factlearn16`)").
    /// </summary>
    public AddedPolarity Polarity { get; init; } = AddedPolarity.RulesThenCues;

    /// <summary>The opinion words an added mention's clause is read with (<see cref="AddedPolarity.Cues"/>).</summary>
    public SentimentCues Cues { get; init; } = SentimentCues.Default;

    /// <param name="rules">What <paramref name="extractor"/> found in the text.</param>
    /// <param name="channel">The item's channel (<see cref="FeedbackItem.Channel"/>), read when the model was trained with channels.</param>
    /// <remarks>Tokenizes the text and matches the taxonomy again; <see cref="Apply(string, FactorReading, FactorTaxonomy, int?, int?, SentimentLabel, ISentimentScorer?, string?)"/>
    /// with <see cref="FactorExtractor.Read"/> reuses the rules' own (the same features, at about half the cost).</remarks>
    public IReadOnlyList<FactorMention> Apply(string text, IReadOnlyList<FactorMention> rules, FactorExtractor extractor,
        int? rating, int? nps, SentimentLabel document, ISentimentScorer? clauseScorer, string? channel = null)
    {
        var tokens = WordTokenizer.Tokenize(text, symbols: true);
        var cues = new HashSet<(string, string?)>();
        extractor.TermCues(tokens, cues);
        return Apply(text, new FactorReading(rules, tokens, cues), extractor.Taxonomy, rating, nps, document, clauseScorer, channel);
    }

    /// <param name="reading">What the rules read off the text (<see cref="FactorExtractor.Read"/> of <paramref name="taxonomy"/>'s extractor).</param>
    /// <param name="channel">The item's channel (<see cref="FeedbackItem.Channel"/>), read when the model was trained with channels.</param>
    public IReadOnlyList<FactorMention> Apply(string text, FactorReading reading, FactorTaxonomy taxonomy,
        int? rating, int? nps, SentimentLabel document, ISentimentScorer? clauseScorer, string? channel = null) =>
        Decide(text, reading, taxonomy, rating, nps, document, clauseScorer, channel).Mentions;

    /// <inheritdoc cref="Decide(string, FactorReading, FactorTaxonomy, int?, int?, SentimentLabel, ISentimentScorer?, string?)"/>
    public DetectorDecision Decide(string text, IReadOnlyList<FactorMention> rules, FactorExtractor extractor,
        int? rating, int? nps, SentimentLabel document, ISentimentScorer? clauseScorer, string? channel = null)
    {
        var tokens = WordTokenizer.Tokenize(text, symbols: true);
        var cues = new HashSet<(string, string?)>();
        extractor.TermCues(tokens, cues);
        return Decide(text, new FactorReading(rules, tokens, cues), extractor.Taxonomy, rating, nps, document, clauseScorer, channel);
    }

    /// <summary>
    /// What <see cref="Apply(string, FactorReading, FactorTaxonomy, int?, int?, SentimentLabel, ISentimentScorer?)"/> returns,
    /// with the rules' mentions it dropped beside it. The model decides one item at a time and cannot see how many items
    /// name a factor, so the drops go with the item for the matrix to weigh (<see cref="Matrix.BrandStats.Restored"/>).
    /// </summary>
    public DetectorDecision Decide(string text, FactorReading reading, FactorTaxonomy taxonomy,
        int? rating, int? nps, SentimentLabel document, ISentimentScorer? clauseScorer, string? channel = null)
    {
        var n = Model.Factors.Count;
        var inTaxonomy = known.GetValue(taxonomy, t => Model.Factors.Select(f => t.Find(f) is not null).ToArray());
        var rules = reading.Mentions;
        var tokens = reading.Tokens;
        // A model trained without channels never sees one: its buckets for them would be another feature's.
        var features = FactorFeatures.Of(tokens, rules, rating, nps, reading.Cues, Model.Factors, Model.Classes, Model.ReadsChannel ? channel : null);
        Span<float> logits = stackalloc float[n];
        Model.Logits(features, logits);

        List<FactorMention>? result = null;
        List<FactorMention>? dropped = null;
        for (var f = 0; f < n; f++)
        {
            if (!inTaxonomy[f]) continue;
            var id = Model.Factors[f];
            var p = FactorDetectorModel.Probability(logits[f]);
            var found = false;
            for (var m = 0; m < rules.Count && !found; m++) found = rules[m].Factor == id;
            if (found && p < Model.DropBelow[f])
            {
                result ??= [.. rules];
                dropped ??= [];
                dropped.AddRange(rules.Where(m => m.Factor == id));
                result.RemoveAll(m => m.Factor == id);
            }
            else if (!found && p >= Model.AddAbove[f])
            {
                result ??= [.. rules];
                result.Add(Added(text, tokens, rules, f, document, clauseScorer) with { Added = true });
            }
        }
        return new DetectorDecision(result ?? rules, dropped ?? (IReadOnlyList<FactorMention>)[]);
    }

    /// <summary>The mention of a factor the rules missed: the clause that carries the most evidence for it, and its polarity.</summary>
    private FactorMention Added(string text, IReadOnlyList<WordToken> tokens, IReadOnlyList<FactorMention> rules, int factor,
        SentimentLabel document, ISentimentScorer? clauseScorer)
    {
        var cyrillic = tokens.Count(t => t.Stem.Length > 0 && t.Stem[0] is >= 'а' and <= 'я');
        var fields = ReviewFields.Find(text, tokens);
        var clauses = ClauseSplitter.Split(text, tokens, commas: 2 * cyrillic > tokens.Count, keepSubordinate: true, fields);
        Clause? best = null;
        var bestWeight = 0f;
        foreach (var c in clauses)
        {
            if (fields.Count > 0 && ReviewFields.IsSilent(fields, c.FirstToken, c.EndToken)) continue; // a heading names no factor
            var weight = 0f;
            for (var t = c.FirstToken; t < c.EndToken; t++)
            {
                weight += Model.Weight(FactorFeatures.Unigram(tokens[t].Stem), factor);
                // A word the stories never used weighs through its class: the mention goes where that word is.
                if (FactorFeatures.ClassUnigram(Model.Classes, tokens[t].Stem) is var k and >= 0) weight += Model.Weight(k, factor);
            }
            if (weight > bestWeight) { bestWeight = weight; best = c; }
        }
        var id = Model.Factors[factor];
        var documentScore = (float)FactorStats.LabelValue(document);
        if (best is not { } clause) return new FactorMention(id, document, documentScore, 0, text.Length);
        var said = Polarity switch
        {
            AddedPolarity.Clause => FromModel(clauseScorer?.Score(text.Substring(clause.Start, clause.Length))),
            AddedPolarity.Rules => RulesOn(rules, clause),
            AddedPolarity.Cues => CuesOn(text, tokens, clause),
            AddedPolarity.RulesThenCues => RulesOn(rules, clause) ?? CuesOn(text, tokens, clause),
            AddedPolarity.CuesThenRules => CuesOn(text, tokens, clause) ?? RulesOn(rules, clause),
            _ => null,
        };
        // «Минусы: цены выше средних, сроки изготовления больше недели»: a clause that says nothing either way in a review's
        // pros or cons field is on the field's side, as the rules read it (ReviewFields).
        if (said is not { Label: not SentimentLabel.Neutral } && ReviewFields.SideAt(fields, clause.FirstToken) is var side and not 0)
            said = FactorExtractor.Sided(side);
        return said is not { } s || s.Label == SentimentLabel.Neutral
            ? new FactorMention(id, document, documentScore, clause.Start, clause.Length)
            : new FactorMention(id, s.Label, s.Score, clause.Start, clause.Length);
    }

    private static (SentimentLabel Label, float Score)? FromModel(SentimentScore? score) => score is null ? null : (score.Label, score.Score);

    /// <summary>
    /// What the rules said in that clause about another factor: the mention that overlaps it most. The rules read negation,
    /// contrast and irony per clause; an added factor judged in the same clause is most often judged the same way.
    /// </summary>
    private static (SentimentLabel Label, float Score)? RulesOn(IReadOnlyList<FactorMention> rules, Clause clause)
    {
        FactorMention? best = null;
        var bestOverlap = 0;
        foreach (var m in rules)
        {
            var overlap = Math.Min(m.Start + m.Length, clause.Start + clause.Length) - Math.Max(m.Start, clause.Start);
            if (overlap > bestOverlap && m.Label != SentimentLabel.Neutral) { bestOverlap = overlap; best = m; }
        }
        return best is null ? null : (best.Label, best.Score);
    }

    /// <summary>The clause's opinion words after negation and sarcasm (the rules' own cue reading), none when it has none.</summary>
    private (SentimentLabel Label, float Score)? CuesOn(string text, IReadOnlyList<WordToken> tokens, Clause clause)
    {
        var cues = Cues.Analyze(text, tokens, clause.FirstToken, clause.EndToken).Score;
        return cues.IsEmpty || cues.Label == SentimentLabel.Neutral ? null : (cues.Label, cues.Score);
    }
}

/// <summary>The detector's reading of an item: the mentions it keeps and adds, and the rules' mentions it dropped.</summary>
public sealed record DetectorDecision(IReadOnlyList<FactorMention> Mentions, IReadOnlyList<FactorMention> Dropped);

/// <summary>Where the polarity of a mention the learned detector adds is read.</summary>
public enum AddedPolarity
{
    /// <summary>The document's sentiment (the default in rounds 12–15).</summary>
    Document,
    /// <summary>The sentiment model on the added mention's clause, the document's where that reads neutral.</summary>
    Clause,
    /// <summary>A non-neutral rule mention of another factor overlapping the clause, else the document's.</summary>
    Rules,
    /// <summary>The clause's opinion words after negation (<see cref="SentimentCues.Analyze(string, IReadOnlyList{WordToken}, int, int, bool)"/>), else the document's.</summary>
    Cues,
    /// <summary><see cref="Rules"/>, else <see cref="Cues"/>, else the document's (the default since round 16).</summary>
    RulesThenCues,
    /// <summary><see cref="Cues"/>, else <see cref="Rules"/>, else the document's.</summary>
    CuesThenRules,
}
