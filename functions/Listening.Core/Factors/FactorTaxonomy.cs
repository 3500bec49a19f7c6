using System.Text.Json;
using System.Text.Json.Serialization;

namespace Listening.Core.Factors;

/// <summary>
/// The factors a brand tracks. The default for consumer brands and the packs (restaurants, banks,
/// telecom, airlines) ship as embedded JSON; a brand's own file is layered on top with
/// <see cref="With"/>: factors with a known id gain its names and terms, new ids are added,
/// <c>"remove"</c> drops factors and <c>"replace": true</c> starts from nothing.
/// </summary>
public sealed class FactorTaxonomy
{
    public const string DefaultName = "default";
    private const string ResourcePrefix = "Listening.Core.Factors.Taxonomies.";

    public IReadOnlyList<Factor> Factors { get; }

    /// <summary>
    /// Phrases that mention no factor although they hold a factor's word: "delivery service" names the kind of
    /// business, "first order" a promotion. Being longer, they cover the shorter term inside them.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Ignore { get; }

    /// <summary>
    /// Words that describe how some factor went — speed and time ("fast", "40 minutes", «долго») — and name no factor of
    /// their own: they count for the first of <see cref="QualifiedFactors"/> named in their clause, else in their
    /// sentence, else for nothing ("Fast, and the courier was polite" is the delivery's; a bare "11 minutes" judges
    /// nothing we can tell).
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Qualifiers { get; }

    public IReadOnlyList<string> QualifiedFactors { get; }

    /// <summary>
    /// Round 13. Qualifiers of a service's own timeliness ("delay", "three hours late", «рейс задержали», «вовремя»): one that
    /// describes no factor in its clause or sentence is said of the service itself, and names <see cref="LatenessFactor"/>
    /// (the wait) in a text that names no goods brought — a flight, a train, an appointment running late. In a text of goods
    /// it stays unread, as before: the lateness is likely the delivery's named elsewhere, and which one is a guess.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Lateness { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    public string? LatenessFactor { get; init; }

    /// <summary>
    /// Words of bringing and arriving read by sense (<see cref="Factors.Conveyance"/>): goods brought are the delivery's, a
    /// person carried is the service itself, a car or a master coming to the customer starts the service (its speed is the
    /// wait). Null: no such words.
    /// </summary>
    public Conveyance? Conveyance { get; init; }

    /// <summary>
    /// A short clause that is a thing and a verdict and names no factor («Курс слабый», "Weak course", «Контент отличный»)
    /// judges what the brand sells — whatever a new domain calls it — and is this factor's (quality). Null: off.
    /// </summary>
    public UnnamedVerdict? Unnamed { get; init; }

