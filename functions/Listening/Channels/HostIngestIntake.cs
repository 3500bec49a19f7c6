using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Listening.Core.Feedback;
using Listening.Storage;

namespace Listening.Channels;

/// <summary>Where the Azure shape's channels post items: the Function App's own ingest route.</summary>
public sealed class IntakeOptions
{
    /// <summary>Base address of the Function App (default: <c>https://$WEBSITE_HOSTNAME</c>).</summary>
    public string? BaseUrl { get; set; }
    /// <summary>Function key for <c>IngestFeedback</c> (authLevel function); from Key Vault / app settings.</summary>
    public string? FunctionKey { get; set; }
}

/// <summary>
/// The Azure shape's intake. A forwarded HTTP-only function (needed for raw-body signature checks) cannot have a
/// Service Bus output binding, so webhooks hand items to <c>POST /api/feedback</c> of the same Function App, whose
/// binding queues them: one ingest path, one idempotency rule.
/// </summary>
public sealed class HostIngestIntake(HttpClient http, IntakeOptions options, IFeedbackStore store, TimeProvider time) : IFeedbackIntake
{
    public async Task<IReadOnlyList<IntakeResult>> SubmitAsync(IReadOnlyList<FeedbackItemDto> items, CancellationToken cancellationToken)
    {
        if (items.Count == 0) return [];
        var now = time.GetUtcNow();
        var known = await IntakeDuplicates.KnownAsync(store, items, now, cancellationToken);
        var baseUrl = options.BaseUrl ?? (Environment.GetEnvironmentVariable("WEBSITE_HOSTNAME") is { Length: > 0 } host ? $"https://{host}" : null)
            ?? throw new IntakeException("Channels:Intake:BaseUrl is not set and WEBSITE_HOSTNAME is unknown");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{baseUrl.TrimEnd('/')}/api/feedback")
        {
            Content = new StringContent(JsonSerializer.Serialize(items, FeedbackItemDto.JsonOptions), Encoding.UTF8, "application/json"),
        };
        if (options.FunctionKey is not null) request.Headers.Add("x-functions-key", options.FunctionKey);
        using var response = await http.SendAsync(request, cancellationToken);
        if ((int)response.StatusCode is >= 400 and < 500)
        {
            var detail = await response.Content.ReadAsStringAsync(cancellationToken);
            return items.Select(_ => new IntakeResult(IntakeOutcome.Rejected, Error: $"ingest answered {(int)response.StatusCode}: {detail}")).ToList();
        }
        if (!response.IsSuccessStatusCode) throw new IntakeException($"ingest answered {(int)response.StatusCode}");
        var body = await response.Content.ReadFromJsonAsync<IdsBody>(cancellationToken);
        return IntakeDuplicates.Results(body?.Ids ?? [], items, now, known);
    }

    private sealed record IdsBody(string[] Ids);
}
