namespace Listening.Core.Loyalty;

/// <summary>
/// One line of an author's append-only points ledger. <see cref="Id"/> is derived from the item id
/// (<see cref="LoyaltyLedger.AwardId"/>), so a second award for the same item collides with the first.
/// <see cref="Fingerprint"/> is a hash of the normalised text: it spots the same text posted twice
/// under different item ids without keeping the text itself.
/// </summary>
public sealed record LedgerEntry(
    string Id,
    string AuthorId,
    string ItemId,
    string Brand,
    string Source,
    int Points,
    DateTimeOffset At,
    string? Fingerprint = null);

/// <summary>The arithmetic of the ledger: ids, balance, period sums.</summary>
public static class LoyaltyLedger
{
    public static string AwardId(string itemId) => $"award-{itemId}";

    public static int Balance(IEnumerable<LedgerEntry> entries) => entries.Sum(e => e.Points);

    /// <summary>Points already awarded in the same calendar day / month as <paramref name="now"/> (at the given UTC offset).</summary>
    public static (int Day, int Month) PeriodTotals(IEnumerable<LedgerEntry> entries, DateTimeOffset now, TimeSpan utcOffset)
    {
        var local = now.ToOffset(utcOffset);
        int day = 0, month = 0;
        foreach (var e in entries)
        {
            var at = e.At.ToOffset(utcOffset);
            if (at.Year != local.Year || at.Month != local.Month) continue;
            month += e.Points;
            if (at.Day == local.Day) day += e.Points;
        }
        return (day, month);
    }
}
