using Microsoft.Extensions.Options;

namespace Listening.Responses.Delivery;

public sealed record DeliveryRun(int Claimed, int Delivered, int Retried, int DeadLettered);

/// <summary>
/// One pass over the outbox: claims due messages (leased, so concurrent passes never send one twice), sends each,
/// then marks it delivered, schedules the next attempt (exponential backoff with jitter) or dead-letters it with
/// the reason after <see cref="DeliveryOptions.MaxAttempts"/>. A crash mid-pass leaves the lease to expire and the
/// message is sent again — with the same webhook-id / Message-ID, so receivers can drop the copy.
/// </summary>
public sealed partial class OutboxDelivery(
    IResponseStore store, WebhookSender webhooks, SmtpSender smtp, IOptions<DeliveryOptions> options, TimeProvider time, ILogger<OutboxDelivery> logger)
{
    public async Task<DeliveryRun> RunOnceAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        var due = await store.ClaimDueAsync(time.GetUtcNow(), o.Lease, o.BatchSize, cancellationToken);
        int delivered = 0, retried = 0, dead = 0;
        foreach (var entry in due)
        {
            var message = entry.Message;
            var result = message.Target switch
            {
                _ when !Configured(message.Target) && !string.IsNullOrWhiteSpace(o.PickupDirectory) => await PickupAsync(o.PickupDirectory, message, cancellationToken),
                "email" => await smtp.SendAsync(message.Id, message.Payload, cancellationToken),
                var t when t.StartsWith("webhook:", StringComparison.Ordinal) => await webhooks.SendAsync(t["webhook:".Length..], message.Id, message.Payload, cancellationToken),
                var t => DeliveryResult.Fail($"unknown delivery target '{t}'"),
            };
            var attempts = entry.Attempts + 1;
            var now = time.GetUtcNow();
            if (result.Delivered)
            {
                await store.MarkDeliveredAsync(message.Id, now, cancellationToken);
                delivered++;
            }
            else if (result.Permanent || attempts >= o.MaxAttempts)
            {
                await store.DeadLetterAsync(message.Id, $"{result.Error} (attempt {attempts} of {o.MaxAttempts})", cancellationToken);
                LogDeadLettered(logger, message.Id, message.Target, attempts);
                dead++;
            }
            else
            {
                await store.ScheduleRetryAsync(message.Id, now + Backoff.Delay(attempts, o.BaseDelay, o.MaxDelay, Random.Shared.NextDouble()), result.Error!, cancellationToken);
                LogRetry(logger, message.Id, message.Target, attempts);
                retried++;
            }
        }
        return new DeliveryRun(due.Count, delivered, retried, dead);
    }

    private bool Configured(string target) => target == "email"
        ? !string.IsNullOrWhiteSpace(options.Value.Smtp.Host)
        : target.StartsWith("webhook:", StringComparison.Ordinal) && options.Value.Webhooks.ContainsKey(target["webhook:".Length..]);

    /// <summary>Writes the message as <c>{id}.json</c> (temp file + rename, so a reader never sees half a file; rewriting is idempotent).
    /// Message ids are derived from validated item ids; the canonical path is checked anyway (<see cref="Access.SafePath"/>), so a
    /// name that would leave the folder is dead-lettered, never written.</summary>
    private static async Task<DeliveryResult> PickupAsync(string directory, OutboxMessage message, CancellationToken cancellationToken)
    {
        try
        {
            Directory.CreateDirectory(directory);
            if (Access.SafePath.InDirectory(directory, $"{message.Id}.json") is not { } path)
                return DeliveryResult.Fail("the message id is not a safe file name for the pickup directory");
            var temp = path + ".tmp";
            await File.WriteAllTextAsync(temp, message.Payload, cancellationToken);
            File.Move(temp, path, overwrite: true);
            return DeliveryResult.Ok;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return DeliveryResult.Retry($"pickup directory: {e.Message}");
        }
    }

    // Ids and targets only: payloads and errors may carry personal data (an SMTP server echoes the address).
    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {MessageId} to {Target} failed (attempt {Attempt}); retry scheduled")]
    private static partial void LogRetry(ILogger logger, string messageId, string target, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox message {MessageId} to {Target} dead-lettered after {Attempt} attempt(s)")]
    private static partial void LogDeadLettered(ILogger logger, string messageId, string target, int attempt);
}
