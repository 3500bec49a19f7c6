using Listening.Ingest;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Listening.Pipeline;

/// <summary>How the Function App protects an HTTP function (its <c>authLevel</c>); the local shape records it on the
/// endpoint so a test can compare both surfaces. <see cref="Key"/> = a function key, <see cref="Anonymous"/> = none
/// (webhooks verify signatures instead; health).</summary>
public sealed record FunctionAccess(string AuthLevel)
{
    public static readonly FunctionAccess Key = new("function");
    public static readonly FunctionAccess Anonymous = new("anonymous");
}

/// <summary>Problem details (RFC 9457) with the field errors, the one shape every endpoint refuses with.</summary>
public static class Problems
{
    public static ProblemHttpResult Of(int status, string title, string detail, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title, type: $"https://httpstatuses.io/{status}", extensions: extensions);

    public static ProblemHttpResult Of(IngestRejection rejection) =>
        Of(rejection.Status, rejection.Title, rejection.Detail,
            rejection.Errors is null ? null : new Dictionary<string, object?> { ["errors"] = rejection.Errors });
}

public static class HttpBodies
{
    /// <summary>The body as bytes, or null when it is larger than <paramref name="limit"/> (read no further).</summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit) return null;
        using var buffer = new MemoryStream((int)Math.Min(request.ContentLength ?? 4096, limit));
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    public static async Task<string?> ReadUtf8Async(HttpRequest request, int limit, CancellationToken cancellationToken) =>
        await ReadAsync(request, limit, cancellationToken) is { } bytes ? System.Text.Encoding.UTF8.GetString(bytes) : null;
}
