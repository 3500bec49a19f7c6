using Listening.Core.Channels;
using Listening.Core.Channels.Signatures;
using Listening.Core.Channels.Surveys;
using Listening.Core.Feedback;

namespace Listening.Channels.Webhooks;

/// <summary>What every webhook function does around its tool-specific part: raw body, 401s, submit, answer.</summary>
public static partial class Webhook
{
    public const int MaxBodyBytes = 1024 * 1024;

    /// <summary>The exact request bytes (signatures are over them), or null when larger than <see cref="MaxBodyBytes"/>.</summary>
    public static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes) return null;
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    /// <summary>
    /// The common front of every webhook: a valid brand, the raw body within the size limit, the tool's settings for
    /// the brand, and the tool's signature check over the exact bytes. Returns the delivery, or the answer refusing it
    /// (404, 413, 401 — nothing is stored).
    /// </summary>
    public static async Task<(SignedDelivery? Delivery, IResult? Refusal)> ReceiveAsync(HttpContext context, string tool, string brand,
        IConfiguration configuration, ILogger logger, Func<byte[], WebhookSettings, IHeaderDictionary, SignatureCheck> verify,
        CancellationToken cancellationToken)
    {
        if (!IsValidBrand(brand)) return (null, Results.NotFound());
        var body = await ReadBodyAsync(context.Request, cancellationToken);
        if (body is null) return (null, TooLarge());
        var settings = WebhookSettings.For(configuration, tool, brand);
        var check = verify(body, settings, context.Request.Headers);
        if (check != SignatureCheck.Valid)
        {
            LogRefused(logger, tool, brand, check);
            return (null, Unauthorized(check));
        }
        return (new SignedDelivery(body, settings), null);
    }

    /// <summary>One survey response mapped to a feedback item and submitted, or answered as ignored with the reason.</summary>
    public static Task<IResult> SubmitSurveyAsync(string tool, string brand, SurveyResponse response, WebhookSettings settings,
        ChannelIntake intake, ILogger logger, CancellationToken cancellationToken)
    {
        var (item, reason) = SurveyMapper.ToFeedback(response, brand, settings.Mapping);
        return item is null ? Task.FromResult(Ignored(reason!)) : SubmitAsync(tool, brand, [item], intake, logger, cancellationToken);
    }

    /// <summary>The tool's API did not give the answers: 503 (the tool retries) when transient, else 502.</summary>
    public static IResult FetchFailed(SurveyFetchException e) =>
        Results.Problem(statusCode: e.Transient ? 503 : 502, title: "Could not fetch the response", detail: e.Message);

    public static IResult TooLarge() =>
        Results.Problem(statusCode: 413, title: "Request body too large", detail: $"the body is larger than {MaxBodyBytes} bytes");

    public static IResult Unauthorized(SignatureCheck check) => Results.Problem(statusCode: 401, title: "Unauthorized",
        detail: check switch
        {
            SignatureCheck.Missing => "missing signature, or no secret is configured for this tool and brand",
            SignatureCheck.Stale => "the signed timestamp is outside the allowed tolerance",
            _ => "the signature does not match",
        });

    public static IResult BadPayload(WebhookPayloadException e) =>
        Results.Problem(statusCode: 400, title: "Unreadable payload", detail: e.Message);

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
            return Results.Problem(statusCode: 503, title: "Pipeline unavailable", detail: "try again later");
        }
        var rejected = results.Select((r, i) => (r, i)).Where(x => x.r.Outcome == IntakeOutcome.Rejected).ToList();
        if (rejected.Count == results.Count)
            return Results.Problem(statusCode: 400, title: "Invalid feedback", detail: "the payload maps to no valid feedback item",
                extensions: new Dictionary<string, object?> { ["errors"] = rejected.ToDictionary(x => $"[{x.i}]", x => x.r.Error) });
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

    public static bool IsValidBrand(string brand) => brand.Length is > 0 and <= 100 && !brand.Any(char.IsControl);

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook {Tool}/{Brand}: {Accepted} new, {Duplicates} duplicate")]
    private static partial void LogAccepted(ILogger logger, string tool, string brand, int accepted, int duplicates);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook {Tool}/{Brand}: the pipeline did not take the items: {Error}")]
    private static partial void LogIntakeFailed(ILogger logger, string tool, string brand, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook {Tool}/{Brand}: refused ({Check})")]
    private static partial void LogRefused(ILogger logger, string tool, string brand, SignatureCheck check);
}

/// <summary>A webhook request whose signature checked out: the exact bytes and the tool's settings for the brand.</summary>
public sealed record SignedDelivery(byte[] Body, WebhookSettings Settings);
