using System.Text.Json;
using Listening.Core.Loyalty;
using Listening.Core.Responses;
using Listening.Responses.Delivery;
using Microsoft.Extensions.Options;

namespace Listening.Responses;

/// <summary>
/// The part of <c>listening demo</c> that shows the answers: delivers what the outbox holds (to the pickup directory
/// when no CRM is configured), then prints the awards and a Russian and an English thank-you, a complaint among them.
/// </summary>
public static class ResponsesDemo
{
    public static async Task PrintAsync(IServiceProvider services, TextWriter output, CancellationToken cancellationToken)
    {
        var store = services.GetRequiredService<IResponseStore>();
        var delivery = services.GetRequiredService<OutboxDelivery>();
        for (var pass = 0; pass < 1000 && (await delivery.RunOnceAsync(cancellationToken)).Claimed > 0; pass++) { }

        var decisions = await store.TrackingAsync(DateTimeOffset.MinValue, cancellationToken);
        var counts = await store.CountMessagesAsync(cancellationToken);
        output.WriteLine();
        output.WriteLine($"responses: {decisions.Count} items answered — {decisions.Count(d => d.Reachable)} thanked ({decisions.Count(d => d.FollowUp)} complaints flagged for a follow-up), "
            + $"{decisions.Count(d => d.LoyaltyReason == LoyaltyReasons.Awarded)} awards, {decisions.Sum(d => d.Points)} points in all");
        output.WriteLine("  no points because: " + string.Join(", ", decisions.Where(d => d.LoyaltyReason != LoyaltyReasons.Awarded)
            .GroupBy(d => d.LoyaltyReason).OrderByDescending(g => g.Count()).Select(g => $"{g.Key} {g.Count()}")));
        output.WriteLine("  outbox: " + string.Join(", ", counts.OrderBy(c => c.Key).Select(c => $"{c.Key.ToString().ToLowerInvariant()} {c.Value}")));

        var pickup = services.GetRequiredService<IOptions<DeliveryOptions>>().Value.PickupDirectory;
        if (string.IsNullOrWhiteSpace(pickup) || !Directory.Exists(pickup)) return;
        var messages = Directory.GetFiles(pickup, "thanks-*.json")
            .Select(f => JsonDocument.Parse(File.ReadAllText(f)).RootElement.GetProperty("data").Clone())
            .OrderBy(m => m.GetProperty("itemId").GetString(), StringComparer.Ordinal)
            .ToList();
        output.WriteLine($"  messages written to {pickup}");
        foreach (var (lang, tone) in new[] { ("ru", "negative"), ("ru", "positive"), ("en", "positive"), ("en", "negative") })
        {
            var sample = messages.FirstOrDefault(m => m.GetProperty("language").GetString() == lang && m.GetProperty("tone").GetString() == tone
                && m.GetProperty("points").GetInt32() > 0);
            if (sample.ValueKind == JsonValueKind.Undefined) continue;
            output.WriteLine();
            output.WriteLine($"──── {sample.GetProperty("template").GetString()} → {sample.GetProperty("channel").GetString()}, {sample.GetProperty("points").GetInt32()} points"
                + (sample.GetProperty("followUp").GetBoolean() ? ", follow-up flagged" : ""));
            output.WriteLine(sample.GetProperty("body").GetString());
        }
    }
}
