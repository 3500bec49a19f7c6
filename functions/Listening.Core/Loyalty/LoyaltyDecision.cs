namespace Listening.Core.Loyalty;

/// <summary>Why an item did or did not earn points. Stable strings: they are stored and returned by the API.</summary>
public static class LoyaltyReasons
{
    public const string Awarded = "awarded";
    public const string AlreadyAwarded = "already-awarded";
    public const string NoAuthor = "no-author";
    public const string Competitor = "competitor-mention";
    public const string Spam = "spam";
    public const string TooShort = "too-short";
    public const string Duplicate = "duplicate";
    public const string PlatformForbidsIncentives = "platform-forbids-incentives";
    public const string NoPointsConfigured = "no-points-configured";
    public const string DailyCap = "daily-cap";
    public const string MonthlyCap = "monthly-cap";
}

/// <summary>
/// The outcome for one item. <see cref="Award"/> is the entry to append (or, for
/// <see cref="LoyaltyReasons.AlreadyAwarded"/>, the entry already there, so a redelivery discloses the same award).
/// </summary>
public sealed record LoyaltyDecision(LedgerEntry? Award, string Reason)
{
    public int Points => Award?.Points ?? 0;
    public bool IsNewAward => Award is not null && Reason == LoyaltyReasons.Awarded;
    public static LoyaltyDecision None(string reason) => new(null, reason);
}
