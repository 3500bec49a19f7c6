using System.Text.Json;
using System.Text.Json.Nodes;
using Listening.Core.Feedback;
using Listening.Core.Loyalty;
using Listening.Core.Responses;
using Listening.Responses.Delivery;
using Microsoft.Extensions.Options;

namespace Listening.Responses;

/// <summary>
/// Turns a scored item into its response: the loyalty decision, the thank-you (if the author can be reached),
/// and the messages for the outbox. Pure given the ledger and the time; runs inside the store's transaction.
/// The thank-you goes where the author wrote when the brand's connector to that platform is configured (fitted to the
/// platform's rules), else to a known e-mail address, else to the signed <c>reply</c> webhook; when none of these is
/// configured it still gets the target it needs and waits there as <c>no-channel</c> (<see cref="Delivery.OutboxDelivery"/>).
/// </summary>
public sealed class ResponsePlanner(LoyaltyPolicy policy, ThankYouComposer composer, IOptions<ResponseRules> rules, IOptions<DeliveryOptions> delivery,
    ReplyChannels channels)
{
    public const string ThankYouKind = "thank-you", PointsKind = "points-awarded", FollowUpKind = "follow-up";

    public ResponsePlan Plan(FeedbackItem item, FeedbackScores scores, IReadOnlyCollection<LedgerEntry> ledger, DateTimeOffset now)
    {
        var loyalty = policy.Decide(item, ledger, now);
        var profile = rules.Value.ProfileOf(item.Author?.Id);
        var platform = channels.For(item.Source) is { } channel && channel.CanAnswer(item) && channel.IsConfigured(item.Brand) ? channel : null;
        var thanks = composer.Compose(new ThankYouRequest(item, scores, profile, loyalty, platform?.ConstraintsFor(item)));
        var tone = thanks?.Tone ?? Tones.Of(item, scores);
        var followUp = tone == Tone.Negative && item.CompetitorOf is null; // a competitor's unhappy customer is theirs to answer
        var messages = new List<OutboxMessage>();
        var webhooks = delivery.Value.Webhooks;

        if (thanks is not null)
        {
            messages.Add(new OutboxMessage($"thanks-{item.Id}", ThankYouKind, TargetOf(item, thanks.Route, platform), Payload(ThankYouKind, now, new JsonObject
            {
                ["itemId"] = item.Id,
                ["brand"] = item.Brand,
                ["authorId"] = item.Author?.Id,
                ["source"] = item.Source,
                ["externalId"] = item.ExternalId,
                ["url"] = item.Url,
                ["channel"] = thanks.Route.Channel,
                ["address"] = thanks.Route.Address,
                ["language"] = thanks.Language,
                ["tone"] = tone.Key(),
                ["template"] = thanks.Template,
                ["subject"] = thanks.Subject,
                ["body"] = thanks.Body,
                ["followUp"] = thanks.FollowUp,
                ["points"] = thanks.Points,
            }), now, item.Author?.Id, item.Id));
        }
        if (loyalty.IsNewAward && webhooks.ContainsKey("loyalty"))
        {
            var award = loyalty.Award!;
            messages.Add(new OutboxMessage($"points-{item.Id}", PointsKind, "webhook:loyalty", Payload(PointsKind, now, new JsonObject
            {
                ["awardId"] = award.Id, ["authorId"] = award.AuthorId, ["itemId"] = award.ItemId,
                ["brand"] = award.Brand, ["source"] = award.Source, ["points"] = award.Points, ["at"] = award.At,
            }), now, award.AuthorId, item.Id));
        }
        if (followUp && webhooks.ContainsKey("followup"))
        {
            // A ticket for the person who keeps the promise made in the apology.
            messages.Add(new OutboxMessage($"followup-{item.Id}", FollowUpKind, "webhook:followup", Payload(FollowUpKind, now, new JsonObject
            {
                ["itemId"] = item.Id, ["authorId"] = item.Author?.Id, ["brand"] = item.Brand, ["source"] = item.Source,
                ["url"] = item.Url, ["text"] = item.Text, ["rating"] = item.Rating,
                ["channel"] = thanks?.Route.Channel, ["address"] = thanks?.Route.Address,
                ["dueBy"] = now.AddHours(rules.Value.FollowUpHours),
                ["factors"] = new JsonArray(scores.Factors.Where(f => f.Label == Core.Sentiment.SentimentLabel.Negative).Select(f => (JsonNode)f.Factor).ToArray()),
            }), now, item.Author?.Id, item.Id));
        }

        var tracking = new ResponseTracking(item.Id, item.Author?.Id, item.Source, item.Kind, tone, item.CreatedAt, now,
            thanks is not null, followUp, loyalty.Reason, loyalty.Points);
        return new ResponsePlan(loyalty, tracking, messages);
    }

    /// <summary>
    /// Where the thank-you goes: <c>channel:{platform}</c> (the connector of the platform the author wrote on),
    /// <c>email</c>, or <c>webhook:reply</c> (a CRM or reply bot) — the configured one first; when none is configured,
    /// the one the route needs, where it waits for its channel.
    /// </summary>
    private string TargetOf(FeedbackItem item, ReplyRoute route, IReplyChannel? platform)
    {
        var d = delivery.Value;
        var replyWebhook = d.Webhooks.ContainsKey("reply");
        if (route.Channel == ReplyRoute.Email)
            return !string.IsNullOrWhiteSpace(d.Smtp.Host) || !replyWebhook ? "email" : "webhook:reply";
        if (route.Channel != ReplyRoute.Reply) return "webhook:reply"; // a preferred channel (telegram, phone …) the CRM resolves
        if (platform is not null) return OutboxChannels.Target(platform.Name);
        if (replyWebhook) return "webhook:reply";
        return channels.For(item.Source) is { } known && known.CanAnswer(item) ? OutboxChannels.Target(known.Name) : "webhook:reply";
    }

    /// <summary>The Standard Webhooks event shape: type, timestamp, data.</summary>
    public static string Payload(string type, DateTimeOffset now, JsonObject data) =>
        new JsonObject { ["type"] = type, ["timestamp"] = now, ["data"] = data }.ToJsonString(Json);

    public static JsonSerializerOptions Json => Pipeline.ListeningJson.Options;
}
