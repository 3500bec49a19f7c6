using System.Security.Cryptography;
using System.Text;
using Listening.Core.Feedback;

namespace Listening.Core.Loyalty;

/// <summary>
/// Decides whether a feedback item earns points. Pure: the caller passes the author's ledger and
/// the time, and appends the returned entry atomically with the read (so the caps hold under concurrency).
/// Sentiment is not an input: the same item earns the same points whether it praises or complains.
/// </summary>
public sealed class LoyaltyPolicy(LoyaltyRules rules)
{
    public LoyaltyRules Rules => rules;

    public LoyaltyDecision Decide(FeedbackItem item, IReadOnlyCollection<LedgerEntry> authorLedger, DateTimeOffset now)
    {
        var authorId = item.Author?.Id;
        if (string.IsNullOrWhiteSpace(authorId)) return LoyaltyDecision.None(LoyaltyReasons.NoAuthor);

        var awardId = LoyaltyLedger.AwardId(item.Id);
        var existing = authorLedger.FirstOrDefault(e => e.Id == awardId);
        if (existing is not null) return new LoyaltyDecision(existing, LoyaltyReasons.AlreadyAwarded);

        if (item.CompetitorOf is not null) return LoyaltyDecision.None(LoyaltyReasons.Competitor);
        if (item.Spam is not null || SpamCheck.LooksLikeSpam(item.Text)) return LoyaltyDecision.None(LoyaltyReasons.Spam);
        if (!rules.IncentivesAllowed(item.Brand, item.Source, item.Kind == FeedbackKind.Survey))
            return LoyaltyDecision.None(LoyaltyReasons.PlatformForbidsIncentives);
        if (item.Text.Trim().Length < rules.MinTextLength) return LoyaltyDecision.None(LoyaltyReasons.TooShort);

        var fingerprint = Fingerprint(item.Brand, item.Text);
        if (authorLedger.Any(e => e.Fingerprint == fingerprint)) return LoyaltyDecision.None(LoyaltyReasons.Duplicate);

        var points = rules.PointsFor(item.Brand, item.Source);
        if (points <= 0) return LoyaltyDecision.None(LoyaltyReasons.NoPointsConfigured);

        var brand = rules.For(item.Brand);
        var (day, month) = LoyaltyLedger.PeriodTotals(authorLedger, now, TimeSpan.FromHours(rules.CapUtcOffsetHours));
        if (day + points > (brand.MaxPointsPerDay ?? rules.MaxPointsPerDay)) return LoyaltyDecision.None(LoyaltyReasons.DailyCap);
        if (month + points > (brand.MaxPointsPerMonth ?? rules.MaxPointsPerMonth)) return LoyaltyDecision.None(LoyaltyReasons.MonthlyCap);

        return new LoyaltyDecision(
            new LedgerEntry(awardId, authorId, item.Id, item.Brand, item.Source, points, now, fingerprint),
            LoyaltyReasons.Awarded);
    }

    /// <summary>Hash of brand + text with case, punctuation and spacing removed: the same words posted twice match.</summary>
    public static string Fingerprint(string brand, string text)
    {
        var sb = new StringBuilder(brand.ToLowerInvariant()).Append('\n');
        foreach (var ch in text)
            if (char.IsLetterOrDigit(ch)) sb.Append(char.ToLowerInvariant(ch));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString()))[..12]);
    }
}
