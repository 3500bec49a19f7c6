using Listening.Core.Factors.Text;

namespace Listening.Core.Factors;

// Words of finding and choosing name the range only in their range sense: "can't find X" is a shelf without X, but
// «дешевле не найти» is a price that is the lowest, "Easy choice" a decision made and «выбор места» the booking of a seat.
public sealed partial class FactorExtractor
{
    // Round 14: things the offering provides (UnnamedVerdict.Provided); null without any.
    private readonly TermMatcher? provided;
    [ThreadStatic] private static List<TermMatch>? providedFound;

    // «дешевле не найти», «лучше условий не нашёл», "couldn't find a cheaper one": a comparative with a finding word is a
    // superlative said of what is compared (the price, the terms), not a product missing from the shelf.
    private static readonly HashSet<string> Comparative = new(StringComparer.Ordinal)
    {
        "лучше", "хуже", "дешевле", "дороже", "выгоднее", "удобнее", "быстрее", "надёжнее", "надежнее", "ниже", "проще",
        "better", "cheaper", "lower", "nicer", "faster", "closer",
    };

    private static readonly string[] FindingPrefixes = ["найт", "найд", "нашл", "нашё", "наше", "find", "found"];

    // "my first choice", "the driver's choice", "Easy choice", "not by choice", "a lifestyle choice", «выбор очевиден»,
    // «хороший выбор для тех, кто…»: a choice made (a decision), said of the brand as a whole, not how much it offers.
    private static readonly HashSet<string> ChoiceWords = new(StringComparer.Ordinal)
    {
        "choice", "выбор", "выбора", "выбору", "выбором", "выборе",
    };

    private static readonly HashSet<string> DecisionBefore = new(StringComparer.Ordinal)
    {
        "my", "your", "our", "their", "his", "her", "first", "easy", "obvious", "only", "lifestyle", "right", "wrong", "wise", "smart",
        "by", "очевидный", "правильный", "осознанный", "лёгкий", "легкий", "мой", "наш", "твой", "ваш",
    };

    private static readonly HashSet<string> DecisionAfter = new(StringComparer.Ordinal)
    {
        "очевиден", "очевидный", "очевидна", "сделан", "для", "for",
    };

    // «выбор места», «на выборе мест», «экран выбора времени»: choosing a seat, a time or a slot is a step of booking (the
    // app's or the counter's), not a range of goods.
    private static readonly string[] SlotPrefixes = ["мест", "времен", "врем", "дат", "слот", "окн"];

    /// <summary>
    /// Whether <paramref name="m"/> is a word of running out («закончился», "ran out") said of no product: its subject just before
    /// it is another factor's own term («Промо закончилось» — the promotion ended, a loyalty matter) or the idiom «на этом …
    /// закончилось» (that is where the good part ended). «Товар закончился», «корм закончился» stay the range: a product is a
    /// judged term, not a factor's own.
    /// </summary>
    private bool IsEndingOfNoProduct(List<WordToken> tokens, Clause clause, TermMatch m, List<TermMatch> matches)
    {
        var first = tokens[m.FirstToken].Lower;
        if (!first.StartsWith("законч", StringComparison.Ordinal) && !first.StartsWith("кончил", StringComparison.Ordinal)) return false;
        for (var i = Math.Max(clause.FirstToken, m.FirstToken - 4); i + 1 < m.FirstToken; i++)
            if (tokens[i].Lower == "на" && tokens[i + 1].Lower == "этом") return true;
        var own = m.Group % factorCount;
        foreach (var other in matches)
            if (other.Group < factorCount && other.Group != own && other.FirstToken >= Math.Max(clause.FirstToken, m.FirstToken - 4)
                && other.FirstToken < m.FirstToken) return true;
        return false;
    }

    // Round 15: «заменили на что попало», «заменили аналогами», «половину заменили»: a replacement is the range's where it
    // swaps the goods of an order for others; «замену фасада ждём шестую неделю», «заменить сим-карту», «заменил пробитое
    // колесо» replace the customer's own thing (a repair, an exchange), and no product is missing from the shelf.
    private static readonly string[] SubstitutionMarks = ["аналог", "половин", "позици", "согласова"];

