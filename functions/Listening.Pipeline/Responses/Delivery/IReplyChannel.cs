using Listening.Core.Feedback;
using Listening.Core.Responses;

namespace Listening.Responses.Delivery;

/// <summary>
/// A platform the brand answers on, where the author wrote: Telegram, VK, Google Play, the App Store, Google Business
/// Profile (each in <c>Channels/&lt;Platform&gt;/</c>). <see cref="Name"/> is also the item source it answers.
/// </summary>
public interface IReplyChannel
{
    string Name { get; }

    /// <summary>Whether the brand's connector is configured (token, keys) so that answers can go out.</summary>
    bool IsConfigured(string brand);

    /// <summary>Whether the item carries what this connector needs to answer it in place (it came in through the connector,
    /// not as a mention of the same network from elsewhere).</summary>
    bool CanAnswer(FeedbackItem item);

    /// <summary>The platform's rules for an answer to this item: length limit, public or private.</summary>
    ReplyConstraints ConstraintsFor(FeedbackItem item);

    /// <summary>
    /// Posts the answer where <paramref name="reply"/>'s item was written. The result says sent (with the platform's
    /// reply id and acknowledgement time), retry (429/5xx, with the platform's wait), or failed for good (with the
    /// platform's error text).
    /// </summary>
    Task<DeliveryResult> SendAsync(ChannelReply reply, CancellationToken cancellationToken);
}

/// <summary>
/// An answer to post: the outbox message id (the idempotency key where the platform takes one — VK's <c>guid</c> and
/// <c>random_id</c>), the item's brand, source and platform coordinates (<see cref="ExternalId"/>, as the connector
/// stored them), the text, and the platform's id of an earlier reply to this item when there is one (a re-answer then
/// replaces it where the platform allows, instead of posting twice).
/// </summary>
public sealed record ChannelReply(string MessageId, string Brand, string ItemId, string Source, string? ExternalId, string? Url, string Text,
    string? PreviousReference = null);

/// <summary>The platform connectors by name (= item source).</summary>
public sealed class ReplyChannels(IEnumerable<IReplyChannel> channels)
{
    private readonly Dictionary<string, IReplyChannel> byName = channels.ToDictionary(c => c.Name, StringComparer.OrdinalIgnoreCase);

    public IReplyChannel? For(string source) => byName.GetValueOrDefault(source);

    public IReadOnlyCollection<IReplyChannel> All => byName.Values;
}
