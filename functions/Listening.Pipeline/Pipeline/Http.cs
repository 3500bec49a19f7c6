using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
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

/// <summary>
/// Problem details (RFC 9457) with the field errors, the one shape every endpoint refuses with. The <c>type</c> is always the
/// RFC 9110 section of the status (the URIs ASP.NET Core uses for the problems it writes itself, which
/// <see cref="PipelineServiceCollectionExtensions.AddListening"/> sets the same way), so a client sees one scheme everywhere.
/// </summary>
public static class Problems
{
    public static ProblemHttpResult Of(int status, string title, string detail, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title, type: TypeFor(status), extensions: extensions);

    public static ProblemHttpResult Of(IngestRejection rejection) =>
        Of(rejection.Status, rejection.Title, rejection.Detail,
            rejection.Errors is null ? null : new Dictionary<string, object?> { ["errors"] = rejection.Errors });

    public static ProblemHttpResult Of(int status, string title, string detail, Dictionary<string, string[]> errors) =>
        Of(status, title, detail, new Dictionary<string, object?> { ["errors"] = errors });

    /// <summary>The RFC 9110 section of a status code (RFC 6585 for 429).</summary>
    public static string TypeFor(int status) => status switch
    {
        429 => "https://tools.ietf.org/html/rfc6585#section-4",
        >= 400 and <= 417 => $"https://tools.ietf.org/html/rfc9110#section-15.5.{status - 399}",
        421 => "https://tools.ietf.org/html/rfc9110#section-15.5.20",
        422 => "https://tools.ietf.org/html/rfc9110#section-15.5.21",
        426 => "https://tools.ietf.org/html/rfc9110#section-15.5.22",
        >= 500 and <= 505 => $"https://tools.ietf.org/html/rfc9110#section-15.6.{status - 499}",
        _ => "about:blank",
    };
}

/// <summary>Limits of the request edge (configuration <c>Listening:Http</c>).</summary>
public sealed class HttpEdgeOptions
{
    public const string Section = "Listening:Http";

    /// <summary>A body that sends nothing for this long is answered 408.</summary>
    public TimeSpan BodyIdleTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A body that takes longer than this in all is answered 408.</summary>
    public TimeSpan BodyTimeout { get; set; } = TimeSpan.FromSeconds(60);
}

/// <summary>What reading a request body gave: the bytes, or the problem to answer (413, 408, 400) — never an exception.</summary>
public sealed record BodyRead(byte[]? Bytes, ProblemHttpResult? Problem)
{
    public bool Ok => Bytes is not null;
}

