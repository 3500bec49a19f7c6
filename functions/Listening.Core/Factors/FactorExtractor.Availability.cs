using Listening.Core.Factors.Text;

namespace Listening.Core.Factors;

// A product's presence or absence, a count of products, finding it, the topic of advice or a question: the range's rules.
public sealed partial class FactorExtractor
{
    // "no fresh fish", «нет нормальных сыров», "missing items", "out of every flu medicine": the product is missing, which
    // judges the range (or, where the clause names the order, the delivery).
    private static readonly HashSet<string> Absence = new(StringComparer.Ordinal)
    {
        "no", "missing", "lack", "нет", "нету", "ни", "отсутствовал", "отсутствовала", "отсутствовали", "не хватает", "недовложили",
    };

    // Round 17: «горки закрыты», «горку закрыли на ремонт», "the best slides were closed", "two slides closed for repairs": a thing
    // of the offering closed is not there to be had — a lack in the range, as a product out of stock is (the guideline's
    // "availability"). Said after the thing only: «закрыли посадку», "closed my ticket" close a boarding or an account. Only a judged
    // thing of the offering: a closed till, toilet, branch or sauna is its own factor's word and keeps its factor. Not «не
    // работает»: a machine out of order is as often filed under the thing's quality ("it broke", the fitness story's treadmills).
    private static readonly HashSet<string> Closed = new(StringComparer.Ordinal)
    {
        "закрыт", "закрыта", "закрыто", "закрыты", "закрыли", "closed", "на ремонте", "under repair",
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
            if (StartsWithAny(word, AdvicePrefixes)) return true;
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
            if (StartsWithAny(tokens[i].Lower, SpentPrefixes)) return true;
        return false;
    }

    private enum Availability { None, Missing, Many, Few, Without }

    // Round 15: the words that open each member of a list of things lacking: «ни еды, ни гостиницы», "no food, no updates".
    private static readonly HashSet<string> ListedLack = new(StringComparer.Ordinal) { "ни", "no" };

    private const int ListedMemberWords = 3;

    /// <summary>
    /// Round 15: whether the absence word at <paramref name="at"/> opens one member of a list of lacks whose other member names
    /// no thing of the same kind: «Ни еды, ни гостиницы», "No food, no updates", "No kettle, no money", «нет ни телефона, ни
    /// офиса» — a service that left the customer without things no shelf holds, not a product missing from the range.
    /// «Ни молока, ни хлеба» (two products) stays the range's.
    /// </summary>
    private static bool ListsLackOfNoGoods(List<WordToken> tokens, int first, int last, int at, TermMatch m, List<TermMatch> matches)
    {
        if (!ListedLack.Contains(tokens[at].Lower)) return false;
        // The members stand in one sentence: a Russian comma starts a clause («Ни еды, ни гостиницы»).
        for (var j = first; j < last; j++)
        {
            if (j == at || tokens[j].Lower != tokens[at].Lower) continue;
            var end = Math.Min(last, j + 1 + ListedMemberWords);
            if (j + 1 >= end) continue;
            var product = false;
            foreach (var o in matches)
                if (o.Group == m.Group && o.FirstToken > j && o.FirstToken < end) { product = true; break; }
            if (!product) return true;
        }
        return false;
    }

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

    private static bool IsNoneOverTime(List<WordToken> tokens, Clause clause, int ni, TermMatch m)
    {
        if (ni + 1 >= m.FirstToken || tokens[ni + 1].Lower is not ("одной" or "одного" or "одну" or "один")) return false;
        var after = m.FirstToken + m.TokenCount;
        return after < clause.EndToken && tokens[after].Lower is "за" or "без";
    }

