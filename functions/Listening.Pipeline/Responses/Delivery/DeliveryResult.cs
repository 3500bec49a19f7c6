namespace Listening.Responses.Delivery;

/// <summary>
/// One delivery attempt's outcome. <see cref="Permanent"/> failures are dead-lettered at once (retrying cannot help).
/// <see cref="RetryAfter"/>: the platform said when to try again (HTTP <c>Retry-After</c>, Telegram's <c>retry_after</c>).
/// <see cref="NoChannel"/>: nothing configured can carry the message; it waits for a channel instead of failing.
/// <see cref="Receipt"/>: what the channel that took it answered.
/// </summary>
public sealed record DeliveryResult(bool Delivered, string? Error = null, bool Permanent = false)
{
    public TimeSpan? RetryAfter { get; init; }
    public bool NoChannel { get; init; }
    public DeliveryReceipt? Receipt { get; init; }

    public static readonly DeliveryResult Ok = new(true);
    public static DeliveryResult Sent(DeliveryReceipt receipt) => new(true) { Receipt = receipt };
    public static DeliveryResult Retry(string error, TimeSpan? retryAfter = null) => new(false, error) { RetryAfter = retryAfter };
    public static DeliveryResult Fail(string error) => new(false, error, Permanent: true);
    public static DeliveryResult Unroutable(string reason) => new(false, reason) { NoChannel = true };
}
