using Listening.Core.Factors.Cues;
using Listening.Core.Factors.Text;
using Listening.Core.Text;

namespace Listening.Core.Factors;

// Judged terms and the unnamed-verdict rule: whether an opinion word or a condition word is said of the thing itself.
public sealed partial class FactorExtractor
{
    /// <summary>
    /// Whether an opinion word within <see cref="JudgedDistance"/> words judges the judged term <paramref name="m"/>: no other
    /// factor's term stands between them («беру технику здесь: выбор хороший» — the praise is the range's, not the goods').
    /// </summary>
    private bool HasOwnCue(List<WordToken> tokens, List<TermMatch> said, Clause clause, TermMatch m, List<TermMatch> matches)
    {
        // Round 17: «по телефону записаться нельзя», "Getting through to you by phone", «в обед это катастрофа»: a thing sold in
        // another sense — the line one calls, the hour of a meal — is not what the verdict judges.
        if (m.Group % factorCount == unnamedFactor && IsThingInAnotherSense(tokens, clause, m)) return false;
        var first = m.FirstToken;
        var end = m.FirstToken + m.TokenCount;
        foreach (var cue in said)
        {
            if (!SentimentCues.IsOpinion(cue, said) || cue.FirstToken < clause.FirstToken || cue.FirstToken + cue.TokenCount > clause.EndToken) continue;
            if (cue.FirstToken + cue.TokenCount <= first - JudgedDistance || cue.FirstToken >= end + JudgedDistance) continue;
            // «сделали быстро», "the food came quickly": speed says how long it took (a qualifier's), not how well it was done.
            if (IsQualifier(cue, matches)) continue;
            // Round 17: «всё сделали за час», «счёт сделали за минуту»: the time a job took is how fast it was done, not how well.
            if (m.Group % factorCount == unnamedFactor && IsTimeTaken(tokens, cue)) continue;
            // «Сеанс отменили», "my session got cancelled": a thing sold cancelled was not given at all — nothing is said of how it was.
            if (m.Group % factorCount == unnamedFactor && IsCancelling(tokens, cue)) continue;
            // Round 16: «потеряли сумку», "lost my results": a thing lost was not judged for how it is.
            if (m.Group % factorCount == unnamedFactor && IsLosing(tokens, cue, m)) continue;
            var (from, to) = cue.FirstToken < first ? (cue.FirstToken + cue.TokenCount, first) : (end, cue.FirstToken);
            if (!OtherFactorBetween(tokens, matches, m, from, to)) return true;
        }
        return false;
    }

    /// <summary>Whether another factor's term (or judged object) starts in tokens [from, to): a word between a verdict and
    /// <paramref name="m"/> that the verdict may be about instead.</summary>
    private bool OtherFactorBetween(List<WordToken> tokens, List<TermMatch> matches, TermMatch m, int from, int to)
    {
        foreach (var other in matches)
        {
            if (other.Group >= 3 * factorCount || other.Group % factorCount == m.Group % factorCount) continue;
            // «Машины и приложение — лучшие»: a word listed with the thing by "and" is judged with it, not instead of it.
            if (m.Group % factorCount == unnamedFactor && IsListedWith(tokens, m, other)) continue;
            if (other.FirstToken >= from && other.FirstToken < to) return true;
        }
        return false;
    }

    /// <summary>
    /// Whether a word of a thing's condition stands within the judged distance of the unnamed factor's judged term, with no
    /// other factor's word between («тренажёры старые», "brand new machines"; not «машина приехала быстро, приложение новое»).
    /// </summary>
    private bool HasState(List<WordToken> tokens, Clause clause, TermMatch m, List<TermMatch> matches)
    {
        if (states is null || IsThingInAnotherSense(tokens, clause, m)) return false;
        var found = stateFound ??= new List<TermMatch>(2);
        found.Clear();
        // Closer than an opinion word: a condition word is said of the word next to it («старые тренажёры», "the machines are new").
        const int near = 2;
        states.Find(tokens, Math.Max(clause.FirstToken, m.FirstToken - near), Math.Min(clause.EndToken, m.FirstToken + m.TokenCount + near), found);
        foreach (var state in found)
        {
            if (state.FirstToken < m.FirstToken + m.TokenCount && state.FirstToken + state.TokenCount > m.FirstToken) continue;
            var (from, to) = state.FirstToken < m.FirstToken ? (state.FirstToken + state.TokenCount, m.FirstToken) : (m.FirstToken + m.TokenCount, state.FirstToken);
            if (!OtherFactorBetween(tokens, matches, m, from, to)) return true;
        }
        return false;
    }

