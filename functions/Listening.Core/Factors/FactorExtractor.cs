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
public sealed partial class FactorExtractor
{
    private readonly TermMatcher matcher;
    private readonly ISentimentScorer? clauseScorer;
    private readonly SentimentCues cues;
    private readonly int factorCount;
    // yields[f] = the factors (indices) that take the weak terms of factor f over.
    private readonly int[][] yields;
    // clauseYields[f] = yields[f] and the factors that take f's weak terms over only in their clause (Factor.WeakClauseYieldsTo).
    private readonly int[][] clauseYields;
    private readonly int[][] clauseOnlyYields;
    private readonly bool[] clauseScope;
    private readonly int[][] judgedYields;
    private readonly int[] availability;
    private readonly int rangeFactor = -1; // Round 15: the factor a missing product names (the range: every Availability target)
    private readonly (int Host, int Target, bool ClauseOnly)[] qualified;
    // Round 13 (see FactorTaxonomy.Lateness): the factor a service's own lateness names where it describes no factor, and a
    // matcher that tells a lateness word among the qualifiers; null without any.
    private readonly int latenessFactor = -1;
    private readonly TermMatcher? latenessMatcher;
    [ThreadStatic] private static List<TermMatch>? latenessFound;
    // Conveyance (see Conveyance): its factor (delivery), the factor of a service's arrival (waiting time), and matchers for
    // the goods that make a text a delivery's and the persons that make a ride of a word of bringing.
    private readonly int conveyFactor = -1;
    private readonly int arrivalFactor = -1;
    private readonly TermMatcher? goodsMatcher;
    private readonly TermMatcher? personsMatcher;
    // Round 11 (see Conveyance.Installers, Conveyance.TakenBack): group 0 installers, 1 words of their visit, 2 words of taking goods back.
    private readonly TermMatcher? visitMatcher;
    private readonly int installerFactor = -1;
    private readonly int takenBackFactor = -1;
    private readonly int feeFactor = -1; // Round 15: the factor of what the bringing costs (Conveyance.PriceFactor)
    private readonly TermMatcher? readinessTimes; // Round 17: words that time an order's readiness (Conveyance.ReadinessTimes)
    private readonly TermMatcher? handovers; // Round 17b: words of goods handed over or kept (Conveyance.Handovers), read as readiness is
    private readonly TermMatcher? handedVehicles; // Round 17b: the vehicles that can be handed over (Conveyance.HandedVehicles)
    // The unnamed-verdict rule (see UnnamedVerdict): its factor and a matcher for the words that are no thing sold.
    private readonly int unnamedFactor = -1;
    private readonly int placeFactor = -1; // Round 19: the factor the place's fittings name (UnnamedVerdict.FittingsFactor)
    private readonly TermMatcher? offering; // Round 19: the brand's own offering words, never taken as a fitting (UnnamedVerdict.Offering)
    private readonly TermMatcher? notThings;
    [ThreadStatic] private static List<TermMatch>? notThingFound;
    [ThreadStatic] private static List<TermMatch>? stateFound;
    // Round 10: words of a thing's condition (UnnamedVerdict.States), a verdict on the unnamed factor's things; null without any.
    private readonly TermMatcher? states;
    // Round 11: phrases of the offering working or failing as a whole (UnnamedVerdict.Outcomes); null without any.
    private readonly TermMatcher? outcomes;
    private readonly bool[] pricing = [];
    [ThreadStatic] private static List<TermMatch>? outcomeFound;
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
            .Append(taxonomy.Qualifiers.Values.Concat(taxonomy.Lateness.Values).SelectMany(terms => terms))
            // 3n+2..4n+1: each factor's hosted words on their own (a verdict of a sentence that names nothing else).
            .Concat(taxonomy.Factors.Select(f => f.HostedAlone ? f.HostedTerms.Values.SelectMany(terms => terms) : []))
            // 4n+2: words of bringing (carriers), 4n+3: words of a service arriving — resolved by sense before anything else.
            .Append(taxonomy.Conveyance?.Carriers.Values.SelectMany(terms => terms) ?? [])
            .Append(taxonomy.Conveyance?.Arrivals.Values.SelectMany(terms => terms) ?? [])
            // 4n+4: words of an order being ready (Conveyance.Readiness) — the delivery's only where timed or denied.
            // Round 17b: with them, words of goods handed over (Conveyance.Handovers), read so only where a vehicle is handed over.
            .Append(taxonomy.Conveyance?.Readiness.Values
                .Concat(taxonomy.Conveyance.HandedVehicles.Values.Any(t => t.Count > 0) ? taxonomy.Conveyance.Handovers.Values : [])
                .SelectMany(terms => terms) ?? [])
            .ToList();
        // "staff>waiting_time": a qualifier on staff counts for waiting time, and only when staff is named in its clause.
        var ids = taxonomy.Factors.Select(f => f.Id).ToList();
        if (taxonomy.Conveyance is { } conveyance)
        {
            conveyFactor = conveyance.Factor is { } by ? ids.IndexOf(by) : -1;
            arrivalFactor = conveyance.ArrivalFactor is { } arrival ? ids.IndexOf(arrival) : -1;
            var own = conveyFactor >= 0 ? taxonomy.Factors[conveyFactor].Terms.Values.Concat(taxonomy.Factors[conveyFactor].WeakTerms.Values).SelectMany(t => t) : [];
            // Group 0: goods (or the delivery's own terms), group 1: vehicles.
            goodsMatcher = new TermMatcher([conveyance.Goods.Values.SelectMany(t => t).Concat(own),
                conveyance.Vehicles.Values.Concat(conveyance.Visitors.Values).SelectMany(t => t)]);
            personsMatcher = new TermMatcher([conveyance.Persons.Values.SelectMany(t => t)]);
            installerFactor = conveyance.InstallerFactor is { } fitter ? ids.IndexOf(fitter) : -1;
            takenBackFactor = conveyance.TakenBackFactor is { } back ? ids.IndexOf(back) : -1;
            feeFactor = conveyance.PriceFactor is { } fee ? ids.IndexOf(fee) : -1;
            if (conveyance.Handovers.Values.Any(t => t.Count > 0) && conveyance.HandedVehicles.Values.Any(t => t.Count > 0))
            {
                handovers = new TermMatcher([conveyance.Handovers.Values.SelectMany(t => t)]);
                handedVehicles = new TermMatcher([conveyance.HandedVehicles.Values.SelectMany(t => t)]);
            }
            if (conveyance.ReadinessTimes.Values.Any(t => t.Count > 0)) readinessTimes = new TermMatcher([conveyance.ReadinessTimes.Values.SelectMany(t => t)]);
            if (conveyance.Installers.Values.Any(t => t.Count > 0) || conveyance.TakenBack.Values.Any(t => t.Count > 0) || conveyance.Visitors.Values.Any(t => t.Count > 0))
                visitMatcher = new TermMatcher([conveyance.Installers.Values.SelectMany(t => t), conveyance.Visits.Values.SelectMany(t => t),
                    conveyance.TakenBack.Values.SelectMany(t => t), conveyance.Visitors.Values.SelectMany(t => t), conveyance.VisitTimes.Values.SelectMany(t => t)]);
        }
        if (taxonomy.Unnamed is { Factor: { } unnamedId } unnamed && ids.IndexOf(unnamedId) is var u and >= 0)
        {
            unnamedFactor = u;
            notThings = new TermMatcher([unnamed.NotThings.Values.SelectMany(t => t)]);
            if (unnamed.States.Values.Any(t => t.Count > 0)) states = new TermMatcher([unnamed.States.Values.SelectMany(t => t)]);
            // Group 0: the offering works or gave its result; group 1: it fails or gave none.
            if (unnamed.Outcomes.Values.Concat(unnamed.FailedOutcomes.Values).Any(t => t.Count > 0))
                outcomes = new TermMatcher([unnamed.Outcomes.Values.SelectMany(t => t), unnamed.FailedOutcomes.Values.SelectMany(t => t)]);
            if (unnamed.Provided.Values.Any(t => t.Count > 0)) provided = new TermMatcher([unnamed.Provided.Values.SelectMany(t => t)]);
            pricing = ids.Select(id => unnamed.PricedBy.Contains(id)).ToArray();
            placeFactor = unnamed.FittingsFactor is { } fittings ? ids.IndexOf(fittings) : -1;
            if (unnamed.Offering.Values.Any(t => t.Count > 0)) offering = new TermMatcher([unnamed.Offering.Values.SelectMany(t => t)]);
        }
        qualified = taxonomy.QualifiedFactors
            .Select(d => d.Split('>', 2, StringSplitOptions.TrimEntries))
            .Select(parts => (Host: ids.IndexOf(parts[0]), Target: ids.IndexOf(parts[^1]), ClauseOnly: parts.Length == 2))
            .Where(q => q.Host >= 0 && q.Target >= 0)
            .ToArray();
        matcher = new TermMatcher(groups);
        if (taxonomy.LatenessFactor is { } late && ids.IndexOf(late) is var lateIndex and >= 0 && taxonomy.Lateness.Values.Any(t => t.Count > 0))
        {
            latenessFactor = lateIndex;
            latenessMatcher = new TermMatcher([taxonomy.Lateness.Values.SelectMany(t => t)]);
        }
        clauseScope = taxonomy.Factors.Select(f => f.WeakScope == "clause").ToArray();
        judgedYields = taxonomy.Factors
            .Select(f => f.JudgedYieldsTo.Select(id => taxonomy.Factors.ToList().FindIndex(x => x.Id == id)).Where(i => i >= 0).ToArray())
            .ToArray();
        availability = taxonomy.Factors.Select(f => f.Availability is { } id ? ids.IndexOf(id) : -1).ToArray();
        rangeFactor = availability.FirstOrDefault(a => a >= 0, -1);
        yields = taxonomy.Factors
            .Select(f => f.WeakYieldsTo.Select(id => taxonomy.Factors.ToList().FindIndex(x => x.Id == id)).Where(i => i >= 0).ToArray())
            .ToArray();
        clauseYields = taxonomy.Factors
            .Select(f => f.WeakYieldsTo.Concat(f.WeakClauseYieldsTo).Select(id => ids.IndexOf(id)).Where(i => i >= 0).Distinct().ToArray())
            .ToArray();
        clauseOnlyYields = taxonomy.Factors
            .Select(f => f.WeakClauseYieldsTo.Select(id => ids.IndexOf(id)).Where(i => i >= 0).ToArray())
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
    public IReadOnlyList<FactorMention> Extract(string text, int? rating, int? nps) => Extract(text, WordTokenizer.Tokenize(text, symbols: true), rating, nps, null);

