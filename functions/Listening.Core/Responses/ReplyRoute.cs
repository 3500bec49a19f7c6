using Listening.Core.Feedback;

namespace Listening.Core.Responses;

public enum AuthorTier { Standard, Vip }

/// <summary>What the brand knows about an author beyond the item: tier and preferred channel (from the CRM or configuration).</summary>
public sealed record AuthorProfile(string AuthorId, AuthorTier Tier = AuthorTier.Standard, string? PreferredChannel = null);

/// <summary>
/// Where a message goes. <see cref="Channel"/> is <c>email</c> (sent over SMTP) or the name of a
/// channel handed to the reply webhook (<c>reply</c> = the source's own reply function, or a
/// preferred channel such as <c>telegram</c> that the CRM resolves). <see cref="Address"/> is personal data.
/// </summary>
public sealed record ReplyRoute(string Channel, string Address)
{
    public const string Email = "email";
    public const string Reply = "reply";

    /// <summary>
    /// The preferred channel when known and usable, else e-mail, else the source's reply function — or, when
    /// <paramref name="ownChannelFirst"/> (the brand's connector to the platform the author wrote on is configured), the
    /// source's reply function before e-mail: the answer goes where the author wrote, where everyone reading sees it.
    /// Null when the author cannot be reached: then nothing is sent (points may still be awarded).
    /// </summary>
    public static ReplyRoute? Choose(FeedbackItem item, AuthorProfile? profile, ISet<string> replySources, bool ownChannelFirst = false)
    {
        var author = item.Author;
        var email = Blank(author?.Email);
        var handle = Blank(author?.Handle);
        var preferred = Blank(profile?.PreferredChannel)?.ToLowerInvariant();

        if (preferred == Email && email is not null) return new(Email, email);
        if (preferred is not null and not Email and not Reply && (handle ?? Blank(author?.Id)) is { } crmKey)
            return new(preferred, crmKey);
        if (preferred == Reply && ReplyAddress(item, handle, replySources) is { } preferredReply) return new(Reply, preferredReply);
        if (preferred is null && ownChannelFirst && ReplyAddress(item, handle, replySources) is { } own) return new(Reply, own);
        if (email is not null) return new(Email, email);
        return ReplyAddress(item, handle, replySources) is { } reply ? new(Reply, reply) : null;
    }

    private static string? ReplyAddress(FeedbackItem item, string? handle, ISet<string> replySources) =>
        !replySources.Contains(item.Source) ? null : handle ?? Blank(item.ExternalId) ?? Blank(item.Url);

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