    /// <summary>Where an outcome phrase (see <see cref="UnnamedVerdict.Outcomes"/>) starts in [from, end) and its sign (+1 the offering
    /// works or gave its result, −1 it fails or gave none), not inside quotes (a reply quoted back — «у нас всё работает» — is no
    /// verdict of the author's); (−1, 0) if none.</summary>
    private (int Token, int Sign) OutcomeAt(TextContext context, int from, int end)
    {
        if (outcomes is null) return (-1, 0);
        var found = outcomeFound ??= new List<TermMatch>(2);
        found.Clear();
        outcomes.Find(context.Tokens, from, end, found);
        foreach (var m in found)
            if (!IsQuoted(context.Text, context.Tokens, m.FirstToken)) return (m.FirstToken, m.Group == 0 ? 1 : -1);
        return (-1, 0);
    }

    /// <summary>An outcome phrase in <paramref name="clause"/> whose part (see <see cref="Part"/>) holds none of the factors found in
    /// the clause — those take it as said of them ("payments, transfers — everything works like clockwork"); (−1, 0) if none.</summary>
    private (int Token, int Sign) OutcomeOnItsOwn(TextContext context, Clause clause, List<(int Factor, int Token)> found)
    {
        var (at, sign) = OutcomeAt(context, clause.FirstToken, clause.EndToken);
        if (at < 0) return (-1, 0);
        var (first, end) = Part(context, clause, at);
        foreach (var (_, token) in found)
            if (token >= first && token < end) return (-1, 0);
        return (at, sign);
    }

    /// <summary>Whether a judged term stands inside an outcome phrase («результата нет» is the offering's failure, not a product missing).</summary>
    private bool InOutcome(TextContext context, TermMatch m)
    {
        if (outcomes is null) return false;
        var found = outcomeFound ??= new List<TermMatch>(2);
        found.Clear();
        outcomes.Find(context.Tokens, Math.Max(0, m.FirstToken - 3), Math.Min(context.Tokens.Count, m.FirstToken + m.TokenCount + 3), found);
        foreach (var o in found)
            if (o.FirstToken <= m.FirstToken && m.FirstToken + m.TokenCount <= o.FirstToken + o.TokenCount) return true;
        return false;
    }

    // What may open a new English statement after "and": a determiner or a subject ("and the duck was perfect", "and it works").
    private static readonly HashSet<string> StatementOpeners = new(StringComparer.Ordinal)
    {
        "the", "my", "our", "their", "his", "her", "its", "your", "it", "everything", "this", "that",
    };

    /// <summary>
    /// The part of <paramref name="clause"/> that holds <paramref name="token"/>: its <see cref="Segment"/>, and in English also cut at
    /// an "and" that opens a statement of its own ("Our waiter was fantastic and the duck was perfect", "the place is spotless and
    /// everything works") — English joins clauses with "and" where Russian puts a comma (round 11).
    /// </summary>
    private static (int First, int End) Part(TextContext context, Clause clause, int token)
    {
        var (first, end) = Segment(context.Text, context.Tokens, clause, token);
        var tokens = context.Tokens;
        if (tokens[token].Lower[0] is >= 'а' and <= 'я' or 'ё') return (first, end);
        for (var i = first; i + 1 < end; i++)
        {
            if (tokens[i].Lower != "and" || !StatementOpeners.Contains(tokens[i + 1].Lower)) continue;
            if (i < token) first = i + 1;
            else { end = i; break; }
        }
        return (first, end);
    }

    private static bool IsQuoted(string text, List<WordToken> tokens, int token)
    {
        var open = 0;
        for (var i = 0; i < tokens[token].Start; i++)
        {
            var ch = text[i];
            if (ch is '«' or '“') open++;
            else if (ch is '»' or '”') open--;
            else if (ch == '"') open = open > 0 ? open - 1 : open + 1;
        }
        return open > 0;
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
        // round 16: intensifiers, no thing ("super easy", «прям кайф», «прямо приятно»)
        "super", "прям", "прямо",
        // round 17: «реально удобно», «действительно выгодно»: an intensifier, no thing
        "реально", "действительно",
    };