    /// <param name="tokens">The text's words (<see cref="WordTokenizer.Tokenize(string, bool)"/> with symbols).</param>
    /// <param name="seen">Where the taxonomy's words go as matched in the whole text, before any rule reads them (<see cref="Read"/>); null: nowhere.</param>
    private IReadOnlyList<FactorMention> Extract(string text, List<WordToken> tokens, int? rating, int? nps, List<TermMatch>? seen)
    {
        if (tokens.Count == 0) return [];
        var fields = ReviewFields.Find(text, tokens);
        var clauses = ClauseSplitter.Split(text, tokens, CommaLanguages.Contains(LanguageDetector.Detect(text)), keepSubordinate: true, fields);
        var mentions = new List<FactorMention>();
        var matches = new List<TermMatch>();
        var context = new TextContext(text, tokens, clauses, rating, nps) { Sarcastic = HasSarcasticRemark(tokens, clauses) || OpensIronically(text), Seen = seen, Fields = fields };
        int previousFrom = 0, previousCount = 0;
        for (var first = 0; first < clauses.Count;)
        {
            var end = first + 1;
            while (end < clauses.Count && clauses[end].Sentence == clauses[first].Sentence) end++;
            if (fields.Count > 0 && ReviewFields.IsSilent(fields, clauses[first].FirstToken, clauses[end - 1].EndToken))
            {
                // «Минусы:», «Недостатки: нет», "Cons: none": a heading, or a field with nothing listed, judges nothing — not
                // even as a short verdict on the sentence before. The learned detector still sees its words.
                if (seen is not null) matcher.Find(tokens, clauses[first].FirstToken, clauses[end - 1].EndToken, matches, seen);
                first = end;
                continue;
            }
            var before = mentions.Count;
            Sentence(context, first, end, matches, mentions);
            context.PreviousNamed = mentions.Count > before;
            context.PreviousFactors.Clear();
            for (var i = before; i < mentions.Count; i++) context.PreviousFactors.Add(mentions[i].Factor);
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
                        // "The courier lost my parcel again. Just brilliant." — praise after a clear complaint is ironic.
                        var score = Math.Clamp(mentions[i].Score + (said > 0 && mentions[i].Score <= -ClearComplaint ? -said : said), -1f, 1f);
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
        public List<string> PreviousFactors { get; } = []; // the factors the sentence before named (a short outcome sentence may be about them)
        public bool HandedVehicle; // Round 17b: whether a vehicle is handed over in the text (see Conveyance.Handovers); set with Goods
        public bool? Goods; // whether the text names goods brought (see Conveyance); computed once, only if a word of bringing needs it
        public bool Vehicle; // whether the text names a car, a cab or a driver (read with Goods)
        public List<TermMatch>? Seen { get; init; } // where the matcher puts the whole text's matches for the learned detector (see Read)
        public IReadOnlyList<ReviewField> Fields { get; init; } = []; // the review's fields (ReviewFields): a bare list in one takes its side
    }

    /// <summary>
    /// The mention a sign alone decides, with no opinion word to weigh it (an outcome, an absence, a review field's side):
    /// +1 positive, −1 negative, at half strength.
    /// </summary>
    internal static (SentimentLabel Label, float Score) Sided(int sign) =>
        sign > 0 ? (SentimentLabel.Positive, 0.5f) : (SentimentLabel.Negative, -0.5f);

    /// <summary>The side of the review field that holds token <paramref name="token"/> (<see cref="ReviewFields"/>): +1 pros, −1 cons, 0 none.</summary>
    private static int FieldSide(TextContext context, int token) => context.Fields.Count > 0 ? ReviewFields.SideAt(context.Fields, token) : 0;

    /// <summary>The mentions of clauses [first, end) — one sentence.</summary>
    private void Sentence(TextContext context, int first, int end, List<TermMatch> matches, List<FactorMention> mentions)
    {
        var tokens = context.Tokens;
        var clauses = context.Clauses;
        matches.Clear();
        var sentenceFirst = clauses[first].FirstToken;
        var sentenceEnd = clauses[end - 1].EndToken;
        for (var c = first; c < end; c++) matcher.Find(tokens, clauses[c].FirstToken, clauses[c].EndToken, matches, context.Seen);
        // «Слесарь пришёл на третий день»: a technician's timed visit names the wait though no factor's word stands in the sentence.
        if (matches.Count == 0) ResolveInstallersAndTakenBack(context, first, end, matches);
        // Round 18: «Дёшево, но развлечений мало.»: a sentence that counts things names the range though no factor's word stands in it.
        var counts = matches.Count == 0 && rangeFactor >= 0 && !IsQuestion(context.Text, tokens, sentenceEnd) && CountsAThing(context, first, end, matches);
        if (matches.Count == 0 && !counts)
        {
            // «Курс огонь.», "Weak course.": a sentence that names no factor may still be a verdict on the thing sold.
            if (unnamedFactor < 0 || IsQuestion(context.Text, tokens, sentenceEnd)) return;
            // «…забрала в магазине через час. Всё работает.»: a short outcome after a sentence about the app is the app's.
            var outcome = OutcomeAt(context, clauses[first].FirstToken, sentenceEnd).Token >= 0
                && !(sentenceEnd - sentenceFirst <= FollowUpWords && context.PreviousFactors.Exists(Taxonomy.Unnamed!.OutcomeYieldsTo.Contains));
            if (!outcome && !HasShortClause(clauses, first, end) && !HasSettingApart(tokens, sentenceFirst, sentenceEnd)) return;
            context.CueMatches.Clear();
            cues.Match(tokens, sentenceFirst, sentenceEnd, context.CueMatches);
            DropCuesWrittenAsNames(context.Text, tokens, context.CueMatches, sentenceFirst);
            var sarcasm = context.Sarcastic || SentimentCues.HasSarcasm(context.CueMatches);
            for (var c = first; c < end; c++)
            {
                // «Всё работает.», "Things get fixed.": the offering's outcome said without a thing.
                var (from, sign) = outcome ? OutcomeAt(context, clauses[c].FirstToken, clauses[c].EndToken) : (-1, 0);
                if (from >= 0) from = clauses[c].FirstToken;
                else if (!IsUnnamedVerdict(context, clauses[c], context.CueMatches, matches, sentenceFirst, out from)
                         && (from = BareState(context, clauses[c], context.CueMatches, sentenceFirst, sentenceEnd)) < 0
                         // Round 18: "The course itself is great.", «Но сам курс отличный.»: a thing set apart and judged.
                         && (from = ThingSetApart(context, clauses[c], context.CueMatches, matches, sentenceFirst)) < 0) continue;
                var (label, score, verdictCues) = Polarity(context, from, clauses[c].EndToken, sarcasm, sentenceFirst, sentenceEnd, null);
                // «Всё работает.», «Результата нет.»: with no opinion word the outcome is the verdict.
                if (sign != 0 && verdictCues.Score.IsEmpty && verdictCues.Neutral == 0) (label, score) = Sided(sign);
                // «Что не понравилось: жесткая подвеска»: a thing listed under a review's heading without an opinion word is on its side.
                else if ((verdictCues.Score.IsEmpty || Label(verdictCues.Score.Score) == SentimentLabel.Neutral) && FieldSide(context, from) is var side and not 0) (label, score) = Sided(side);
                mentions.Add(new FactorMention(Taxonomy.Factors[unnamedFactor].Id, label, score, clauses[c].Start, clauses[c].Length));
                context.LastClauseStart = clauses[c].Start;
            }
            return;
        }
        ResolveConveyance(context, first, end, matches);
        if (matches.Count == 0 && !counts) return;
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
        // The opinion words of the whole sentence, matched once; clauses and their parts read them from this list.
        var said = context.CueMatches;
        said.Clear();
        cues.Match(tokens, sentenceFirst, sentenceEnd, said);
        DropCuesWrittenAsNames(context.Text, tokens, said, sentenceFirst);
        // "Who says summer flights are expensive?": a rhetorical question that opens with a denial states its answer.
        var question = (IsQuestion(context.Text, tokens, sentenceEnd) && !SentimentCues.OpensRhetorically(said, sentenceFirst))
            || InformationRequest.AsksForHelp(tokens, sentenceFirst, sentenceEnd);
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
            var outcomeSign = 0; // the sign of an outcome phrase that found the unnamed factor in this clause
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
            // «В пункте выдачи очередь на сорок минут»: a weak word that passes to a factor named in its clause hosts no speed
            // or time word of its own — the minutes are the queue's.
            foreach (var m in matches)
            {
                if (m.Group < factorCount || m.Group >= 2 * factorCount || m.FirstToken < clause.FirstToken || m.FirstToken >= clause.EndToken) continue;
                var weak = m.Group - factorCount;
                if (!namedInClause.Contains(weak) && !objectsInClause.Contains(weak) && Array.Exists(clauseOnlyYields[weak], namedInClause.Contains))
                    hostsInClause.RemoveAll(f => f == weak);
            }
            foreach (var m in matches)
            {
                if (m.FirstToken < clause.FirstToken || m.FirstToken >= clause.EndToken) continue;
                if (m.Group == 3 * factorCount || m.Group >= 3 * factorCount + 2 || IsInsideLongerMatch(m, matches)) continue;
                if (m.Group == 3 * factorCount + 1)
                {
                    // "the assistant spent 40 minutes helping me", «консультант потратил на нас полчаса»: time given, not a wait.
                    if (IsTimeSpent(tokens, clause, m)) continue;
                    // "Three hours late though.", «Мили хорошие, а рейсы опаздывают»: in a text of no goods, a lateness said of
                    // nothing named in its clause is the service's own (a flight, a train), not the other clause's factor.
                    var host = Array.FindIndex(qualified, q => hostsInClause.Contains(q.Host)) is var k and >= 0 ? qualified[k].Target
                        : IsVisitSlot(context, clause, m) ? conveyFactor
                        : IsOwnLateness(context, m) ? latenessFactor
                        : Array.FindIndex(qualified, q => !q.ClauseOnly && named.Contains(q.Host)) is var l and >= 0 ? qualified[l].Target
                        : -1;
                    if (host >= 0 && !found.Exists(f => f.Factor == host)) { found.Add((host, m.FirstToken)); described.Add(host); }
                    continue;
                }
                var factor = m.Group % factorCount;
                var kind = m.Group / factorCount; // 0 term, 1 weak term, 2 judged term
                // «Курьер Свежо опоздал», "#свежо": a word of the thing sold written as a name is the brand's or a branch's name.
                if (factor == unnamedFactor && kind != 1 && IsWrittenAsName(context.Text, tokens, m.FirstToken, sentenceFirst)) continue;
                // «Дешевле не найти», "Easy choice", «выбор места»: finding and choosing in a sense that is not the range's.
                if (IsFindingOrChoosingOfNoRange(tokens, clause, m)) continue;
                // «Промо закончилось», «На этом хорошее закончилось»: an ending said of another factor or of the good part.
                if (IsEndingOfNoProduct(tokens, clause, m, matches)) continue;
                // «замену фасада ждём», «заменить сим-карту»: the customer's own thing replaced, no goods of an order swapped.
                if (factor == rangeFactor && kind == 0 && IsReplacementOfNoGoods(tokens, clause, m)) continue;
                // «На сайте ничего не нашла», "the app can't find my season pass": a search in the app, not the shelf.
                if (factor == rangeFactor && kind == 0 && HasFindingWord(tokens, m.FirstToken, m.FirstToken + m.TokenCount)
                    && Array.Exists(yields[rangeFactor], namedInClause.Contains)) continue;
                if (kind == 1)
                {
                    // "Курьер приехал через 40 минут": the minutes are the delivery's; "Late again. 80 minutes past the
                    // slot" — a sentence about the delivery elsewhere drops them.
                    // «Платье красивое»: an adjective said of a product is the product's, not the room's.
                    // «воняет краской на весь зал»: a clause that names the factor's own place keeps the word.
                    var over = objectsInClause.Contains(factor) ? -1 : Array.FindIndex(clauseYields[factor], f => namedInClause.Contains(f) || objectsInClause.Contains(f));
                    // «а доставка платная»: a fee word stays the price's where the delivery word beside it was read as the fee.
                    if (over >= 0 && factor == feeFactor && clauseYields[factor][over] == conveyFactor && found.Exists(f => f.Factor == feeFactor)) continue;
                    // "Nice clean store, friendly staff": a weak word that is a verdict of its own judges its own part, not the other's.
                    if (over >= 0 && clauseScope[factor] && IsVerdictApart(context, clause, m, matches, said, clauseYields[factor])) over = -1;
                    if (over >= 0) factor = clauseYields[factor][over];
                    else if (!clauseScope[factor] && TakenOver(factor, named, weakNamed)) continue;
                }
                // "helped me choose a mixer", «посоветовал хорошее средство», «на вопрос о побочках», «какой корм лучше»: a product
                // advised on or asked about is the advice's or the question's topic, not a product judged.
                if ((kind == 2 || availability[factor] >= 0) && IsTopicOfAdviceOrQuestion(tokens, clause, m)) continue;
                // Round 18: «Книги пришли разбитые», "One book came with a dented corner": the condition goods arrive in is the delivery's.
                if (factor == unnamedFactor && kind != 1 && IsConditionOnArrival(context, clause, m))
                {
                    if (conveyFactor >= 0 && !found.Exists(f => f.Factor == conveyFactor)) found.Add((conveyFactor, m.FirstToken));
                    continue;
                }
                if (kind == 2)
                {
                    // «Результата нет», "no results": the outcome phrase judges the offering (below), it is no product missing.
                    if (InOutcome(context, m)) continue;
                    // A word that is another factor's own term is that factor's («wifi» of an airline pack's flight experience,
                    // a telecom pack's «интернет»): the judged object would count the same words twice.
                    if (IsOtherFactorsTerm(m, matches)) continue;
                    // A product named next to another factor's term is that factor's object: "a great range of
                    // international foods", «возврат за испорченный йогурт» judge the range and the refund.
                    // "no fresh fish", «лекарства нет», «много фермерских продуктов»: what is missing or counted is the range's.
                    var stock = AvailabilityOf(tokens, clause, m, matches, sentenceFirst, sentenceEnd);
                    if (NamedInPart(context, clause, m, matches, judgedYields[factor], stock)) continue;
                    if (stock != Availability.None)
                    {
                        if (stock == Availability.Without || availability[factor] < 0) continue;
                        // «Горячей воды нет с утра», "still no heating", «результатов нет»: what the service provides, missing, is the
                        // service failing (the judged term's own factor), not a product missing from the range.
                        if (stock != Availability.Missing || !IsProvided(tokens, m)) factor = availability[factor];
                        // «нашла корм за минуту на сайте», "the app can't find my car": found or not found in the app is its search.
                        if (factor == rangeFactor && Array.Exists(yields[rangeFactor], namedInClause.Contains)
                            && HasFindingWord(tokens, Math.Max(clause.FirstToken, m.FirstToken - 3), m.FirstToken)) continue;
                        if (!found.Exists(f => f.Factor == factor)) counted.Add((factor, stock));
                    }
                    else if (!HasOwnCue(tokens, said, clause, m, matches) && !(Taxonomy.Factors[factor].JudgedAsSubject && IsSubject(tokens, clause, m))
                             && !(factor == unnamedFactor && HasState(tokens, clause, m, matches))) continue;
                }
                // «Цены с доставкой кусаются», "the shipping costs more than the presents": the bringing's fee, not the bringing.
                if (factor == conveyFactor && kind == 0 && IsFeeOfDelivery(context, clause, m, matches))
                {
                    // «а доставка платная»: the fee's weak word that yielded to the delivery now names the price.
                    if (!found.Exists(f => f.Factor == feeFactor)) found.Add((feeFactor, m.FirstToken));
                    continue;
                }
                // «Курьеры вежливые», "Great app, polite couriers": the courier judged as a person is the staff's alone.
                if (factor == conveyFactor && kind == 0 && IsCourierMannerOnly(context, clause, m, matches)) continue;
                // «Списали 24 тысячи за царапину», "they billed me 6,000 for towing": a sum taken is the payment's, not a price.
                if (takenBy[factor].Length > 0 && IsTaken(tokens, clause, factor, matches)) continue;
                // Round 19: «шкафчики сломаны», "cold showers", «кресла тесные» (the place's weak word that went to the seat as a thing
                // judged): a fitting of the place where the customer stays is its comfort.
                if (factor == unnamedFactor && IsPlaceFitting(context, clause, m, matches)) factor = placeFactor;
                if (found.FindIndex(f => f.Factor == factor) is var known and >= 0)
                {
                    // "Fast card delivery, awful support": a factor found first by a speed word is judged where its own word stands.
                    if (described.Remove(factor)) found[known] = (factor, m.FirstToken);
                    continue;
                }
                found.Add((factor, m.FirstToken));
            }
            // Round 18: «мало фильмов», "only three films", "half the slides closed": things counted or closed that no factor names.
            if (rangeFactor >= 0 && !HasFactor(found, rangeFactor) && CountedThing(context, clause, matches, sentenceFirst) is { Token: >= 0 } count)
            {
                found.Add((rangeFactor, count.Token));
                counted.Add((rangeFactor, count.Stock));
            }
            if (unnamedFactor >= 0 && !question && !HasFactor(found, unnamedFactor))
            {
                // «Промокод хороший, курс слабый»: the second clause is a verdict on a thing of its own, not a remark on the first;
                // "Good content, steep price": so is a part of an English clause between commas.
                if (found.Count == 0 && IsUnnamedVerdict(context, clause, said, matches, sentenceFirst, out var thingFrom)) found.Add((unnamedFactor, thingFrom));
                // "the place is spotless and everything works", «Дом в порядке, всё работает»: an outcome in a part no factor is named in.
                else if (OutcomeOnItsOwn(context, clause, found) is { Token: >= 0 } outcomeAt) { found.Add((unnamedFactor, outcomeAt.Token)); outcomeSign = outcomeAt.Sign; }
                else
                {
                    for (int a = clause.FirstToken, b = a + 1; b <= clause.EndToken; b++)
                    {
                        if (b < clause.EndToken && !IsSegmentBreak(context.Text, tokens, b)) continue;
                        if ((a > clause.FirstToken || b < clause.EndToken) && b - a >= 2 && b - a <= 5
                            && IsUnnamedVerdict(context, new Clause(tokens[a].Start, tokens[b - 1].End - tokens[a].Start, a, b - a, clause.Sentence), said, matches, sentenceFirst, out var partFrom))
                        {
                            found.Add((unnamedFactor, partFrom));
                            break;
                        }
                        a = b;
                    }
                    // «Отличные машины за нормальные деньги», "Great cars for sensible money": the thing judged before its price.
                    if (!HasFactor(found, unnamedFactor) && PricedThing(context, clause, said, matches, sentenceFirst) is var priced and >= 0) found.Add((unnamedFactor, priced));
                    // «Дёшево, но поверхностно», «Дорого и бесполезно»: a verdict on the thing's substance without naming it.
                    if (!HasFactor(found, unnamedFactor) && BareState(context, clause, said, sentenceFirst, sentenceEnd) is var bare and >= 0) found.Add((unnamedFactor, bare));
                    // Round 16: "The course itself is a rehash", "the gym itself is very decent"; round 18: «Но сам маникюр слез», «сама
                    // куртка тонкая»: the thing set apart from the rest is judged.
                    if (!HasFactor(found, unnamedFactor) && ThingSetApart(context, clause, said, matches, sentenceFirst) is var apart and >= 0) found.Add((unnamedFactor, apart));
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
                ClauseCues? segmentCues = null;
                if (segmentFirst > clause.FirstToken || segmentEnd < clause.EndToken)
                {
                    var partCues = cues.Analyze(context.Text, tokens, segmentFirst, segmentEnd, sarcastic, said, clause.FirstToken);
                    segmentCues = partCues;
                    if (!partCues.Score.IsEmpty || partCues.Neutral > 0)
                        sentiment = Polarity(context, segmentFirst, segmentEnd, sarcastic, sentenceFirst, sentenceEnd, partCues);
                }
                var (label, score, verdictCues) = sentiment ?? (clauseSentiment ??= Polarity(context, clause.FirstToken, clause.EndToken, sarcastic, sentenceFirst, sentenceEnd, null));
                if (!verdictCues.Score.IsEmpty) lastOwn = verdictCues.Score.Score;
                // "No parking at all", «без очереди»: with no opinion word, the factor's own word said to be absent judges it.
                else if (verdictCues.Neutral == 0 && factor == unnamedFactor && outcomeSign != 0)
                    (label, score) = Sided(outcomeSign);
                else if (verdictCues.Neutral == 0 && !described.Contains(factor) && FactorAbsence.Of(cues, tokens, clause.FirstToken, clause.EndToken, token) is var absent and not 0)
                    (label, score) = Sided(absent);
                // «Недостатки: доставка, цены», "Cons: delivery, friendly staff", «Главный минус — доставка: из семи заказов вовремя
                // приехали три»: a factor whose own part says nothing either way under a review's heading (no opinion word, or words
                // that cancel out) is on the heading's side; a part with a clear opinion of its own («Недостатки: персонал вежливый»)
                // keeps it.
                var side = FieldSide(context, token);
                if (side != 0 && (segmentCues ?? verdictCues).Score is var own && (own.IsEmpty || Label(own.Score) == SentimentLabel.Neutral))
                    (label, score) = Sided(side);
                // «Цены нормальные», "no issue with the prices": a level placed as acceptable, not praised — unless the author
                // lists it under the pros («Плюсы: цены нормальные»): that is the explicit plus.
                if (Taxonomy.Factors[factor].Level && verdictCues.OnlySoftPraise && side <= 0) (label, score) = (SentimentLabel.Neutral, 0f);
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
    /// <summary>How negative a mention must be for praise said after it to read as irony (a clause of complaint words, not a
    /// factual clause the model leans against).</summary>
    private const float ClearComplaint = 0.5f;

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

    /// <summary>Whether <paramref name="word"/> starts with one of <paramref name="prefixes"/> (stems and word starts the rules list).</summary>
    private static bool StartsWithAny(string word, string[] prefixes)
    {
        foreach (var prefix in prefixes)
            if (word.StartsWith(prefix, StringComparison.Ordinal)) return true;
        return false;
    }
}