    public FactorTaxonomy(IReadOnlyList<Factor> factors, IReadOnlyDictionary<string, IReadOnlyList<string>>? ignore = null,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? qualifiers = null, IReadOnlyList<string>? qualifiedFactors = null)
    {
        var duplicate = factors.GroupBy(f => f.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new FormatException($"factor '{duplicate.Key}' is defined twice");
        Factors = factors;
        Ignore = ignore ?? new Dictionary<string, IReadOnlyList<string>>();
        Qualifiers = qualifiers ?? new Dictionary<string, IReadOnlyList<string>>();
        QualifiedFactors = qualifiedFactors ?? [];
    }

    public Factor? Find(string id) => Factors.FirstOrDefault(f => f.Id == id);

    /// <summary>Names of the shipped taxonomies: "default" and the packs.</summary>
    public static IReadOnlyList<string> Shipped { get; } = typeof(FactorTaxonomy).Assembly
        .GetManifestResourceNames()
        .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
        .Select(n => n[ResourcePrefix.Length..^".json".Length])
        .Order(StringComparer.Ordinal)
        .ToArray();

    /// <summary>The default consumer-brand taxonomy.</summary>
    public static FactorTaxonomy Default { get; } = new FactorTaxonomy([]).With(LoadShippedDocument(DefaultName));

    /// <summary>The default taxonomy plus the named packs, in order.</summary>
    public static FactorTaxonomy WithPacks(params IEnumerable<string> packs) =>
        packs.Aggregate(Default, (taxonomy, pack) => taxonomy.With(LoadShippedDocument(pack)));

    /// <summary>This taxonomy with a configuration document (a pack or a brand's override) layered on top.</summary>
    public FactorTaxonomy With(string json) => With(Parse(json));

    private FactorTaxonomy With(TaxonomyDocument document)
    {
        var remove = document.Remove ?? [];
        var result = document.Replace ? [] : Factors.Where(f => !remove.Contains(f.Id)).ToList();
        foreach (var entry in document.Factors ?? [])
        {
            if (string.IsNullOrWhiteSpace(entry.Id)) throw new FormatException("a factor has no id");
            var index = result.FindIndex(f => f.Id == entry.Id);
            var incoming = entry.ToFactor();
            if (index < 0) result.Add(incoming);
            else result[index] = Merge(result[index], incoming);
        }
        var none = new Dictionary<string, IReadOnlyList<string>>();
        var ignore = Union(document.Replace ? none : Ignore,
            (document.Ignore ?? []).ToDictionary(kv => kv.Key, kv => (IReadOnlyList<string>)kv.Value));
        var qualifiers = Union(document.Replace ? none : Qualifiers,
            (document.Qualifiers?.Terms ?? []).ToDictionary(kv => kv.Key, kv => (IReadOnlyList<string>)kv.Value));
        var qualified = (document.Replace ? [] : QualifiedFactors).Union(document.Qualifiers?.Describe ?? [], StringComparer.Ordinal).ToList();
        var lateness = Union(document.Replace ? none : Lateness,
            (document.Qualifiers?.Lateness ?? []).ToDictionary(kv => kv.Key, kv => (IReadOnlyList<string>)kv.Value));
        var latenessFactor = string.IsNullOrWhiteSpace(document.Qualifiers?.LatenessFactor) ? (document.Replace ? null : LatenessFactor)
            : document.Qualifiers!.LatenessFactor!.Trim();
        var conveyed = document.Conveyance?.ToConveyance();
        var conveyance = document.Replace || Conveyance is null ? conveyed : Conveyance.Merge(conveyed);
        var unnamedIn = document.Unnamed?.ToUnnamed();
        var unnamed = document.Replace || Unnamed is null ? unnamedIn : Unnamed.Merge(unnamedIn);
        return new FactorTaxonomy(result, ignore, qualifiers, qualified)
        {
            Conveyance = conveyance, Unnamed = unnamed, Lateness = lateness, LatenessFactor = latenessFactor,
        };
    }

    private static Factor Merge(Factor existing, Factor incoming)
    {
        var names = existing.Names.ToDictionary();
        foreach (var (language, name) in incoming.Names) names[language] = name;
        return existing with
        {
            Names = names,
            Terms = Union(existing.Terms, incoming.Terms),
            WeakTerms = Union(existing.WeakTerms, incoming.WeakTerms),
            JudgedTerms = Union(existing.JudgedTerms, incoming.JudgedTerms),
            JudgedYieldsTo = existing.JudgedYieldsTo.Union(incoming.JudgedYieldsTo, StringComparer.Ordinal).ToList(),
            WeakYieldsTo = existing.WeakYieldsTo.Union(incoming.WeakYieldsTo, StringComparer.Ordinal).ToList(),
            WeakClauseYieldsTo = existing.WeakClauseYieldsTo.Union(incoming.WeakClauseYieldsTo, StringComparer.Ordinal).ToList(),
            WeakScope = incoming.WeakScope != "sentence" ? incoming.WeakScope : existing.WeakScope,
            Level = existing.Level || incoming.Level,
            JudgedAsSubject = existing.JudgedAsSubject || incoming.JudgedAsSubject,
            Availability = incoming.Availability ?? existing.Availability,
            HostedTerms = Union(existing.HostedTerms, incoming.HostedTerms),
            HostedAlone = existing.HostedAlone && incoming.HostedAlone,
            TakingTerms = Union(existing.TakingTerms, incoming.TakingTerms),
            Takes = existing.Takes.Union(incoming.Takes, StringComparer.Ordinal).ToList(),
        };
    }

    /// <summary>Term lists per language: <paramref name="existing"/>'s, then <paramref name="incoming"/>'s terms not there yet.</summary>
    internal static Dictionary<string, IReadOnlyList<string>> Union(
        IReadOnlyDictionary<string, IReadOnlyList<string>> existing, IReadOnlyDictionary<string, IReadOnlyList<string>> incoming)
    {
        var terms = existing.ToDictionary(kv => kv.Key, kv => kv.Value.ToList());
        foreach (var (language, list) in incoming)
        {
            if (!terms.TryGetValue(language, out var known)) terms[language] = known = [];
            known.AddRange(list.Where(t => !known.Contains(t)));
        }
        return terms.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<string>)kv.Value);
    }

    private static TaxonomyDocument Parse(string json)
    {
        try
        {
            return JsonSerializer.Deserialize(json, TaxonomyJson.Default.TaxonomyDocument)
                ?? throw new FormatException("the taxonomy document is empty");
        }
        catch (JsonException e)
        {
            throw new FormatException($"invalid taxonomy JSON at line {e.LineNumber + 1}: {e.Message}", e);
        }
    }

    private static TaxonomyDocument LoadShippedDocument(string name)
    {
        using var stream = typeof(FactorTaxonomy).Assembly.GetManifestResourceStream(ResourcePrefix + name + ".json")
            ?? throw new ArgumentException($"no shipped taxonomy '{name}' (known: {string.Join(", ", Shipped)})", nameof(name));
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }
}

