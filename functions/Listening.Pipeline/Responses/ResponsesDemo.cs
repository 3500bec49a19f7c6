using System.Text.Json;
using Listening.Core.Loyalty;
using Listening.Responses.Delivery;
using Microsoft.Extensions.Options;

namespace Listening.Responses;

/// <summary>
/// The part of <c>listening demo</c> that shows the answers. The demo has no CRM, SMTP server or platform connector, so
/// <see cref="Settings"/> gives it a file channel: every answer is written as <c>{id}.json</c> to <c>answers/</c> beside
/// the report (kept after the run), exactly what the webhook or the platform would have received. <see cref="PrintAsync"/>
/// delivers what the outbox holds, then says where each answer went (per channel), what did not go out and why, and
/// prints a Russian and an English thank-you, a complaint among them.
/// </summary>
public static class ResponsesDemo
{
    public const string AnswersFolder = "answers";

    /// <summary>The demo's delivery settings: the file channel in <c>{reportFolder}/answers</c>, emptied of an earlier run's answers.</summary>
    public static IReadOnlyList<string> Settings(string reportFolder)
    {
        var answers = Path.Combine(Path.GetFullPath(reportFolder), AnswersFolder);
        if (Directory.Exists(answers))
            foreach (var old in Directory.EnumerateFiles(answers, "*.json")) File.Delete(old);
        return [$"--Responses:Delivery:PickupDirectory={answers}"];
    }

    public static async Task PrintAsync(IServiceProvider services, TextWriter output, CancellationToken cancellationToken)
    {
        var store = services.GetRequiredService<IResponseStore>();
        var delivery = services.GetRequiredService<OutboxDelivery>();
        var time = services.GetRequiredService<TimeProvider>();
        for (var pass = 0; pass < 1000 && (await delivery.RunOnceAsync(cancellationToken)).Claimed > 0; pass++) { }

        var decisions = await store.TrackingAsync(DateTimeOffset.MinValue, cancellationToken);
        output.WriteLine();
        output.WriteLine($"responses: {decisions.Count} items answered — {decisions.Count(d => d.Reachable)} thanked ({decisions.Count(d => d.FollowUp)} complaints flagged for a follow-up), "
            + $"{decisions.Count(d => d.LoyaltyReason == LoyaltyReasons.Awarded)} awards, {decisions.Sum(d => d.Points)} points in all");
        output.WriteLine("  no points because: " + string.Join(", ", decisions.Where(d => d.LoyaltyReason != LoyaltyReasons.Awarded)
            .GroupBy(d => d.LoyaltyReason).OrderByDescending(g => g.Count()).Select(g => $"{g.Key} {g.Count()}")));

        var summary = await store.SummarizeAsync(time.GetUtcNow(), 5, cancellationToken);
        output.WriteLine("  outbox: " + string.Join(", ", OutboxStates.All.Select(s => $"{summary.Totals.GetValueOrDefault(s)} {s}")));
        var sent = await store.ListMessagesAsync(new OutboxQuery([OutboxStates.Sent], Max: 1_000_000), cancellationToken);
        foreach (var via in sent.GroupBy(e => e.Channel).OrderByDescending(g => g.Count()))
        {
            var where = via.Key == "file"
                ? $"written as files to {Path.GetDirectoryName(via.First().Receipt?.Reference)} (the demo configures no CRM, SMTP or platform connector: docs/channels.md connects them) — meant for"
                : $"sent through {via.Key}";
            output.WriteLine($"  answers {where}: " + string.Join(", ", via.GroupBy(MeantFor).OrderByDescending(g => g.Count()).Select(g => $"{g.Key} {g.Count()}")));
        }
        foreach (var problem in summary.Latest)
            output.WriteLine($"  {problem.State}: {problem.MessageId} ({problem.Channel}) — {problem.Reason}");

        var pickup = services.GetRequiredService<IOptions<DeliveryOptions>>().Value.PickupDirectory;
        if (string.IsNullOrWhiteSpace(pickup) || !Directory.Exists(pickup)) return;
        var messages = Directory.GetFiles(pickup, "thanks-*.json")
            .Select(f => JsonDocument.Parse(File.ReadAllText(f)).RootElement.GetProperty("data").Clone())
            .OrderBy(m => m.GetProperty("itemId").GetString(), StringComparer.Ordinal)
            .ToList();
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

    /// <summary>Where the answer was meant to go: <c>e-mail</c>, a reply on the platform it was written on (<c>reply on vk</c>), or the target.</summary>
    private static string MeantFor(OutboxEntry entry)
    {
        try
        {
            using var document = JsonDocument.Parse(entry.Message.Payload);
            var data = document.RootElement.TryGetProperty("data", out var d) ? d : default;
            string? Text(string name) => data.ValueKind == JsonValueKind.Object && data.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            return Text("channel") switch
            {
                "email" => "e-mail",
                "reply" => $"reply on {Text("source") ?? "its platform"}",
                { } other => other,
                null => OutboxChannels.Of(entry.Message.Target),
            };
        }
        catch (JsonException) { return OutboxChannels.Of(entry.Message.Target); }
    }
}
