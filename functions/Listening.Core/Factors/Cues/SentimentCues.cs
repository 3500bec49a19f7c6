using System.Text.Json;
using Listening.Core.Factors.Text;

namespace Listening.Core.Factors.Cues;

/// <summary>
/// A small opinion lexicon (positive and negative words and phrases, ru and en, same term syntax
/// as the taxonomy) with negation: a negator (не, нет, без, not, no, never, n't …) flips the cues in
/// the next <see cref="NegationScope"/> words of its clause, so "не понравилась доставка" and
/// "not friendly" count as negative and "без проблем" / "no complaints" as positive.
/// It gives clause sentiment a rule that a statistical model trained on whole documents lacks.
/// </summary>
public sealed class SentimentCues
{
    private const int PositiveGroup = 0, NegativeGroup = 1, NegatorGroup = 2, BlockerGroup = 3;
    public const int NegationScope = 3;
    private const string Resource = "Listening.Core.Factors.Cues.sentiment-cues.json";

    private readonly TermMatcher matcher;

    public SentimentCues(IEnumerable<string> positive, IEnumerable<string> negative, IEnumerable<string> negators, IEnumerable<string> blockers)
    {
        matcher = new TermMatcher([positive.ToList(), negative.ToList(), negators.ToList(), blockers.ToList()]);
    }

    public static SentimentCues Default { get; } = Load();

    public CueScore Score(IReadOnlyList<WordToken> tokens, int from, int to)
    {
        var hits = new List<CueHit>();
        Find(tokens, from, to, hits);
        int positive = 0, negative = 0;
        foreach (var hit in hits)
        {
            if (hit.Positive) positive++; else negative++;
        }
        return new CueScore(positive, negative);
    }

    /// <summary>The opinion cues in tokens [from, to) with their polarity after negation (what <see cref="Score"/> counts).</summary>
    public void Find(IReadOnlyList<WordToken> tokens, int from, int to, List<CueHit> into)
    {
        var matches = new List<TermMatch>();
        matcher.Find(tokens, from, to, matches);
        foreach (var m in matches)
        {
            if (m.Group is not (PositiveGroup or NegativeGroup)) continue;
            // A longer cue covering this one ("not bad at all" vs "bad") is counted instead.
            if (IsInsideLongerCue(m, matches)) continue;
            var negated = IsNegated(m, matches, from);
            into.Add(new CueHit(m.FirstToken, m.TokenCount, (m.Group == PositiveGroup) != negated, negated));
        }
    }

    private static bool IsInsideLongerCue(TermMatch m, List<TermMatch> matches)
    {
        foreach (var other in matches)
        {
            if (other.Group is not (PositiveGroup or NegativeGroup) || other.TokenCount <= m.TokenCount) continue;
            if (other.FirstToken <= m.FirstToken && other.FirstToken + other.TokenCount >= m.FirstToken + m.TokenCount) return true;
        }
        return false;
    }

    private static bool IsNegated(TermMatch cue, List<TermMatch> matches, int clauseStart)
    {
        var negated = false;
        foreach (var other in matches)
        {
            if (other.Group != NegatorGroup) continue;
            var end = other.FirstToken + other.TokenCount;
            if (other.FirstToken < clauseStart || end > cue.FirstToken || cue.FirstToken - end >= NegationScope) continue;
            // "не только", "not only", "no doubt": the negator does not negate what follows.
            if (matches.Any(b => b.Group == BlockerGroup && b.FirstToken == end)) continue;
            negated = !negated;
        }
        return negated;
    }

    private static SentimentCues Load()
    {
        using var stream = typeof(SentimentCues).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"resource {Resource} is missing");
        using var document = JsonDocument.Parse(stream, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        IEnumerable<string> All(string name) => document.RootElement.GetProperty(name).EnumerateObject()
            .SelectMany(language => language.Value.EnumerateArray().Select(t => t.GetString() ?? ""))
            .ToList();
        return new SentimentCues(All("positive"), All("negative"), All("negators"), All("blockers"));
    }
}
