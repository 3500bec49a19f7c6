namespace Listening.Core.Channels;

/// <summary>A payload that was signed correctly but cannot be read (answered 400, never retried into a loop).</summary>
public sealed class WebhookPayloadException(string message, Exception? inner = null) : FormatException(message, inner);
