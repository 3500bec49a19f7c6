namespace Listening.Core.Factors;

/// <summary>
/// What a brand sells is judged in words no list can hold: a clinic's treatment, a school's course, a studio's classes, a
/// notary's paperwork. A short clause that is <b>one thing and a verdict</b> and names no factor — «Курс слабый», «Содержание
/// курса хорошее», "Weak course", "Good content", «Пустой курс» — judges that offering, so it is <see cref="Factor"/>'s
/// (quality). The thing is told by its form, not its meaning: a word that is not an opinion word, not a verb, adjective or
/// adverb by its ending, not a pronoun, and not one of <see cref="NotThings"/> (the business as a whole, the visit, the
/// day, the experience — verdicts on everything or on nothing in particular). A clause of at most <see cref="MaxWords"/>
/// words; a longer one tells more than a verdict on a thing.
/// </summary>
public sealed record UnnamedVerdict(string? Factor, int? MaxWords, IReadOnlyDictionary<string, IReadOnlyList<string>> NotThings)
{
    public int Words => MaxWords ?? 4;

    /// <summary>This rule with a pack's or a brand's on top: the factor and length replaced where given, the lists merged.</summary>
    public UnnamedVerdict Merge(UnnamedVerdict? incoming) => incoming is null ? this : new(
        incoming.Factor ?? Factor, incoming.MaxWords ?? MaxWords, FactorTaxonomy.Union(NotThings, incoming.NotThings));
}
