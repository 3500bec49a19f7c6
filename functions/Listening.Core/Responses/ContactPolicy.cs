namespace Listening.Core.Responses;

/// <summary>Why a message is sent: an answer to the author's own feedback, or something we start (digest, reminder).</summary>
public enum MessagePurpose { Reply, Unsolicited }

/// <summary>
/// Contact-frequency cap: at most one unsolicited message per author per period. A reply to the author's
/// own feedback is never unsolicited, so it is never held back and does not use up the allowance.
/// </summary>
public static class ContactPolicy
{
    public static bool MayContact(MessagePurpose purpose, DateTimeOffset? lastUnsolicitedAt, DateTimeOffset now, TimeSpan period) =>
        purpose == MessagePurpose.Reply || lastUnsolicitedAt is null || now - lastUnsolicitedAt.Value >= period;
}
