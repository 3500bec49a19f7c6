using System.Text.Json;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Listening.Responses.Delivery;

/// <summary>
/// Sends an outbox e-mail over SMTP (MailKit). The Message-ID is derived from the outbox id, so a resend after a
/// crash is recognisable as the same message. 4xx replies and connection failures are retried; 5xx is permanent.
/// </summary>
public sealed class SmtpSender(IOptions<DeliveryOptions> options)
{
    public async Task<DeliveryResult> SendAsync(string messageId, string payload, CancellationToken cancellationToken)
    {
        var smtp = options.Value.Smtp;
        if (string.IsNullOrWhiteSpace(smtp.Host)) return DeliveryResult.Fail("SMTP is not configured (Responses:Delivery:Smtp:Host)");
        MimeMessage message;
        try { message = Compose(messageId, payload, smtp.From); }
        catch (Exception e) when (e is JsonException or ParseException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return DeliveryResult.Fail($"e-mail payload is unusable: {e.Message}");
        }

        using var client = new SmtpClient { Timeout = (int)smtp.Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(smtp.Host, smtp.Port, Security(smtp.Security), cancellationToken);
            if (!string.IsNullOrEmpty(smtp.UserName)) await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", cancellationToken);
            await client.SendAsync(message, cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
            return DeliveryResult.Ok;
        }
        catch (SmtpCommandException e) when ((int)e.StatusCode >= 500)
        {
            return DeliveryResult.Fail($"SMTP server refused ({(int)e.StatusCode}): {e.Message}");
        }
        catch (Exception e) when (e is SmtpCommandException or SmtpProtocolException or ServiceNotConnectedException or IOException
                                      or System.Net.Sockets.SocketException or TimeoutException or AuthenticationException
                                  && !cancellationToken.IsCancellationRequested)
        {
            return DeliveryResult.Retry($"SMTP delivery failed: {e.GetType().Name}: {e.Message}");
        }
    }

    private static MimeMessage Compose(string messageId, string payload, string from)
    {
        using var doc = JsonDocument.Parse(payload);
        var data = doc.RootElement.GetProperty("data");
        var message = new MimeMessage { MessageId = $"{messageId}@listening" };
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse(data.GetProperty("address").GetString() ?? throw new InvalidOperationException("address is null")));
        message.Subject = data.GetProperty("subject").GetString() ?? "";
        message.Body = MailBody.From(data);
        return message;
    }

    private static SecureSocketOptions Security(string setting) => setting.ToLowerInvariant() switch
    {
        "none" => SecureSocketOptions.None,
        "ssl" => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.StartTlsWhenAvailable,
    };
}
