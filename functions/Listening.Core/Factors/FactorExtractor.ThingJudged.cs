using Listening.Core.Factors.Cues;
using Listening.Core.Factors.Text;

namespace Listening.Core.Factors;

// Round 15: what makes a word the thing sold that is judged — not a name that spells it, not kept from its verdict by a word it is
// listed with, not called off; and a verdict on the thing's substance said without naming it.
public sealed partial class FactorExtractor
{
    /// <summary>
    /// Whether the word at <paramref name="i"/> is written as a name inside its sentence: a Russian word with a capital after the
    /// sentence's first word and the rest in lower case («Курьер Свежо опоздал», «заказали в Комоде»), or a tag or handle ("#свежо",
    /// "@komod"). A brand
    /// or a branch is often named with an ordinary word — a freshness, a chest of drawers, a tread — and then judges nothing of
    /// what it spells. Not an acronym or a word with a capital inside ("LTE", "Wi-Fi"), not a unit after its number ("300 Mbps"), and
    /// not after a colon or a dash, where a list item may open with a capital ("Pros: Fresh bread").
    /// </summary>
    private static bool IsWrittenAsName(string text, List<WordToken> tokens, int i, int sentenceFirst) =>
        IsTag(text, tokens[i]) || IsCapitalisedName(text, tokens, i, sentenceFirst);

    private static bool IsTag(string text, WordToken token) => token.Start > 0 && text[token.Start - 1] is '#' or '@';

    private static bool IsCapitalisedName(string text, List<WordToken> tokens, int i, int sentenceFirst)
    {
        var token = tokens[i];
        // Russian writes only names with a capital inside a sentence; English also capitalises a product's name and a heading
        // ("the Toshiba Laptop", "Great Quality"), so there a capital tells nothing.
        if (!token.Capitalised || i <= sentenceFirst || token.Length < 3 || token.Lower[0] is not (>= 'а' and <= 'я' or 'ё')) return false;
        // "300 Mbps", «85 Мбит»: a unit after its number, not a name.
        if (char.IsDigit(tokens[i - 1].Lower[^1])) return false;
        for (var k = token.Start + 1; k < token.Start + token.Length; k++)
            if (!char.IsLower(text[k])) return false;
        for (var k = token.Start - 1; k >= tokens[i - 1].End; k--)
        {
            if (text[k] is ':' or '—' or '–' or '-' or '•' or '*') return false;
        }
        return true;
    }

    /// <summary>
    /// Drops the one-word opinion cues written as a name after a preposition («Сдала пальто в Свежо», «Заказ из Уюта»): a brand
    /// called by an opinion word says nothing of the thing beside it. A tag keeps its opinion ("#отлично" is said).
    /// </summary>
    private static void DropCuesWrittenAsNames(string text, List<WordToken> tokens, List<TermMatch> cues, int sentenceFirst)
    {
        for (var k = cues.Count - 1; k >= 0; k--)
        {
            var q = cues[k];
            if (q.TokenCount == 1 && IsCapitalisedName(text, tokens, q.FirstToken, sentenceFirst) && RunsOnFrom(text, tokens, q.FirstToken))
                cues.RemoveAt(k);
        }
    }

    // Prepositions a place or a firm is named after («в Свежо», «из «Уюта»», «у Лепестка»).
    private static readonly HashSet<string> NamingPrepositions = new(StringComparer.Ordinal)
    {
        "в", "во", "из", "от", "у", "к", "ко", "с", "со", "до", "для", "про", "через", "при", "на",
    };

    // Whether the word follows a preposition with only spaces or an opening quote between («в Свежо», «в «Свежо»»). Users
    // often leave out the full stop, so a capital after any other word opens what is said next («…обманул меня Спасибо.»,
    // «сказал Хорошо») far more often than it names a firm.
    private static bool RunsOnFrom(string text, List<WordToken> tokens, int i)
    {
        for (var k = tokens[i - 1].End; k < tokens[i].Start; k++)
            if (text[k] is not (' ' or '«' or '"' or '“' or '„')) return false;
        return NamingPrepositions.Contains(tokens[i - 1].Lower);
    }

