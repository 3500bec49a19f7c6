using System.ComponentModel.DataAnnotations;
using Listening.Core.Matrix;

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

    /// <summary>Items a touchpoint needs to be drawn on the wheel as sufficient.</summary>
    [Range(1, int.MaxValue)] public int MinWheelItems { get; set; } = 30;

    /// <summary>The default period: the last <see cref="PeriodDays"/> days up to and including <paramref name="today"/>.</summary>
    public (DateOnly From, DateOnly To) DefaultPeriod(DateOnly today) => (today.AddDays(1 - PeriodDays), today);
}

public static class ReportingServiceCollectionExtensions
{
    /// <summary>The action-matrix report over the feedback store (configuration <c>Listening:Reports</c>).</summary>
    public static IServiceCollection AddReporting(this IServiceCollection services)
    {
        services.AddOptions<ReportOptions>().BindConfiguration(ReportOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IActionMatrixReports, StoredFeedbackReports>();
        return services;
    }
}