internal sealed class TaxonomyDocument
{
    public List<FactorEntry> Factors { get; set; } = [];
    public bool Replace { get; set; }
    public List<string> Remove { get; set; } = [];
    public Dictionary<string, List<string>> Ignore { get; set; } = [];
    public QualifierEntry? Qualifiers { get; set; }
    public ConveyanceEntry? Conveyance { get; set; }
    public UnnamedEntry? Unnamed { get; set; }
}

internal sealed class UnnamedEntry
{
    public string? Factor { get; set; }
    public Dictionary<string, int>? MaxWords { get; set; }
    public Dictionary<string, List<string>> NotThings { get; set; } = [];
    public Dictionary<string, List<string>> States { get; set; } = [];
    public Dictionary<string, List<string>> Outcomes { get; set; } = [];
    public Dictionary<string, List<string>> FailedOutcomes { get; set; } = [];
    public List<string> OutcomeYieldsTo { get; set; } = [];
    public Dictionary<string, List<string>> Provided { get; set; } = [];
    public List<string> PricedBy { get; set; } = [];
    public string? FittingsFactor { get; set; }
    public Dictionary<string, List<string>> Offering { get; set; } = [];

    public UnnamedVerdict ToUnnamed() => new(string.IsNullOrWhiteSpace(Factor) ? null : Factor.Trim(), MaxWords, FactorEntry.Clean(NotThings))
    {
        States = FactorEntry.Clean(States),
        Outcomes = FactorEntry.Clean(Outcomes),
        FailedOutcomes = FactorEntry.Clean(FailedOutcomes),
        Provided = FactorEntry.Clean(Provided),
        OutcomeYieldsTo = OutcomeYieldsTo.Select(id => id.Trim()).Where(id => id.Length > 0).ToList(),
        PricedBy = PricedBy.Select(id => id.Trim()).Where(id => id.Length > 0).ToList(),
        FittingsFactor = string.IsNullOrWhiteSpace(FittingsFactor) ? null : FittingsFactor.Trim(),
        Offering = FactorEntry.Clean(Offering),
    };
}

