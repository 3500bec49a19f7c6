namespace Listening.Core.Factors;

/// <summary>
/// Something customers judge (price, delivery, staff …): an id, display names per language, and
/// the words and phrases per language that mention it. A term is matched on word forms
/// (Snowball stems) unless written <c>=word</c> (that exact form) or <c>word*</c> (any word
/// starting so); a term with spaces is a phrase of consecutive words; <c>a + b</c> needs both
/// parts anywhere in one clause ("заказ + не приехал").
/// <see cref="WeakTerms"/> name the factor only in context: they count when the sentence names none of
/// the factors in <see cref="WeakYieldsTo"/> — "40 minutes" is waiting time at a checkout, but it is the
/// delivery's lateness in "the courier came 40 minutes late".
/// <see cref="JudgedTerms"/> name the factor only where their clause passes a verdict (an opinion word): the things a
/// factor is about ("milk", "the laptop") are mentioned in passing far more often than they are judged.
/// </summary>
public sealed record Factor(
    string Id,
    IReadOnlyDictionary<string, string> Names,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Terms)
{
    public IReadOnlyDictionary<string, IReadOnlyList<string>> WeakTerms { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    public IReadOnlyDictionary<string, IReadOnlyList<string>> JudgedTerms { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>Factors whose own terms in the same clause make a judged term their object ("a great range of foods" judges the range).</summary>
    public IReadOnlyList<string> JudgedYieldsTo { get; init; } = [];

    /// <summary>
    /// The factor a judged term names when the text says it is missing or counts it rather than judging it: "no fresh
    /// fish", «лекарства нет», "out of every flu medicine", «много фермерских продуктов» judge the range (assortment),
    /// not the product. Null: such mentions name nothing.
    /// </summary>
    public string? Availability { get; init; }

    /// <summary>
    /// Words that count only in a clause naming one of the factor's hosts (expanded into "word + host" terms) — or as a
    /// verdict of their own: a sentence that names no factor at all, after a sentence that named none («Бардак, конечно, как
    /// на вещевом рынке.», "Messy, dusty, cold."), never as a remark on the sentence before ("The new app? … Absolute mess.").
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> HostedTerms { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>
    /// Whether a hosted word counts as a verdict of its own in a sentence that names nothing else (true: «Бардак.» is the
    /// place's). False where the hosted words are too common to stand alone — a count or a distance («мало», "everywhere")
    /// says where a branch or an ATM is only when the branch or the ATM is named.
    /// </summary>
    public bool HostedAlone { get; init; } = true;

    /// <summary>Factors whose presence in the sentence takes the weak terms over (they describe that factor).</summary>
    public IReadOnlyList<string> WeakYieldsTo { get; init; } = [];

    /// <summary>
    /// Round 11: factors that take the weak terms over only when named in the weak term's own clause — the queue or the people
    /// of a pick-up point («в пункте выдачи очередь», "friendly staff at the pick-up point") — but leave them alone elsewhere
    /// in the sentence, so two weak words of two factors that yield to each other are not both dropped.
    /// </summary>
    public IReadOnlyList<string> WeakClauseYieldsTo { get; init; } = [];

    /// <summary>
    /// Where a weak term looks for the factors it yields to: "sentence" (the default — "Late again, 80 minutes past the
    /// slot": the minutes are the delivery's) or "clause" ("parking is a pain, but inside it is bright": only a
    /// «просторная парковка» in one clause makes the adjective the parking's). Within the clause a weak term passes to
    /// the factor it yields to; elsewhere in the sentence (scope "sentence") it is dropped.
    /// </summary>
    public string WeakScope { get; init; } = "sentence";

    /// <summary>
    /// A level factor (price, the size of a range) is judged on a scale, so soft praise — a denied complaint or a mild
    /// word ("no issue with the prices", «цены нормальные», «не сказал бы, что дорого») — places it as acceptable:
    /// neutral, not a strength.
    /// </summary>
    public bool Level { get; init; }

    /// <summary>
    /// Judged terms that name a person (a role: a doctor, a curator, «наставник») count also as the subject of their clause —
    /// the clause opens with the person, at most after a determiner («Куратор пропал на месяц», "The teacher was 20 minutes
    /// late", «Наш тренер …»): what a person did is the verdict on them, with or without an opinion word. Not an object
    /// («посоветовали врача»), not a question.
    /// </summary>
    public bool JudgedAsSubject { get; init; }

    /// <summary>
    /// Terms (also among <see cref="Terms"/>) that say outright what their clause is about, so that the words of the factors in
    /// <see cref="Takes"/> in that clause only describe it: a sum in «списали 24 тысячи за царапину», "they billed me 6,000 for
    /// towing" is money taken from the customer (payment), not what something costs (price) — round 10.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> TakingTerms { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>The factors whose words a <see cref="TakingTerms"/> term takes over in its clause.</summary>
    public IReadOnlyList<string> Takes { get; init; } = [];

    /// <summary>The display name in <paramref name="language"/>, else English, else the id.</summary>
    public string Name(string language) =>
        Names.TryGetValue(language, out var name) ? name
        : Names.TryGetValue("en", out var english) ? english
        : Id;
}
