namespace Listening.Core.Factors;

/// <summary>
/// What a brand sells is judged in words no list can hold: a clinic's treatment, a school's course, a studio's classes, a
/// notary's paperwork. A short clause that is <b>one thing and a verdict</b> and names no factor — «Курс слабый», «Содержание
/// курса хорошее», "Weak course", "Good content", «Пустой курс» — judges that offering, so it is <see cref="Factor"/>'s
/// (quality). The thing is told by its form, not its meaning: a word that is not an opinion word, not a verb, adjective or
/// adverb by its ending, not a pronoun, and not one of <see cref="NotThings"/> (the business as a whole, the visit, the
/// day, the experience — verdicts on everything or on nothing in particular). A clause of at most <see cref="MaxWords"/>
/// words in its language (Russian 4: «Содержание курса очень хорошее»; English 3, whose articles and copulas make a clause of
/// four more often a statement than a verdict: "Weak course", "Good content"); a longer one tells more than a verdict on a thing.
/// Round 11: a preposition and a name that say whose the thing is («Курс в Лесенке реально хороший», "at Lesenka") do not count
/// towards the length.
/// </summary>
/// <remarks>
/// Round 10: <see cref="States"/> are words that tell what condition a thing is in — new, old, worn out, in working order, brand
/// new, «старенькая», «убитая», «исправная» — and no opinion list holds them (a new rule is no praise, an old friend no
/// complaint). Said of a thing they judge it: here they count as the verdict of a short clause («Машины старые», "Old cars")
/// and as the verdict a judged term of the factor needs («тренажёры новые, зал просторный»).
/// </remarks>
public sealed record UnnamedVerdict(string? Factor, IReadOnlyDictionary<string, int>? MaxWords, IReadOnlyDictionary<string, IReadOnlyList<string>> NotThings)
{
    /// <summary>Words of a thing's condition (see the remarks), per language.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> States { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>
    /// Round 11: phrases that say the offering as a whole works or fails, or gave or did not give its result — «всё работает», «всё
    /// чинят», "everything works", "things get fixed", «ни одной поломки», «результат есть», "real progress", «никакого эффекта» —
    /// per language. They name no thing, so neither a list nor the short-verdict form finds them; said where no factor is named in
    /// their part of the clause they judge what the brand sells (a building's upkeep, a network, a course, a treatment).
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Outcomes { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>The same for the offering failing or giving no result («ничего не чинят», «никакого эффекта», "nothing works").</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> FailedOutcomes { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>
    /// Factors that take a short outcome sentence after a sentence that named them: «Заказала в приложении, забрала через час. Всё
    /// работает.» — what works is the app, not the thing sold (round 11).
    /// </summary>
    public IReadOnlyList<string> OutcomeYieldsTo { get; init; } = [];

    /// <summary>
    /// Round 14: what the offering itself provides rather than stocks — a ride, a lesson, the connection, hot water and heating,
    /// the result of the work — per language. Said to be missing («Горячей воды нет с утра», "still no heating", «результатов нет»)
    /// it is the offering failing (this factor's), not a gap in the range a shop's missing product is.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Provided { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>
    /// Round 14: factors whose term after a word of exchange («за», "for", "at") says what a thing judged before it costs:
    /// «Отличные машины за нормальные деньги», "Great cars for sensible money", "Average sushi at premium prices" judge the thing as
    /// well as its price — the part before the exchange word is read as a short clause of its own.
    /// </summary>
    public IReadOnlyList<string> PricedBy { get; init; } = [];

    /// <summary>
    /// Round 19: the factor the fittings of the place name instead of this one — its showers, lockers, changing rooms, towels and
    /// hairdryers, where the customer stays while served and came for something else (see FactorExtractor.PlaceFittings).
    /// </summary>
    public string? FittingsFactor { get; init; }

    /// <summary>
    /// Round 19: the brand's own offering words (<see cref="OfferingLexicon"/>, a brand's <c>Offering</c>), per language: what it
    /// sells, so the fitting rule never takes them to <see cref="FittingsFactor"/> — a brand whose offering is its seats has them
    /// judged as its product. The same words are this factor's judged terms.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Offering { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    public int Words(string language) => MaxWords is not null && MaxWords.TryGetValue(language, out var words) ? words : 3;

    /// <summary>This rule with a pack's or a brand's on top: the factor and length replaced where given, the lists merged.</summary>
    public UnnamedVerdict Merge(UnnamedVerdict? incoming) => incoming is null ? this : new(
        incoming.Factor ?? Factor,
        (MaxWords ?? new Dictionary<string, int>()).Concat(incoming.MaxWords ?? new Dictionary<string, int>()).GroupBy(kv => kv.Key).ToDictionary(g => g.Key, g => g.Last().Value),
        FactorTaxonomy.Union(NotThings, incoming.NotThings))
    {
        States = FactorTaxonomy.Union(States, incoming.States),
        Outcomes = FactorTaxonomy.Union(Outcomes, incoming.Outcomes),
        FailedOutcomes = FactorTaxonomy.Union(FailedOutcomes, incoming.FailedOutcomes),
        Provided = FactorTaxonomy.Union(Provided, incoming.Provided),
        OutcomeYieldsTo = OutcomeYieldsTo.Union(incoming.OutcomeYieldsTo, StringComparer.Ordinal).ToList(),
        PricedBy = PricedBy.Union(incoming.PricedBy, StringComparer.Ordinal).ToList(),
        FittingsFactor = incoming.FittingsFactor ?? FittingsFactor,
        Offering = FactorTaxonomy.Union(Offering, incoming.Offering),
    };
}
