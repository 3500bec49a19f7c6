using Listening.Core.Loyalty;
using Listening.Core.Responses;
using Listening.Responses.Delivery;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace Listening.Responses;

public static class ResponsesServiceCollectionExtensions
{
    /// <summary>
    /// Thank-you messages, loyalty points, the outbox and its delivery. Configuration: <c>Responses</c> (policy),
    /// <c>Responses:ResponseTime</c> (targets), <c>Responses:Delivery</c> (webhooks, SMTP, retries),
    /// <c>Responses:Monitoring</c> (alerts, digests), <c>Loyalty</c> (points). All validated at start,
    /// templates included (a marketing edit that breaks the policy stops the start with the reason).
    /// </summary>
    public static IServiceCollection AddResponses(this IServiceCollection services)
    {
        services.AddOptions<ResponseRules>().BindConfiguration(ResponsesOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ResponseRules>>(new ProblemsValidator<ResponseRules>(r => r.Problems()));
        services.AddOptions<ResponseTargets>().BindConfiguration("Responses:ResponseTime").ValidateOnStart();
        services.AddSingleton<IValidateOptions<ResponseTargets>>(new ProblemsValidator<ResponseTargets>(t => t.Problems()));
        services.AddOptions<LoyaltyRules>().BindConfiguration("Loyalty").ValidateOnStart();
        services.AddSingleton<IValidateOptions<LoyaltyRules>>(new ProblemsValidator<LoyaltyRules>(r => r.Problems()));
        services.AddOptions<DeliveryOptions>().BindConfiguration(DeliveryOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<DeliveryOptions>>(new ProblemsValidator<DeliveryOptions>(DeliveryProblems));
        services.AddOptions<MonitoringOptions>().BindConfiguration(MonitoringOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ResponsesOptions>().BindConfiguration(ResponsesOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ResponsesOptions>>(sp => new ProblemsValidator<ResponsesOptions>(o => TemplateProblems(o, sp)));

        services.AddSingleton(sp => ThankYouTemplateFiles.Load(sp.GetRequiredService<IOptions<ResponsesOptions>>().Value.TemplatesDir,
            sp.GetRequiredService<IOptions<ResponseRules>>().Value));
        services.AddSingleton(sp => new LoyaltyPolicy(sp.GetRequiredService<IOptions<LoyaltyRules>>().Value));
        services.AddSingleton<ReplyChannels>();
        services.AddSingleton<ResponsePlanner>();
        services.AddSingleton<SmtpSender>();
        services.AddSingleton<OutboxDelivery>();
        services.AddSingleton<OutboxSignal>();
        services.AddHostedService<OutboxPump>();
        services.AddSingleton<ResponseMonitor>();
        services.AddSingleton<RespondToAuthor>();
        services.AddHttpClient<WebhookSender>(WebhookSender.HttpClientName)
            .AddResilienceHandler("responses-webhooks", (builder, context) =>
            {
                var o = context.ServiceProvider.GetRequiredService<IOptions<DeliveryOptions>>().Value;
                // Quick retries within one attempt wait real milliseconds on the socket; the durable schedule between
                // attempts (OutboxDelivery) is the one that follows the injected clock.
                builder.TimeProvider = TimeProvider.System;
                if (o.HttpRetries > 0)
                    builder.AddRetry(new HttpRetryStrategyOptions
                    {
                        MaxRetryAttempts = o.HttpRetries,
                        BackoffType = DelayBackoffType.Exponential,
                        UseJitter = true,
                        Delay = o.HttpRetryDelay,
                    });
                builder.AddTimeout(o.HttpTimeout);
            });
        return services;
    }

    private static IEnumerable<string> DeliveryProblems(DeliveryOptions o)
    {
        foreach (var (name, endpoint) in o.Webhooks)
        {
            if (!Uri.TryCreate(endpoint.Url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                yield return $"Responses:Delivery:Webhooks:{name}:Url must be an absolute http(s) URL";
            string? problem = null;
            try { StandardWebhooks.Key(endpoint.Secret); } catch (FormatException e) { problem = e.Message; }
            if (problem is not null) yield return $"Responses:Delivery:Webhooks:{name}:Secret: {problem}";
        }
        if (o.BaseDelay <= TimeSpan.Zero || o.MaxDelay < o.BaseDelay) yield return "Responses:Delivery: BaseDelay must be positive and MaxDelay at least BaseDelay";
    }

    private static IEnumerable<string> TemplateProblems(ResponsesOptions o, IServiceProvider sp)
    {
        ThankYouComposer composer;
        try { composer = ThankYouTemplateFiles.Load(o.TemplatesDir, sp.GetRequiredService<IOptions<ResponseRules>>().Value); }
        catch (FormatException e) { return [e.Message]; }
        return composer.Validate().ToList();
    }
}