    // «на три часа», «на 6 этаж», «на следующий день»: a «на» of a count or a time, not of what the goods were replaced with.
    private static readonly HashSet<string> CountOrTime = new(StringComparer.Ordinal)
    {
        "один", "одна", "два", "две", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять", "десять", "час", "часа", "часов",
        "полчаса", "полтора", "неделю", "месяц", "день", "дня", "дней", "сутки", "минут", "следующий", "следующей", "следующую", "этаж",
    };

    private static bool IsCountOrTimeAfter(List<WordToken> tokens, Clause clause, int at) =>
        at + 1 < clause.EndToken && (char.IsDigit(tokens[at + 1].Lower[0]) || CountOrTime.Contains(tokens[at + 1].Lower));

    /// <summary>
    /// Round 15: whether <paramref name="m"/> is a word of replacement («замена», «заменили») that swaps no goods of an order: the
    /// clause has no «на» just after it (replaced with what — not «на три часа»), and names no analogue, no half of the order, no items, no agreeing to it.
    /// </summary>
    private static bool IsReplacementOfNoGoods(List<WordToken> tokens, Clause clause, TermMatch m)
    {
        if (m.TokenCount != 1 || !tokens[m.FirstToken].Lower.StartsWith("замен", StringComparison.Ordinal)) return false;
        for (var i = clause.FirstToken; i < clause.EndToken; i++)
        {
            var word = tokens[i].Lower;
            if (i > m.FirstToken && i <= m.FirstToken + 3 && word == "на" && !IsCountOrTimeAfter(tokens, clause, i)) return false;
            foreach (var mark in SubstitutionMarks)
                if (word.StartsWith(mark, StringComparison.Ordinal)) return false;
        }
        return true;
    }

    /// <summary>Whether <paramref name="m"/> is a thing the offering provides (<see cref="UnnamedVerdict.Provided"/>).</summary>
    private bool IsProvided(List<WordToken> tokens, TermMatch m)
    {
        if (provided is null) return false;
        var found = providedFound ??= new List<TermMatch>(2);
        found.Clear();
        provided.Find(tokens, m.FirstToken, m.FirstToken + m.TokenCount, found);
        return found.Count > 0;
    }

    /// <summary>Whether the words of <paramref name="m"/> are a finding or a choosing in a sense other than the range's.</summary>
    private static bool IsFindingOrChoosingOfNoRange(List<WordToken> tokens, Clause clause, TermMatch m)
    {
        var end = m.FirstToken + m.TokenCount;
        if (m.TokenCount == 1 && ChoiceWords.Contains(tokens[m.FirstToken].Lower))
        {
            var before = m.FirstToken > clause.FirstToken ? tokens[m.FirstToken - 1].Lower : "";
            if (DecisionBefore.Contains(before) || before.EndsWith("'s", StringComparison.Ordinal)) return true;
            if (end < clause.EndToken)
            {
                var after = tokens[end].Lower;
                if (DecisionAfter.Contains(after)) return true;
                foreach (var prefix in SlotPrefixes)
                    if (after.StartsWith(prefix, StringComparison.Ordinal) && !after.StartsWith("местн", StringComparison.Ordinal)) return true;
            }
            return false;
        }
        if (!HasFindingWord(tokens, m.FirstToken, end)) return false;
        for (var i = Math.Max(clause.FirstToken, m.FirstToken - 4); i < Math.Min(clause.EndToken, end + 3); i++)
            if (i < m.FirstToken || i >= end)
                if (IsComparative(tokens[i].Lower)) return true;
        return false;
    }

    /// <summary>Whether a word of finding («найти», «нашла», "found", "can't find") stands in [from, end).</summary>
    private static bool HasFindingWord(List<WordToken> tokens, int from, int end)
    {
        for (var i = from; i < end; i++)
        {
            // Every match passes here: a first-letter test keeps the prefix look-ups off nearly all of them.
            var word = tokens[i].Lower;
            if (word.Length < 4 || word[0] is not ('н' or 'f')) continue;
            if (StartsWithAny(word, FindingPrefixes)) return true;
        }
        return false;
    }

    // Listed, not by the ending -ее: a neuter adjective ends so too («свежее молоко не найти» is a product missing).
    private static bool IsComparative(string word) => Comparative.Contains(word);
}
