using Listening.Core.Factors.Text;

namespace Listening.Core.Factors;

/// <summary>
/// A word that may stand between a clause's start (or its determiner) and the role noun of the person the clause is about,
/// without making that person an object: a brand or a name written with a capital ("Lesenka teacher joined late"), an acronym
/// ("my UX mentor"), a Russian adjective by its ending («новый куратор»), or one of the few English adjectives that say which
/// of a service's people it was ("the new tutor", "our head coach"). Round 9: the person judged by what they did, in more of
/// the ways a customer names them.
/// </summary>
public static class PersonModifier
{
    private static readonly string[] AdjectiveEndings = ["ый", "ий", "ой", "ая", "яя", "ое", "ее", "ые", "ие"];

    private static readonly HashSet<string> English = new(StringComparer.Ordinal)
    {
        "new", "old", "young", "main", "senior", "junior", "head", "lead", "personal", "private", "regular", "usual", "other",
    };

    public static bool Describes(in WordToken token)
    {
        var word = token.Lower;
        if (word.Length < 2 || !char.IsLetter(word[0])) return false;
        if (token.Capitalised) return true;
        if (word[0] is >= 'а' and <= 'я')
        {
            foreach (var ending in AdjectiveEndings)
                if (word.Length > ending.Length + 2 && word.EndsWith(ending, StringComparison.Ordinal)) return true;
            return false;
        }
        return English.Contains(word);
    }
}
