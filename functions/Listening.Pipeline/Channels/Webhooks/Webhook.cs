using Listening.Core.Channels;
using Listening.Core.Channels.Signatures;
using Listening.Core.Channels.Surveys;
using Listening.Core.Feedback;
using Listening.Pipeline;
using Microsoft.Extensions.Options;

namespace Listening.Channels.Webhooks;

/// <summary>What every webhook function does around its tool-specific part: raw body, 401s, submit, answer.</summary>
public static partial class Webhook
{
    public const int MaxBodyBytes = 1024 * 1024;

    /// <summary>
    /// The common front of every webhook — and of every webhook a new channel adds (docs/security.md): a valid brand, the
    /// raw body within the size limit and in time (<see cref="HttpBodies.ReadAsync"/>: 413, 408 — never a 500), the tool's
    /// settings for the brand, the tool's signature check over the exact bytes, then strict UTF-8. Returns the delivery, or
    /// the answer refusing it (404, 408, 413, 401, 400 — nothing is stored). What it hands on is then trusted: the channel
    /// names the source, the external id and the author, and every item still passes <see cref="ChannelIntake"/>'s
    /// validation, the keyed id derivation and the erasure check of ingest.
    /// </summary>
    public static async Task<(SignedDelivery? Delivery, IResult? Refusal)> ReceiveAsync(HttpContext context, string tool, string brand,
        IConfiguration configuration, ILogger logger, Func<byte[], WebhookSettings, IHeaderDictionary, SignatureCheck> verify,
        CancellationToken cancellationToken)
    {
        if (!IsValidBrand(brand)) return (null, Problems.Of(404, "Not found", "no such brand"));
        var services = context.RequestServices;
        var read = await HttpBodies.ReadAsync(context.Request, MaxBodyBytes, services.GetRequiredService<IOptions<HttpEdgeOptions>>().Value,
            services.GetRequiredService<TimeProvider>(), logger, cancellationToken);
        if (!read.Ok) return (null, read.Problem);
        var body = read.Bytes!;
        var settings = WebhookSettings.For(configuration, tool, brand);
        var check = verify(body, settings, context.Request.Headers);
        if (check != SignatureCheck.Valid)
        {
            LogRefused(logger, tool, brand, check);
            return (null, Unauthorized(check));
        }
        if (HttpBodies.StrictUtf8(body, json: !FeedbackParserIsForm(context.Request.ContentType)).Problem is { } invalid) return (null, invalid);
        return (new SignedDelivery(body, settings), null);
    }

    private static bool FeedbackParserIsForm(string? contentType) =>
        contentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>One survey response mapped to a feedback item and submitted, or answered as ignored with the reason.</summary>
    public static Task<IResult> SubmitSurveyAsync(string tool, string brand, SurveyResponse response, WebhookSettings settings,
        ChannelIntake intake, ILogger logger, CancellationToken cancellationToken)
    {
        var (item, reason) = SurveyMapper.ToFeedback(response, brand, settings.Mapping);
        return item is null ? Task.FromResult(Ignored(reason!)) : SubmitAsync(tool, brand, [item], intake, logger, cancellationToken);
    }

    /// <summary>The tool's API did not give the answers: 503 (the tool retries) when transient, else 502.</summary>
    public static IResult FetchFailed(SurveyFetchException e) =>
        Problems.Of(e.Transient ? 503 : 502, "Could not fetch the response", e.Message);

    public static IResult TooLarge() =>
        Problems.Of(413, "Request body too large", $"the body is larger than {MaxBodyBytes} bytes");

    public static IResult Unauthorized(SignatureCheck check) => Problems.Of(401, "Unauthorized",
        check switch
        {
            SignatureCheck.Missing => "missing signature, or no secret is configured for this tool and brand",
            SignatureCheck.Stale => "the signed timestamp is outside the allowed tolerance",
            _ => "the signature does not match",
        });

    public static IResult BadPayload(WebhookPayloadException e) =>
        Problems.Of(400, "Unreadable payload", e.Message);

    public static IResult Ignored(string reason) => Results.Ok(new { ignored = reason });

    /// <summary>Hands items to the pipeline: 202 with ids (a replay answers the same ids and stores nothing new).</summary>
    public static async Task<IResult> SubmitAsync(string tool, string brand, IReadOnlyList<FeedbackItemDto> items, ChannelIntake intake,
        ILogger logger, CancellationToken cancellationToken)
    {
        if (items.Count == 0) return Ignored("no feedback in the payload");
        IReadOnlyList<IntakeResult> results;
        try { results = await intake.SubmitAsync(items, cancellationToken); }
        catch (IntakeException e)
        {
            LogIntakeFailed(logger, tool, brand, e.Message);
            return Problems.Of(503, "Pipeline unavailable", "try again later");
        }
        var rejected = results.Select((r, i) => (r, i)).Where(x => x.r.Outcome == IntakeOutcome.Rejected).ToList();
        if (rejected.Count == results.Count)
            return Problems.Of(400, "Invalid feedback", "the payload maps to no valid feedback item",
                new Dictionary<string, object?> { ["errors"] = rejected.ToDictionary(x => $"[{x.i}]", x => x.r.Error) });
        var accepted = results.Count(r => r.Outcome == IntakeOutcome.Accepted);
        LogAccepted(logger, tool, brand, accepted, results.Count - accepted - rejected.Count);
        return Results.Json(new
        {
            ids = results.Select(r => r.Id),
            accepted,
            duplicates = results.Count(r => r.Outcome == IntakeOutcome.Duplicate),
            rejected = rejected.Count,
        }, statusCode: 202);
    }

    public static bool IsValidBrand(string brand) => Identifiers.IsBrand(brand);

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook {Tool}/{Brand}: {Accepted} new, {Duplicates} duplicate")]
    private static partial void LogAccepted(ILogger logger, string tool, string brand, int accepted, int duplicates);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook {Tool}/{Brand}: the pipeline did not take the items: {Error}")]
    private static partial void LogIntakeFailed(ILogger logger, string tool, string brand, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook {Tool}/{Brand}: refused ({Check})")]
    private static partial void LogRefused(ILogger logger, string tool, string brand, SignatureCheck check);
}

/// <summary>A webhook request whose signature checked out: the exact bytes and the tool's settings for the brand.</summary>
public sealed record SignedDelivery(byte[] Body, WebhookSettings Settings);
