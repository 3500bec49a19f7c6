using Listening.Core.Factors.Cues;
using Listening.Core.Factors.Text;

namespace Listening.Core.Factors;

// Round 16: what a word's form says it is not — the thing sold. A verb (what someone did: «никто не предупредил», «приняли без
// вопросов», «хозяин не берёт трубку») tells what happened, not what the thing is like; a thing lost was not judged for how it is.
public sealed partial class FactorExtractor
{
    // Russian verb endings that no noun of the things judged ends in: the present tense of -ать/-ять/-еть verbs («приезжает»,
    // «предупреждает», «болеет»), the -йти infinitive and the -йте imperative («войти», «зайти», «попробуйте»), the past plural
    // of -ить/-ять verbs («начислили», «приняли»). Not -ал, -ат, -ет, -ит, -ели: «материал», «результат», «билет», «кредит», «модели»
    // are nouns.
    private static readonly string[] VerbOnlyEndings = ["ает", "яет", "еет", "йти", "йте", "или", "яли"];

    /// <summary>
    /// Whether a Russian word is a verb by its form (see <see cref="VerbOnlyEndings"/>), or the masculine and feminine past of an
    /// -ить verb in a word of at least five letters («предупредил», «пополнил», «выбросила»; «сила» and «мил» are too short to tell).
    /// </summary>
    private static bool IsVerbByForm(string word)
    {
        foreach (var ending in VerbOnlyEndings)
            if (word.Length > ending.Length + 1 && word.EndsWith(ending, StringComparison.Ordinal)) return true;
        return word.Length >= 5 && (word.EndsWith("ил", StringComparison.Ordinal) || word.Length >= 6 && word.EndsWith("ила", StringComparison.Ordinal));
    }

    /// <summary>
    /// Whether the Russian word at <paramref name="i"/> stands right after «не» or «ни»: a negator is said of a verb, an adjective or
    /// an adverb («никто не берёт», «хотя бы не липнет», «Лучше не бывает») — the word is what is denied, not a thing judged.
    /// </summary>
    private static bool FollowsNegator(List<WordToken> tokens, int i, int first) =>
        i > first && tokens[i - 1].Lower is "не" or "ни";

    /// <summary>
    /// Whether an opinion word is a word of losing said of the thing as what was lost («потеряли сумку», «Результаты потеряли», "lost
    /// my results", "Lost a shirt"): a thing lost was not given back at all — as a thing called off (<see cref="IsCancelling"/>),
    /// nothing is said of how it was. Not the thing losing something of its own ("the tyre lost pressure", «куртка потеряла вид»):
    /// there the thing, before a singular verb, is the subject and the loss its defect.
    /// </summary>
    private static bool IsLosing(List<WordToken> tokens, TermMatch cue, TermMatch thing)
    {
        var word = tokens[cue.FirstToken + cue.TokenCount - 1].Lower;
        var after = cue.FirstToken > thing.FirstToken;
        // «Анализы потеряли»: the plural with no subject is "they lost", the thing before it its object.
        if (word is "потеряли" or "потерян" or "потеряна" or "потеряно" or "потеряны") return true;
        return !after && word is "потерял" or "потеряла" or "потеряло" or "lost";
    }

    /// <summary>
    /// Whether an opinion word is a bare «нет» (there is none): «Письма нет», «косметички нет», «вытяжки будто нет» say a thing is
    /// missing, not what it is like — what is missing may be anything (a letter, a hood, a bag from a suitcase). Not «ноль» («Лечения
    /// ноль» judges the treatment) and not a phrase holding «нет».
    /// </summary>
    private static bool IsBareAbsence(List<WordToken> tokens, TermMatch cue) =>
        cue.TokenCount == 1 && tokens[cue.FirstToken].Lower == "нет";

    // English adjective endings no noun of the things judged ends in ("punctual", "courteous", "helpful", "useless"), and the words
    // a person is praised with ("Calm and kind", "Punctual and pleasant": whoever served, not a thing sold). Not "patient", a
    // clinic's customer too.
    private static readonly string[] EnglishAdjectiveEndings = ["ual", "ous", "ful", "less"];
    private static readonly HashSet<string> PersonPraise = new(StringComparer.Ordinal) { "kind", "calm", "pleasant" };

    private static bool IsEnglishAdjectiveByForm(string word)
    {
        if (PersonPraise.Contains(word)) return true;
        foreach (var ending in EnglishAdjectiveEndings)
            if (word.Length > ending.Length + 2 && word.EndsWith(ending, StringComparison.Ordinal)) return true;
        return false;
    }

    /// <summary>
    /// Where the thing starts in an English clause that sets it apart from the rest with "itself" or "themselves" and judges it ("The
    /// course itself is a rehash", "the cleaning itself is superb", "The paint itself was a bit thin", "the cars themselves are fine"):
    /// a word that reads as a thing (<see cref="IsThing"/>) and names no factor of its own, right before the pronoun, in a clause with an
    /// opinion or a condition word after it. −1 if none. What is set apart is what the customer came for — the paint, the course, the
    /// gym — against the delivery, the support or the parking said before.
    /// </summary>
    private int ThingItself(TextContext context, Clause clause, List<TermMatch> said, List<TermMatch> matches, int sentenceFirst)
    {
        var tokens = context.Tokens;
        for (var i = clause.FirstToken + 1; i < clause.EndToken - 1; i++)
        {
            if (tokens[i].Lower is not ("itself" or "themselves")) continue;
            var thing = i - 1;
            if (Covered(said, thing) || Covered(matches, thing) || !IsThing(context.Text, tokens, thing, sentenceFirst)) return -1;
            foreach (var cue in said)
                if (cue.FirstToken > i && cue.FirstToken < clause.EndToken && SentimentCues.IsOpinion(cue, said)) return thing;
            return -1;
        }
        return -1;
    }
}
