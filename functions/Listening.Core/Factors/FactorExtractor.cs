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
    private readonly bool[] clauseScope;
    private readonly int[][] judgedYields;
    private readonly int[] availability;
    private readonly (int Host, int Target, bool ClauseOnly)[] qualified;
    // Conveyance (see Conveyance): its factor (delivery), the factor of a service's arrival (waiting time), and matchers for
    // the goods that make a text a delivery's and the persons that make a ride of a word of bringing.
    private readonly int conveyFactor = -1;
    private readonly int arrivalFactor = -1;
    private readonly TermMatcher? goodsMatcher;
    private readonly TermMatcher? personsMatcher;
    // The unnamed-verdict rule (see UnnamedVerdict): its factor and a matcher for the words that are no thing sold.
    private readonly int unnamedFactor = -1;
    private readonly TermMatcher? notThings;
    [ThreadStatic] private static List<TermMatch>? notThingFound;
    [ThreadStatic] private static List<TermMatch>? stateFound;
    // Round 10: words of a thing's condition (UnnamedVerdict.States), a verdict on the unnamed factor's things; null without any.
    private readonly TermMatcher? states;
    // Taking terms (see Factor.TakingTerms), one group per factor, and takenBy[f] = the factors whose taking terms take f's words over.
    private readonly TermMatcher? takingMatcher;
    private readonly int[][] takenBy;
    [ThreadStatic] private static List<TermMatch>? takingFound;

    public FactorExtractor(FactorTaxonomy taxonomy, ISentimentScorer? clauseScorer = null, SentimentCues? cues = null)
    {
        Taxonomy = taxonomy;
        this.clauseScorer = clauseScorer;
        this.cues = cues ?? SentimentCues.Default;
        factorCount = taxonomy.Factors.Count;
        // Groups 0..n-1: each factor's terms; n..2n-1: its weak terms; 2n..3n-1: its judged terms; 3n: phrases that
        // name nothing; 3n+1: qualifiers (speed, time) that count for the factor they describe.
        var groups = taxonomy.Factors.Select(f => f.Terms.Values.SelectMany(terms => terms))
            .Concat(taxonomy.Factors.Select(f => f.WeakTerms.Values.SelectMany(terms => terms)))
            .Concat(taxonomy.Factors.Select(f => f.JudgedTerms.Values.SelectMany(terms => terms)))
            .Append(taxonomy.Ignore.Values.SelectMany(terms => terms))
            .Append(taxonomy.Qualifiers.Values.SelectMany(terms => terms))
            // 3n+2..4n+1: each factor's hosted words on their own (a verdict of a sentence that names nothing else).
            .Concat(taxonomy.Factors.Select(f => f.HostedAlone ? f.HostedTerms.Values.SelectMany(terms => terms) : []))
            // 4n+2: words of bringing (carriers), 4n+3: words of a service arriving — resolved by sense before anything else.
            .Append(taxonomy.Conveyance?.Carriers.Values.SelectMany(terms => terms) ?? [])
            .Append(taxonomy.Conveyance?.Arrivals.Values.SelectMany(terms => terms) ?? [])
            .ToList();
        // "staff>waiting_time": a qualifier on staff counts for waiting time, and only when staff is named in its clause.
        var ids = taxonomy.Factors.Select(f => f.Id).ToList();
        if (taxonomy.Conveyance is { } conveyance)
        {
            conveyFactor = conveyance.Factor is { } by ? ids.IndexOf(by) : -1;
            arrivalFactor = conveyance.ArrivalFactor is { } arrival ? ids.IndexOf(arrival) : -1;
            var own = conveyFactor >= 0 ? taxonomy.Factors[conveyFactor].Terms.Values.Concat(taxonomy.Factors[conveyFactor].WeakTerms.Values).SelectMany(t => t) : [];
            // Group 0: goods (or the delivery's own terms), group 1: vehicles.
            goodsMatcher = new TermMatcher([conveyance.Goods.Values.SelectMany(t => t).Concat(own), conveyance.Vehicles.Values.SelectMany(t => t)]);
            personsMatcher = new TermMatcher([conveyance.Persons.Values.SelectMany(t => t)]);
        }
        if (taxonomy.Unnamed is { Factor: { } unnamedId } unnamed && ids.IndexOf(unnamedId) is var u and >= 0)
        {
            unnamedFactor = u;
            notThings = new TermMatcher([unnamed.NotThings.Values.SelectMany(t => t)]);
            if (unnamed.States.Values.Any(t => t.Count > 0)) states = new TermMatcher([unnamed.States.Values.SelectMany(t => t)]);
        }
        qualified = taxonomy.QualifiedFactors
            .Select(d => d.Split('>', 2, StringSplitOptions.TrimEntries))
            .Select(parts => (Host: ids.IndexOf(parts[0]), Target: ids.IndexOf(parts[^1]), ClauseOnly: parts.Length == 2))
            .Where(q => q.Host >= 0 && q.Target >= 0)
            .ToArray();
        matcher = new TermMatcher(groups);
        clauseScope = taxonomy.Factors.Select(f => f.WeakScope == "clause").ToArray();
        judgedYields = taxonomy.Factors
            .Select(f => f.JudgedYieldsTo.Select(id => taxonomy.Factors.ToList().FindIndex(x => x.Id == id)).Where(i => i >= 0).ToArray())
            .ToArray();
        availability = taxonomy.Factors.Select(f => f.Availability is { } id ? ids.IndexOf(id) : -1).ToArray();
        yields = taxonomy.Factors
            .Select(f => f.WeakYieldsTo.Select(id => taxonomy.Factors.ToList().FindIndex(x => x.Id == id)).Where(i => i >= 0).ToArray())
            .ToArray();
        takenBy = taxonomy.Factors
            .Select(f => Enumerable.Range(0, factorCount).Where(g => taxonomy.Factors[g].Takes.Contains(f.Id) && taxonomy.Factors[g].TakingTerms.Count > 0).ToArray())
            .ToArray();
        if (takenBy.Any(t => t.Length > 0)) takingMatcher = new TermMatcher(taxonomy.Factors.Select(f => f.TakingTerms.Values.SelectMany(t => t)).ToList());
    }

    public FactorTaxonomy Taxonomy { get; }

    /// <summary>Scores of |score| at or below this are neutral.</summary>
    public float NeutralBand { get; init; } = 0.05f;


    /// <summary>
    /// Languages in which every comma also ends a clause. Russian punctuation puts a comma at each clause
    /// boundary ("еда вкусная, официант грубый"); English commas mostly list things, and splitting on them
    /// measured slightly worse on the English train splits.
    /// </summary>
    public IReadOnlySet<string> CommaLanguages { get; init; } = new HashSet<string> { LanguageDetector.Russian };

    public IReadOnlyList<FactorMention> Extract(string text) => Extract(text, null);

    /// <summary>Words at most this far from a judged term for an opinion word to judge it ("fresh fish", "the milk was sour").</summary>
    public int JudgedDistance { get; init; } = 4;

    /// <summary>A sentence of at most this many words with an opinion and no factor ("Impressive.", «Позор.») judges the factors of the sentence before.</summary>
    public int FollowUpWords { get; init; } = 5;

    /// <param name="rating">The item's star rating (1–5), if it has one: the tie-break for clauses that say nothing either way.</param>
    public IReadOnlyList<FactorMention> Extract(string text, int? rating) => Extract(text, rating, null);

    /// <param name="rating">The item's star rating (1–5), if it has one.</param>
    /// <param name="nps">The item's "would you recommend" answer (0–10), if it has one.</param>
    /// <remarks>The item's own verdict — its rating, else its NPS answer, else the opinion words of the whole text — is the
    /// prior for a clause that has no opinion word of its own: the model alone is unreliable on short factual clauses
    /// ("Заказ пришёл на следующий день", "Оплата по СБП в один клик").</remarks>
    public IReadOnlyList<FactorMention> Extract(string text, int? rating, int? nps)
    {
        var tokens = WordTokenizer.Tokenize(text, symbols: true);
        if (tokens.Count == 0) return [];
        var clauses = ClauseSplitter.Split(text, tokens, CommaLanguages.Contains(LanguageDetector.Detect(text)), keepSubordinate: true);
        var mentions = new List<FactorMention>();
        var matches = new List<TermMatch>();
        var context = new TextContext(text, tokens, clauses, rating, nps) { Sarcastic = HasSarcasticRemark(tokens, clauses) || OpensIronically(text) };
        int previousFrom = 0, previousCount = 0;
        for (var first = 0; first < clauses.Count;)
        {
            var end = first + 1;
            while (end < clauses.Count && clauses[end].Sentence == clauses[first].Sentence) end++;
            var before = mentions.Count;
            Sentence(context, first, end, matches, mentions);
            context.PreviousNamed = mentions.Count > before;
            if (mentions.Count > before)
            {
                // A remark in the next sentence is about the last clause that named a factor — the one after the turn in
                // "Long queue at the till, but they take every card. Small thing, but it helps."
                previousFrom = before;
                while (previousFrom < mentions.Count - 1 && mentions[previousFrom].Start < context.LastClauseStart) previousFrom++;
                previousCount = mentions.Count - previousFrom;
            }
            else if (previousCount > 0 && clauses[end - 1].EndToken - clauses[first].FirstToken <= FollowUpWords)
            {
                // "Never had an order take more than 15 minutes. Impressive." — the short verdict is about the sentence before.
                var verdict = cues.Analyze(text, tokens, clauses[first].FirstToken, clauses[end - 1].EndToken,
                    cues.HasSarcasm(tokens, clauses[first].FirstToken, clauses[end - 1].EndToken)).Score;
                if (!verdict.IsEmpty)
                {
                    var said = Remark(context, verdict);
                    for (var i = previousFrom; i < previousFrom + previousCount; i++)
                    {
                        var score = Math.Clamp(mentions[i].Score + said, -1f, 1f);
                        mentions[i] = mentions[i] with { Score = score, Label = Label(score) };
                    }
                    previousCount = 0;
                }
                // "Refund within 10 days. Day 16. Still nothing." — a short sentence that says nothing either way keeps
                // the chain: the verdict after it is still about the sentence before.
            }
            else previousCount = 0;
            first = end;
        }
        return mentions;
    }

    /// <summary>
    /// Whether a sentence of at most <see cref="FollowUpWords"/> words carries a sarcasm marker: "The assistant swore the
    /// vacuum was the best. It died in a month. Thanks for nothing." — the remark is about what the text said before it.
    /// </summary>
    private bool HasSarcasticRemark(List<WordToken> tokens, List<Clause> clauses)
    {
        for (var first = 0; first < clauses.Count;)
        {
            var end = first + 1;
            while (end < clauses.Count && clauses[end].Sentence == clauses[first].Sentence) end++;
            var from = clauses[first].FirstToken;
            var to = clauses[end - 1].EndToken;
            if (to - from <= FollowUpWords && cues.HasSarcasm(tokens, from, to)) return true;
            first = end;
        }
        return false;
    }

    /// <summary>
    /// Praise that opens a complaint — "Fantastic, the courier left my parcel in the rain again", «Отличный сервис, третий
    /// день жду курьера» — by the document scorer's markers (<see cref="SarcasmMarkers"/>), confirmed as the document scorer
    /// confirms them: the model reads the rest of the text, without the opener, as a complaint (one model call, only for the
    /// few texts with the markers); and the opener stands alone, praising nothing it names ("Great TV, terrible delivery:
    /// three days late" is a mixed review). Without it the opener's praise made the clause's factor a strength.
    /// </summary>
    private bool OpensIronically(string text) =>
        SarcasmMarkers.Candidate(text) && SarcasmMarkers.OpenerStandsAlone(text) && clauseScorer is not null
        && clauseScorer.Score(SarcasmMarkers.Remainder(text)).Score < 0;

    /// <summary>What the clauses of one text share while they are scored.</summary>
    private sealed class TextContext(string text, List<WordToken> tokens, List<Clause> clauses, int? rating, int? nps)
    {
        public int? Nps { get; } = nps;
        public string Text { get; } = text;
        public List<WordToken> Tokens { get; } = tokens;
        public List<Clause> Clauses { get; } = clauses;
        public int? Rating { get; } = rating;
        public CueScore? Document; // computed once, only if some clause needs it
        public int LastClauseStart; // where the last clause with mentions begins (characters)
        public bool Sarcastic { get; init; } // a short sarcastic sentence ("Thanks for nothing.") turns the whole text's praise round
        public List<TermMatch> CueMatches { get; } = [];
        public bool PreviousNamed; // whether the sentence before named a factor (a hosted word alone then remarks on it)
        public bool? Goods; // whether the text names goods brought (see Conveyance); computed once, only if a word of bringing needs it
        public bool Vehicle; // whether the text names a car, a cab or a driver (read with Goods)
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
        if (matches.Count == 0)
        {
            // «Курс огонь.», "Weak course.": a sentence that names no factor may still be a verdict on the thing sold.
            if (unnamedFactor < 0 || !HasShortClause(clauses, first, end) || IsQuestion(context.Text, tokens, sentenceEnd)) return;
            context.CueMatches.Clear();
            cues.Match(tokens, sentenceFirst, sentenceEnd, context.CueMatches);
            var sarcasm = context.Sarcastic || SentimentCues.HasSarcasm(context.CueMatches);
            for (var c = first; c < end; c++)
            {
                if (!IsUnnamedVerdict(context, clauses[c], context.CueMatches, matches, out var from)) continue;
                var (label, score, _) = Polarity(context, from, clauses[c].EndToken, sarcasm, sentenceFirst, sentenceEnd, null);
                mentions.Add(new FactorMention(Taxonomy.Factors[unnamedFactor].Id, label, score, clauses[c].Start, clauses[c].Length));
                context.LastClauseStart = clauses[c].Start;
            }
            return;
        }
        ResolveConveyance(context, first, end, matches);
        if (matches.Count == 0) return;
        if (HostedAlone(context, first, end, matches, mentions)) return;

        // Factors named anywhere in the sentence take weak terms over: by their own terms, or by weak terms that do not
        // in turn yield to the factor asking («ждать заказ три часа»: the order's wait is the delivery's).
        var named = new List<int>();
        var weakNamed = new List<int>();
        foreach (var m in matches)
        {
            if (m.Group >= 2 * factorCount || IsInsideLongerMatch(m, matches)) continue;
            var list = m.Group < factorCount ? named : weakNamed;
            if (!list.Contains(m.Group % factorCount)) list.Add(m.Group % factorCount);
        }
        var namedInClause = new List<int>();
        var objectsInClause = new List<int>(); // factors whose judged terms (products, rooms) the clause names
        var hostsInClause = new List<int>(); // factors named in the clause by any kind of term: what a qualifier may describe
        var question = IsQuestion(context.Text, tokens, sentenceEnd) || InformationRequest.AsksForHelp(tokens, sentenceFirst, sentenceEnd);
        // The opinion words of the whole sentence, matched once; clauses and their parts read them from this list.
        var said = context.CueMatches;
        said.Clear();
        cues.Match(tokens, sentenceFirst, sentenceEnd, said);
        var sentenceSarcastic = context.Sarcastic || SentimentCues.HasSarcasm(said);

        var found = new List<(int Factor, int Token)>(4);
        var described = new List<int>(2); // factors found (so far) only by a speed or time word that describes them
        var counted = new List<(int Factor, Availability Stock)>(2); // factors found through a missing or counted product
        var sentenceMentions = mentions.Count;
        var lastFrom = int.MaxValue; // where the mentions of the last clause with factors begin
        var lastOwn = 0f; // the opinion words of that clause (their score; 0 when it had none)
        for (var c = first; c < end; c++)
        {
            var clause = clauses[c];
            // «Вкусно, но весь вечер в ожидании 🙄»: a marker after a turn is said of that side only (SarcasmScope).
            var sarcastic = sentenceSarcastic && (context.Sarcastic || SarcasmScope.Reaches(tokens, clauses, c, end, said));
            found.Clear();
            described.Clear();
            counted.Clear();
            namedInClause.Clear();
            objectsInClause.Clear();
            hostsInClause.Clear();
            foreach (var m in matches)
            {
                if (m.Group >= 3 * factorCount || m.FirstToken < clause.FirstToken || m.FirstToken >= clause.EndToken || IsInsideLongerMatch(m, matches)) continue;
                if (m.Group < factorCount) namedInClause.Add(m.Group);
                else if (m.Group >= 2 * factorCount) objectsInClause.Add(m.Group - 2 * factorCount);
                hostsInClause.Add(m.Group % factorCount);
            }
            foreach (var m in matches)
            {
                if (m.FirstToken < clause.FirstToken || m.FirstToken >= clause.EndToken) continue;
                if (m.Group == 3 * factorCount || m.Group >= 3 * factorCount + 2 || IsInsideLongerMatch(m, matches)) continue;
                if (m.Group == 3 * factorCount + 1)
                {
                    // "the assistant spent 40 minutes helping me", «консультант потратил на нас полчаса»: time given, not a wait.
                    if (IsTimeSpent(tokens, clause, m)) continue;
                    var host = Array.FindIndex(qualified, q => hostsInClause.Contains(q.Host)) is var k and >= 0 ? qualified[k].Target
                        : Array.FindIndex(qualified, q => !q.ClauseOnly && named.Contains(q.Host)) is var l and >= 0 ? qualified[l].Target
                        : -1;
                    if (host >= 0 && !found.Exists(f => f.Factor == host)) { found.Add((host, m.FirstToken)); described.Add(host); }
                    continue;
                }
                var factor = m.Group % factorCount;
                var kind = m.Group / factorCount; // 0 term, 1 weak term, 2 judged term
                if (kind == 1)
                {
                    // "Курьер приехал через 40 минут": the minutes are the delivery's; "Late again. 80 minutes past the
                    // slot" — a sentence about the delivery elsewhere drops them.
                    // «Платье красивое»: an adjective said of a product is the product's, not the room's.
                    // «воняет краской на весь зал»: a clause that names the factor's own place keeps the word.
                    var over = objectsInClause.Contains(factor) ? -1 : Array.FindIndex(yields[factor], f => namedInClause.Contains(f) || objectsInClause.Contains(f));
                    if (over >= 0) factor = yields[factor][over];
                    else if (!clauseScope[factor] && TakenOver(factor, named, weakNamed)) continue;
                }
                // "helped me choose a mixer", «посоветовал хорошее средство», «на вопрос о побочках», «какой корм лучше»: a product
                // advised on or asked about is the advice's or the question's topic, not a product judged.
                if ((kind == 2 || availability[factor] >= 0) && IsTopicOfAdviceOrQuestion(tokens, clause, m)) continue;
                if (kind == 2)
                {
                    // A word that is another factor's own term is that factor's («wifi» of an airline pack's flight experience,
                    // a telecom pack's «интернет»): the judged object would count the same words twice.
                    if (IsOtherFactorsTerm(m, matches)) continue;
                    // A product named next to another factor's term is that factor's object: "a great range of
                    // international foods", «возврат за испорченный йогурт» judge the range and the refund.
                    if (NamedInPart(context, clause, m, matches, judgedYields[factor])) continue;
                    // "no fresh fish", «лекарства нет», «много фермерских продуктов»: what is missing or counted is the range's.
                    var stock = AvailabilityOf(tokens, clause, m, matches);
                    if (stock != Availability.None)
                    {
                        if (stock == Availability.Without || availability[factor] < 0) continue;
                        factor = availability[factor];
                        if (!found.Exists(f => f.Factor == factor)) counted.Add((factor, stock));
                    }
                    else if (!HasOwnCue(said, clause, m, matches) && !(Taxonomy.Factors[factor].JudgedAsSubject && IsSubject(tokens, clause, m))
                             && !(factor == unnamedFactor && HasState(tokens, clause, m, matches))) continue;
                }
                // «Списали 24 тысячи за царапину», "they billed me 6,000 for towing": a sum taken is the payment's, not a price.
                if (takenBy[factor].Length > 0 && IsTaken(tokens, clause, factor, matches)) continue;
                if (found.FindIndex(f => f.Factor == factor) is var known and >= 0)
                {
                    // "Fast card delivery, awful support": a factor found first by a speed word is judged where its own word stands.
                    if (described.Remove(factor)) found[known] = (factor, m.FirstToken);
                    continue;
                }
                found.Add((factor, m.FirstToken));
            }
            if (unnamedFactor >= 0 && !question && !HasFactor(found, unnamedFactor))
            {
                // «Промокод хороший, курс слабый»: the second clause is a verdict on a thing of its own, not a remark on the first;
                // "Good content, steep price": so is a part of an English clause between commas.
                if (found.Count == 0 && IsUnnamedVerdict(context, clause, said, matches, out var thingFrom)) found.Add((unnamedFactor, thingFrom));
                else
                {
                    for (int a = clause.FirstToken, b = a + 1; b <= clause.EndToken; b++)
                    {
                        if (b < clause.EndToken && !IsSegmentBreak(context.Text, tokens, b)) continue;
                        if ((a > clause.FirstToken || b < clause.EndToken) && b - a >= 2 && b - a <= 5
                            && IsUnnamedVerdict(context, new Clause(tokens[a].Start, tokens[b - 1].End - tokens[a].Start, a, b - a, clause.Sentence), said, matches, out var partFrom))
                        {
                            found.Add((unnamedFactor, partFrom));
                            break;
                        }
                        a = b;
                    }
                }
            }
            if (found.Count == 0)
            {
                // «Цены такие же, как в магазине, это плюс»: a short verdict with no factor of its own is about the clause before.
                // Not after a turn: «Дорого, зато всегда вовремя» says the opposite of the clause before.
                if (lastFrom < mentions.Count && clause.TokenCount <= FollowUpWords && !ClauseSplitter.IsContrast(tokens[clause.FirstToken].Lower))
                {
                    var verdict = cues.Analyze(context.Text, tokens, clause.FirstToken, clause.EndToken, sarcastic, said).Score;
                    // «Приложение ужасное, старое было лучше»: a short comparison after a clause that judged its factor in its
                    // own words is about something else (the old app), not a verdict that overrules the clause.
                    if (!verdict.IsEmpty && !(lastOwn * verdict.Score < 0 && HasComparative(tokens, clause)))
                    {
                        for (var i = lastFrom; i < mentions.Count; i++)
                        {
                            var adjusted = Math.Clamp(mentions[i].Score + verdict.Score, -1f, 1f);
                            mentions[i] = mentions[i] with { Score = adjusted, Label = Label(adjusted) };
                        }
                    }
                }
                continue;
            }
            lastFrom = mentions.Count;
            lastOwn = 0f;
            context.LastClauseStart = clause.Start;
            (SentimentLabel Label, float Score, ClauseCues Cues)? clauseSentiment = null;
            foreach (var (factor, token) in found)
            {
                // In a list ("decent prices, good quality, the app is slow") each factor takes its own part of the clause.
                var (segmentFirst, segmentEnd) = Segment(context.Text, tokens, clause, token);
                (SentimentLabel Label, float Score, ClauseCues Cues)? sentiment = null;
                if (segmentFirst > clause.FirstToken || segmentEnd < clause.EndToken)
                {
                    var segmentCues = cues.Analyze(context.Text, tokens, segmentFirst, segmentEnd, sarcastic, said, clause.FirstToken);
                    if (!segmentCues.Score.IsEmpty || segmentCues.Neutral > 0)
                        sentiment = Polarity(context, segmentFirst, segmentEnd, sarcastic, sentenceFirst, sentenceEnd, segmentCues);
                }
                var (label, score, verdictCues) = sentiment ?? (clauseSentiment ??= Polarity(context, clause.FirstToken, clause.EndToken, sarcastic, sentenceFirst, sentenceEnd, null));
                if (!verdictCues.Score.IsEmpty) lastOwn = verdictCues.Score.Score;
                // "No parking at all", «без очереди»: with no opinion word, the factor's own word said to be absent judges it.
                else if (verdictCues.Neutral == 0 && !described.Contains(factor) && FactorAbsence.Of(cues, tokens, clause.FirstToken, clause.EndToken, token) is var absent and not 0)
                    (label, score) = absent > 0 ? (SentimentLabel.Positive, 0.5f) : (SentimentLabel.Negative, -0.5f);
                // «Цены нормальные», "no issue with the prices": a level placed as acceptable, not praised.
                if (Taxonomy.Factors[factor].Level && verdictCues.OnlySoftPraise) (label, score) = (SentimentLabel.Neutral, 0f);
                // A missing product is a lack however it is worded ("no decent bread"); «много всего» is a plus unless said otherwise.
                var stock = counted.FindIndex(c => c.Factor == factor) is var s and >= 0 ? counted[s].Stock : Availability.None;
                if (stock is Availability.Missing or Availability.Few && label != SentimentLabel.Negative) (label, score) = (SentimentLabel.Negative, -NeutralBand - 0.01f);
                else if (stock == Availability.Many && label == SentimentLabel.Neutral) (label, score) = (SentimentLabel.Positive, NeutralBand + 0.01f);
                // A question asks, it does not judge — unless it is a complaint put as a question ("why is it always late?",
                // "where is my bag??"). A request for information with no opinion word is no complaint, however the model
                // reads it («Подскажите, как изменить адрес доставки» −0.75).
                if (question && (label != SentimentLabel.Negative || (verdictCues.Score.IsEmpty && InformationRequest.Opens(tokens, sentenceFirst, sentenceEnd)))) continue;
                mentions.Add(new FactorMention(Taxonomy.Factors[factor].Id, label, score, clause.Start, clause.Length));
            }
        }
        KeepLastOfOpposites(mentions, sentenceMentions);
    }

    private static readonly HashSet<string> ArrivalNegators = new(StringComparer.Ordinal)
    {
        "не", "никто", "no", "never", "not", "didn't", "didnt", "hasn't", "hasnt", "haven't", "havent", "wasn't", "wasnt", "nobody",
    };

    /// <summary>
    /// Gives each word of bringing or arriving its sense (see <see cref="Conveyance"/>): the delivery's term where the text
    /// names goods brought; nothing where a person is carried («довёз меня до дома»); the wait before the service where it
    /// says how fast the car or the master came, or that it never came; nothing otherwise.
    /// </summary>
    private void ResolveConveyance(TextContext context, int first, int end, List<TermMatch> matches)
    {
        if (goodsMatcher is null) return;
        var carriers = 4 * factorCount + 2;
        var arrivals = carriers + 1;
        var tokens = context.Tokens;
        for (var i = matches.Count - 1; i >= 0; i--)
        {
            var m = matches[i];
            var clause = ClauseOf(context, first, end, m);
            if (m.Group == conveyFactor && personsMatcher is not null && CarriesPerson(tokens, m.FirstToken + m.TokenCount, clause.EndToken))
            {
                // «привёз меня до дома», "delivered us to the airport": a person carried is the ride, not a delivery.
                matches.RemoveAt(i);
                continue;
            }
            if (m.Group != carriers && m.Group != arrivals) continue;
            var after = m.FirstToken + m.TokenCount;
            if (m.Group == carriers && CarriesPerson(tokens, after, clause.EndToken)) { matches.RemoveAt(i); continue; }
            if (context.Goods is null) ReadGoods(context);
            if (m.Group == carriers && (context.Goods == true || !context.Vehicle))
            {
                // "The bonus for inviting a friend never showed up", "Mentor never showed up", «компенсация так и не пришла»: what
                // does not come is the thing named before it, another factor's, not a delivery.
                // Goods brought by a person ("the driver arrived with my sofa") stay the delivery's.
                if (ArrivesAsOtherFactor(context, clause, m, matches) is var thing and >= 0 && !(context.Goods == true && Taxonomy.Factors[thing].JudgedAsSubject))
                {
                    // Neither goods nor a car came: a bonus, a refund, a mentor («наставник» is judged by what they did, as staff).
                    // A person's arrival read as the wait measured worse on NHS (its labels file "the crew arrived quickly" under
                    // no waiting) and on school (a mentor who never showed up is labelled staff).
                    matches.RemoveAt(i);
                    continue;
                }
                // Goods brought, or nothing said of a car: a carrier is the delivery's own term.
                if (conveyFactor >= 0) matches[i] = m with { Group = conveyFactor };
                else matches.RemoveAt(i);
                continue;
            }
            // An arrival word where goods are brought leaves the delivery to its own terms.
            if (context.Goods == true) { matches.RemoveAt(i); continue; }
            // "Cashback shows up instantly", "the hotline picked up in 2 minutes": another factor's thing came, no car or master.
            if (arrivalFactor >= 0 && (HasQualifier(matches, clause) || IsNegatedArrival(tokens, clause, m))
                && (ArrivesAsOtherFactor(context, clause, m, matches) is var other && (other < 0 || Taxonomy.Factors[other].JudgedAsSubject)))
                matches[i] = m with { Group = arrivalFactor };
            else matches.RemoveAt(i);
        }
    }

    /// <summary>The clause of [first, end) the match starts in (the matcher only finds matches inside them).</summary>
    private static Clause ClauseOf(TextContext context, int first, int end, TermMatch m)
    {
        for (var c = first; c < end; c++)
            if (m.FirstToken >= context.Clauses[c].FirstToken && m.FirstToken < context.Clauses[c].EndToken) return context.Clauses[c];
        return context.Clauses[end - 1];
    }

    /// <summary>
    /// Whether the carrier word <paramref name="m"/> says of another factor's own term or a person before it, in its part of the
    /// clause and with no opinion word between, that it came or did not (a bonus, a refund, a notification, a mentor): that
    /// factor's thing arriving, not goods brought. A weak word ("the card arrived in 90 minutes") or a product is no such subject.
    /// </summary>
    /// <returns>That factor (index), or -1.</returns>
    private int ArrivesAsOtherFactor(TextContext context, Clause clause, TermMatch m, List<TermMatch> matches)
    {
        var (first, _) = Segment(context.Text, context.Tokens, clause, m.FirstToken);
        var (nearest, nearestEnd) = (-1, -1);
        foreach (var other in matches)
        {
            var kind = other.Group / factorCount;
            // A product judged («пицца», "the sofa") is goods brought; a person (a judged role: "mentor") is not.
            if (other.Group >= 3 * factorCount || kind == 1 || other.Group % factorCount == conveyFactor
                || kind == 2 && !Taxonomy.Factors[other.Group % factorCount].JudgedAsSubject) continue;
            var end = other.FirstToken + other.TokenCount;
            if (other.FirstToken < first || end > m.FirstToken || IsInsideLongerMatch(other, matches)) continue;
            // The nearest such term is what came ("the streaming service's cashback shows up": the cashback).
            if (end > nearestEnd) (nearest, nearestEnd) = (other.Group % factorCount, end);
        }
        return nearest >= 0 && !cues.HasOpinionWord(context.Tokens, nearestEnd, m.FirstToken) ? nearest : -1;
    }

    private void ReadGoods(TextContext context)
    {
        var found = new List<TermMatch>();
        goodsMatcher!.Find(context.Tokens, 0, context.Tokens.Count, found);
        context.Goods = found.Exists(f => f.Group == 0);
        context.Vehicle = found.Exists(f => f.Group == 1);
    }

    private bool CarriesPerson(List<WordToken> tokens, int after, int clauseEnd)
    {
        if (after >= clauseEnd) return false;
        var found = new List<TermMatch>(1);
        personsMatcher!.Find(tokens, after, Math.Min(clauseEnd, after + 3), found);
        foreach (var p in found)
            if (p.FirstToken <= after + 1) return true;
        return false;
    }

    private bool HasQualifier(List<TermMatch> matches, Clause clause)
    {
        foreach (var q in matches)
            if (q.Group == 3 * factorCount + 1 && q.FirstToken >= clause.FirstToken && q.FirstToken < clause.EndToken) return true;
        return false;
    }

    private static bool IsNegatedArrival(List<WordToken> tokens, Clause clause, TermMatch m)
    {
        for (var i = Math.Max(clause.FirstToken, m.FirstToken - 3); i < m.FirstToken; i++)
            if (ArrivalNegators.Contains(tokens[i].Lower)) return true;
        return false;
    }

    /// <summary>
    /// A sentence whose only factor words are hosted words ("Messy, dusty, cold.", «Бардак, конечно, как на рынке.»), after a
    /// sentence that named no factor: the hosted word is the verdict (see <see cref="Factor.HostedTerms"/>).
    /// </summary>
    private bool HostedAlone(TextContext context, int first, int end, List<TermMatch> matches, List<FactorMention> mentions)
    {
        var hosted = -1;
        foreach (var m in matches)
        {
            if (m.Group == 3 * factorCount) continue;
            if (m.Group < 3 * factorCount + 2) return false;
            hosted = m.Group - 3 * factorCount - 2;
        }
        if (hosted < 0 || context.PreviousNamed || IsQuestion(context.Text, context.Tokens, context.Clauses[end - 1].EndToken)) return hosted >= 0;
        var clause = context.Clauses[first];
        foreach (var m in matches)
        {
            if (m.Group < 3 * factorCount + 2) continue;
            for (var c = first; c < end; c++)
                if (m.FirstToken >= context.Clauses[c].FirstToken && m.FirstToken < context.Clauses[c].EndToken) clause = context.Clauses[c];
            break;
        }
        var (label, score, _) = Polarity(context, clause.FirstToken, clause.EndToken, context.Sarcastic, context.Clauses[first].FirstToken, context.Clauses[end - 1].EndToken, null);
        mentions.Add(new FactorMention(Taxonomy.Factors[hosted].Id, label, score, clause.Start, clause.Length));
        return true;
    }

    /// <summary>
    /// One factor praised and faulted in one sentence ("the app is nice, though watching the courier sit for 40 minutes
    /// is less nice", «место удобное, но припарковаться нереально»): the later clause — the one after the turn — is the
    /// verdict, so the earlier, opposite mentions of that factor are dropped.
    /// </summary>
    private static void KeepLastOfOpposites(List<FactorMention> mentions, int from)
    {
        for (var i = mentions.Count - 1; i >= from; i--)
        {
            var last = mentions[i];
            if (last.Label == SentimentLabel.Neutral) continue;
            for (var j = i - 1; j >= from; j--)
            {
                var earlier = mentions[j];
                if (earlier.Factor != last.Factor || earlier.Start == last.Start || earlier.Label == last.Label || earlier.Label == SentimentLabel.Neutral) continue;
                mentions.RemoveAt(j);
                i--;
            }
        }
    }

    /// <summary>A short remark's score, for a sentence of its own: praise in an item rated 1–2 stars (or NPS 0–6) is ironic —
    /// "…declined my card twice. Great evening." — and counts against (inside a sentence, «…, спасибо ей» is meant).</summary>
    private static float Remark(TextContext context, CueScore verdict) =>
        verdict.Score > 0 && Outcome(context) < 0 ? -verdict.Score : verdict.Score;

    private static readonly HashSet<string> Comparatives = new(StringComparer.Ordinal) { "лучше", "хуже", "better", "worse" };

    private static bool HasComparative(List<WordToken> tokens, Clause clause)
    {
        for (var i = clause.FirstToken; i < clause.EndToken; i++)
            if (Comparatives.Contains(tokens[i].Lower)) return true;
        return false;
    }

    /// <summary>Whether the clause holds a taking term of a factor that takes <paramref name="factor"/>'s words over (see Factor.TakingTerms).</summary>
    private bool IsTaken(List<WordToken> tokens, Clause clause, int factor, List<TermMatch> matches)
    {
        var found = takingFound ??= [];
        found.Clear();
        takingMatcher!.Find(tokens, clause.FirstToken, clause.EndToken, found);
        foreach (var t in found)
        {
            // «штраф за отмену», "cancellation fee": a longer phrase of the factor's own covers the taking word in it.
            if (Array.IndexOf(takenBy[factor], t.Group) >= 0 && !IsInsideLongerMatch(t, matches)) return true;
        }
        return false;
    }

    private bool TakenOver(int factor, List<int> named, List<int> weakNamed)
    {
        foreach (var other in yields[factor])
        {
            if (named.Contains(other) || (weakNamed.Contains(other) && !yields[other].Contains(factor))) return true;
        }
        return false;
    }

    // "no fresh fish", «нет нормальных сыров», "missing items", "out of every flu medicine": the product is missing, which
    // judges the range (or, where the clause names the order, the delivery).
    private static readonly HashSet<string> Absence = new(StringComparer.Ordinal)
    {
        "no", "missing", "lack", "нет", "нету", "ни", "отсутствовал", "отсутствовала", "отсутствовали", "не хватает", "недовложили",
    };

    // "without sugar", «без соуса», «без хладоэлементов»: a property of the product or of the order, not a judgement of it.
    private static readonly HashSet<string> Without = new(StringComparer.Ordinal) { "without", "без" };

    // «много фермерских продуктов», "lots of vegan options", «мало моделей»: a count of products is the range's size.
    private static readonly HashSet<string> Quantity = new(StringComparer.Ordinal)
    {
        "lots", "lot", "plenty", "loads", "many", "few", "много", "мало", "полно", "масса", "куча", "немного", "маловато", "множество",
    };

    // «нашли редкие глазные капли», "found a 55 cm dishwasher": finding the product is the range's credit («не могла найти»,
    // "couldn't find" its lack); «нашла в бургере пластик» is not (a preposition stands between).
    private static readonly HashSet<string> Found = new(StringComparer.Ordinal)
    {
        "found", "find", "нашла", "нашел", "нашли", "нашлось", "нашлась", "нашелся", "нашлись", "найти", "найдешь", "найдете",
    };

    private static readonly HashSet<string> FoundNegators = new(StringComparer.Ordinal)
    {
        "не", "couldn't", "can't", "cannot", "didn't", "never", "not", "couldnt", "cant", "didnt",
    };

    private static readonly HashSet<string> Prepositions = new(StringComparer.Ordinal)
    {
        "в", "во", "на", "у", "из", "за", "in", "on", "inside", "at", "under",
    };

    // «лекарства нет», «инсулина нет вторую неделю», «противовирусного не оказалось», "items were missing": the absence said after
    // the product, within AbsenceReach words of it.
    private static readonly HashSet<string> AbsenceAfter = new(StringComparer.Ordinal)
    {
        "нет", "нету", "не было", "не оказалось", "закончились", "закончился", "закончилась", "кончились", "отсутствует", "отсутствуют",
        "missing", "unavailable", "out of", "sold out",
    };

    private const int AbsenceReach = 5;

    // "helped me choose", «посоветовал», «помог подобрать», "recommended": the product after them is the advice's topic.
    private static readonly string[] AdvicePrefixes =
    [
        "посовет", "порекоменд", "рекомендова", "подобра", "подбира", "выбра", "выбира", "отговори", "объясни", "подсказа", "помог",
        "recommend", "suggest", "advis", "helped", "choose", "chose", "pick",
    ];

    // «на вопрос о побочках», «спросила про», "asked about", «какой корм лучше», "which litter": a question's topic.
    private static readonly HashSet<string> QuestionWords = new(StringComparer.Ordinal) { "какой", "какая", "какие", "какое", "какую", "каким", "which" };

    private static bool IsTopicOfAdviceOrQuestion(List<WordToken> tokens, Clause clause, TermMatch m)
    {
        if (m.FirstToken > clause.FirstToken && QuestionWords.Contains(tokens[m.FirstToken - 1].Lower)) return true;
        // «в отделе красок», «из отдела инструмента», "in the tool section": a department's name.
        if (m.FirstToken > clause.FirstToken && tokens[m.FirstToken - 1].Lower.StartsWith("отдел", StringComparison.Ordinal)) return true;
        var next = m.FirstToken + m.TokenCount;
        if (next < clause.EndToken && tokens[next].Lower is "section" or "department" or "aisle" or "aisles") return true;
        for (var i = Math.Max(clause.FirstToken, m.FirstToken - 3); i < m.FirstToken; i++)
        {
            var word = tokens[i].Lower;
            foreach (var prefix in AdvicePrefixes)
                if (word.StartsWith(prefix, StringComparison.Ordinal)) return true;
            if (word is "вопрос" or "вопросы" or "спросила" or "спросил" or "спросили" or "asked" or "asking" or "question"
                && i + 1 < m.FirstToken && tokens[i + 1].Lower is "о" or "об" or "про" or "about") return true;
        }
        return false;
    }

    // "spent 40 minutes", «потратил на нас полчаса», «уделила нам час».
    private static readonly string[] SpentPrefixes = ["spent", "spend", "потратил", "тратил", "уделил", "провозил"];

    private static bool IsTimeSpent(List<WordToken> tokens, Clause clause, TermMatch m)
    {
        for (var i = Math.Max(clause.FirstToken, m.FirstToken - 4); i < m.FirstToken; i++)
        {
            var word = tokens[i].Lower;
            foreach (var prefix in SpentPrefixes)
                if (word.StartsWith(prefix, StringComparison.Ordinal)) return true;
        }
        return false;
    }

    private enum Availability { None, Missing, Many, Few, Without }

    /// <summary>Whether a product of the same kind follows "in" after <paramref name="m"/> ("a piece of plastic in my roll"; not
    /// «лекарство в аптеке на другом конце Москвы»).</summary>
    private static bool FoundInside(List<WordToken> tokens, Clause clause, TermMatch m, List<TermMatch> matches)
    {
        var after = m.FirstToken + m.TokenCount;
        for (var i = after; i < Math.Min(clause.EndToken, after + 4); i++)
        {
            if (tokens[i].Lower is not ("in" or "inside" or "в" or "во" or "внутри")) continue;
            foreach (var other in matches)
                if (other.Group == m.Group && other.FirstToken > i && other.FirstToken <= i + 3) return true;
        }
        return false;
    }

    /// <summary>Whether the clause says the product of <paramref name="m"/> is missing ("no fresh fish", "out of children's
    /// fever syrup", «лекарства нет») or counts it («много фермерских продуктов», «мало моделей»).</summary>
    private static Availability AvailabilityOf(List<WordToken> tokens, Clause clause, TermMatch m, List<TermMatch> matches)
    {
        for (var i = Math.Max(clause.FirstToken, m.FirstToken - 5); i < m.FirstToken; i++)
        {
            var word = tokens[i].Lower;
            if (word == "out" && i + 1 < m.FirstToken && tokens[i + 1].Lower == "of") return Availability.Missing;
            // «верните в каталог нормальные стиральные машины», "please bring back the rye bread": a request reports a lack.
            if (word is "верните" or "добавьте" || (word is "bring" or "add") && i + 1 < m.FirstToken && tokens[i + 1].Lower is "back" or "more") return Availability.Missing;
            if (i < m.FirstToken - 3) continue;
            if (Absence.Contains(word)) return Availability.Missing;
            if (Without.Contains(word)) return Availability.Without;
            if (i + 1 < m.FirstToken && Absence.Contains(word + " " + tokens[i + 1].Lower)) return Availability.Missing;
            if (Quantity.Contains(word)) return word is "few" or "мало" or "маловато" ? Availability.Few : Availability.Many;
            if (Found.Contains(word))
            {
                var direct = true;
                for (var k = i + 1; k < m.FirstToken && direct; k++) direct = !Prepositions.Contains(tokens[k].Lower);
                if (!direct) continue;
                // "Found a piece of plastic in my roll": what is found inside a product is a defect, not the range's credit.
                if (FoundInside(tokens, clause, m, matches)) return Availability.None;
                var denied = i > clause.FirstToken && (FoundNegators.Contains(tokens[i - 1].Lower) || i - 1 > clause.FirstToken && FoundNegators.Contains(tokens[i - 2].Lower));
                return denied ? Availability.Missing : Availability.Many;
            }
        }
        // «лекарства нет», «препарат, который две недели нет», «Две вещи из трёх нет», "two of our six items were missing".
        var after = m.FirstToken + m.TokenCount;
        for (var i = after; i < Math.Min(clause.EndToken, after + AbsenceReach); i++)
        {
            if (AbsenceAfter.Contains(tokens[i].Lower)) return Availability.Missing;
            if (i + 1 < clause.EndToken && AbsenceAfter.Contains(tokens[i].Lower + " " + tokens[i + 1].Lower)) return Availability.Missing;
        }
        return Availability.None;
    }

    /// <summary>
    /// Whether an opinion word within <see cref="JudgedDistance"/> words judges the judged term <paramref name="m"/>: no other
    /// factor's term stands between them («беру технику здесь: выбор хороший» — the praise is the range's, not the goods').
    /// </summary>
    private bool HasOwnCue(List<TermMatch> said, Clause clause, TermMatch m, List<TermMatch> matches)
    {
        var first = m.FirstToken;
        var end = m.FirstToken + m.TokenCount;
        foreach (var cue in said)
        {
            if (!SentimentCues.IsOpinion(cue, said) || cue.FirstToken < clause.FirstToken || cue.FirstToken + cue.TokenCount > clause.EndToken) continue;
            if (cue.FirstToken + cue.TokenCount <= first - JudgedDistance || cue.FirstToken >= end + JudgedDistance) continue;
            // «сделали быстро», "the food came quickly": speed says how long it took (a qualifier's), not how well it was done.
            if (IsQualifier(cue, matches)) continue;
            var (from, to) = cue.FirstToken < first ? (cue.FirstToken + cue.TokenCount, first) : (end, cue.FirstToken);
            var between = false;
            foreach (var other in matches)
            {
                if (other.Group >= 3 * factorCount || other.Group % factorCount == m.Group % factorCount) continue;
                if (other.FirstToken >= from && other.FirstToken < to) { between = true; break; }
            }
            if (!between) return true;
        }
        return false;
    }

    /// <summary>
    /// Whether a word of a thing's condition stands within the judged distance of the unnamed factor's judged term, with no
    /// other factor's word between («тренажёры старые», "brand new machines"; not «машина приехала быстро, приложение новое»).
    /// </summary>
    private bool HasState(List<WordToken> tokens, Clause clause, TermMatch m, List<TermMatch> matches)
    {
        if (states is null) return false;
        var found = stateFound ??= new List<TermMatch>(2);
        found.Clear();
        // Closer than an opinion word: a condition word is said of the word next to it («старые тренажёры», "the machines are new").
        const int near = 2;
        states.Find(tokens, Math.Max(clause.FirstToken, m.FirstToken - near), Math.Min(clause.EndToken, m.FirstToken + m.TokenCount + near), found);
        foreach (var state in found)
        {
            if (state.FirstToken < m.FirstToken + m.TokenCount && state.FirstToken + state.TokenCount > m.FirstToken) continue;
            var (from, to) = state.FirstToken < m.FirstToken ? (state.FirstToken + state.TokenCount, m.FirstToken) : (m.FirstToken + m.TokenCount, state.FirstToken);
            var between = false;
            foreach (var other in matches)
            {
                if (other.Group >= 3 * factorCount || other.Group % factorCount == m.Group % factorCount) continue;
                if (other.FirstToken >= from && other.FirstToken < to) { between = true; break; }
            }
            if (!between) return true;
        }
        return false;
    }

    private static bool HasFactor(List<(int Factor, int Token)> found, int factor)
    {
        foreach (var f in found)
            if (f.Factor == factor) return true;
        return false;
    }

    /// <summary>Whether some clause of [first, end) is short enough to be a thing and a verdict (a cheap test before the cues are matched).</summary>
    private bool HasShortClause(List<Clause> clauses, int first, int end)
    {
        for (var c = first; c < end; c++)
            if (clauses[c].TokenCount is >= 2 and <= 5) return true;
        return false;
    }

    // Words that frame a verdict without being the thing judged: copulas, articles, intensifiers, the dash's «это».
    private static readonly HashSet<string> VerdictFrame = new(StringComparer.Ordinal)
    {
        "is", "was", "were", "are", "be", "been", "the", "a", "an", "so", "very", "really", "just", "quite", "pretty", "too", "and", "its",
        "это", "очень", "просто", "такой", "такая", "такое", "такие", "весьма", "совсем", "и", "тоже", "же", "вообще", "самый", "самая", "самое",
    };

    private static readonly string[] AdjectiveEndings = ["ый", "ий", "ой", "ая", "яя", "ое", "ее", "ые", "ого", "его", "ому", "ему", "ым", "ых", "их", "ую", "юю"];
    private static readonly string[] VerbEndings = ["ть", "ться", "ся", "сь", "ешь", "ишь", "ует", "ают", "яют", "ются", "ется"];

    /// <summary>
    /// Whether a clause that names no factor is one thing and a verdict on it (see <see cref="UnnamedVerdict"/>): at most
    /// the rule's word count, an opinion word, and one or two words left that read as a noun by their form («Содержание
    /// курса хорошее», "Good content"). <paramref name="from"/> is where the thing starts.
    /// </summary>
    private bool IsUnnamedVerdict(TextContext context, Clause clause, List<TermMatch> said, List<TermMatch> matches, out int from)
    {
        var tokens = context.Tokens;
        from = clause.FirstToken;
        var begin = clause.FirstToken;
        if (begin < clause.EndToken && ClauseSplitter.IsContrast(tokens[begin].Lower)) begin++;
        var count = clause.EndToken - begin;
        if (count < 2 || count > Taxonomy.Unnamed!.Words(tokens[begin].Lower[0] is >= 'а' and <= 'я' ? "ru" : "en")) return false;
        foreach (var m in matches)
            if (m.FirstToken < clause.EndToken && m.FirstToken + m.TokenCount > begin) return false;
        var opinion = false;
        Span<bool> covered = stackalloc bool[count];
        foreach (var cue in said)
        {
            if (cue.FirstToken + cue.TokenCount <= begin || cue.FirstToken >= clause.EndToken) continue;
            if (SentimentCues.IsOpinion(cue, said)) opinion = true;
            for (var i = Math.Max(cue.FirstToken, begin); i < Math.Min(cue.FirstToken + cue.TokenCount, clause.EndToken); i++) covered[i - begin] = true;
        }
        // «Машины старые», "Old cars": a word of the thing's condition is its verdict too.
        if (states is not null)
        {
            var found = stateFound ??= new List<TermMatch>(2);
            found.Clear();
            states.Find(tokens, begin, clause.EndToken, found);
            foreach (var state in found)
            {
                opinion = true;
                for (var i = state.FirstToken; i < Math.Min(state.FirstToken + state.TokenCount, clause.EndToken); i++) covered[i - begin] = true;
            }
        }
        if (!opinion) return false;
        // The verdict is said of the thing (an adjective, a noun: «слабый», «огонь», "weak"), not done by someone: a clause whose
        // opinion word is a verb («нервы потрепали», «никто не приезжает») tells what happened, not what the thing is like.
        foreach (var cue in said)
        {
            if (!SentimentCues.IsOpinion(cue, said) || cue.FirstToken < begin || cue.FirstToken >= clause.EndToken) continue;
            var last = tokens[cue.FirstToken + cue.TokenCount - 1].Lower;
            if (last[0] is >= 'а' and <= 'я' && IsVerbForm(last)) return false;
        }
        var things = 0;
        var firstThing = -1;
        var sentenceFirst = clause.FirstToken;
        foreach (var c in context.Clauses)
            if (c.Sentence == clause.Sentence) { sentenceFirst = c.FirstToken; break; }
        for (var i = begin; i < clause.EndToken; i++)
        {
            if (covered[i - begin] || VerdictFrame.Contains(tokens[i].Lower)) continue;
            if (!IsThing(context.Text, tokens, i, sentenceFirst)) return false;
            if (++things > 2) return false;
            if (firstThing < 0) firstThing = i;
        }
        if (things == 0) return false;
        from = firstThing;
        return true;
    }

    private static readonly string[] PastAndPresentEndings = ["ал", "ала", "ало", "али", "ил", "ила", "ило", "или", "ел", "ела", "ело", "ели", "ет", "ит", "ют", "ут", "ят", "ат", "ешь", "ишь"];

    private static bool IsVerbForm(string word)
    {
        foreach (var ending in VerbEndings)
            if (word.EndsWith(ending, StringComparison.Ordinal)) return true;
        foreach (var ending in PastAndPresentEndings)
            if (word.EndsWith(ending, StringComparison.Ordinal) && word.Length > ending.Length + 2) return true;
        return false;
    }

    private bool IsThing(string text, List<WordToken> tokens, int i, int sentenceFirst)
    {
        var token = tokens[i];
        var word = token.Lower;
        if (word.Length < 3) return false;
        // "@megamart", "#кедрбанк": a handle or a tag names the brand.
        if (token.Start > 0 && text[token.Start - 1] is '@' or '#') return false;
        foreach (var ch in word)
            if (!char.IsLetter(ch) && ch != '-') return false;
        // A capital inside a sentence is a name — the brand's or a person's —, not the thing sold.
        if (token.Capitalised && i > sentenceFirst) return false;
        var found = notThingFound ??= new List<TermMatch>(2);
        found.Clear();
        notThings!.Find(tokens, i, i + 1, found);
        if (found.Count > 0) return false;
        if (word[0] is >= 'а' and <= 'я')
        {
            foreach (var ending in VerbEndings)
                if (word.EndsWith(ending, StringComparison.Ordinal)) return false;
            foreach (var ending in AdjectiveEndings)
                if (word.EndsWith(ending, StringComparison.Ordinal)) return false;
            // «хорошие», «другие» are adjectives; «обучение», «занятие», «условие» nouns.
            if (word.EndsWith("ие", StringComparison.Ordinal) && word[^3] is not ('н' or 'т' or 'в')) return false;
            return true;
        }
        return !word.EndsWith("ly", StringComparison.Ordinal) && !word.EndsWith("ed", StringComparison.Ordinal) && !word.EndsWith("ing", StringComparison.Ordinal);
    }

    // Words that may stand before a clause's subject: articles, demonstratives, the customer's group's own («наш учитель»).
    private static readonly HashSet<string> Determiners = new(StringComparer.Ordinal)
    {
        "the", "a", "an", "our", "their", "this", "that", "these", "those", "his", "her", "every", "each",
        "наш", "наша", "наши", "нашего", "этот", "эта", "эти", "тот", "та", "те", "каждый", "каждая", "их", "его", "её", "ее",
    };

    /// <summary>
    /// The things a text judges that no factor names (see <see cref="OfferingLexicon"/>): in a clause that names no factor, a word
    /// that reads as a noun by its form standing next to an opinion or condition word («Машины новые», "the kit is old",
    /// «отличный зал»), at most two words away across copulas and intensifiers. Added as lower-case forms to <paramref name="into"/>.
    /// </summary>
    internal void JudgedThings(string text, ISet<string> into)
    {
        if (unnamedFactor < 0) return;
        var tokens = WordTokenizer.Tokenize(text, symbols: true);
        if (tokens.Count == 0) return;
        var clauses = ClauseSplitter.Split(text, tokens, CommaLanguages.Contains(LanguageDetector.Detect(text)), keepSubordinate: true);
        var matches = new List<TermMatch>();
        var said = new List<TermMatch>();
        var sentenceFirst = 0;
        var sentence = -1;
        foreach (var clause in clauses)
        {
            if (clause.Sentence != sentence) { sentence = clause.Sentence; sentenceFirst = clause.FirstToken; }
            matches.Clear();
            matcher.Find(tokens, clause.FirstToken, clause.EndToken, matches);
            if (matches.Count > 0 || clause.TokenCount > 8) continue;
            said.Clear();
            cues.Match(tokens, clause.FirstToken, clause.EndToken, said);
            var verdicts = said.Where(cue => SentimentCues.IsOpinion(cue, said)).ToList();
            states?.Find(tokens, clause.FirstToken, clause.EndToken, verdicts);
            foreach (var verdict in verdicts)
            {
                // Russian: the verdict is said of the thing (an adjective), not done by someone (a verb).
                var last = tokens[verdict.FirstToken + verdict.TokenCount - 1].Lower;
                if (last[0] is >= 'а' and <= 'я' && IsVerbForm(last)) continue;
                foreach (var step in (ReadOnlySpan<int>)[-1, 1])
                {
                    var i = step < 0 ? verdict.FirstToken - 1 : verdict.FirstToken + verdict.TokenCount;
                    for (var skipped = 0; i >= clause.FirstToken && i < clause.EndToken && skipped < 2 && VerdictFrame.Contains(tokens[i].Lower); skipped++) i += step;
                    if (i < clause.FirstToken || i >= clause.EndToken || Covered(said, i) || Covered(verdicts, i)) continue;
                    // «реально», «нормально»: a Russian adverb in -но reads as a noun by the endings IsThing knows.
                    if (IsThing(text, tokens, i, sentenceFirst) && !IsAdverb(tokens[i].Lower)) into.Add(tokens[i].Lower);
                }
            }
        }
    }

    private static bool IsAdverb(string word) =>
        word.Length > 4 && word[0] is >= 'а' and <= 'я' && (word.EndsWith("льно", StringComparison.Ordinal) || word.EndsWith("чно", StringComparison.Ordinal)
            || word.EndsWith("вно", StringComparison.Ordinal) || word.EndsWith("тно", StringComparison.Ordinal) || word.EndsWith("ко", StringComparison.Ordinal));

    private static bool Covered(List<TermMatch> found, int token)
    {
        foreach (var m in found)
            if (m.FirstToken <= token && token < m.FirstToken + m.TokenCount) return true;
        return false;
    }

    /// <summary>
    /// Whether a person's judged term is the subject of its clause: it opens the clause (after at most one determiner or
    /// contrast word) and something is said after it («Куратор пропал на месяц», "the teacher was 20 minutes late").
    /// </summary>
    private static bool IsSubject(List<WordToken> tokens, Clause clause, TermMatch m)
    {
        if (m.FirstToken + m.TokenCount >= clause.EndToken) return false;
        var at = clause.FirstToken;
        if (at < m.FirstToken && ClauseSplitter.IsContrast(tokens[at].Lower)) at++;
        if (at < m.FirstToken && Determiners.Contains(tokens[at].Lower)) at++;
        // Round 9: one word that says which person — a brand or a name («Lesenka teacher»), an adjective ("the new tutor").
        if (at + 1 == m.FirstToken && PersonModifier.Describes(tokens[at])) at++;
        return at == m.FirstToken;
    }

    private bool IsQualifier(TermMatch cue, List<TermMatch> matches)
    {
        foreach (var other in matches)
        {
            if (other.Group != 3 * factorCount + 1) continue;
            // Only a cue that is itself the speed word ("quickly"), not a longer one holding it («работает как часы»).
            if (other.FirstToken <= cue.FirstToken && cue.FirstToken + cue.TokenCount <= other.FirstToken + other.TokenCount) return true;
        }
        return false;
    }

    /// <summary>Whether one of <paramref name="factors"/> is named by its own terms in the comma-part of the clause that holds
    /// <paramref name="m"/> ("a great range of international foods": the foods are the range's object).</summary>
    private bool NamedInPart(TextContext context, Clause clause, TermMatch m, List<TermMatch> matches, int[] factors)
    {
        if (factors.Length == 0) return false;
        var (first, end) = Segment(context.Text, context.Tokens, clause, m.FirstToken);
        foreach (var other in matches)
        {
            // Another factor's own terms, or its judged objects («краской на весь зал»: the room's smell, not the paint's quality).
            var kind = other.Group / factorCount;
            if (kind is not (0 or 2) || other.FirstToken < first || other.FirstToken >= end || IsInsideLongerMatch(other, matches)) continue;
            if (Array.IndexOf(factors, other.Group % factorCount) >= 0) return true;
        }
        return false;
    }

    /// <summary>
    /// The part of the clause around <paramref name="token"/> between commas, colons and dashes; a dash after it joins
    /// the part that follows, which says what the subject is («Администратор Алина — просто чудо»).
    /// </summary>
    private static (int First, int End) Segment(string text, List<WordToken> tokens, Clause clause, int token)
    {
        var first = token;
        while (first > clause.FirstToken && !IsSegmentBreak(text, tokens, first)) first--;
        var end = token + 1;
        while (end < clause.EndToken && !IsSegmentBreak(text, tokens, end)) end++;
        if (end < clause.EndToken && IsDash(text, tokens, end))
        {
            end++;
            while (end < clause.EndToken && !IsSegmentBreak(text, tokens, end)) end++;
        }
        return (first, end);
    }

    private static bool IsDash(string text, List<WordToken> tokens, int i) =>
        text.AsSpan(tokens[i - 1].End, tokens[i].Start - tokens[i - 1].End).IndexOfAny('—', '–') >= 0;

    /// <summary>Whether the gap before token <paramref name="i"/> holds a comma, colon or dash.</summary>
    private static bool IsSegmentBreak(string text, List<WordToken> tokens, int i)
    {
        foreach (var ch in text.AsSpan(tokens[i - 1].End, tokens[i].Start - tokens[i - 1].End))
        {
            if (ch is ',' or ':' or '—' or '–' or '(' or ')') return true;
        }
        return false;
    }

    private static bool IsQuestion(string text, List<WordToken> tokens, int sentenceEnd)
    {
        var from = tokens[sentenceEnd - 1].End;
        var to = sentenceEnd < tokens.Count ? tokens[sentenceEnd].Start : text.Length;
        return text.AsSpan(from, to - from).Contains('?');
    }

    private SentimentLabel Label(float score) =>
        score > NeutralBand ? SentimentLabel.Positive : score < -NeutralBand ? SentimentLabel.Negative : SentimentLabel.Neutral;

    /// <summary>The polarity of what tokens [first, end) say (a clause, or the part of one about a factor).</summary>
    private (SentimentLabel Label, float Score, ClauseCues Cues) Polarity(TextContext context, int first, int end, bool sarcastic, int sentenceFirst, int sentenceEnd, ClauseCues? known)
    {
        var tokens = context.Tokens;
        var cue = known ?? cues.Analyze(context.Text, tokens, first, end, sarcastic, context.CueMatches);
        float score;
        // Opinion words, read with their negation, sarcasm and scope, decide where a clause has them; the model — one
        // call per clause, the costly part — speaks only for a clause that has none.
        if (!cue.Score.IsEmpty) score = cue.Score.Score;
        else if (cue.Neutral > 0) score = 0f;
        // A contrast's inferred praise is turned round like any other in a sarcastic clause: «Зато привезли 🙃».
        else if ((sarcastic ? -1 : 1) * Contrasted(context, first, sarcastic) is var turn && clauseScorer is not null)
        {
            var start = tokens[first].Start;
            score = clauseScorer.Score(context.Text.Substring(start, tokens[end - 1].End - start)).Score;
            // The other side of a contrast says more about a factual clause than the item's own score (ContrastStance).
            var prior = turn != 0 ? turn : Prior(context);
            if (prior != 0f) score = (1 - PriorWeight) * score + PriorWeight * prior;
        }
        else if (turn != 0) score = turn * 0.5f;
        else
        {
            var sentence = cues.Analyze(context.Text, tokens, sentenceFirst, sentenceEnd, sarcastic, context.CueMatches).Score;
            if (!sentence.IsEmpty) score = sentence.Score;
            else
            {
                // Last resort: the tone of the whole text, at half weight — a weaker signal than the clause's own.
                context.Document ??= cues.Analyze(context.Text, tokens, 0, tokens.Count, sarcastic).Score;
                score = context.Document.Value.Score * 0.5f;
            }
        }
        if (Math.Abs(score) <= NeutralBand && cue.Neutral == 0 && Outcome(context) is var outcome && outcome != 0f)
        {
            // A clause that says nothing either way takes the item's own verdict: a factor named in a 1-star review.
            score = outcome > 0 ? NeutralBand + 0.01f : -NeutralBand - 0.01f;
        }
        return (Label(score), score, cue);
    }

    /// <summary>The stance a contrast gives the clause holding token <paramref name="first"/> (<see cref="ContrastStance"/>).</summary>
    private int Contrasted(TextContext context, int first, bool sarcastic)
    {
        var clauses = context.Clauses;
        var index = clauses.FindIndex(c => first >= c.FirstToken && first < c.EndToken);
        return ContrastStance.Of(context.Tokens, clauses, index,
            k => cues.Analyze(context.Text, context.Tokens, clauses[k].FirstToken, clauses[k].EndToken, sarcastic).Score.Score, Outcome(context));
    }

    /// <summary>How much the item's own verdict (<see cref="Prior"/>) weighs against the model's score of a clause without
    /// opinion words (measured on the five labelled stories: 0.3–0.7 all beat 0, 0.5 best on four of five).</summary>
    public float PriorWeight { get; init; } = 0.5f;

    /// <summary>The item's own verdict on a −1…+1 scale: its star rating, else its NPS answer, else (at half weight) the opinion
    /// words of the whole text; 0 when it has none.</summary>
    private float Prior(TextContext context)
    {
        if (context.Rating is not null || context.Nps is not null) return Outcome(context);
        context.Document ??= cues.Analyze(context.Text, context.Tokens, 0, context.Tokens.Count, cues.HasSarcasm(context.Tokens, 0, context.Tokens.Count)).Score;
        return context.Document.Value.Score * 0.5f;
    }

    /// <summary>The item's star rating or NPS answer on a −1…+1 scale (3 stars and NPS 7–8 are 0); 0 without either.</summary>
    private static float Outcome(TextContext context) =>
        context.Rating is { } rating ? Math.Clamp((rating - 3) / 2f, -1f, 1f)
        : context.Nps is { } nps ? (nps >= 9 ? 1f : nps >= 7 ? 0f : nps >= 5 ? -0.5f : -1f)
        : 0f;

    /// <summary>Whether another factor's own term spans the whole judged object <paramref name="m"/>.</summary>
    private bool IsOtherFactorsTerm(TermMatch m, List<TermMatch> matches)
    {
        foreach (var other in matches)
        {
            if (other.Group >= factorCount || other.Group == m.Group % factorCount) continue;
            if (other.FirstToken <= m.FirstToken && other.FirstToken + other.TokenCount >= m.FirstToken + m.TokenCount) return true;
        }
        return false;
    }

    private bool IsInsideLongerMatch(TermMatch m, List<TermMatch> matches)
    {
        foreach (var other in matches)
        {
            // A longer match covers a shorter one; an "ignore" phrase also covers a term of the same span («вкусняшка» ≠ «вкусно»).
            if (other.TokenCount < m.TokenCount || other.TokenCount == m.TokenCount && (other.Group != 3 * factorCount || m.Group == other.Group)) continue;
            if (other.FirstToken <= m.FirstToken && other.FirstToken + other.TokenCount >= m.FirstToken + m.TokenCount) return true;
        }
        return false;
    }
}