    private static readonly string[] AdjectiveEndings = ["ый", "ий", "ой", "ая", "яя", "ое", "ее", "ые", "ого", "его", "ому", "ему", "ым", "ых", "их", "ую", "юю"];
    private static readonly string[] VerbEndings = ["ть", "ться", "ся", "сь", "ешь", "ишь", "ует", "ают", "яют", "ются", "ется"];

    /// <summary>
    /// Whether a clause that names no factor is one thing and a verdict on it (see <see cref="UnnamedVerdict"/>): at most
    /// the rule's word count, an opinion word, and one or two words left that read as a noun by their form («Содержание
    /// курса хорошее», "Good content"). <paramref name="from"/> is where the thing starts; <paramref name="sentenceFirst"/> is the
    /// first token of the clause's sentence.
    /// </summary>
    private bool IsUnnamedVerdict(TextContext context, Clause clause, List<TermMatch> said, List<TermMatch> matches, int sentenceFirst, out int from)
    {
        var tokens = context.Tokens;
        from = clause.FirstToken;
        var begin = clause.FirstToken;
        if (begin < clause.EndToken && ClauseSplitter.IsContrast(tokens[begin].Lower)) begin++;
        var count = clause.EndToken - begin;
        // «Курс в Лесенке реально хороший»: whose it is («в Лесенке», "at Lesenka") tells no more about the thing than a determiner.
        // Round 18: «Лучший звук в городе», "Best slides in the city", «Бензин у них хороший», «Курс по Java хороший»: a preposition
        // and its word say where, whose or which the thing is — no more the thing than a name is.
        var superlative = HasSuperlative(tokens, begin, clause.EndToken);
        var whose = 0;
        for (var i = begin; i < clause.EndToken; i++)
            if (InWhosePhrase(tokens, i, sentenceFirst) || InModifyingPhrase(tokens, begin, i, superlative)) whose++;
        if (count - whose < 2) return false;
        if (count - whose > Taxonomy.Unnamed!.Words(tokens[begin].Lower[0] is >= 'а' and <= 'я' ? "ru" : "en")) return false;
        foreach (var m in matches)
            if (m.FirstToken < clause.EndToken && m.FirstToken + m.TokenCount > begin) return false;
        var opinion = false;
        Span<bool> covered = stackalloc bool[count];
        foreach (var cue in said)
        {
            if (cue.FirstToken + cue.TokenCount <= begin || cue.FirstToken >= clause.EndToken) continue;
            // Round 16: «Письма нет», «вытяжки будто нет»: a thing said only to be missing is not judged for how it is.
            // Round 18: «курьер забрал на следующий день», "left on the dot": a phrase of when or where is no verdict on a thing.
            if (SentimentCues.IsOpinion(cue, said) && !IsBareAbsence(tokens, cue) && !(whose > 0 && InModifyingPhrase(tokens, begin, cue.FirstToken, superlative))) opinion = true;
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
                // A condition said by a phrase of its own («в отличном состоянии», "in great shape") is one; a state word inside a
                // phrase of where is not said of the thing.
                if (!ModifyingPrepositions.Contains(tokens[state.FirstToken].Lower) && InModifyingPhrase(tokens, begin, state.FirstToken, superlative)) continue;
                opinion = true;
                for (var i = state.FirstToken; i < Math.Min(state.FirstToken + state.TokenCount, clause.EndToken); i++) covered[i - begin] = true;
            }
        }
        if (!opinion) return false;
        // Round 17: «Абонемент выгодный», "Worth the fare": a verdict of value for money weighs what was paid against what was got —
        // the price's or the whole deal's —, it does not say how the thing is.
        if (OnlyValueVerdict(tokens, said, begin, clause.EndToken)) return false;
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
        for (var i = begin; i < clause.EndToken; i++)
        {
            if (covered[i - begin] || VerdictFrame.Contains(tokens[i].Lower) || (whose > 0 && (InWhosePhrase(tokens, i, sentenceFirst) || InModifyingPhrase(tokens, begin, i, superlative)))) continue;
            if (!IsThing(context.Text, tokens, i, sentenceFirst)) return false;
            if (++things > 2) return false;
            if (firstThing < 0) firstThing = i;
        }
        if (things == 0) return false;
        from = firstThing;
        return true;
    }

    // Words of exchange that open what a thing costs («за нормальные деньги», "for sensible money", "at premium prices"). Not «по»:
    // «нормальный по цене», «лучшее по соотношению цена/качество» judge the brand in respect of its price, not a thing for its price.
    private static readonly HashSet<string> Exchange = new(StringComparer.Ordinal) { "за", "for", "at" };

    /// <summary>
    /// Where the thing starts in a short verdict on a thing that stands before a phrase of its price (see <see cref="UnnamedVerdict.PricedBy"/>):
    /// a term (or weak term: «деньги», "money") of a pricing factor with a word of exchange at most two words before it (or opening it), and the words from the start of
    /// its part up to that word a thing and a verdict naming no factor («Отличные машины», "Average sushi"); −1 if none.
    /// </summary>
    private int PricedThing(TextContext context, Clause clause, List<TermMatch> said, List<TermMatch> matches, int sentenceFirst)
    {
        var tokens = context.Tokens;
        foreach (var m in matches)
        {
            var factor = m.Group % factorCount;
            if (m.Group >= 2 * factorCount || !pricing[factor] || m.FirstToken < clause.FirstToken || m.FirstToken >= clause.EndToken) continue;
            var at = -1;
            for (var i = Math.Max(clause.FirstToken, m.FirstToken - 2); i <= m.FirstToken && at < 0; i++)
                if (Exchange.Contains(tokens[i].Lower)) at = i;
            if (at < 0) continue;
            var (first, _) = Part(context, clause, at);
            if (at - first < 2) continue;
            if (IsUnnamedVerdict(context, new Clause(tokens[first].Start, tokens[at - 1].End - tokens[first].Start, first, at - first, clause.Sentence), said, matches, sentenceFirst, out var from))
                return from;
        }
        return -1;
    }

    // Prepositions that say whose or where a thing is when a name follows («в Лесенке», «у Волны», "at Lesenka").
    private static readonly HashSet<string> WhosePrepositions = new(StringComparer.Ordinal) { "в", "во", "у", "от", "at", "from" };

    /// <summary>Whether token <paramref name="i"/> is part of a preposition and a name inside the sentence («в Лесенке»).</summary>
    private static bool InWhosePhrase(List<WordToken> tokens, int i, int sentenceFirst)
    {
        if (WhosePrepositions.Contains(tokens[i].Lower)) return i + 1 < tokens.Count && tokens[i + 1].Capitalised && i + 1 > sentenceFirst;
        return tokens[i].Capitalised && i > sentenceFirst && i - 1 >= 0 && WhosePrepositions.Contains(tokens[i - 1].Lower);
    }

    // Round 18: prepositions that open a phrase of where, whose or which («в городе», «у них», «по Java», «для детей», "in Moscow", "of my
    // life"); not «за», "for a price" (PricedThing), nor "with" («пицца с плесенью» is what the thing has), nor «из» («лучшая из всех
    // служб» weighs the business against the others).
    private static readonly HashSet<string> ModifyingPrepositions = new(StringComparer.Ordinal)
    {
        "в", "во", "на", "у", "по", "для", "in", "at", "on", "of", "around", "across", "near",
    };

    // Words of when: a phrase of time («на следующий день», «в будни», «на завтра», "on the day") tells when something happened, a story's
    // step, not where or whose the thing is — its words stay in the clause and keep it from reading as a verdict on a thing.
    private static readonly string[] WhenStems =
    [
        "дн", "день", "ноч", "утр", "вечер", "завтра", "будн", "праздник", "выходн", "недел", "месяц", "год", "час", "минут", "раз", "срок", "время",
        "day", "night", "morning", "evening", "week", "month", "year", "time", "hour", "minute", "dot",
    ];

    // Words that may stand between such a preposition and its word ("in the city", "of my life", «у них»: the pronoun is the word).
    private static readonly HashSet<string> PhraseDeterminers = new(StringComparer.Ordinal)
    {
        "the", "a", "an", "my", "our", "your", "their", "this", "all", "whole", "весь", "всём", "всем", "этом", "нашем", "нашей",
    };

    // Words of the superlative: a thing called the best or the worst is placed among others somewhere («Лучший звук в городе», "Best
    // slides in the city", "Best balayage of my life").
    private static readonly string[] SuperlativeStems = ["лучш", "худш", "самы", "сама", "само", "best", "worst", "finest"];

    // Pronouns of whose after «у» («Бензин у них хороший», «Машины у вас хорошие»).
    private static readonly HashSet<string> WhosePronouns = new(StringComparer.Ordinal) { "них", "вас", "нас", "него", "неё", "нее" };

    private static bool HasSuperlative(List<WordToken> tokens, int first, int end)
    {
        for (var i = first; i < end; i++)
            if (StartsWithAny(tokens[i].Lower, SuperlativeStems)) return true;
        return false;
    }

    /// <summary>
    /// Whether token <paramref name="i"/> is a modifying preposition after the first word of the clause part (from
    /// <paramref name="begin"/>) or the word it governs, across at most one determiner: «у них», «на Искре», and where the clause calls
    /// the thing the best or the worst (<paramref name="superlative"/>) any phrase of where or which («в городе», "in the city", "of my
    /// life"). Elsewhere such a phrase is as often a step of a story («Прораб в будни — пустой», «перенесли на завтра») and keeps the
    /// clause from reading as a verdict on a thing.
    /// </summary>
    private static bool InModifyingPhrase(List<WordToken> tokens, int begin, int i, bool superlative)
    {
        for (var p = i; p >= Math.Max(begin + 1, i - 2); p--)
        {
            if (!ModifyingPrepositions.Contains(tokens[p].Lower)) continue;
            var word = p + 1;
            if (word < tokens.Count && PhraseDeterminers.Contains(tokens[word].Lower)) word++;
            // «на следующий день», «в тот же день»: the word governed may follow one adjective.
            if (word >= tokens.Count || IsWhen(tokens[word].Lower) || (word + 1 < tokens.Count && IsWhen(tokens[word + 1].Lower))) return false;
            var whose = (tokens[p].Lower == "у" && WhosePronouns.Contains(tokens[word].Lower)) || (tokens[p].Lower == "на" && tokens[word].Capitalised);
            return (superlative || whose) && i <= word;
        }
        return false;
    }

    private static bool IsWhen(string word) => StartsWithAny(word, WhenStems);

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
            // Round 16: «никто не предупредил», «Приняли без вопросов», «хозяин не берёт трубку»: a verb tells what was done.
            return !IsVerbByForm(word) && !FollowsNegator(tokens, i, sentenceFirst);
        }
        return !word.EndsWith("ly", StringComparison.Ordinal) && !word.EndsWith("ed", StringComparison.Ordinal) && !word.EndsWith("ing", StringComparison.Ordinal)
            && !IsEnglishAdjectiveByForm(word);
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
    /// <paramref name="m"/> ("a great range of international foods": the foods are the range's object); <paramref name="stock"/>
    /// is what the clause says of <paramref name="m"/>'s availability (see <see cref="AvailabilityOf"/>).</summary>
    private bool NamedInPart(TextContext context, Clause clause, TermMatch m, List<TermMatch> matches, int[] factors, Availability stock)
    {
        if (factors.Length == 0) return false;
        var (first, end) = Part(context, clause, m.FirstToken);
        foreach (var other in matches)
        {
            // Another factor's own terms, or its judged objects («краской на весь зал»: the room's smell, not the paint's quality).
            var kind = other.Group / factorCount;
            if (kind is not (0 or 2) || other.FirstToken < first || other.FirstToken >= end || IsInsideLongerMatch(other, matches)) continue;
            // «Завтрак и персонал — на высоте», "Loved the terrace and the food": listed by "and", both are judged (a thing counted
            // — "ten out of ten" — keeps yielding, as it did).
            if (m.Group % factorCount == unnamedFactor && IsListedWith(context.Tokens, m, other) && stock == Availability.None) continue;
            if (Array.IndexOf(factors, other.Group % factorCount) >= 0) return true;
        }
        return false;
    }
}
