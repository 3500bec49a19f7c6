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
    private const int PositiveGroup = 0, NegativeGroup = 1, NegatorGroup = 2, BlockerGroup = 3, NeutralGroup = 4, SarcasmGroup = 5, MildGroup = 6, IgnoreGroup = 7,
        WishGroup = 8, ResolveGroup = 9, UnwantedGroup = 10, HedgeGroup = 11, ElsewhereGroup = 12, SizeGroup = 13, ElsewhereOpeningGroup = 14, RhetoricalGroup = 15, RedressGroup = 16;
    public const int NegationScope = 3;
    private const string Resource = "Listening.Core.Factors.Cues.sentiment-cues.json";

    private readonly TermMatcher matcher;

    public SentimentCues(IEnumerable<string> positive, IEnumerable<string> negative, IEnumerable<string> negators, IEnumerable<string> blockers,
        IEnumerable<string>? neutral = null, IEnumerable<string>? sarcasm = null, IEnumerable<string>? mild = null, IEnumerable<string>? ignore = null,
        IEnumerable<string>? wish = null, IEnumerable<string>? resolve = null, IEnumerable<string>? unwanted = null, IEnumerable<string>? hedges = null, IEnumerable<string>? elsewhere = null, IEnumerable<string>? sizes = null,
        IEnumerable<string>? elsewhereOpening = null, IEnumerable<string>? rhetorical = null, IEnumerable<string>? redress = null)
    {
        matcher = new TermMatcher([positive.ToList(), negative.ToList(), negators.ToList(), blockers.ToList(), (neutral ?? []).ToList(), (sarcasm ?? []).ToList(), (mild ?? []).ToList(), (ignore ?? []).ToList(),
            [], [], [], (hedges ?? []).ToList(), [], (sizes ?? []).ToList(), [], (rhetorical ?? []).ToList()]);
        // Kept apart from the opinion words: callers that read a sentence's matches (what words a verdict covers) see only those.
        intents = new TermMatcher([[], [], [], [], [], [], [], [], (wish ?? []).ToList(), (resolve ?? []).ToList(), (unwanted ?? []).ToList(), [], (elsewhere ?? []).ToList(), [],
            (elsewhereOpening ?? []).ToList(), [], (redress ?? []).ToList()]);
    }

    private readonly TermMatcher intents;
    [ThreadStatic] private static List<TermMatch>? intentMatches;

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
            var negated = IsNegated(m, matches, from, legacy: true);
            into.Add(new CueHit(m.FirstToken, m.TokenCount, (m.Group == PositiveGroup) != negated, negated));
        }
    }

    /// <summary>
    /// What a clause says, for a factor mention: its opinion cues after negation — with praise turned round when the
    /// sentence is <paramref name="sarcastic"/> or a single praising word stands in scare quotes («"быстрая" доставка») —
    /// and how many explicitly neutral words it has ("average prices", «цены средние»).
    /// </summary>
    public ClauseCues Analyze(string text, IReadOnlyList<WordToken> tokens, int from, int to, bool sarcastic = false)
    {
        var matches = new List<TermMatch>();
        matcher.Find(tokens, from, to, matches);
        return Analyze(text, tokens, from, to, sarcastic, matches);
    }

    /// <summary>Every cue, negator, neutral word and sarcasm marker in tokens [from, to): match a sentence once, then
    /// analyse its clauses and parts from the same list.</summary>
    public void Match(IReadOnlyList<WordToken> tokens, int from, int to, List<TermMatch> into) => matcher.Find(tokens, from, to, into);

    /// <summary>Whether tokens [from, to) hold a word of praise or complaint (negators, neutral and mild words aside).</summary>
    public bool HasOpinionWord(IReadOnlyList<WordToken> tokens, int from, int to)
    {
        if (from >= to) return false;
        var matches = new List<TermMatch>();
        matcher.Find(tokens, from, to, matches);
        return matches.Exists(m => m.Group is PositiveGroup or NegativeGroup);
    }

    /// <summary><see cref="Analyze(string, IReadOnlyList{WordToken}, int, int, bool)"/> over the matches of a larger span
    /// (<see cref="Match"/>), keeping those inside [from, to).</summary>
    /// <param name="negationFrom">Where negators may stand (default <paramref name="from"/>): a part of a clause is still
    /// negated from the clause's start («не сказал бы, | что дорого»).</param>
    public ClauseCues Analyze(string text, IReadOnlyList<WordToken> tokens, int from, int to, bool sarcastic, List<TermMatch> matches, int? negationFrom = null)
    {
        int positive = 0, negative = 0, neutral = 0, soft = 0;
        var said = intentMatches ??= [];
        said.Clear();
        intents.Find(tokens, negationFrom ?? from, to, said);
        var wish = IsWish(said, matches, from, to);
        var elsewhere = Elsewhere(tokens, said, from, to);
        foreach (var m in matches)
        {
            if (m.FirstToken < from || m.FirstToken + m.TokenCount > to) continue;
            if (m.Group == NeutralGroup) { neutral++; continue; }
            if (m.Group is not (PositiveGroup or NegativeGroup) || IsInsideLongerCue(m, matches) || IsRepeat(m, matches) || IsIgnored(m, matches)) continue;
            // «Проблем с доставкой нет»: the «нет» that denies the cue before it is that denial, not a lack of its own.
            if (DeniesCueBefore(tokens, m, matches, from)) continue;
            // "resolved my issue", «решили проблему»: a complaint word as the object of a fix is the fix's praise (and "never
            // fixed the bug", «не решили проблему» the negation of that praise).
            var praise = m.Group == PositiveGroup || Resolved(text, tokens, m, said, negationFrom ?? from) || Redressed(text, tokens, m, said, matches, negationFrom ?? from);
            // An emoji is the writer's own verdict: "без лифта 🙏" does not negate it.
            var symbol = !char.IsLetterOrDigit(tokens[m.FirstToken].Lower[0]);
            var negatedBefore = !symbol && IsNegated(m, matches, negationFrom ?? from, legacy: false, text, tokens);
            // «сервис никакой» is a verdict; «нет никакой карты», «никаких проблем» use the same word as a negator.
            if (IsAlsoNegator(m, matches) && (negatedBefore || NegatesNext(m, matches, to))) continue;
            var negated = !symbol && (negatedBefore != IsNegatedAfter(tokens, m, to));
            var isPositive = praise != negated;
            // «У конкурентов доставка быстрее»: a verdict placed at a competitor or in the past judges the brand now the other way
            // (a phrase that holds the marker, «у конкурентов дешевле», already says which way: the marker does not lead it).
            // The marker leads the verdict it places: in "better to pay once than redo it elsewhere" it ends a comparison instead.
            if (elsewhere is { } at && at.FirstToken + at.TokenCount <= m.FirstToken) isPositive = !isPositive;
            // «большая комиссия», "fees are huge": a size said of a thing customers would rather be without is a complaint.
            if (isPositive && !negated && SizeOfUnwanted(tokens, m, matches, said)) isPositive = false;
            // A wish or a request names what is missing: "could be faster", «доставку бы побыстрее», «верните нормальные сроки».
            if (isPositive && (sarcastic || wish || InScareQuotes(text, tokens, m))) isPositive = false;
            if (isPositive) positive++; else negative++;
            if (isPositive && (negated || IsMild(m, matches))) soft++;
        }
        // A wish with no opinion word is still a mild complaint: "Staff could smile more", «Верните баллы».
        if (wish && positive + negative == 0) negative = 1;
        // A neutral word inside an opinion phrase ("not average") is not a neutral verdict.
        if (positive + negative > 0) neutral = 0;
        return new ClauseCues(new CueScore(positive, negative), neutral, soft);
    }

    /// <summary>The marker in tokens [from, to) that places a verdict at a competitor or in the past (<c>elsewhere</c> list; the
    /// <c>elsewhereOpening</c> list only where it opens the span),
    /// unless it is what the brand is compared with ("faster than elsewhere", «лучше, чем раньше»: "than" / «чем» before it).</summary>
    private static TermMatch? Elsewhere(IReadOnlyList<WordToken> tokens, List<TermMatch> said, int from, int to)
    {
        foreach (var m in said)
        {
            if (m.FirstToken < from || m.FirstToken >= to) continue;
            if (m.Group != ElsewhereGroup && !(m.Group == ElsewhereOpeningGroup && m.FirstToken == from)) continue;
            var standard = false;
            for (var i = m.FirstToken - 1; i >= from; i--)
                if (tokens[i].Lower is "than" or "чем") standard = true;
            if (!standard) return m;
        }
        return null;
    }

    /// <summary>Whether <paramref name="m"/> is a word of size (<c>sizes</c> list) next to an unwanted thing (<c>unwanted</c>
    /// list): before it ("huge fees", «огромная комиссия») or after it, a copula between ("the fees are huge", «комиссия большая»).</summary>
    private static bool SizeOfUnwanted(IReadOnlyList<WordToken> tokens, TermMatch m, List<TermMatch> matches, List<TermMatch> said)
    {
        if (!matches.Exists(x => x.Group == SizeGroup && x.FirstToken == m.FirstToken && x.TokenCount == m.TokenCount)) return false;
        var end = m.FirstToken + m.TokenCount;
        foreach (var u in said)
        {
            if (u.Group != UnwantedGroup) continue;
            if (u.FirstToken == end) return true;
            var gap = m.FirstToken - (u.FirstToken + u.TokenCount);
            if (gap == 0 || gap == 1 && tokens[m.FirstToken - 1].Lower is "is" or "are" or "was" or "were" or "была" or "был" or "были" or "было") return true;
        }
        return false;
    }

    /// <summary>Whether tokens [from, to) hold a wish or a request (<c>wish</c> list) that is not part of an opinion phrase
    /// («побольше бы таких» is praise).</summary>
    private static bool IsWish(List<TermMatch> said, List<TermMatch> matches, int from, int to)
    {
        foreach (var m in said)
        {
            if (m.Group != WishGroup || m.FirstToken < from || m.FirstToken >= to || IsInsideLongerCue(m, matches) || IsIgnored(m, matches)) continue;
            return true;
        }
        return false;
    }

    /// <summary>Whether a word of fixing (<c>resolve</c> list) stands within <see cref="NegationScope"/> words before the
    /// complaint word <paramref name="cue"/>, inside the span and with no pause between.</summary>
    private static bool Resolved(string text, IReadOnlyList<WordToken> tokens, TermMatch cue, List<TermMatch> matches, int from)
    {
        foreach (var x in matches)
        {
            if (x.Group != ResolveGroup || x.FirstToken < from || IsRussianVerb(tokens[cue.FirstToken].Lower)) continue;
            var end = x.FirstToken + x.TokenCount;
            if (end > cue.FirstToken || cue.FirstToken - end >= NegationScope) continue;
            if (!HasPause(text, tokens, end, cue.FirstToken)) return true;
        }
        return false;
    }

    /// <summary>
    /// Round 15b: whether the complaint word <paramref name="cue"/> names a fault customers would rather be without (<c>unwanted</c>
    /// list: a defect, a delay) that a refund, a compensation or a replacement granted before it in the span, with no
    /// pause between, made good: «вернули деньги за книгу с браком», «компенсировали опоздание», "refunded the defective part" praise the
    /// refund however far the fault stands from the verb. Not where a negator stands just before the refund («не вернули деньги
    /// за брак», "no refund for the delay"): that is the complaint.
    /// </summary>
    private static bool Redressed(string text, IReadOnlyList<WordToken> tokens, TermMatch cue, List<TermMatch> said, List<TermMatch> matches, int from)
    {
        if (!said.Exists(u => u.Group == UnwantedGroup && u.FirstToken == cue.FirstToken)) return false;
        foreach (var x in said)
        {
            if (x.Group != RedressGroup || x.FirstToken < from || x.FirstToken + x.TokenCount > cue.FirstToken) continue;
            if (HasPause(text, tokens, x.FirstToken + x.TokenCount, cue.FirstToken)) continue;
            if (matches.Exists(n => n.Group == NegatorGroup && n.FirstToken >= Math.Max(from, x.FirstToken - NegationScope) && n.FirstToken < x.FirstToken)) continue;
            return true;
        }
        return false;
    }

    // «на просьбу исправить закатила глаза»: what follows a fix is its object, not another verb of what happened.
    private static bool IsRussianVerb(string word) =>
        word.Length > 3 && word[0] is >= 'а' and <= 'я' && (word.EndsWith("ла", StringComparison.Ordinal) || word.EndsWith("ли", StringComparison.Ordinal)
            || word.EndsWith("ть", StringComparison.Ordinal) || word.EndsWith("ет", StringComparison.Ordinal) || word.EndsWith("ют", StringComparison.Ordinal));

    /// <summary>Whether the factor's word at token <paramref name="at"/> names something customers would rather be without
    /// (<c>unwanted</c> list: a queue, a fee, paperwork), so that its absence is praise.</summary>
    public bool IsUnwanted(IReadOnlyList<WordToken> tokens, int at)
    {
        var found = new List<TermMatch>();
        intents.Find(tokens, at, Math.Min(tokens.Count, at + 3), found);
        foreach (var m in found)
        {
            if (m.Group == UnwantedGroup && m.FirstToken == at) return true;
        }
        return false;
    }

    /// <summary>The same words matched twice by one list ("friendly" as a stem and as "=friendly") count once.</summary>
    private static bool IsRepeat(TermMatch m, List<TermMatch> matches)
    {
        foreach (var x in matches)
        {
            if (x == m) return false;
            if (x.Group == m.Group && x.FirstToken == m.FirstToken && x.TokenCount == m.TokenCount) return true;
        }
        return false;
    }

    /// <summary>A cue inside a phrase that passes no verdict («в первую очередь», "first of all").</summary>
    private static bool IsIgnored(TermMatch m, List<TermMatch> matches)
    {
        foreach (var x in matches)
        {
            if (x.Group == IgnoreGroup && x.FirstToken <= m.FirstToken && x.FirstToken + x.TokenCount >= m.FirstToken + m.TokenCount) return true;
        }
        return false;
    }

    // «очереди не было», «претензий к нему нет», «поломок — ноль»: Russian puts the denial after what it denies.
    private static readonly HashSet<string> PostNegators = new(StringComparer.Ordinal) { "нет", "нету", "никакой", "никакого", "никаких", "ноль" };

    /// <summary>Whether a denial follows the cue within two words of its span, with no turn between.</summary>
    private static bool IsNegatedAfter(IReadOnlyList<WordToken> tokens, TermMatch m, int to)
    {
        var end = m.FirstToken + m.TokenCount;
        for (var i = end; i < Math.Min(to, end + 3); i++)
        {
            var word = tokens[i].Lower;
            if (word is "а" or "но" or "зато" or "и") return false;
            // «нет» after an adverb is what it says of something else: «нужного вечно нет», «опять долго нет ответа».
            if (PostNegators.Contains(word)) return !IsAdverb(tokens[end - 1].Lower);
            if (word == "не" && i + 1 < to && tokens[i + 1].Lower is "было" or "бывает" or "будет") return true;
        }
        return false;
    }

    // A Russian word that ends like an adverb (вечно, долго, плохо, медленно, позже) is not a noun a following «нет» denies.
    private static bool IsAdverb(string word) => word.Length > 2 && word[^1] is 'о' or 'е' && word[0] is >= 'а' and <= 'я';

    /// <summary>Whether <paramref name="m"/> is a one-word post-negator («нет») that <see cref="IsNegatedAfter"/> already
    /// spends on an opinion cue before it in the clause.</summary>
    private static bool DeniesCueBefore(IReadOnlyList<WordToken> tokens, TermMatch m, List<TermMatch> matches, int from)
    {
        if (m.TokenCount != 1 || !PostNegators.Contains(tokens[m.FirstToken].Lower)) return false;
        foreach (var x in matches)
        {
            if (x == m || x.Group is not (PositiveGroup or NegativeGroup) || x.FirstToken < from) continue;
            var end = x.FirstToken + x.TokenCount;
            if (end > m.FirstToken || m.FirstToken - end >= 3) continue;
            if (IsNegatedAfter(tokens, x, m.FirstToken + 1)) return true;
        }
        return false;
    }

    private static bool IsMild(TermMatch m, List<TermMatch> matches)
    {
        foreach (var x in matches)
        {
            if (x.Group == MildGroup && x.FirstToken == m.FirstToken) return true;
        }
        return false;
    }

    /// <summary>Whether an opinion cue (positive or negative) of <paramref name="matches"/> lies within
    /// <paramref name="distance"/> words of tokens [first, end), inside [from, to).</summary>
    /// <summary>Whether <paramref name="m"/>, one of <paramref name="matches"/>, is an opinion cue (positive or negative, not inside a
    /// phrase that passes no verdict).</summary>
    /// <summary>Whether a cue is a word of a neutral verdict ("average", "decent", «обычно»): a verdict, though neither way.</summary>
    public static bool IsNeutralVerdict(TermMatch m) => m.Group == NeutralGroup;

    public static bool IsOpinion(TermMatch m, List<TermMatch> matches) => m.Group is PositiveGroup or NegativeGroup && !IsIgnored(m, matches);

    public static bool HasCueNear(List<TermMatch> matches, int from, int to, int first, int end, int distance)
    {
        foreach (var m in matches)
        {
            if (m.Group is not (PositiveGroup or NegativeGroup) || m.FirstToken < from || m.FirstToken + m.TokenCount > to || IsIgnored(m, matches)) continue;
            if (m.FirstToken + m.TokenCount > first - distance && m.FirstToken < end + distance) return true;
        }
        return false;
    }

    /// <summary>Whether tokens [from, to) carry a sarcasm marker ("ну-ну", "yeah right", 🙃) that turns praise into complaint.</summary>
    public bool HasSarcasm(IReadOnlyList<WordToken> tokens, int from, int to)
    {
        var matches = new List<TermMatch>();
        matcher.Find(tokens, from, to, matches);
        return HasSarcasm(matches);
    }

    /// <summary>The first token of the first sarcasm marker among <paramref name="matches"/>; −1 without one.</summary>
    public static int FirstSarcasm(List<TermMatch> matches)
    {
        var first = -1;
        foreach (var m in matches)
            if (m.Group == SarcasmGroup && (first < 0 || m.FirstToken < first)) first = m.FirstToken;
        return first;
    }

    /// <summary>Whether a rhetorical question's opener ("who says", «кто сказал, что») stands at token <paramref name="first"/>.</summary>
    public static bool OpensRhetorically(List<TermMatch> matches, int first)
    {
        foreach (var m in matches)
        {
            if (m.Group == RhetoricalGroup && m.FirstToken == first) return true;
        }
        return false;
    }

    public static bool HasSarcasm(List<TermMatch> matches)
    {
        foreach (var m in matches)
        {
            if (m.Group == SarcasmGroup) return true;
        }
        return false;
    }

    private static bool InScareQuotes(string text, IReadOnlyList<WordToken> tokens, TermMatch m)
    {
        var start = tokens[m.FirstToken].Start;
        var end = tokens[m.FirstToken + m.TokenCount - 1].End;
        return start > 0 && end < text.Length && IsQuote(text[start - 1]) && IsQuote(text[end]);

        static bool IsQuote(char c) => c is '"' or '«' or '»' or '“' or '”' or '„';
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

    /// <param name="legacy">As the sentiment model's cue features were computed when it was trained: a negator inside a
    /// longer one («вовсе не») counts as a second negation. <see cref="Find"/> keeps that; <see cref="Analyze"/> does not.</param>
    /// <param name="text">With <paramref name="tokens"/>: a negator does not reach across a comma, dash, colon or quote
    /// ("no fuss, great service"; «карты не принимают — «терминал сломался»»). Russian negative concord («не было никаких
    /// проблем») is one negation, not two: outside <paramref name="legacy"/>, any negator in scope negates.</param>
    private static bool IsNegated(TermMatch cue, List<TermMatch> matches, int clauseStart, bool legacy, string? text = null, IReadOnlyList<WordToken>? tokens = null)
    {
        var negated = false;
        foreach (var other in matches)
        {
            // "Who says the app is bad?": a rhetorical opener denies its clause to the end, only where it opens the clause.
            if (other.Group == RhetoricalGroup && !legacy && other.FirstToken == clauseStart && other.FirstToken + other.TokenCount <= cue.FirstToken) return true;
            if (other.Group != NegatorGroup) continue;
            // "не" inside «не сказал бы, что» is part of that longer negator, not a second one.
            if (!legacy && IsInsideLongerNegator(other, matches)) continue;
            var end = other.FirstToken + other.TokenCount;
            if (other.FirstToken < clauseStart || end > cue.FirstToken) continue;
            // "I wouldn't say the food was bad": a denied statement negates the clause it introduces, to its end.
            var hedge = !legacy && IsHedge(other, matches);
            if (!hedge && cue.FirstToken - end >= NegationScope && (legacy || tokens is null || Distance(tokens, end, cue.FirstToken) >= NegationScope)) continue;
            // "не только", "not only", "no doubt": the negator does not negate what follows.
            if (matches.Any(b => b.Group == BlockerGroup && b.FirstToken == end)) continue;
            if (!hedge && text is not null && tokens is not null && HasPause(text, tokens, end, cue.FirstToken)) continue;
            if (!legacy && tokens is not null && EndsAtAnd(other, cue, matches, tokens)) continue;
            // «не было никаких скидок», «нет никакой карты»: a cue that opens with its own negator is negated once, by itself.
            if (!legacy && StartsWithNegator(cue, matches)) continue;
            if (!legacy) return true;
            negated = !negated;
        }
        return negated;
    }

    /// <summary>Whether <paramref name="negator"/> is (part of) a denied statement ("wouldn't say", «не могу сказать, что»).</summary>
    private static bool IsHedge(TermMatch negator, List<TermMatch> matches)
    {
        var end = negator.FirstToken + negator.TokenCount;
        foreach (var x in matches)
        {
            if (x.Group == HedgeGroup && x.FirstToken < end && negator.FirstToken < x.FirstToken + x.TokenCount) return true;
        }
        return false;
    }

    // Negators of things: their negation carries over a list of nouns («без очередей и грубости», "no fees and no hassle").
    private static readonly HashSet<string> ThingNegators = new(StringComparer.Ordinal)
    {
        "no", "without", "zero", "lack", "lacks", "lacked", "nothing", "none", "nobody", "neither", "nor",
        "нет", "нету", "без", "ни", "никаких", "никакого", "никакой", "никакая", "никакие", "ноль",
    };

    /// <summary>
    /// «Не дорого и вкусно», "not bad and cheap": a negator of a judgement that has already judged a word stops at the
    /// "and" after it — the second word is said plainly (it read "not tasty" before). "Or" carries the negation on ("not
    /// friendly or helpful"), and so does a negator of things («без очередей и грубости»).
    /// </summary>
    private static bool EndsAtAnd(TermMatch negator, TermMatch cue, List<TermMatch> matches, IReadOnlyList<WordToken> tokens)
    {
        if (negator.TokenCount == 1 && ThingNegators.Contains(tokens[negator.FirstToken].Lower)) return false;
        var end = negator.FirstToken + negator.TokenCount;
        for (var and = end + 1; and < cue.FirstToken; and++)
        {
            if (tokens[and].Lower is not ("и" or "а" or "and" or "but")) continue;
            foreach (var m in matches)
                if (m.Group is PositiveGroup or NegativeGroup && m.FirstToken >= end && m.FirstToken + m.TokenCount <= and) return true;
        }
        return false;
    }

    // "Never had a single problem", «ни разу не было ни одной проблемы»: words that only stress the denial do not use up its scope.
    private static readonly HashSet<string> Stress = new(StringComparer.Ordinal)
    {
        "a", "an", "any", "single", "one", "ever", "ни", "одной", "одного", "единой", "единого", "разу",
    };

    /// <summary>How many words between tokens <paramref name="from"/> and <paramref name="to"/> count towards a negation's scope:
    /// the stressing words just before the cue ("a single", «ни одной») do not.</summary>
    private static int Distance(IReadOnlyList<WordToken> tokens, int from, int to)
    {
        var words = to - from;
        for (var i = from; i < to; i++)
            if (tokens[i].Lower is "and" or "or" or "и" or "или" or "а") return words; // "zero fees and a clean app": a new phrase
        for (var i = to - 1; i >= from && Stress.Contains(tokens[i].Lower); i--) words--;
        return words;
    }

    /// <summary>Whether the text between the end of token <paramref name="end"/> − 1 and token <paramref name="next"/> holds a pause.</summary>
    private static bool HasPause(string text, IReadOnlyList<WordToken> tokens, int end, int next)
    {
        if (end <= 0 || next >= tokens.Count || end > next) return false;
        foreach (var ch in text.AsSpan(tokens[end - 1].End, tokens[next].Start - tokens[end - 1].End))
        {
            if (ch is ',' or ';' or ':' or '—' or '–' or '«' or '»' or '"' or '“' or '”' or '(' or ')') return true;
        }
        return false;
    }

    private static bool StartsWithNegator(TermMatch cue, List<TermMatch> matches)
    {
        foreach (var x in matches)
        {
            if (x.Group == NegatorGroup && x.FirstToken == cue.FirstToken && x.TokenCount <= cue.TokenCount) return true;
        }
        return false;
    }

    private static bool IsAlsoNegator(TermMatch m, List<TermMatch> matches)
    {
        foreach (var x in matches)
        {
            if (x.Group == NegatorGroup && x.FirstToken == m.FirstToken && x.TokenCount == m.TokenCount) return true;
        }
        return false;
    }

    /// <summary>Whether another opinion cue starts within <see cref="NegationScope"/> words after <paramref name="m"/>, before <paramref name="to"/>.</summary>
    private static bool NegatesNext(TermMatch m, List<TermMatch> matches, int to)
    {
        var end = m.FirstToken + m.TokenCount;
        foreach (var x in matches)
        {
            if (x.Group is not (PositiveGroup or NegativeGroup) || x.FirstToken < end || x.FirstToken >= to) continue;
            if (x.FirstToken - end < NegationScope) return true;
        }
        return false;
    }

    private static bool IsInsideLongerNegator(TermMatch m, List<TermMatch> matches)
    {
        foreach (var other in matches)
        {
            if (other.Group != NegatorGroup || other.TokenCount <= m.TokenCount) continue;
            if (other.FirstToken <= m.FirstToken && other.FirstToken + other.TokenCount >= m.FirstToken + m.TokenCount) return true;
        }
        return false;
    }

    private static SentimentCues Load()
    {
        using var stream = typeof(SentimentCues).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"resource {Resource} is missing");
        using var document = JsonDocument.Parse(stream, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        IEnumerable<string> All(string name) => !document.RootElement.TryGetProperty(name, out var lists) ? [] : lists.EnumerateObject()
            .SelectMany(language => language.Value.EnumerateArray().Select(t => t.GetString() ?? ""))
            .ToList();
        return new SentimentCues(All("positive"), All("negative"), All("negators"), All("blockers"), All("neutral"), All("sarcasm"), All("mild"), All("ignore"),
            All("wish"), All("resolve"), All("unwanted"), All("hedges"), All("elsewhere"), All("sizes"), All("elsewhereOpening"), All("rhetorical"), All("redress"));
    }
}
