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
    // are nouns. Round 17: and the first person of the present («встаю во дворах», «Ожидаю до сих пор»): the customer telling what
    // they do.
    private static readonly string[] VerbOnlyEndings = ["ает", "яет", "еет", "йти", "йте", "или", "яли", "аю", "яю"];

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
    /// ноль» judges the treatment) and not a phrase holding «нет». Round 17: nor English "missing" ("a watch missing", "two items missing").
    /// </summary>
    private static bool IsBareAbsence(List<WordToken> tokens, TermMatch cue) =>
        cue.TokenCount == 1 && tokens[cue.FirstToken].Lower is "нет" or "missing";

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

    // Round 18: the Russian pronoun that sets a thing apart from the rest when it stands before it («сам курс», «сама куртка», «само
    // кино», «сами тренировки»), and what may open its part before it (a contrast, «вот», «и»).
    private static readonly HashSet<string> SettingApart = new(StringComparer.Ordinal) { "сам", "сама", "само", "сами", "саму", "самого", "самой" };
    private static readonly HashSet<string> ApartOpeners = new(StringComparer.Ordinal) { "но", "а", "вот", "и", "зато", "однако", "хотя", "да", "ну" };

    /// <summary>Whether a word of comparison stands before <paramref name="i"/> in its part ("Shipping cost more than the paint itself"):
    /// the thing a price is weighed against, not the thing judged.</summary>
    private static bool ComparedWith(TextContext context, Clause clause, int i)
    {
        var (first, _) = Segment(context.Text, context.Tokens, clause, i);
        for (var k = first; k < i; k++)
            if (context.Tokens[k].Lower is "than" or "as" or "like") return true;
        return false;
    }

    /// <summary>
    /// Where the thing starts in a clause that sets it apart from the rest and judges it: in English a word before "itself" or
    /// "themselves" ("The course itself is a rehash", "the cleaning itself is superb", "The paint itself was a bit thin", "the cars
    /// themselves are fine"); round 18: in Russian a word after «сам», «сама», «само», «сами» opening its part («Но сам маникюр слез через
    /// неделю», «А вот сама куртка тонкая», «Сама шлифмашина из проката отличная»). The thing reads as a thing by its form
    /// (<see cref="IsThing"/>) or is this factor's own judged word, names no other factor, and an opinion, a neutral or a condition word
    /// follows it in the clause («Само кино — обычно», "The gym itself is very decent"). −1 if none. What is set apart is what the
    /// customer came for — the paint, the course, the gym — against the delivery, the support or the parking said before; a person
    /// who did something himself («бортпроводник сам нашёл», «сама исправлю») is not set apart, as the pronoun follows him and a
    /// verb follows it.
    /// </summary>
    private int ThingSetApart(TextContext context, Clause clause, List<TermMatch> said, List<TermMatch> matches, int sentenceFirst)
    {
        var tokens = context.Tokens;
        for (var i = clause.FirstToken; i < clause.EndToken - 1; i++)
        {
            var word = tokens[i].Lower;
            int thing;
            if (word is "itself" or "themselves" && i > clause.FirstToken && !ComparedWith(context, clause, i - 1)) thing = i - 1;
            else if (SettingApart.Contains(word) && OpensPart(context, clause, i)) thing = i + 1;
            else continue;
            if (Covered(said, thing) || !IsOwnThing(context.Text, tokens, thing, sentenceFirst, matches)) return -1;
            var after = Math.Max(i, thing) + 1;
            // «сам товар дешёвый»: a verdict that is another factor's own word (the price's) is that factor's, not the thing's.
            foreach (var cue in said)
                if (cue.FirstToken >= after && cue.FirstToken < clause.EndToken && (SentimentCues.IsOpinion(cue, said) || SentimentCues.IsNeutralVerdict(cue))
                    && !CoveredByOtherFactor(matches, cue.FirstToken)) return thing;
            if (states is null) return -1;
            var found = stateFound ??= new List<TermMatch>(2);
            found.Clear();
            states.Find(tokens, after, clause.EndToken, found);
            return found.Count > 0 ? thing : -1;
        }
        return -1;
    }

    /// <summary>Whether tokens [<paramref name="first"/>, <paramref name="end"/>) hold a word that sets a thing apart (a cheap test before
    /// the cues of a sentence that names no factor are matched).</summary>
    private static bool HasSettingApart(List<WordToken> tokens, int first, int end)
    {
        for (var i = first; i < end; i++)
            if (tokens[i].Lower is "itself" or "themselves" || SettingApart.Contains(tokens[i].Lower)) return true;
        return false;
    }

    private bool CoveredByOtherFactor(List<TermMatch> matches, int token)
    {
        foreach (var m in matches)
            if (m.Group < 3 * factorCount && m.Group % factorCount != unnamedFactor && m.FirstToken <= token && token < m.FirstToken + m.TokenCount) return true;
        return false;
    }

    /// <summary>Whether only a contrast word, «вот» or «и» stands before <paramref name="i"/> in its part of the clause.</summary>
    private static bool OpensPart(TextContext context, Clause clause, int i)
    {
        var (first, _) = Segment(context.Text, context.Tokens, clause, i);
        for (var k = first; k < i; k++)
            if (!ApartOpeners.Contains(context.Tokens[k].Lower)) return false;
        return true;
    }

    /// <summary>Whether the word at <paramref name="i"/> is a thing (<see cref="IsThing"/>, and in Russian no verb by its form: «сам видел»)
    /// or this factor's own judged word, and no other factor's word covers it.</summary>
    private bool IsOwnThing(string text, List<WordToken> tokens, int i, int sentenceFirst, List<TermMatch> matches)
    {
        var own = false;
        foreach (var m in matches)
        {
            if (m.FirstToken > i || m.FirstToken + m.TokenCount <= i) continue;
            if (m.Group >= 3 * factorCount || m.Group % factorCount != unnamedFactor) return false;
            own = true;
        }
        if (own) return true;
        var word = tokens[i].Lower;
        return IsThing(text, tokens, i, sentenceFirst) && !(word[0] is >= 'а' and <= 'я' or 'ё' && IsVerbForm(word));
    }

    // Round 17: words a judged thing is read as in another sense, by the words around it.
    // The phone as the line one calls: the preposition of a channel before it («по телефону», «к телефону», "by phone", "over the phone").
    private static readonly HashSet<string> ChannelPrepositions = new(StringComparer.Ordinal) { "по", "к", "by", "over" };

    // Words of calling and answering that make a phone the line («телефон не отвечает», «вечно занят», "nobody answered the phone").
    private static readonly string[] CallingStems = ["отвеча", "ответил", "ответила", "занят", "трубк", "дозвон", "answer", "pick", "reach", "through", "call"];

    // Other channels a phone is listed with ("Chat, phone and email", «чат, телефон, почта»).
    private static readonly HashSet<string> Channels = new(StringComparer.Ordinal) { "chat", "email", "e-mail", "mail", "чат", "почта", "почту", "почты", "email-у" };

    // Prepositions that make a meal an hour of the day («в обед», «к обеду», «после обеда», "by lunch", "after dinner").
    private static readonly HashSet<string> HourPrepositions = new(StringComparer.Ordinal)
    {
        "в", "к", "до", "после", "перед", "by", "before", "after", "until", "till", "around", "at",
    };

    private static readonly string[] MealStems = ["обед", "ужин", "lunch", "dinner"];

    /// <summary>
    /// Whether the judged term <paramref name="m"/> stands in another sense than the thing sold: a phone called on — after a
    /// channel's preposition, in a clause of calling or answering, or listed with other channels («Записаться по телефону — квест»,
    /// «телефон не отвечает», "nobody answered the phone", "Chat, phone and email, no answer anywhere") is the line, whoever answers
    /// it; a meal after a preposition of time («Для маникюра в обед идеально», "Got bored by lunch") is the hour, not the dish. A phone
    /// sold («Продали б/у телефон как новый») and a meal served («Обед в вагоне-ресторане вкусный») keep their sense.
    /// </summary>
    private static bool IsThingInAnotherSense(List<WordToken> tokens, Clause clause, TermMatch m)
    {
        if (m.TokenCount != 1) return false;
        var word = tokens[m.FirstToken].Lower;
        var before = m.FirstToken > clause.FirstToken ? tokens[m.FirstToken - 1].Lower : "";
        var twoBefore = m.FirstToken - 1 > clause.FirstToken ? tokens[m.FirstToken - 2].Lower : "";
        if (word.StartsWith("phone", StringComparison.Ordinal) || word.StartsWith("телефон", StringComparison.Ordinal))
        {
            if (ChannelPrepositions.Contains(before) || (before == "the" && ChannelPrepositions.Contains(twoBefore)) || (before == "the" && twoBefore == "on")) return true;
            for (var i = Math.Max(clause.FirstToken, m.FirstToken - 3); i < Math.Min(clause.EndToken, m.FirstToken + 4); i++)
            {
                if (i == m.FirstToken) continue;
                var near = tokens[i].Lower;
                if (Channels.Contains(near)) return true;
                foreach (var stem in CallingStems)
                    if (near.StartsWith(stem, StringComparison.Ordinal)) return true;
            }
            return false;
        }
        foreach (var meal in MealStems)
            if (word.StartsWith(meal, StringComparison.Ordinal)) return HourPrepositions.Contains(before);
        return false;
    }

    // Opinion words of value for money: what was got weighed against what it cost («выгодно», «окупается», "a bargain"). Not "worth":
    // "Worth every rouble" after a sentence that praised the thing is the thing's verdict in the labels (4 of 8).
    private static readonly string[] ValueStems = ["выгод", "окупа", "bargain"];

    /// <summary>
    /// Whether every opinion word in tokens [<paramref name="first"/>, <paramref name="end"/>) is a word of value for money (see
    /// <see cref="ValueStems"/>): «Абонемент выгодный», «Программа реально выгодная», «выходит выгодно» judge the
    /// deal — its price, a scheme's terms, the whole visit —, not how the thing sold is made or works.
    /// </summary>
    private static bool OnlyValueVerdict(List<WordToken> tokens, List<TermMatch> said, int first, int end)
    {
        var any = false;
        foreach (var cue in said)
        {
            if (!SentimentCues.IsOpinion(cue, said) || cue.FirstToken < first || cue.FirstToken >= end) continue;
            var valued = false;
            for (var i = cue.FirstToken; i < cue.FirstToken + cue.TokenCount && !valued; i++)
                foreach (var stem in ValueStems)
                    if (tokens[i].Lower.StartsWith(stem, StringComparison.Ordinal)) { valued = true; break; }
            if (!valued) return false;
            any = true;
        }
        return any;
    }

    // Units of time an opinion phrase may be made of («за час», «за пять минут», «в тот же день», "in seconds"): stems, and whole
    // words where a stem would take in another word («как часы» is like clockwork, no time taken).
    private static readonly string[] TimeUnitStems = ["секунд", "минут", "second", "minute", "hour"];
    private static readonly HashSet<string> TimeUnitWords = new(StringComparer.Ordinal) { "час", "часа", "часов", "полчаса", "день", "дня", "дней", "day", "days" };

    /// <summary>
    /// Whether an opinion phrase is a time a thing took (see <see cref="TimeUnitStems"/>): «за час сделали маникюр», «всё сделали за
    /// пять минут», "done in seconds" praise the speed — the wait's —, and say nothing of how the work came out.
    /// </summary>
    private static bool IsTimeTaken(List<WordToken> tokens, TermMatch cue)
    {
        if (cue.TokenCount < 2) return false;
        for (var i = cue.FirstToken; i < cue.FirstToken + cue.TokenCount; i++)
        {
            if (TimeUnitWords.Contains(tokens[i].Lower)) return true;
            foreach (var unit in TimeUnitStems)
                if (tokens[i].Lower.StartsWith(unit, StringComparison.Ordinal)) return true;
        }
        return false;
    }
}