internal sealed class ConveyanceEntry
{
    public string? Factor { get; set; }
    public string? ArrivalFactor { get; set; }
    public Dictionary<string, List<string>> Carriers { get; set; } = [];
    public Dictionary<string, List<string>> Arrivals { get; set; } = [];
    public Dictionary<string, List<string>> Goods { get; set; } = [];
    public Dictionary<string, List<string>> Persons { get; set; } = [];
    public Dictionary<string, List<string>> Vehicles { get; set; } = [];
    public Dictionary<string, List<string>> Installers { get; set; } = [];
    public string? InstallerFactor { get; set; }
    public Dictionary<string, List<string>> Visits { get; set; } = [];
    public Dictionary<string, List<string>> TakenBack { get; set; } = [];
    public string? TakenBackFactor { get; set; }
    public string? PriceFactor { get; set; }
    public Dictionary<string, List<string>> Visitors { get; set; } = [];
    public Dictionary<string, List<string>> VisitTimes { get; set; } = [];
    public Dictionary<string, List<string>> Readiness { get; set; } = [];
    public Dictionary<string, List<string>> ReadinessTimes { get; set; } = [];
    public Dictionary<string, List<string>> Handovers { get; set; } = [];
    public Dictionary<string, List<string>> HandedVehicles { get; set; } = [];

    public Conveyance ToConveyance() => new(
        string.IsNullOrWhiteSpace(Factor) ? null : Factor.Trim(),
        string.IsNullOrWhiteSpace(ArrivalFactor) ? null : ArrivalFactor.Trim(),
        FactorEntry.Clean(Carriers), FactorEntry.Clean(Arrivals), FactorEntry.Clean(Goods), FactorEntry.Clean(Persons),
        FactorEntry.Clean(Vehicles))
    {
        Installers = FactorEntry.Clean(Installers),
        InstallerFactor = string.IsNullOrWhiteSpace(InstallerFactor) ? null : InstallerFactor.Trim(),
        Visits = FactorEntry.Clean(Visits),
        TakenBack = FactorEntry.Clean(TakenBack),
        TakenBackFactor = string.IsNullOrWhiteSpace(TakenBackFactor) ? null : TakenBackFactor.Trim(),
        PriceFactor = string.IsNullOrWhiteSpace(PriceFactor) ? null : PriceFactor.Trim(),
        Visitors = FactorEntry.Clean(Visitors),
        VisitTimes = FactorEntry.Clean(VisitTimes),
        Readiness = FactorEntry.Clean(Readiness),
        ReadinessTimes = FactorEntry.Clean(ReadinessTimes),
        Handovers = FactorEntry.Clean(Handovers),
        HandedVehicles = FactorEntry.Clean(HandedVehicles),
    };
}

internal sealed class QualifierEntry
{
    public Dictionary<string, List<string>> Terms { get; set; } = [];
    public List<string> Describe { get; set; } = [];
    public Dictionary<string, List<string>> Lateness { get; set; } = [];
    public string? LatenessFactor { get; set; }
}