    // Words that join two things under one verdict («Машины и приложение — лучшие», "Breakfast and staff, ten out of ten").
    private static readonly HashSet<string> Joins = new(StringComparer.Ordinal) { "и", "and", "&" };

    /// <summary>
    /// Whether <paramref name="other"/> is listed with <paramref name="m"/> by "and" («завтрак и персонал», "the terrace and the food"):
    /// a verdict after the pair judges both, so the other is no owner the thing is said of.
    /// </summary>
    private static bool IsListedWith(List<WordToken> tokens, TermMatch m, TermMatch other)
    {
        var (first, second) = m.FirstToken < other.FirstToken ? (m, other) : (other, m);
        var at = first.FirstToken + first.TokenCount;
        if (at >= tokens.Count || !Joins.Contains(tokens[at].Lower)) return false;
        at++;
        if (at < second.FirstToken && tokens[at].Lower is "the" or "its" or "their" or "our") at++;
        return at == second.FirstToken;
    }

    // What may stand between two verdicts of a bare list («Дёшево, но поверхностно», "Convenient and useful").
    private static readonly HashSet<string> ListJoins = new(StringComparer.Ordinal)
    {
        "и", "а", "но", "зато", "да", "однако", "хотя", "and", "but", "though", "yet", "or", "или",
    };

    // Words of age and look (new, old, modern, run down): said with no thing they judge the whole business or its premises ("Rude and
    // run down", "Old-fashioned, but cheap"), not what it sells.
    private static readonly string[] AgeWords = ["new", "old", "modern", "outdated", "dated", "ancient", "run", "brand", "нов", "стар", "соврем", "устар"];

    private static bool IsAgeWord(string word)
    {
        foreach (var age in AgeWords)
            if (word.StartsWith(age, StringComparison.Ordinal)) return true;
        return false;
    }

    /// <summary>
    /// A word of a thing's substance or condition (<see cref="UnnamedVerdict.States"/>) in a sentence of verdicts that names no thing:
    /// «Дёшево, но поверхностно», "Cheap, but shallow", «Дорого и бесполезно», "Convenient and useful", «Чисто, исправно, удобно» —
    /// what is shallow, useless or in working order is what the brand sells (not a word of age or look, see <see cref="AgeWords"/>). Every other word of the sentence is an opinion word (a
    /// price's «дёшево» among them), a frame word or a joining word; a noun anywhere («ассортимент бедный и устаревший», "the
    /// pharmacist was patient, thorough") is what the word is said of. [<paramref name="first"/>, <paramref name="end"/>) is the
    /// clause's sentence. Where the word in <paramref name="clause"/> starts, or −1.
    /// </summary>
    private int BareState(TextContext context, Clause clause, List<TermMatch> said, int first, int end)
    {
        if (states is null || end - first > 6) return -1;
        var tokens = context.Tokens;
        var found = stateFound ??= new List<TermMatch>(2);
        found.Clear();
        states.Find(tokens, first, end, found);
        var at = -1;
        foreach (var s in found)
            if (s.FirstToken >= clause.FirstToken && s.FirstToken < clause.EndToken && !IsAgeWord(tokens[s.FirstToken].Lower)) { at = s.FirstToken; break; }
        if (at < 0) return -1;
        for (var i = first; i < end; i++)
        {
            var word = tokens[i].Lower;
            // "Nothing new", «ничего нового»: an idiom of the day, not a verdict on a thing.
            if (word is "nothing" or "ничего") return -1;
            if (VerdictFrame.Contains(word) || ListJoins.Contains(word) || Covered(said, i) || Covered(found, i)) continue;
            return -1;
        }
        return at;
    }

    /// <summary>Whether an opinion word is a word of calling the thing off («отменили», «отменён», "cancelled").</summary>
    private static bool IsCancelling(List<WordToken> tokens, TermMatch cue)
    {
        var word = tokens[cue.FirstToken + cue.TokenCount - 1].Lower;
        return word.StartsWith("отмен", StringComparison.Ordinal) || word.StartsWith("cancel", StringComparison.Ordinal);
    }
}
