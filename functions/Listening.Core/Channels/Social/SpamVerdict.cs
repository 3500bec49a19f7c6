namespace Listening.Core.Channels.Social;

public enum SpamKind { None, CrossPost, LinksOnly, Flood }

/// <summary>
/// What the spam check decided about one item. A <see cref="SpamKind.CrossPost"/> is a copy of
/// <see cref="OriginalId"/> and collapses into it; <see cref="SpamKind.LinksOnly"/> and <see cref="SpamKind.Flood"/>
/// are kept and marked (<see cref="Reason"/> goes into the item's <c>spam</c> field), so they stay out of the
/// matrix and of loyalty awards without being deleted.
/// </summary>
public sealed record SpamVerdict(SpamKind Kind, string? OriginalId = null)
{
    public static readonly SpamVerdict Clean = new(SpamKind.None);
    public bool IsSpam => Kind is SpamKind.LinksOnly or SpamKind.Flood;
    public string? Reason => Kind switch
    {
        SpamKind.LinksOnly => "links-only",
        SpamKind.Flood => "flood",
        _ => null,
    };
}
