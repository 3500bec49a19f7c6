using System.Text.Json;
using Listening.Core.Responses;
using Microsoft.Extensions.Options;

namespace Listening.Responses.Delivery;

public sealed record DeliveryRun(int Claimed, int Delivered, int Retried, int DeadLettered, int NoChannel = 0);

/// <summary>
/// One pass over the outbox: claims due messages (leased, so concurrent passes never send one twice), sends each
/// through its channel — the platform the author wrote on (<see cref="IReplyChannel"/>), SMTP, a signed webhook, or the
/// pickup folder when that is all there is — then marks it delivered (with the platform's receipt), schedules the next
/// attempt (the platform's <c>Retry-After</c>, else exponential backoff with jitter), dead-letters it with the
/// platform's error text (a permanent refusal, or after <see cref="DeliveryOptions.MaxAttempts"/>), or, when no channel
/// is configured that can carry it, lets it wait as <c>no-channel</c> — never a silent dead letter. A crash mid-pass
/// leaves the lease to expire and the message is sent again, with the same webhook-id / Message-ID / VK guid.
/// </summary>
public sealed partial class OutboxDelivery(
    IResponseStore store, WebhookSender webhooks, SmtpSender smtp, ReplyChannels channels, IOptions<DeliveryOptions> options, TimeProvider time,
    ILogger<OutboxDelivery> logger)
{
    public async Task<DeliveryRun> RunOnceAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        var due = await store.ClaimDueAsync(time.GetUtcNow(), o.Lease, o.BatchSize, cancellationToken);
        int delivered = 0, retried = 0, dead = 0, waiting = 0;
        // Platforms answer in tens to hundreds of milliseconds: a few at a time keeps a burst within the minute.
        await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = o.Concurrency, CancellationToken = cancellationToken }, async (entry, ct) =>
        {
            var outcome = await DeliverAsync(entry, ct);
            switch (outcome)
            {
                case Outcome.Delivered: Interlocked.Increment(ref delivered); break;
                case Outcome.Retried: Interlocked.Increment(ref retried); break;
                case Outcome.DeadLettered: Interlocked.Increment(ref dead); break;
                default: Interlocked.Increment(ref waiting); break;
            }
        });
        return new DeliveryRun(due.Count, delivered, retried, dead, waiting);
    }

    private enum Outcome { Delivered, Retried, DeadLettered, NoChannel }

    private async Task<Outcome> DeliverAsync(OutboxEntry entry, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var message = entry.Message;
        var result = await SendAsync(entry, cancellationToken);
        var attempts = entry.Attempts + 1;
        var now = time.GetUtcNow();
        if (result.Delivered)
        {
            await store.MarkDeliveredAsync(message.Id, now, result.Receipt ?? new DeliveryReceipt(OutboxChannels.Of(message.Target)), cancellationToken);
            return Outcome.Delivered;
        }
        if (result.NoChannel)
        {
            await store.WaitForChannelAsync(message.Id, now + o.NoChannelRecheck, result.Error!, cancellationToken);
            if (entry.Status != OutboxStatus.NoChannel) LogNoChannel(logger, message.Id, message.Target);
            return Outcome.NoChannel;
        }
        if (result.Permanent || attempts >= o.MaxAttempts)
        {
            await store.DeadLetterAsync(message.Id, $"{result.Error} (attempt {attempts} of {o.MaxAttempts})", cancellationToken);
            LogDeadLettered(logger, message.Id, message.Target, attempts);
            return Outcome.DeadLettered;
        }
        // The platform's own wait wins when it gave one (never sooner); otherwise exponential backoff with jitter.
        var wait = result.RetryAfter is { } after && after > TimeSpan.Zero
            ? after
            : Backoff.Delay(attempts, o.BaseDelay, o.MaxDelay, Random.Shared.NextDouble());
        await store.ScheduleRetryAsync(message.Id, now + wait, result.Error!, cancellationToken);
        LogRetry(logger, message.Id, message.Target, attempts);
        return Outcome.Retried;
    }

    /// <summary>Routes one message: its target's channel when configured, else the pickup folder, else "no channel".</summary>
    private async Task<DeliveryResult> SendAsync(OutboxEntry entry, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var message = entry.Message;
        var target = message.Target;
        string? unconfigured;
        if (target == "email")
        {
            if (!string.IsNullOrWhiteSpace(o.Smtp.Host)) return await smtp.SendAsync(message.Id, message.Payload, cancellationToken) with { Receipt = new DeliveryReceipt("email") };
            unconfigured = "e-mail is not configured (Responses:Delivery:Smtp:Host)";
        }
        else if (target.StartsWith("webhook:", StringComparison.Ordinal))
        {
            var name = target["webhook:".Length..];
            if (o.Webhooks.ContainsKey(name)) return await webhooks.SendAsync(name, message.Id, message.Payload, cancellationToken) with { Receipt = new DeliveryReceipt(target) };
            unconfigured = $"webhook '{name}' is not configured (Responses:Delivery:Webhooks:{name}:Url)";
        }
        else if (target.StartsWith(OutboxChannels.ChannelPrefix, StringComparison.Ordinal))
        {
            var name = OutboxChannels.Of(target);
            if (!ChannelReplyOf(entry, out var reply, out var problem)) return DeliveryResult.Fail(problem!);
            if (channels.For(name) is { } channel && channel.IsConfigured(reply!.Brand))
                return await channel.SendAsync(reply, cancellationToken);
            unconfigured = $"the {name} connector is not configured for brand '{reply!.Brand}' (docs/channels.md)";
        }
        else return DeliveryResult.Fail($"unknown delivery target '{target}'");

        return string.IsNullOrWhiteSpace(o.PickupDirectory)
            ? DeliveryResult.Unroutable($"no channel: {unconfigured}")
            : await PickupAsync(o.PickupDirectory, message, cancellationToken);
    }

    /// <summary>The answer to post, read from a thank-you payload (<c>data.body</c>, <c>brand</c>, <c>source</c>, <c>externalId</c> …).</summary>
    private static bool ChannelReplyOf(OutboxEntry entry, out ChannelReply? reply, out string? problem)
    {
        reply = null;
        problem = null;
        try
        {
            using var document = JsonDocument.Parse(entry.Message.Payload);
            var data = document.RootElement.GetProperty("data");
            string? Text(string name) => data.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            reply = new ChannelReply(entry.Message.Id, Text("brand") ?? "", Text("itemId") ?? entry.Message.ItemId ?? "", Text("source") ?? "",
                Text("externalId"), Text("url"), Text("body") ?? throw new KeyNotFoundException("data.body"), entry.Receipt?.Reference);
            return true;
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            problem = $"the message is not an answer a platform can post: {e.Message}";
            return false;
        }
    }

    /// <summary>Writes the message as <c>{id}.json</c> (temp file + rename, so a reader never sees half a file; rewriting is idempotent).</summary>
    private static async Task<DeliveryResult> PickupAsync(string directory, OutboxMessage message, CancellationToken cancellationToken)
    {
        try
        {
            Directory.CreateDirectory(directory);
            var path = Path.Combine(directory, $"{message.Id}.json");
            var temp = path + ".tmp";
            await File.WriteAllTextAsync(temp, message.Payload, cancellationToken);
            File.Move(temp, path, overwrite: true);
            return DeliveryResult.Sent(new DeliveryReceipt("file", path));
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {MessageId} to {Target} waits: no channel is configured that can carry it (listening status shows why)")]
    private static partial void LogNoChannel(ILogger logger, string messageId, string target);
}
