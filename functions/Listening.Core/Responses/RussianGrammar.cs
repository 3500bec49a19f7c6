namespace Listening.Core.Responses;

/// <summary>Number agreement and list joining for rendered messages.</summary>
public static class RussianGrammar
{
    /// <summary>
    /// Russian plural form for <paramref name="n"/>: one (1, 21, 101 …), few (2–4, 22–24 …), many (0, 5–20, 25 …).
    /// "1 бонусный балл", "2 бонусных балла", "11 бонусных баллов", "21 бонусный балл".
    /// </summary>
    public static string Plural(long n, string one, string few, string many)
    {
        var abs = Math.Abs(n);
        var lastTwo = abs % 100;
        var last = abs % 10;
        if (lastTwo is >= 11 and <= 14) return many;
        return last switch { 1 => one, >= 2 and <= 4 => few, _ => many };
    }

    /// <summary>English: "1 point", "2 points".</summary>
    public static string Plural(long n, string one, string other) => Math.Abs(n) == 1 ? one : other;

    /// <summary>"a", "a и b", "a, b и c" (or with "and").</summary>
    public static string JoinList(IReadOnlyList<string> parts, string and) => parts.Count switch
    {
        0 => "",
        1 => parts[0],
        _ => string.Join(", ", parts.Take(parts.Count - 1)) + $" {and} " + parts[^1],
    };
}
