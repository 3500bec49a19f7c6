using System.ComponentModel.DataAnnotations;

namespace Listening.Reporting;

public sealed class ReportOptions
{
    public const string Section = "Listening:Reports";

    /// <summary>Brands the scheduled BuildActionMatrix run reports on.</summary>
    public string[] Brands { get; set; } = [];

    /// <summary>Days covered by a scheduled report (ending at the run).</summary>
    [Range(1, 3660)] public int PeriodDays { get; set; } = 7;
}

public static class ReportingServiceCollectionExtensions
{
    /// <summary>The action-matrix renderer. INTERIM: <see cref="InterimActionMatrixReports"/> until the report renderer
    /// (functions/Listening/Reports) is merged — replace this one registration to wire it.</summary>
    public static IServiceCollection AddReporting(this IServiceCollection services)
    {
        services.AddOptions<ReportOptions>().BindConfiguration(ReportOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IActionMatrixReports, InterimActionMatrixReports>();
        return services;
    }
}
