namespace Listening.Alerts;

/// <summary>A masked sample of what customers said, with the clause that mentions the factor at [ClauseStart, +ClauseLength).</summary>
public sealed record AlertQuote(string Text, int ClauseStart, int ClauseLength, string Polarity, string Source, DateOnly Date);

/// <summary>
/// One alert: what changed (<see cref="Headline"/>), by how much (<see cref="Figures"/>, <see cref="Details"/>), over which
/// window, with sample quotes and a link to the mentions. <see cref="Kind"/>: <c>negative-spike</c> (the brand's or a
/// factor's negative mentions), <c>factor-into-fix</c>, <c>competitor-collapse</c> (an opening).
/// <see cref="Key"/> names what it is about (for de-duplication), <see cref="Stamp"/> the window it belongs to.
/// </summary>
public sealed record Alert(
    string Kind, string Brand, string DisplayName, string Lang, string? Factor, string? FactorName, string? Competitor, string? CompetitorName,
    DateTimeOffset From, DateTimeOffset To, string Headline, IReadOnlyList<string> Details, IReadOnlyDictionary<string, double?> Figures,
    IReadOnlyList<AlertQuote> Quotes, string? Link, string Key, string Stamp);