internal sealed record FactorEntry(
    string Id,
    Dictionary<string, string>? Names,
    Dictionary<string, List<string>>? Terms,
    Dictionary<string, List<string>>? WeakTerms = null,
    List<string>? WeakYieldsTo = null,
    Dictionary<string, List<string>>? JudgedTerms = null,
    string? WeakScope = null,
    bool Level = false,
    List<string>? JudgedYieldsTo = null,
    string? Availability = null,
    Dictionary<string, List<string>>? HostedTerms = null,
    Dictionary<string, List<string>>? Hosts = null,
    bool HostedAlone = true,
    bool JudgedAsSubject = false,
    Dictionary<string, List<string>>? TakingTerms = null,
    List<string>? Takes = null,
    List<string>? WeakClauseYieldsTo = null)
{
    public Factor ToFactor() => new(Id, Names ?? [], Clean(WithTaking(WithHosted(Terms, HostedTerms, Hosts, HostedAlone), TakingTerms)))
    {
        TakingTerms = Clean(TakingTerms),
        Takes = Takes ?? [],
        WeakTerms = Clean(WeakTerms),
        JudgedTerms = Clean(JudgedTerms),
        HostedTerms = Clean(HostedTerms),
        HostedAlone = HostedAlone,
        JudgedYieldsTo = JudgedYieldsTo ?? [],
        Availability = string.IsNullOrWhiteSpace(Availability) ? null : Availability.Trim(),
        WeakYieldsTo = WeakYieldsTo ?? [],
        WeakClauseYieldsTo = WeakClauseYieldsTo ?? [],
        Level = Level,
        JudgedAsSubject = JudgedAsSubject,
        WeakScope = WeakScope is null or "sentence" ? "sentence"
            : WeakScope == "clause" ? "clause"
            : throw new FormatException($"factor '{Id}': weakScope must be \"sentence\" or \"clause\""),
    };

    /// <summary>"takingTerms" name their factor as its own terms do (and take the words of "takes" over in their clause).</summary>
    private static Dictionary<string, List<string>>? WithTaking(Dictionary<string, List<string>>? terms, Dictionary<string, List<string>>? taking)
    {
        if (taking is null) return terms;
        var result = terms?.ToDictionary(kv => kv.Key, kv => kv.Value.ToList()) ?? [];
        foreach (var (language, list) in taking)
        {
            if (!result.TryGetValue(language, out var own)) result[language] = own = [];
            own.AddRange(list.Where(t => !own.Contains(t)));
        }
        return result;
    }

    /// <summary>
    /// "hostedTerms" count only in a clause that also names one of the factor's "hosts": a smell, dust or a mess is the
    /// place's where the clause names the place («в зале пыльно», "the store smells") and names nothing otherwise (a product's
    /// smell, "the app is a mess"). Each pair becomes an "a + b" term.
    /// </summary>
    private static Dictionary<string, List<string>>? WithHosted(
        Dictionary<string, List<string>>? terms, Dictionary<string, List<string>>? hosted, Dictionary<string, List<string>>? hosts, bool alone)
    {
        if (hosted is null or { Count: 0 }) return terms;
        var result = (terms ?? []).ToDictionary(kv => kv.Key, kv => kv.Value.ToList());
        foreach (var (language, words) in hosted)
        {
            if (hosts is null || !hosts.TryGetValue(language, out var places) || places.Count == 0)
                throw new FormatException($"hostedTerms in '{language}' need hosts in '{language}'");
            if (!result.TryGetValue(language, out var list)) result[language] = list = [];
            foreach (var word in words)
                foreach (var place in places)
                    // A word that may stand alone must be the match itself; otherwise the host (a branch, an ATM: the rarer
                    // word) leads, so common predicates («нет», "more") cost no clause scan where no host is named.
                    list.Add(alone ? $"{word.Trim()} + {place.Trim()}" : $"{place.Trim()} + {word.Trim()}");
        }
        return result;
    }

    /// <summary>Term lists per language, each term trimmed, empty ones dropped.</summary>
    internal static Dictionary<string, IReadOnlyList<string>> Clean(Dictionary<string, List<string>>? terms) =>
        (terms ?? []).ToDictionary(kv => kv.Key, kv => (IReadOnlyList<string>)kv.Value.Select(t => t.Trim()).Where(t => t.Length > 0).ToList());
}

[JsonSourceGenerationOptions(PropertyNameCaseInsensitive = true, ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true)]
[JsonSerializable(typeof(TaxonomyDocument))]
internal sealed partial class TaxonomyJson : JsonSerializerContext;
