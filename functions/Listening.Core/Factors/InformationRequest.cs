using Listening.Core.Factors.Text;

namespace Listening.Core.Factors;

/// <summary>
/// A question that asks for information or help — «Подскажите, как изменить адрес доставки», «Где найти номер договора в
/// приложении?», "How do I change my delivery address?", "What time does the store open?" — told by how it opens. Such a
/// question judges nothing; "why is it late again?" or "where is my bag??" do not open this way and stay complaints.
/// </summary>
public static class InformationRequest
{
    private static readonly HashSet<string> Openers = new(StringComparer.Ordinal)
    {
        "подскажите", "подскажете", "подскажи", "скажите", "объясните", "посоветуйте", "как", "можно", "есть",
        "anyone", "anybody", "does", "do", "can", "could", "is", "are", "how", "which",
    };

    // Openers that ask only with the word after them: «где найти», "what time", "where can".
    private static readonly HashSet<(string, string)> Pairs =
    [
        ("кто", "нибудь"), ("кто", "то"), // the tokenizer splits «кто-нибудь», «кто-то» at the hyphen
        ("где", "найти"), ("где", "можно"), ("где", "посмотреть"), ("когда", "откроется"), ("когда", "будет"),
        ("what", "time"), ("what", "are"), ("where", "can"), ("where", "do"), ("where", "to"), ("when", "does"), ("when", "do"), ("when", "will"),
    ];

    /// <summary>Whether the sentence of tokens [first, end) opens (within its first three words) as a request for information.</summary>
    public static bool Opens(IReadOnlyList<WordToken> tokens, int first, int end)
    {
        var last = Math.Min(end, first + 3);
        for (var i = first; i < last; i++)
        {
            if (AsksAt(tokens, i, end)) return true; // any «почему» / "why" before it has returned already
            if (IsWhy(tokens[i].Lower)) return false;
        }
        return false;
    }

    /// <summary>Whether the sentence's first word asks (an opener, or the first of a pair): stricter than <see cref="Opens"/>,
    /// for reading a whole text as a question ("Where is my bag??" has "is" second and is no request).</summary>
    public static bool OpensAtFirstWord(IReadOnlyList<WordToken> tokens, int first, int end) => first < end && AsksAt(tokens, first, end);

    // An opener at i, or the first word of a pair at i.
    private static bool AsksAt(IReadOnlyList<WordToken> tokens, int i, int end) =>
        Openers.Contains(tokens[i].Lower) || i + 1 < end && Pairs.Contains((tokens[i].Lower, tokens[i + 1].Lower));

    /// <summary>Whether the sentence opens with a polite request for help («Подскажите, …», «Посоветуйте …», "Please advise …"),
    /// which asks whether or not it ends with a question mark.</summary>
    public static bool AsksForHelp(IReadOnlyList<WordToken> tokens, int first, int end) =>
        first < end && tokens[first].Lower is "подскажите" or "подскажете" or "скажите" or "объясните" or "посоветуйте"
            || first + 1 < end && tokens[first].Lower == "please" && tokens[first + 1].Lower is "advise" or "tell" or "explain";

    private static bool IsWhy(string word) => word is "почему" or "why" or "зачем" or "сколько" or "доколе";
}
