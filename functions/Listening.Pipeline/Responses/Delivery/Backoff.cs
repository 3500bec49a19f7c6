namespace Listening.Responses.Delivery;

/// <summary>
/// Exponential backoff with "equal jitter": half the exponential delay plus a random share of the other half,
/// so retries of many messages that failed together spread out instead of hammering the receiver in step.
/// </summary>
public static class Backoff
{
    public static TimeSpan Delay(int attempt, TimeSpan baseDelay, TimeSpan maxDelay, double random01)
    {
        var exponential = baseDelay.TotalMilliseconds * Math.Pow(2, Math.Max(0, attempt - 1));
        var capped = Math.Min(exponential, maxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped / 2 + capped / 2 * Math.Clamp(random01, 0, 1));
    }
}