    /// <summary>Whether the clause says the product of <paramref name="m"/> is missing ("no fresh fish", "out of children's
    /// fever syrup", «лекарства нет») or counts it («много фермерских продуктов», «мало моделей»).</summary>
    private Availability AvailabilityOf(List<WordToken> tokens, Clause clause, TermMatch m, List<TermMatch> matches, int sentenceFirst, int sentenceEnd)
    {
        for (var i = Math.Max(clause.FirstToken, m.FirstToken - 5); i < m.FirstToken; i++)
        {
            var word = tokens[i].Lower;
            if (word == "out" && i + 1 < m.FirstToken && tokens[i + 1].Lower == "of") return Availability.Missing;
            // «верните в каталог нормальные стиральные машины», "please bring back the rye bread": a request reports a lack.
            if (word is "верните" or "добавьте" || (word is "bring" or "add") && i + 1 < m.FirstToken && tokens[i + 1].Lower is "back" or "more") return Availability.Missing;
            if (i < m.FirstToken - 3) continue;
            // «Ни одной подделки за три года», «ни одной поездки без задержки»: none of a thing over a time or without a flaw is a
            // verdict on what came, not a product missing from the shelf.
            if (word == "ни" && IsNoneOverTime(tokens, clause, i, m)) return Availability.None;
            if (Absence.Contains(word)) return ListsLackOfNoGoods(tokens, sentenceFirst, sentenceEnd, i, m, matches) ? Availability.Without : Availability.Missing;
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
        // Closed is the range's lack only for a thing the range holds (not a toilet, a till, a network: their own factors' failures).
        return availability[m.Group % factorCount] == rangeFactor && rangeFactor >= 0 && !IsProvided(tokens, m) && IsClosedAfter(tokens, clause, after)
            ? Availability.Missing : Availability.None;
    }

    // «горки уже закрыты», "the slides were closed", "slides temporarily closed": the words that may stand between a thing and its closure.
    private static readonly HashSet<string> ClosureLinks = new(StringComparer.Ordinal)
    {
        "was", "were", "is", "are", "all", "still", "temporarily", "now", "был", "была", "были", "было", "уже", "временно", "опять", "снова", "все", "всё",
    };

    /// <summary>Round 17: whether a closure word (<see cref="Closed"/>) follows the thing ending before <paramref name="after"/> as its
    /// predicate — next to it, or past a copula or an adverb («горки уже закрыты», "the best slides were closed") — not a closure of
    /// another thing further on ("bought four tickets; two main slides were closed", «убрали полотенца и закрыли сауну»).</summary>
    private static bool IsClosedAfter(List<WordToken> tokens, Clause clause, int after)
    {
        var i = after;
        while (i < clause.EndToken && ClosureLinks.Contains(tokens[i].Lower)) i++;
        if (i >= clause.EndToken) return false;
        return Closed.Contains(tokens[i].Lower) || i + 1 < clause.EndToken && Closed.Contains(tokens[i].Lower + " " + tokens[i + 1].Lower);
    }
}

// Round 18 (fact21r): things counted or closed are the range's size, whatever a domain calls them.
public sealed partial class FactorExtractor
{
    // «слишком много рекламы», "too many ads": too much of a thing is a nuisance, not a range.
    private static readonly HashSet<string> TooMuch = new(StringComparer.Ordinal) { "слишком", "чересчур", "too" };

    // «всего три фильма», "only a couple of blockbusters", "only one film in English": a small count said to be all there is.
    private static readonly HashSet<string> OnlyCount = new(StringComparer.Ordinal) { "только", "всего", "лишь", "only", "just" };

    private static readonly HashSet<string> SmallNumbers = new(StringComparer.Ordinal)
    {
        "один", "одна", "одну", "одно", "два", "две", "три", "четыре", "пять", "пара", "пару", "парочка",
        "one", "two", "three", "four", "five", "couple", "handful",
    };

    // Words between a count and the thing counted: "lots of", "a couple of", «так много», "so many", "very few".
    private static readonly HashSet<string> CountLinks = new(StringComparer.Ordinal) { "of", "a", "the", "так", "очень", "so", "very", "really" };

    // Counted nouns that are no thing offered: troubles, questions, money, faults, the feedback itself.
    private static readonly HashSet<string> NotCounted = new(StringComparer.Ordinal)
    {
        "проблем", "вопросов", "ошибок", "жалоб", "минусов", "плюсов", "денег", "звонков", "нюансов", "недостатков", "недочетов", "недочётов",
        "претензий", "косяков", "нервов", "сил", "эмоций", "впечатлений", "шагов", "документов", "бумаг", "справок", "комментариев",
        "problems", "issues", "questions", "errors", "mistakes", "complaints", "bugs", "ads", "calls", "steps", "hoops", "emails", "messages",
        "notifications", "forms", "papers", "hands", "documents", "emotions", "memories", "photos", "pictures", "kudos", "thanks", "points", "miles",
        // a window, a door, a gate or a road shut is a state of the place, not a thing of the range closed
        "окна", "двери", "ворота", "дороги", "шторы", "жалюзи", "windows", "doors", "gates", "roads", "blinds",
    };

    private const int CountReach = 3;

