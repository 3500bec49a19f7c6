namespace Listening.Responses.Delivery;

/// <summary>One delivery attempt's outcome. <see cref="Permanent"/> failures are dead-lettered at once (retrying cannot help).</summary>
public sealed record DeliveryResult(bool Delivered, string? Error = null, bool Permanent = false)
{
    public static readonly DeliveryResult Ok = new(true);
    public static DeliveryResult Retry(string error) => new(false, error);
    public static DeliveryResult Fail(string error) => new(false, error, Permanent: true);
}
