using System.Text.RegularExpressions;
using Listening.Core.Feedback;

namespace Listening.Reports;

/// <summary>
/// Masks personal data in quotes before they leave the system in a report: e-mail addresses,
/// phone numbers, @handles, the author's own name, and first names that follow a staff noun
/// ("официант Анна", "manager John"), which is how customers name employees.
/// </summary>
public static partial class PersonalDataMask
{
    [GeneratedRegex(@"[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex Email();

    [GeneratedRegex(@"(?<![\p{L}\p{N}])\+?\d[\d\s().-]{8,}\d(?![\p{L}\p{N}])", RegexOptions.CultureInvariant)]
    private static partial Regex Phone();

    [GeneratedRegex(@"(?<![\p{L}\p{N}])@[\p{L}\p{N}_.]{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex Handle();

    [GeneratedRegex(@"(?<=\b(?:официант\p{L}*|менеджер\p{L}*|курьер\p{L}*|оператор\p{L}*|консультант\p{L}*|кассир\p{L}*|продав\p{L}*|администратор\p{L}*|сотрудни\p{L}*|девушк\p{L}*|парен\p{L}*|waiter|waitress|manager|courier|driver|agent|operator|cashier|server|assistant|Mr\.?|Mrs\.?|Ms\.?)\s+)\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+)?", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex StaffName();

    public static string Mask(string text, Author? author, string lang)
    {
        var name = lang == "ru" ? "[имя]" : "[name]";
        var masked = Email().Replace(text, "[e-mail]");
        masked = Handle().Replace(masked, "@[…]");
        masked = Phone().Replace(masked, lang == "ru" ? "[телефон]" : "[phone]");
        masked = StaffName().Replace(masked, m => char.IsUpper(m.Value[0]) ? name : m.Value);
        if (author?.Name is { Length: > 0 } authorName)
            foreach (var part in authorName.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                if (part.Length >= 2)
                    masked = Regex.Replace(masked, $@"(?<![\p{{L}}\p{{N}}]){Regex.Escape(part)}(?![\p{{L}}\p{{N}}])", name,
                        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        return masked;
    }
}
