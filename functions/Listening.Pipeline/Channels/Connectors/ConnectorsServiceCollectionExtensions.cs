using Listening.Channels.AppStore;
using Listening.Channels.GoogleBusiness;
using Listening.Channels.GooglePlay;
using Listening.Channels.Telegram;
using Listening.Channels.Vk;
using Listening.Responses.Delivery;

namespace Listening.Channels.Connectors;

public static class ConnectorsServiceCollectionExtensions
{
    /// <summary>
    /// The platform connectors, both ways: Telegram and VK (webhooks in, answers out), Google Play, the App Store and
    /// Google Business Profile (reviews polled, answers posted in place). Each is configured per brand
    /// (<c>docs/channels.md</c>); an unconfigured one takes nothing in and answers nothing.
    /// </summary>
    public static IServiceCollection AddConnectors(this IServiceCollection services)
    {
        services.AddConnectorReplies();
        services.AddSingleton<WebhookTelegram>();
        services.AddSingleton<WebhookVk>();
        services.AddSingleton<ReviewPoller>();
        return services;
    }

    /// <summary>The answering half alone (the outbox's platform senders), for hosts and tests without intake.</summary>
    public static IServiceCollection AddConnectorReplies(this IServiceCollection services)
    {
        services.AddHttpClient(ConnectorHttp.ClientName, c => c.Timeout = ConnectorHttp.Timeout);
        services.AddSingleton<IReplyChannel, TelegramReplyChannel>();
        services.AddSingleton<IReplyChannel, VkReplyChannel>();
        services.AddSingleton<PlatformTokens>();
        services.AddSingleton<GooglePlayConnector>();
        services.AddSingleton<AppStoreConnector>();
        services.AddSingleton<GoogleBusinessConnector>();
        foreach (var platform in new[] { typeof(GooglePlayConnector), typeof(AppStoreConnector), typeof(GoogleBusinessConnector) })
        {
            services.AddSingleton(typeof(IReplyChannel), sp => sp.GetRequiredService(platform));
            services.AddSingleton(typeof(IReviewPlatform), sp => sp.GetRequiredService(platform));
        }
        return services;
    }
}
