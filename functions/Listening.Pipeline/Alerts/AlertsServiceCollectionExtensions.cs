namespace Listening.Alerts;

public static class AlertsServiceCollectionExtensions
{
    /// <summary>The immediate alerts (<c>Listening:Alerts</c>; recipients from <c>Listening:Reports:Delivery</c>).</summary>
    public static IServiceCollection AddAlerts(this IServiceCollection services)
    {
        services.AddOptions<AlertOptions>().BindConfiguration(AlertOptions.Section).ValidateDataAnnotations()
            .Validate(o => o.Window > TimeSpan.Zero && o.Window <= TimeSpan.FromDays(1), $"{AlertOptions.Section}:Window must be more than zero and at most a day")
            .ValidateOnStart();
        services.AddSingleton<DetectAlerts>();
        return services;
    }
}
