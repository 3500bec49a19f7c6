using System.Globalization;

namespace Listening.Reports;

/// <summary>
/// Counted nouns in the report's languages: Russian one / few / many (1, 21 упоминание; 2–4, 22 упоминания; 5–20, 11–14
/// упоминаний), English one / other (1 mention, 2 mentions). The number is written in the language's own grouping.
/// </summary>
public static class Plural
{
    public static string Of(long n, string lang, string ruOne, string ruFew, string ruMany, string enOne, string enOther) =>
        $"{Number(n, lang)} {Word(n, lang, ruOne, ruFew, ruMany, enOne, enOther)}";

    public static string Word(long n, string lang, string ruOne, string ruFew, string ruMany, string enOne, string enOther)
    {
        if (lang != "ru") return Math.Abs(n) == 1 ? enOne : enOther;
        var (lastTwo, last) = (Math.Abs(n) % 100, Math.Abs(n) % 10);
        return last == 1 && lastTwo != 11 ? ruOne : last is >= 2 and <= 4 && lastTwo is < 12 or > 14 ? ruFew : ruMany;
    }

    public static string Mentions(long n, string lang) => Of(n, lang, "упоминание", "упоминания", "упоминаний", "mention", "mentions");

    public static string NegativeMentions(long n, string lang) =>
        Of(n, lang, "негативное упоминание", "негативных упоминания", "негативных упоминаний", "negative mention", "negative mentions");

    public static string Items(long n, string lang) => Of(n, lang, "отзыв", "отзыва", "отзывов", "item", "items");

    public static string Factors(long n, string lang) => Of(n, lang, "фактор", "фактора", "факторов", "factor", "factors");

    public static string Days(long n, string lang) => Of(n, lang, "день", "дня", "дней", "day", "days");

    public static string Hours(long n, string lang) => Of(n, lang, "час", "часа", "часов", "hour", "hours");

    private static string Number(long n, string lang) => n.ToString("#,0", CultureInfo.GetCultureInfo(lang == "ru" ? "ru-RU" : "en-GB"));
}