    /// <summary>
    /// Round 18: the first thing of the offering a clause counts or closes, where no factor's word names it: «мало фильмов», «горок
    /// много», «развлечений мало», "loads of slides", "so many showtimes", "only three films", «всего три фильма», "half the slides
    /// closed", «горки закрыты». A count of things is the range's size and a closed thing a lack in it (as <see cref="AvailabilityOf"/>
    /// reads a judged product), whatever a domain calls them — a film, a slide, a course. Not too much of a thing («слишком много
    /// рекламы»), not a thing in the singular («много воды», "lots of fun"), not a person, a time, money or a trouble
    /// (<see cref="IsThing"/>, <see cref="NotCounted"/>), not a thing the service provides (heating, water) nor one a factor names.
    /// </summary>
    private (Availability Stock, int Token) CountedThing(TextContext context, Clause clause, List<TermMatch> matches, int sentenceFirst)
    {
        // A taxonomy with no notion of a thing (no unnamed verdict) counts none.
        if (notThings is null) return (Availability.None, -1);
        var tokens = context.Tokens;
        for (var i = clause.FirstToken; i < clause.EndToken; i++)
        {
            var word = tokens[i].Lower;
            if (Quantity.Contains(word) && word != "немного" && !(word is "few" && i > clause.FirstToken && tokens[i - 1].Lower == "a"))
            {
                // «слишком много рекламы»; "the many expats in this complex": too much of a thing, or a count that only describes.
                if (i > clause.FirstToken && (TooMuch.Contains(tokens[i - 1].Lower) || tokens[i - 1].Lower == "the")) continue;
                var few = word is "few" or "мало" or "маловато";
                if (IsCountDenied(tokens, clause, i)) few = !few;
                // «фильмов мало», «горок много»: the thing counted just before the count.
                if (i > clause.FirstToken && word is "много" or "мало" or "маловато" or "полно" && IsCountedThing(context, i - 1, matches, sentenceFirst, plural: true))
                    return (few ? Availability.Few : Availability.Many, i - 1);
                var thing = ThingAfter(context, clause, i, matches, sentenceFirst, plural: true);
                if (thing >= 0) return (few ? Availability.Few : Availability.Many, thing);
            }
            else if (OnlyCount.Contains(word) && i + 1 < clause.EndToken)
            {
                var n = i + 1;
                while (n < clause.EndToken && CountLinks.Contains(tokens[n].Lower)) n++;
                if (n >= clause.EndToken || !(SmallNumbers.Contains(tokens[n].Lower) || IsSmallDigit(tokens[n].Lower))) continue;
                var thing = ThingAfter(context, clause, n, matches, sentenceFirst, plural: false);
                if (thing >= 0 && !IsOpenAfter(tokens, clause, thing + 1)) return (Availability.Few, thing);
            }
            else if (ClosedInPlural(tokens, clause, i + 1) && IsCountedThing(context, i, matches, sentenceFirst, plural: word[0] is >= 'a' and <= 'z'))
                return (Availability.Missing, i);
        }
        return (Availability.None, -1);
    }

    // «горки закрыты», «горки закрыли на ремонт», "half the slides closed": a closure said of things (an English plural noun, a
    // Russian plural predicate) — not «вход закрыт», «бассейн закрыт», one place shut.
    private static bool ClosedInPlural(List<WordToken> tokens, Clause clause, int after)
    {
        if (!IsClosedAfter(tokens, clause, after)) return false;
        var i = after;
        while (i < clause.EndToken && ClosureLinks.Contains(tokens[i].Lower)) i++;
        if (tokens[i].Lower is not ("closed" or "закрыты" or "закрыли")) return false;
        // «Две кассы из четырёх закрыты»: a part of a number closed counts the things before it, not a thing of its own.
        var thing = tokens[after - 1].Lower;
        if (after - 2 >= clause.FirstToken && tokens[after - 2].Lower is "из" or "of") return false;
        // «горки закрыли», not «Аптеку на нашей улице закрыли», «18 января закрыли»: «закрыли» has no subject of its own, so the
        // thing before it must itself be a plural (-ы, -и); «закрыты» is plural itself («„Камикадзе“ и „Чёрная дыра“ закрыты»).
        return thing[0] is >= 'a' and <= 'z' || tokens[i].Lower == "закрыты" || thing[^1] is 'ы' or 'и';
    }

    /// <summary>Whether some clause of the sentence [first, end) counts or closes a thing (see <see cref="CountedThing"/>): then a sentence
    /// that names no factor is still read for the range.</summary>
    private bool CountsAThing(TextContext context, int first, int end, List<TermMatch> matches)
    {
        var sentenceFirst = context.Clauses[first].FirstToken;
        for (var c = first; c < end; c++)
            if (CountedThing(context, context.Clauses[c], matches, sentenceFirst).Token >= 0) return true;
        return false;
    }

    private static readonly string[] RussianAdjectiveEndings = ["ых", "их", "ые", "ие", "ой", "ый", "ий", "ая", "яя", "ую", "юю", "ое", "ее"];

