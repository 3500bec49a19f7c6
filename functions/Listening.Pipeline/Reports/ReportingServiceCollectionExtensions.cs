using System.ComponentModel.DataAnnotations;
using Listening.Core.Matrix;
using Microsoft.Extensions.Options;

namespace Listening.Reports;

public sealed class ReportOptions
{
    public const string Section = "Listening:Reports";

    /// <summary>Brands the scheduled BuildActionMatrix run reports on.</summary>
    public string[] Brands { get; set; } = [];

    /// <summary>Days covered by a report when no period is asked for (ending today, UTC).</summary>
    [Range(1, 3660)] public int PeriodDays { get; set; } = 30;

    /// <summary>Report language when none is asked for.</summary>
    [RegularExpression("^(ru|en)$")] public string Lang { get; set; } = "en";

    /// <summary>Mentions a factor needs in the period for a quadrant.</summary>
    [Range(1, int.MaxValue)] public int MinMentions { get; set; } = MatrixRules.Default.MinMentions;

    /// <summary>A competitor's mentions of a factor needed for a Δ against it.</summary>
    [Range(1, int.MaxValue)] public int MinCompetitorMentions { get; set; } = MatrixRules.Default.MinCompetitorMentions;

    /// <summary>Items a touchpoint needs to be drawn on the wheel as sufficient.</summary>
    [Range(1, int.MaxValue)] public int MinWheelItems { get; set; } = 30;

    /// <summary>
    /// Where the served report lives for people outside the app (e.g. <c>https://func-listening.azurewebsites.net</c>): letters
    /// and alerts link to <c>{PublicBaseUrl}/api/reports/…</c>, marked as needing an access key. Unset: letters carry no links.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>Brand → language (<c>ru</c>, <c>en</c>, <c>*</c>) → the name shown in the report and letters («Лавка Плюс»).</summary>
    public Dictionary<string, Dictionary<string, string>> DisplayNames { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Brand → who receives its report, how often and when (<see cref="BrandDelivery"/>; docs/report.md, "Delivery").</summary>
    public Dictionary<string, BrandDelivery> Delivery { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The default period: the last <see cref="PeriodDays"/> days up to and including <paramref name="today"/>.</summary>
    public (DateOnly From, DateOnly To) DefaultPeriod(DateOnly today) => (today.AddDays(1 - PeriodDays), today);
}

/// <summary>
/// One brand's scheduled report (<c>Listening:Reports:Delivery:{brand}</c>): e-mail recipients and named webhooks
/// (<c>Responses:Delivery:Webhooks:{name}</c>, signed like every outbound webhook), the rhythm, the local time it is due in the
/// brand's time zone, and whether the brand's immediate alerts go to the same recipients.
/// </summary>
public sealed class BrandDelivery
{
    /// <summary><c>daily</c> or <c>weekly</c>.</summary>
    public string Rhythm { get; set; } = "daily";

    /// <summary>IANA or Windows time-zone id (<c>Europe/Moscow</c>); the send time and "yesterday" are the brand's local ones.</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>Local time of day the letter is due, <c>HH:mm</c>.</summary>
    public string SendAt { get; set; } = "08:00";

    /// <summary>The weekly letter's day.</summary>
    public DayOfWeek WeeklyOn { get; set; } = DayOfWeek.Monday;

    /// <summary>The letter's language; default <see cref="ReportOptions.Lang"/>.</summary>
    public string? Lang { get; set; }

    /// <summary>Days the report covers, ending the day before the letter; default <see cref="ReportOptions.PeriodDays"/>.</summary>
    public int? PeriodDays { get; set; }

    public string[] Email { get; set; } = [];

    public string[] Webhooks { get; set; } = [];

    /// <summary>Whether this brand's immediate alerts (docs/alerts.md) go to the same recipients.</summary>
    public bool Alerts { get; set; } = true;

    public bool IsWeekly => string.Equals(Rhythm, "weekly", StringComparison.OrdinalIgnoreCase);

    public TimeOnly SendTime => TimeOnly.ParseExact(SendAt, ["H:mm", "HH:mm"], System.Globalization.CultureInfo.InvariantCulture);

    public TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
}

public static class ReportingServiceCollectionExtensions
{
    /// <summary>The action-matrix report over the feedback store, its drill-down and its scheduled delivery (configuration
    /// <c>Listening:Reports</c>).</summary>
    public static IServiceCollection AddReporting(this IServiceCollection services)
    {
        services.AddOptions<ReportOptions>().BindConfiguration(ReportOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<ReportOptions>, ReportOptionsValidation>();
        services.AddSingleton(sp => BrandNames.From(sp.GetRequiredService<IOptions<ReportOptions>>().Value,
            sp.GetRequiredService<IOptions<Responses.ResponsesOptions>>().Value.TemplatesDir));
        services.AddSingleton<KnownBrands>();
        services.AddSingleton<IActionMatrixReports, StoredFeedbackReports>();
        services.AddSingleton<IFactorMentions, StoredFactorMentions>();
        services.AddSingleton<DeliverReports>();
        return services;
    }
}

/// <summary>Delivery settings checked at start: a bad time zone, time, rhythm, address or webhook name stops the start, naming it.</summary>
internal sealed class ReportOptionsValidation(IOptions<Responses.DeliveryOptions> delivery) : IValidateOptions<ReportOptions>
{
    public ValidateOptionsResult Validate(string? name, ReportOptions options)
    {
        var problems = new List<string>();
        if (options.PublicBaseUrl is { Length: > 0 } url && !(Uri.TryCreate(url, UriKind.Absolute, out var u) && u.Scheme is "http" or "https"))
            problems.Add($"{ReportOptions.Section}:PublicBaseUrl must be an absolute http(s) URL");
        foreach (var (brand, d) in options.Delivery)
        {
            var at = $"{ReportOptions.Section}:Delivery:{brand}";
            if (d.Rhythm.ToLowerInvariant() is not ("daily" or "weekly")) problems.Add($"{at}:Rhythm must be daily or weekly");
            try { _ = d.Zone; } catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException) { problems.Add($"{at}:TimeZone '{d.TimeZone}' is not a known time zone"); }
            try { _ = d.SendTime; } catch (FormatException) { problems.Add($"{at}:SendAt must be HH:mm, not '{d.SendAt}'"); }
            if (d.Lang is not null and not ("ru" or "en")) problems.Add($"{at}:Lang must be ru or en");
            if (d.PeriodDays is < 1 or > 3660) problems.Add($"{at}:PeriodDays must be 1…3660");
            foreach (var address in d.Email)
                if (!System.Net.Mail.MailAddress.TryCreate(address, out _)) problems.Add($"{at}:Email has an address that is not one (entry {Array.IndexOf(d.Email, address)})");
            foreach (var hook in d.Webhooks)
                if (!delivery.Value.Webhooks.ContainsKey(hook)) problems.Add($"{at}:Webhooks names '{hook}', which is not configured (Responses:Delivery:Webhooks:{hook})");
            if (d.Email.Length == 0 && d.Webhooks.Length == 0) problems.Add($"{at} has no recipients (Email or Webhooks)");
        }
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
