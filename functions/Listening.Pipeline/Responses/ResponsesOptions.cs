using System.ComponentModel.DataAnnotations;

namespace Listening.Responses;

/// <summary>Where the templates are and how often the background work runs (section <c>Responses</c>).</summary>
public sealed class ResponsesOptions
{
    public const string Section = "Responses";

    /// <summary>Folder with catalog.json and the *.liquid templates; empty = the copy shipped next to the executable.</summary>
    public string? TemplatesDir { get; set; }
}

/// <summary>Outbox delivery: webhooks (Standard Webhooks signed) and SMTP (section <c>Responses:Delivery</c>).</summary>
public sealed class DeliveryOptions
{
    public const string Section = "Responses:Delivery";

    /// <summary>Delivery attempts (each one already retried in-process) before a message is dead-lettered.</summary>
    [Range(1, 100)] public int MaxAttempts { get; set; } = 8;
    /// <summary>First retry delay; doubles per attempt (with jitter) up to <see cref="MaxDelay"/>.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(30);
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromHours(1);
    /// <summary>How long a claimed message is hidden from other delivery runs (crash safety).</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);
    [Range(1, 1000)] public int BatchSize { get; set; } = 50;
    /// <summary>Quick in-process HTTP retries per attempt (Microsoft.Extensions.Http.Resilience, exponential + jitter).</summary>
    [Range(0, 10)] public int HttpRetries { get; set; } = 2;
    public TimeSpan HttpRetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);
    public TimeSpan HttpTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Named webhook endpoints: <c>reply</c> (reply bot / CRM that answers on the author's channel), <c>followup</c>
    /// (a ticket for a human, raised for every complaint), <c>loyalty</c> (the loyalty system: points awarded),
    /// <c>alerts</c> (overdue items), <c>digests</c>. An unset endpoint means that message is not produced.
    /// </summary>
    public Dictionary<string, WebhookEndpoint> Webhooks { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public SmtpSettings Smtp { get; set; } = new();

    /// <summary>
    /// A folder where messages go whose channel (platform connector, webhook, SMTP server) is not configured, one
    /// <c>{id}.json</c> file each (like an SMTP pickup directory): the "file channel", for trying the local shape without
    /// a CRM. Unset = such messages wait as <c>no-channel</c> until a channel is configured.
    /// </summary>
    public string? PickupDirectory { get; set; }

    /// <summary>How often a message waiting for a channel is looked at again (<c>listening outbox retry</c> does it at once).</summary>
    public TimeSpan NoChannelRecheck { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Messages sent at once within one pass (platform calls take tens to hundreds of milliseconds each).</summary>
    [Range(1, 64)] public int Concurrency { get; set; } = 8;

    /// <summary>Send as soon as the response stage has queued something (in this process), not only on the timer.</summary>
    public bool Immediate { get; set; } = true;
}

public sealed class WebhookEndpoint
{
    [Required] public string Url { get; set; } = "";
    /// <summary>Standard Webhooks secret, <c>whsec_</c> + base64. Never logged.</summary>
    [Required] public string Secret { get; set; } = "";
}

public sealed class SmtpSettings
{
    /// <summary>Empty = e-mail is not configured; messages to e-mail addresses then go to the <c>reply</c> webhook.</summary>
    public string? Host { get; set; }
    [Range(1, 65535)] public int Port { get; set; } = 25;
    /// <summary><c>none</c>, <c>starttls</c> (when offered), <c>ssl</c>.</summary>
    public string Security { get; set; } = "starttls";
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "Listening <no-reply@localhost>";
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>Response-time monitoring: overdue alerts and digests (section <c>Responses:Monitoring</c>).</summary>
public sealed class MonitoringOptions
{
    public const string Section = "Responses:Monitoring";

    /// <summary>Digests go to this e-mail address when set, else to the <c>digests</c> webhook.</summary>
    public string? DigestEmail { get; set; }
    /// <summary>The daily digest covers the previous UTC day and is sent on the first run after this hour.</summary>
    [Range(0, 23)] public int DailyDigestHourUtc { get; set; } = 7;
    /// <summary>The weekly digest covers the previous Monday–Sunday and is sent on Mondays.</summary>
    public bool WeeklyDigest { get; set; } = true;
}