    // «мало интересных фильмов», "lots of vegan options", "so many great slides": an adjective before the thing counted.
    private static bool IsAdjectiveBeforeThing(string word)
    {
        if (word.Length < 3) return false;
        if (word[0] is >= 'a' and <= 'z')
            return !EnglishFunctionWords.Contains(word) && !word.EndsWith('s');
        foreach (var ending in RussianAdjectiveEndings)
            if (word.EndsWith(ending, StringComparison.Ordinal)) return true;
        return false;
    }

    private static readonly HashSet<string> EnglishFunctionWords = new(StringComparer.Ordinal)
    {
        "that", "which", "who", "what", "this", "these", "those", "there", "here", "them", "they", "you", "for", "and", "but", "with",
        "from", "about", "more", "other", "others", "time", "times", "people",
    };

    // "only one counter was open", «работали только две кассы»: how many points of service are staffed is the wait's, not the range.
    private static bool IsOpenAfter(List<WordToken> tokens, Clause clause, int after)
    {
        var i = after;
        while (i < clause.EndToken && ClosureLinks.Contains(tokens[i].Lower)) i++;
        return i < clause.EndToken && (tokens[i].Lower is "open" or "working" or "staffed" || tokens[i].Lower.StartsWith("работа", StringComparison.Ordinal)
                                       || tokens[i].Lower.StartsWith("открыт", StringComparison.Ordinal));
    }

    private static bool IsSmallDigit(string word) => word.Length == 1 && word[0] is >= '1' and <= '5';

    // «не так много фильмов», "not many films", «не мало»: a denied count says the opposite.
    private static bool IsCountDenied(List<WordToken> tokens, Clause clause, int at)
    {
        for (var i = Math.Max(clause.FirstToken, at - 2); i < at; i++)
            if (tokens[i].Lower is "не" or "not") return true;
        return false;
    }

    /// <summary>The thing counted by the count word at <paramref name="at"/>: the first thing within <see cref="CountReach"/> words
    /// after it, past "of", "so" and adjectives («мало интересных фильмов», "lots of vegan options"); -1 where a factor's word or
    /// no thing comes first.</summary>
    private int ThingAfter(TextContext context, Clause clause, int at, List<TermMatch> matches, int sentenceFirst, bool plural)
    {
        for (var j = at + 1; j < Math.Min(clause.EndToken, at + 1 + CountReach); j++)
        {
            if (Covered(matches, j)) return -1;
            if (CountLinks.Contains(context.Tokens[j].Lower)) continue;
            if (IsCountedThing(context, j, matches, sentenceFirst, plural)) return j;
            // "the only one that lets you", «мало — получаем мало»: a pronoun or a verb ends the count; only an adjective may stand between.
            if (!IsAdjectiveBeforeThing(context.Tokens[j].Lower)) return -1;
        }
        return -1;
    }

    private bool IsCountedThing(TextContext context, int i, List<TermMatch> matches, int sentenceFirst, bool plural)
    {
        var word = context.Tokens[i].Lower;
        if (NotCounted.Contains(word) || Covered(matches, i)) return false;
        // «развлечений», «занятий», «мероприятий»: a verbal noun's plural ends as an adjective does, so IsThing would refuse it.
        if (word.Length > 5 && (word.EndsWith("ений", StringComparison.Ordinal) || word.EndsWith("аний", StringComparison.Ordinal)
                                || word.EndsWith("ятий", StringComparison.Ordinal) || word.EndsWith("иятий", StringComparison.Ordinal)))
        {
            if (context.Tokens[i].Capitalised && i > sentenceFirst) return false;
            var not = notThingFound ??= new List<TermMatch>(2);
            not.Clear();
            notThings?.Find(context.Tokens, i, i + 1, not);
            if (not.Count > 0) return false;
        }
        else if (!IsThing(context.Text, context.Tokens, i, sentenceFirst)) return false;
        if (provided is not null)
        {
            var found = providedFound ??= new List<TermMatch>(2);
            found.Clear();
            provided.Find(context.Tokens, i, i + 1, found);
            if (found.Count > 0) return false;
        }
        if (!plural) return true;
        // A plural: "slides", «фильмов», «горок», «развлечений»; not «воды», «шума», "fun" (a mass, not things to choose from).
        if (word[0] is >= 'a' and <= 'z') return word.Length > 3 && word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal);
        // Not a verb's first person plural («Платим мало — получаем мало»).
        if (word.EndsWith("ем", StringComparison.Ordinal) || word.EndsWith("им", StringComparison.Ordinal) || word.EndsWith("ём", StringComparison.Ordinal)) return false;
        return word[^1] is not ('а' or 'я' or 'ы' or 'и' or 'у' or 'ю' or 'о' or 'е' or 'ё' or 'ь');
    }
}
