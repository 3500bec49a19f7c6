using System.Text.Json;

namespace Listening.Core.Responses;

/// <summary>
/// The marketing-editable words around the Liquid templates (<c>catalog.json</c>): subjects, signatures,
/// the executive who signs VIP messages, how a follow-up happens per channel, the factors' names in the
/// grammatical forms the templates need, and the words a negative message must never contain.
/// </summary>
public sealed class ResponseCatalog
{
    public string DefaultLanguage { get; set; } = "ru";
    public Dictionary<string, LanguageTexts> Languages { get; set; } = new(StringComparer.OrdinalIgnoreCase);
    /// <summary>Brand id (as in the items) → language → the name customers know ("lavka" → "Лавка Плюс"); default: the id.</summary>
    public Dictionary<string, Dictionary<string, string>> Brands { get; set; } = new(StringComparer.OrdinalIgnoreCase);
    /// <summary>Brand → language → executive. Key <c>*</c> is the default for every brand.</summary>
    public Dictionary<string, Dictionary<string, Executive>> Executives { get; set; } = new(StringComparer.OrdinalIgnoreCase);
    /// <summary>Factor id (as in the factor taxonomy) → language → forms.</summary>
    public Dictionary<string, Dictionary<string, FactorForms>> Factors { get; set; } = new(StringComparer.OrdinalIgnoreCase);
    public NegativeGuard NegativeGuard { get; set; } = new();

    public static ResponseCatalog Parse(string json)
    {
        var catalog = JsonSerializer.Deserialize<ResponseCatalog>(json, JsonOptions)
            ?? throw new FormatException("catalog.json is empty");
        // Deserialisation replaces the dictionaries, dropping the case-insensitive comparers.
        catalog.Languages = new(catalog.Languages, StringComparer.OrdinalIgnoreCase);
        catalog.Brands = catalog.Brands.ToDictionary(e => e.Key, e => new Dictionary<string, string>(e.Value, StringComparer.OrdinalIgnoreCase), StringComparer.OrdinalIgnoreCase);
        catalog.Executives = catalog.Executives.ToDictionary(e => e.Key, e => new Dictionary<string, Executive>(e.Value, StringComparer.OrdinalIgnoreCase), StringComparer.OrdinalIgnoreCase);
        catalog.Factors = catalog.Factors.ToDictionary(e => e.Key, e => new Dictionary<string, FactorForms>(e.Value, StringComparer.OrdinalIgnoreCase), StringComparer.OrdinalIgnoreCase);
        return catalog;
    }

    public Executive? ExecutiveFor(string brand, string language) =>
        (Executives.GetValueOrDefault(brand) ?? Executives.GetValueOrDefault("*"))?.GetValueOrDefault(language);

    public string BrandName(string brand, string language) => Brands.GetValueOrDefault(brand)?.GetValueOrDefault(language) ?? brand;

    public FactorForms? FactorFor(string factorId, string language) => Factors.GetValueOrDefault(factorId)?.GetValueOrDefault(language);

    public IEnumerable<string> Problems()
    {
        if (!Languages.ContainsKey(DefaultLanguage)) yield return $"defaultLanguage '{DefaultLanguage}' has no entry under languages";
        foreach (var (lang, texts) in Languages)
        {
            foreach (var tone in Enum.GetValues<Tone>())
                if (!texts.Subjects.ContainsKey(tone.Key())) yield return $"languages.{lang}.subjects.{tone.Key()} is missing";
            if (!texts.FollowUpHow.ContainsKey(ReplyRoute.Reply)) yield return $"languages.{lang}.followUpHow.reply is missing (the fallback)";
            if (string.IsNullOrWhiteSpace(texts.And)) yield return $"languages.{lang}.and is missing";
            if (texts.PointsWords.Count is not (2 or 3)) yield return $"languages.{lang}.pointsWords needs 2 (one, other) or 3 (one, few, many) forms";
            if (texts.HoursWords.Count is not (2 or 3)) yield return $"languages.{lang}.hoursWords needs 2 (one, other) or 3 (one, few, many) forms";
        }
        foreach (var (id, langs) in Factors)
            foreach (var (lang, forms) in langs)
                if (string.IsNullOrWhiteSpace(forms.Name) || string.IsNullOrWhiteSpace(forms.About) || string.IsNullOrWhiteSpace(forms.With))
                    yield return $"factors.{id}.{lang} needs name, about and with";
    }

    internal static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };
}

public sealed class LanguageTexts
{
    /// <summary>Tone key → subject line (Liquid).</summary>
    public Dictionary<string, string> Subjects { get; set; } = [];
    /// <summary>Signature of standard messages (Liquid, e.g. "Команда заботы о клиентах {{ brand }}").</summary>
    public string Signature { get; set; } = "";
    /// <summary>Channel → how a person will follow up ("напишет вам на электронную почту"). Key <c>reply</c> is the fallback.</summary>
    public Dictionary<string, string> FollowUpHow { get; set; } = [];
    /// <summary>The list conjunction: "и" / "and".</summary>
    public string And { get; set; } = "and";
    /// <summary>"points" agreeing with the number: Russian one/few/many, English one/other (variable <c>points_words</c>).</summary>
    public List<string> PointsWords { get; set; } = [];
    /// <summary>"hours" as used in the follow-up promise (variable <c>follow_up_hours_words</c>).</summary>
    public List<string> HoursWords { get; set; } = [];

    public string Agree(List<string> forms, long n) => forms.Count switch
    {
        3 => RussianGrammar.Plural(n, forms[0], forms[1], forms[2]),
        2 => RussianGrammar.Plural(n, forms[0], forms[1]),
        _ => "",
    };
}

public sealed record Executive(string Name, string Title);

/// <summary>
/// A factor's display forms in one language. Russian needs the case with its preposition:
/// <see cref="About"/> = prepositional ("о доставке", "об ассортименте"), <see cref="With"/> = instrumental
/// ("с доставкой", "со скоростью обслуживания"); English uses "about …"/"with …".
/// </summary>
public sealed record FactorForms(string Name, string About, string With);

/// <summary>Words and phrases that must not appear in a message answering a complaint (matched case-insensitively).</summary>
public sealed class NegativeGuard
{
    public List<string> Promotion { get; set; } = [];
    public List<string> StockPhrases { get; set; } = [];
    public List<string> Arguing { get; set; } = [];
    public List<string> Familiarity { get; set; } = [];
}
