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
    /// <summary>This conveyance with a pack's or a brand's on top: factor ids replaced where given, every list merged.</summary>
    public Conveyance Merge(Conveyance? incoming) => incoming is null ? this : new(
        incoming.Factor ?? Factor,
        incoming.ArrivalFactor ?? ArrivalFactor,
        FactorTaxonomy.Union(Carriers, incoming.Carriers), FactorTaxonomy.Union(Arrivals, incoming.Arrivals),
        FactorTaxonomy.Union(Goods, incoming.Goods), FactorTaxonomy.Union(Persons, incoming.Persons),
        FactorTaxonomy.Union(Vehicles, incoming.Vehicles));
}
