using Listening.Channels.Webhooks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Listening.FunctionApp.Functions;

/// <summary>
/// <c>POST /api/webhooks/{tool}/{brand}</c>: each survey tool's class from <see cref="WebhookEndpoints"/>, over the raw
/// request bytes (signatures are checked on them). Anonymous: the signature is the authentication.
/// </summary>
public sealed class Webhooks(WebhookTypeform typeform, WebhookSurveyMonkey surveyMonkey, WebhookFormbricks formbricks, WebhookQualtrics qualtrics,
    WebhookGoogleForms googleForms, WebhookGeneric generic, WebhookMention mention)
{
    [Function(nameof(WebhookTypeform))]
    public Task<IActionResult> Typeform([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "webhooks/typeform/{brand}")] HttpRequest request, string brand,
        CancellationToken cancellationToken) => typeform.HandleAsync(request.HttpContext, brand, cancellationToken).AsAction();

    [Function(nameof(WebhookSurveyMonkey))]
    public Task<IActionResult> SurveyMonkey([HttpTrigger(AuthorizationLevel.Anonymous, "head", "post", Route = "webhooks/surveymonkey/{brand}")] HttpRequest request,
        string brand, CancellationToken cancellationToken) => surveyMonkey.HandleAsync(request.HttpContext, brand, cancellationToken).AsAction();

    [Function(nameof(WebhookFormbricks))]
    public Task<IActionResult> Formbricks([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "webhooks/formbricks/{brand}")] HttpRequest request, string brand,
        CancellationToken cancellationToken) => formbricks.HandleAsync(request.HttpContext, brand, cancellationToken).AsAction();

    [Function(nameof(WebhookQualtrics))]
    public Task<IActionResult> Qualtrics([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "webhooks/qualtrics/{brand}")] HttpRequest request, string brand,
        CancellationToken cancellationToken) => qualtrics.HandleAsync(request.HttpContext, brand, cancellationToken).AsAction();

    [Function(nameof(WebhookGoogleForms))]
    public Task<IActionResult> GoogleForms([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "webhooks/googleforms/{brand}")] HttpRequest request, string brand,
        CancellationToken cancellationToken) => googleForms.HandleAsync(request.HttpContext, brand, cancellationToken).AsAction();

    [Function(nameof(WebhookGeneric))]
    public Task<IActionResult> Generic([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "webhooks/generic/{brand}")] HttpRequest request, string brand,
        CancellationToken cancellationToken) => generic.HandleAsync(request.HttpContext, brand, cancellationToken).AsAction();

    [Function(nameof(WebhookMention))]
    public Task<IActionResult> Mention([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "webhooks/mention/{brand}")] HttpRequest request, string brand,
        CancellationToken cancellationToken) => mention.HandleAsync(request.HttpContext, brand, cancellationToken).AsAction();
}
