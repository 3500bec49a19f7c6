using Listening.Core.Feedback;
using Listening.Responses;
using Microsoft.Extensions.Options;

namespace Listening.Reports;

public sealed record ReportDeliveryRun(int Brands, int Built, int Enqueued);

/// <summary>
/// Timer (<c>ReportDeliverySchedule</c>, every 15 minutes by default; a <c>[Function]</c> on Azure, Cronos locally): for each
/// brand in <c>Listening:Reports:Delivery</c>, the latest letter due in the brand's own time zone
/// (<see cref="ReportSlot"/>) is built once and put into the responses outbox — the same retried, dead-lettered, visible
/// delivery as replies (SMTP through MailKit, Standard Webhooks). Letter ids derive from brand, rhythm, period and
/// recipient: the report is only built while some recipient's letter is missing, and a rerun enqueues nothing.
/// </summary>
public sealed partial class DeliverReports(IActionMatrixReports reports, IResponseStore outbox, IOptions<ReportOptions> options, TimeProvider time,
    ILogger<DeliverReports> logger)
{
    public const string Name = nameof(DeliverReports);

    public async Task<ReportDeliveryRun> RunAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        int brands = 0, built = 0, enqueued = 0;
        foreach (var (brand, delivery) in settings.Delivery)
        {
            brands++;
            var slot = ReportSlot.Latest(delivery, settings.PeriodDays, now);
            var lang = delivery.Lang ?? settings.Lang;
            var recipients = delivery.Email.Select(e => e.Trim()).Where(e => e.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase)
                .Concat(delivery.Webhooks.Select(w => "webhook:" + w.Trim())).ToList();
            var missing = new List<(string Recipient, string Id)>();
            foreach (var recipient in recipients)
            {
                var id = ReportLetters.Id(brand, slot.Rhythm, slot.To, recipient);
                if (await outbox.GetMessageAsync(id, cancellationToken) is null) missing.Add((recipient, id));
            }
            if (missing.Count == 0) continue;

            var model = await reports.BuildAsync(new ActionMatrixQuery(brand, slot.From, slot.To, lang), cancellationToken);
            built++;
            var link = ReportLetters.Link(settings, brand, slot.From, slot.To, lang);
            foreach (var (recipient, id) in missing)
            {
                var message = recipient.StartsWith("webhook:", StringComparison.Ordinal)
                    ? ReportLetters.Webhook(id, recipient["webhook:".Length..], model, slot.Rhythm, link, now)
                    : ReportLetters.Email(id, recipient, model, slot.Rhythm, link, now);
                if (await outbox.EnqueueAsync(message, TimeSpan.Zero, cancellationToken)) enqueued++;
            }
            LogQueued(logger, BrandKey.Of(brand), slot.Rhythm, slot.From, slot.To, missing.Count);
        }
        return new ReportDeliveryRun(brands, built, enqueued);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Report letters for {Brand} ({Rhythm}, {From} … {To}): {Count} queued")]
    private static partial void LogQueued(ILogger logger, string brand, string rhythm, DateOnly from, DateOnly to, int count);
}
