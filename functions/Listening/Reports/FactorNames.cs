namespace Listening.Reports;

/// <summary>
/// Display names of factor ids for the report. The brand's taxonomy is the source of truth when
/// wired (<see cref="Resolve"/>); the built-in names cover the default consumer taxonomy, and an
/// unknown id is shown humanised ("waiting_time" → "Waiting time").
/// </summary>
public static class FactorNames
{
    /// <summary>Seam for the taxonomy: (factor id, language) → name, or null to use the built-ins.</summary>
    public static Func<string, string, string?>? Resolve { get; set; }

    private static readonly Dictionary<string, (string En, string Ru)> BuiltIn = new(StringComparer.OrdinalIgnoreCase)
    {
        ["price"] = ("Price / value", "Цена / ценность"),
        ["value"] = ("Price / value", "Цена / ценность"),
        ["quality"] = ("Product quality", "Качество товара"),
        ["product_quality"] = ("Product quality", "Качество товара"),
        ["delivery"] = ("Delivery", "Доставка"),
        ["staff"] = ("Staff", "Персонал"),
        ["staff_politeness"] = ("Staff politeness", "Вежливость персонала"),
        ["staff_competence"] = ("Staff competence", "Компетентность персонала"),
        ["waiting_time"] = ("Waiting time", "Время ожидания"),
        ["speed"] = ("Speed", "Скорость"),
        ["support"] = ("Support", "Поддержка"),
        ["website"] = ("Website / app", "Сайт / приложение"),
        ["website_app"] = ("Website / app", "Сайт / приложение"),
        ["app"] = ("Website / app", "Сайт / приложение"),
        ["payment"] = ("Payment / checkout", "Оплата"),
        ["assortment"] = ("Assortment / availability", "Ассортимент / наличие"),
        ["cleanliness"] = ("Cleanliness / atmosphere", "Чистота / атмосфера"),
        ["atmosphere"] = ("Atmosphere", "Атмосфера"),
        ["location"] = ("Location / parking", "Расположение / парковка"),
        ["returns"] = ("Returns / refunds", "Возвраты"),
        ["loyalty"] = ("Loyalty programme / promotions", "Программа лояльности / акции"),
        ["food"] = ("Food", "Еда"),
        ["service"] = ("Service", "Обслуживание"),
    };

    public static string Name(string factor, string lang)
    {
        if (Resolve?.Invoke(factor, lang) is { Length: > 0 } resolved) return resolved;
        if (BuiltIn.TryGetValue(factor, out var names)) return lang == "ru" ? names.Ru : names.En;
        var words = factor.Replace('_', ' ').Replace('-', ' ').Trim();
        return words.Length == 0 ? factor : char.ToUpperInvariant(words[0]) + words[1..];
    }
}