public static partial class HttpBodies
{
    /// <summary>
    /// The body as bytes, within <paramref name="limit"/>: over it → 413 (read no further); nothing arriving for
    /// <see cref="HttpEdgeOptions.BodyIdleTimeout"/>, or the whole body not within <see cref="HttpEdgeOptions.BodyTimeout"/>
    /// → 408; a body cut short or refused by the server (Kestrel's minimum data rate, its size limit) → the status the server
    /// chose. Logged as one line without a stack trace: a slow or broken client is not a server error.
    /// </summary>
    public static async Task<BodyRead> ReadAsync(HttpRequest request, int limit, HttpEdgeOptions edge, TimeProvider time, ILogger logger,
        CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit) return TooLarge(limit);
        // On Kestrel the server watches the body itself (a minimum data rate after a grace period of the idle timeout) and
        // refuses a stalled one with 408 — the path it knows how to close cleanly (an abandoned read of ours would leave the
        // body half-read for the server to trip over). Our own idle timer stays as the backstop for other servers.
        var idleTimeout = edge.BodyIdleTimeout;
        if (request.HttpContext.Features.Get<Microsoft.AspNetCore.Server.Kestrel.Core.Features.IHttpMinRequestBodyDataRateFeature>() is { } rate)
        {
            var grace = idleTimeout > MinGrace ? idleTimeout : MinGrace;
            rate.MinDataRate = new Microsoft.AspNetCore.Server.Kestrel.Core.MinDataRate(bytesPerSecond: MinBytesPerSecond, gracePeriod: grace);
            idleTimeout = grace + TimeSpan.FromSeconds(5);
        }
        using var total = new CancellationTokenSource(edge.BodyTimeout, time);
        using var idle = new CancellationTokenSource(idleTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, total.Token, idle.Token);
        using var buffer = new MemoryStream((int)Math.Min(request.ContentLength ?? 4096, limit));
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk.AsMemory(0, 16 * 1024), linked.Token)) > 0)
            {
                if (buffer.Length + read > limit) return TooLarge(limit);
                buffer.Write(chunk, 0, read);
                idle.CancelAfter(idleTimeout);
            }
            return new BodyRead(buffer.ToArray(), null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            LogStalled(logger, request.Path, buffer.Length);
            // The rest of the body is not waited for: the connection closes after the 408 (RFC 9110 §15.5.9), so the server
            // does not try to drain a body whose read was just abandoned.
            request.HttpContext.Response.Headers.Connection = "close";
            return Stalled();
        }
        catch (BadHttpRequestException e)
        {
            LogRefused(logger, request.Path, e.StatusCode, e.Message);
            return e.StatusCode switch
            {
                StatusCodes.Status413PayloadTooLarge => TooLarge(limit),
                StatusCodes.Status408RequestTimeout => Stalled(),
                _ => new BodyRead(null, Problems.Of(e.StatusCode is >= 400 and < 500 ? e.StatusCode : 400, "Bad request", "the request body could not be read")),
            };
        }
        catch (Exception e) when (e is IOException or OperationCanceledException)
        {
            // The client went away mid-body (a reset, an abort): it will not read an answer, but it gets a true one.
            LogRefused(logger, request.Path, 400, e.GetType().Name);
            return new BodyRead(null, Problems.Of(400, "Bad request", "the request body was cut short"));
        }
        finally { ArrayPool<byte>.Shared.Return(chunk); }
    }

    /// <summary>Kestrel's default minimum body rate; its grace period must exceed the server's one-second heartbeat.</summary>
    private const double MinBytesPerSecond = 240;
    private static readonly TimeSpan MinGrace = TimeSpan.FromSeconds(1.5);

    private static BodyRead TooLarge(int limit) =>
        new(null, Problems.Of(413, "Request body too large", $"the body is larger than {limit} bytes"));

    private static BodyRead Stalled() =>
        new(null, Problems.Of(408, "Request timeout", "the request body did not arrive in time"));

    /// <summary>
    /// The bytes as UTF-8 text, refusing what is not strictly UTF-8 (invalid bytes are never replaced): null and the problem
    /// naming the byte offset and, for JSON, the field it is in.
    /// </summary>
    public static (string? Text, ProblemHttpResult? Problem) StrictUtf8(byte[] bytes, bool json)
    {
        if (Utf8.IsValid(bytes)) return (Encoding.UTF8.GetString(bytes), null);
        var buffer = new char[bytes.Length];
        Utf8.ToUtf16(bytes, buffer, out var offset, out _, replaceInvalidSequences: false);
        var field = json ? JsonFieldAt(bytes, offset) : null;
        return (null, Problems.Of(400, "Invalid UTF-8", $"the body is not valid UTF-8 at byte {offset}",
            new Dictionary<string, string[]> { [field ?? "body"] = [$"invalid UTF-8 at byte {offset}"] }));
    }

    /// <summary>The JSON path of the value that holds byte <paramref name="offset"/> (best effort: what the reader had seen before it).</summary>
    private static string? JsonFieldAt(byte[] bytes, int offset)
    {
        var reader = new Utf8JsonReader(bytes.AsSpan(0, offset), isFinalBlock: false, new JsonReaderState());
        var path = new List<(string? Name, int Index)>();
        string? pending = null;
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName: pending = reader.GetString(); break;
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        path.Add((pending, -1));
                        pending = null;
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        if (path.Count > 0) path.RemoveAt(path.Count - 1);
                        pending = null;
                        break;
                    default: pending = null; break;
                }
            }
        }
        catch (JsonException) { }
        var names = path.Skip(1).Select(p => p.Name).Append(pending).Where(n => n is not null).ToList();
        return names.Count == 0 ? null : string.Join('.', names);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Request body on {Path} stalled after {Bytes} byte(s): answered 408")]
    private static partial void LogStalled(ILogger logger, PathString path, long bytes);

    [LoggerMessage(Level = LogLevel.Information, Message = "Request body on {Path} refused with {Status}: {Reason}")]
    private static partial void LogRefused(ILogger logger, PathString path, int status, string reason);
}

/// <summary>
/// The local host's outermost edge: a request the server refuses while any handler reads it (Kestrel's minimum body data
/// rate, its size limit, a malformed request) is answered with its status as problem details and one log line — not a 500
/// with a stack trace.
/// </summary>
public sealed partial class RequestEdgeMiddleware(RequestDelegate next, ILogger<RequestEdgeMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try { await next(context); }
        catch (BadHttpRequestException e) when (!context.Response.HasStarted)
        {
            LogRefused(logger, context.Request.Path, e.StatusCode);
            await Problems.Of(e.StatusCode, e.StatusCode == 408 ? "Request timeout" : "Bad request", "the request could not be read").ExecuteAsync(context);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Request on {Path} refused by the server with {Status}")]
    private static partial void LogRefused(ILogger logger, PathString path, int status);
}
