namespace Listening.Core.Factors;

/// <summary>
/// Words of bringing and arriving, read by what is brought — one rule for every service that comes to the customer (a
/// courier, a taxi, a master, a repair van, an ambulance), instead of one word list per domain:
/// <list type="bullet">
/// <item>The <see cref="Factor"/>'s (delivery's) terms and the <see cref="Carriers"/> followed by a person carried
/// (<see cref="Persons"/>: «довёз меня», «привёз нас», "drove us") name the service itself — the ride — and no delivery.</item>
/// <item><see cref="Carriers"/> ("driver", "arrived", «довезли») are the delivery's in a text that names goods being brought
/// — one of <see cref="Goods"/> (an order, a parcel, groceries) or the factor's own terms (a courier, «доставка») — or that
/// names no <see cref="Vehicles"/> (a car, a cab, a driver): a shop's "arrived in an hour" stays its delivery.</item>
/// <item>In a text about a car or a driver and no goods, they, and the <see cref="Arrivals"/> («подача», «приезжают»,
/// "cars arrive") wherever no goods are named, are a service coming to the customer: its speed or time (a qualifier in the
/// clause: «приезжают за 3 минуты», "showed up in 4 minutes") or its not coming at all («машина не приехала», "no car
/// showed up") is the time until the service starts — the <see cref="ArrivalFactor"/> (waiting time). Said with neither,
/// they judge nothing.</item>
/// </list>
/// </summary>
public sealed record Conveyance(
    string? Factor,
    string? ArrivalFactor,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Carriers,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Arrivals,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Goods,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Persons,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Vehicles)
{
    /// <summary>
    /// Round 11: the people who install or assemble what was brought (a fitter, an installer, «сборщик», «монтажник»; terms of
    /// the <see cref="Factor"/>). Named in a sentence that says nothing of their visit — no other word of the delivery, no
    /// time or speed, no coming (<see cref="Visits"/>, the carriers and arrivals) — they are judged as people: the
    /// <see cref="InstallerFactor"/> (staff), as the labelling guideline files an installer's manner («Сборщики супер»,
    /// "the fitter knew his stuff"); with their visit («монтажник опоздал», "the installer came the same day") they stay the
    /// delivery's.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Installers { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>The factor of an installer judged without a word of the visit (see <see cref="Installers"/>).</summary>
    public string? InstallerFactor { get; init; }

    /// <summary>Words of a visit's coming or its day that keep an installer the delivery's (see <see cref="Installers"/>).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Visits { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>
    /// Round 11: words of taking goods away from the customer («забрал», "picked it up", "took it"): a courier who only takes a
    /// return away («курьер забрал на следующий день», "the courier picked it up the next day") brings nothing — the clause is
    /// the return's, not the delivery's, unless another word of the delivery stands in it («курьер привёз новый и забрал старый»).
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> TakenBack { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>
    /// Round 11: the people who come to the customer's home to repair or to connect something (a technician, a plumber, an
    /// electrician, a crew, «мастер», «сантехник», «аварийка»). They count as <see cref="Vehicles"/> do — a service coming —
    /// and their coming said by a <see cref="Visits"/> word («пришёл», "came"): with its time (a qualifier, a
    /// <see cref="VisitTimes"/> phrase: «через 40 минут», "the same day", «на третий день») or as never coming, in a text that
    /// names no goods, it is the wait for the service (<see cref="ArrivalFactor"/>); in a text that names goods or a connection
    /// it is the delivery-and-installation visit (<see cref="Factor"/>).
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Visitors { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>Words of a visit's day or hour that time it as much as a qualifier does (see <see cref="Visitors"/>).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> VisitTimes { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>The factor a sentence must name for <see cref="TakenBack"/> to read a courier as a return's collection (returns).</summary>
    public string? TakenBackFactor { get; init; }

    /// <summary>
    /// Round 15: the factor of what the bringing costs (price). A delivery word in a part that names a sum or a word of that
    /// factor, and says nothing of the bringing itself — no time or speed in its clause, no other word of the delivery, nothing
    /// free — is the fee's («цены с доставкой кусаются», "the shipping now costs more than the presents", «Доставка конверта —
    /// 1900 рублей»): the guideline files fees under price. Free delivery («доставка бесплатная») stays the delivery's.
    /// </summary>
    public string? PriceFactor { get; init; }

    /// <summary>
    /// Round 17: words of an order being ready or made («готовы», «готовность», «изготовление», "ready"). Made to order — a pair
    /// of glasses, a suit, test results, a dry-cleaned coat — the goods reach the customer when they are ready, so the
    /// readiness timed (a qualifier, a lateness word or a <see cref="ReadinessTimes"/> word in its clause: «очки готовы через
    /// два дня», "ready twelve days late", «срок готовности сорвали») or denied («очки не готовы в назначенный день», "still
    /// not ready") is the punctuality of getting the order to the customer: the <see cref="Factor"/> (delivery), as the
    /// guideline files it. Readiness found already there ("glasses that were already ready", «уже готов»), said of no time, or
    /// a person's willingness («не готова рисковать», «платить я не готов», "not ready to pay") names nothing.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Readiness { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>Words of a day, a date or a promise that time a readiness (see <see cref="Readiness"/>): "a day earlier than promised",
    /// «в назначенный день», «к 22 октября».</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> ReadinessTimes { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>
    /// Round 17b: words of goods handed over to the customer («выдали», «отдали», «вернули», "picked up", "handed over", "came
    /// back"). A vehicle is what carries the customer (a taxi, a plane, a shared car), so its readiness names no delivery; but a
    /// vehicle handed over — a handover word and a <see cref="HandedVehicles"/> word in one clause, no person carried after it
    /// («машину выдали», "my car came back"; not «деньги за поездку вернули», «водитель отдал нас») — is the goods: the
    /// car bought, ordered or repaired. Then the handover or the readiness timed or denied, as a <see cref="Readiness"/> is
    /// («машину выдали через два месяца», «машину не отдали в срок», "the car was ready a day early"), is its delivery.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Handovers { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>The vehicles that can be handed over as goods (a car, a motorbike), not a ride, a trip or a driver (see <see cref="Handovers"/>).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> HandedVehicles { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>This conveyance with a pack's or a brand's on top: factor ids replaced where given, every list merged.</summary>
    public Conveyance Merge(Conveyance? incoming) => incoming is null ? this : new(
        incoming.Factor ?? Factor,
        incoming.ArrivalFactor ?? ArrivalFactor,
        FactorTaxonomy.Union(Carriers, incoming.Carriers), FactorTaxonomy.Union(Arrivals, incoming.Arrivals),
        FactorTaxonomy.Union(Goods, incoming.Goods), FactorTaxonomy.Union(Persons, incoming.Persons),
        FactorTaxonomy.Union(Vehicles, incoming.Vehicles))
    {
        Installers = FactorTaxonomy.Union(Installers, incoming.Installers),
        InstallerFactor = incoming.InstallerFactor ?? InstallerFactor,
        Visits = FactorTaxonomy.Union(Visits, incoming.Visits),
        TakenBack = FactorTaxonomy.Union(TakenBack, incoming.TakenBack),
        TakenBackFactor = incoming.TakenBackFactor ?? TakenBackFactor,
        PriceFactor = incoming.PriceFactor ?? PriceFactor,
        Visitors = FactorTaxonomy.Union(Visitors, incoming.Visitors),
        VisitTimes = FactorTaxonomy.Union(VisitTimes, incoming.VisitTimes),
        Readiness = FactorTaxonomy.Union(Readiness, incoming.Readiness),
        ReadinessTimes = FactorTaxonomy.Union(ReadinessTimes, incoming.ReadinessTimes),
        Handovers = FactorTaxonomy.Union(Handovers, incoming.Handovers),
        HandedVehicles = FactorTaxonomy.Union(HandedVehicles, incoming.HandedVehicles),
    };
}
