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

    [GeneratedRegex(@"(?<=\b(?:официант\p{L}*|менеджер\p{L}*|курьер\p{L}*|оператор\p{L}*|консультант\p{L}*|кассир\p{L}*|продав\p{L}*|администратор\p{L}*|сотрудни\p{L}*|девушк\p{L}*|парен\p{L}*|waiter|waitress|manager|courier|driver|agent|operator|cashier|server|assistant|Mr\.?|Mrs\.?|Ms\.?)\s+)(?-i:\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+)?)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex StaffName();

    // Common first names, masked wherever they stand capitalised. Names that are also ordinary words
    // (Вера, Надежда, Любовь, Mark, Will, May, Grace …) are left out on purpose.
    private static readonly string[] RuNames =
    [
        "Александр", "Алексей", "Анастасия", "Андрей", "Анна", "Антон", "Артём", "Виктория", "Дарья", "Денис", "Дмитрий",
        "Евгений", "Екатерина", "Елена", "Иван", "Игорь", "Ирина", "Ксения", "Мария", "Марина", "Максим", "Михаил",
        "Наталья", "Никита", "Николай", "Олег", "Ольга", "Павел", "Полина", "Роман", "Светлана", "Сергей", "Татьяна", "Юлия",
    ];

    private static readonly string[] EnNames =
    [
        "Alice", "Amanda", "Andrew", "Anna", "Chris", "Daniel", "David", "Emily", "Emma", "James", "Jane", "Jennifer",
        "Jessica", "John", "Kate", "Laura", "Linda", "Mary", "Michael", "Olivia", "Peter", "Robert", "Sarah", "Sophie",
        "Steve", "Thomas", "Tom",
    ];

    private static readonly Regex KnownNames = new(
        @"(?<![\p{L}\p{N}])(?:" + string.Join("|", RuNames.Select(RussianForms).Concat(EnNames.Select(Regex.Escape))) + @")(?![\p{L}\p{N}])",
        RegexOptions.CultureInvariant | RegexOptions.Compiled);

    /// <summary>Russian names decline: Анна → Анны, Анне, Анну, Анной; Сергей → Сергея, Сергею …</summary>
    private static string RussianForms(string name) =>
        name[^1] is 'а' or 'я' or 'й' or 'ь' ? Regex.Escape(name[..^1]) + @"\p{Ll}{1,3}" : Regex.Escape(name) + @"\p{Ll}{0,3}";

    public static string Mask(string text, Author? author, string lang)
    {
        var name = lang == "ru" ? "[имя]" : "[name]";
        var masked = Email().Replace(text, "[e-mail]");
        masked = Handle().Replace(masked, "@[…]");
        masked = Phone().Replace(masked, lang == "ru" ? "[телефон]" : "[phone]");
        masked = StaffName().Replace(masked, m => char.IsUpper(m.Value[0]) ? name : m.Value);
        masked = KnownNames.Replace(masked, name);
        if (author?.Name is { Length: > 0 } authorName)
            foreach (var part in authorName.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                if (part.Length >= 2)
                    masked = Regex.Replace(masked, $@"(?<![\p{{L}}\p{{N}}]){Regex.Escape(part)}(?![\p{{L}}\p{{N}}])", name,
                        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        return masked;
    }
}
