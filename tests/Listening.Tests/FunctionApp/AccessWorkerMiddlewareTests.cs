extern alias FunctionApp;
using System.Collections.Immutable;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Listening.Access;
using Listening.Pipeline;
using Listening.Responses;
using Listening.Storage;
using Listening.Tests.Channels.Platforms;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using AccessWorkerMiddleware = FunctionApp::Listening.FunctionApp.AccessWorkerMiddleware;
using Functions = FunctionApp::Listening.FunctionApp.Functions;

namespace Listening.Tests.FunctionApp;

/// <summary>
/// The Function App's edge (<see cref="AccessWorkerMiddleware"/>) as the worker runs it: a request goes through the middleware
/// and, when admitted, on to the real function class, whose result is written the way the worker's ASP.NET Core integration
/// writes it. The Functions host cannot run here (it is not served on this machine), so the worker's own test-friendly types
/// stand in for it: a <see cref="FunctionContext"/> naming the function and carrying the <see cref="HttpContext"/> where the
/// worker puts it (<c>Items["HttpRequestContext"]</c>, read by <c>GetHttpContext()</c>). What the host itself does — refusing a
/// function-level route without a function key of that function — is not exercised: the cases below are what the middleware
/// adds on top of it (API keys, the Entra ID principal, the anonymous webhook routes' own secrets, stalled bodies).
/// </summary>
public sealed class AccessWorkerMiddlewareTests : IAsyncLifetime
{
    private const string IngestKey = "fa-ingest-key-000000000000000001", TrustedKey = "fa-trusted-key-00000000000000002",
        EraseKey = "fa-erase-key-000000000000000000003", TelegramSecret = "tg_secret-Function_App_1", VkSecret = "vk-secret-function-app",
        VkConfirmation = "f00dcafe";

    private WorkerServices worker = null!;

    public Task InitializeAsync()
    {
        worker = Worker(appServiceAuthentication: true);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await worker.DisposeAsync();

    /// <summary>The worker's services with an ingest, a trusted-ingest and an erase API key, a brand's Telegram bot and VK
    /// community, and (optionally) App Service authentication required for the admin surface.</summary>
    private static WorkerServices Worker(bool appServiceAuthentication) => new(new Dictionary<string, string?>
    {
        ["Listening:Access:Keys:ingest:Key"] = IngestKey, ["Listening:Access:Keys:ingest:Roles"] = "ingest",
        ["Listening:Access:Keys:trusted:Key"] = TrustedKey, ["Listening:Access:Keys:trusted:Roles"] = "trusted-ingest",
        ["Listening:Access:Keys:eraser:Key"] = EraseKey, ["Listening:Access:Keys:eraser:Roles"] = "erase",
        ["Listening:Access:AppServiceAuthentication:Enabled"] = appServiceAuthentication ? "true" : "false",
        ["Listening:Access:AppServiceAuthentication:RequiredFor"] = appServiceAuthentication ? "erase,read-items,read-points" : null,
        ["Webhooks:telegram:acme:Secret"] = TelegramSecret,
        ["Webhooks:telegram:acme:ApiToken"] = TelegramBotApiFake.Token,
        ["Webhooks:telegram:acme:ApiBaseUrl"] = "http://127.0.0.1:9/",
        ["Webhooks:vk:acme:Secret"] = VkSecret,
        ["Webhooks:vk:acme:Confirmation"] = VkConfirmation,
        ["Webhooks:vk:acme:GroupId"] = "2001",
        ["Webhooks:vk:acme:ApiToken"] = VkApiFake.AccessToken,
        ["Webhooks:vk:acme:ApiBaseUrl"] = "http://127.0.0.1:9/",
    });

    /// <summary>One invocation through the middleware: the response, and whether the function ran.</summary>
    private sealed record Outcome(int Status, string Body, bool Ran)
    {
        public JsonElement Json => JsonDocument.Parse(Body).RootElement;
    }

    private static async Task<Outcome> InvokeAsync(WorkerServices worker, string function, string method, string path, string? body = null,
        IReadOnlyDictionary<string, string>? headers = null, Func<HttpRequest, Task<IActionResult>>? run = null)
    {
        var http = new DefaultHttpContext { RequestServices = worker.Services };
        http.Request.Method = method;
        http.Request.Path = path;
        http.Request.ContentType = "application/json";
        foreach (var (name, value) in headers ?? new Dictionary<string, string>()) http.Request.Headers[name] = value;
        if (body is not null)
        {
            var bytes = Encoding.UTF8.GetBytes(body);
            http.Request.Body = new MemoryStream(bytes);
            http.Request.ContentLength = bytes.Length;
        }
        http.Response.Body = new MemoryStream();
        var context = new TestFunctionContext(function, worker.Services, http);
        var ran = false;
        await new AccessWorkerMiddleware().Invoke(context, async c =>
        {
            ran = true;
            var result = run is null ? new OkResult() : await run(c.GetHttpContext()!.Request);
            await result.ExecuteResultAsync(new ActionContext(http, new RouteData(), new ActionDescriptor()));
        });
        http.Response.Body.Position = 0;
        return new Outcome(http.Response.StatusCode, await new StreamReader(http.Response.Body).ReadToEndAsync(), ran);
    }

    private static Dictionary<string, string> Key(string key) => new() { [AccessOptions.Header] = key };

    private Task<long> StoredAsync() =>
        worker.Services.GetRequiredService<IFeedbackStore>().CountByStageAsync(default).ContinueWith(t => t.Result.Values.Sum());

    [Fact]
    public async Task The_anonymous_telegram_route_runs_without_a_key_but_stores_an_update_only_with_the_bots_secret_token()
    {
        var connectors = worker.Function<Functions.Connectors>();
        Task<IActionResult> Telegram(HttpRequest r) => connectors.Telegram(r, "acme", CancellationToken.None);
        string Update(int n) => TelegramBotApiFake.Update(7000 + n, -1001234567890, 600 + n, $"Курьер опоздал на час, заказ {n}");

        foreach (var secret in new string?[] { null, "", "not-the-secret", TelegramSecret + "x" })
        {
            var refused = await InvokeAsync(worker, nameof(Listening.Channels.Telegram.WebhookTelegram), "POST", "/api/webhooks/telegram/acme", Update(1),
                secret is null ? null : new Dictionary<string, string> { ["X-Telegram-Bot-Api-Secret-Token"] = secret }, Telegram);
            Assert.True(refused.Ran, "an anonymous webhook route is the handler's to authenticate");
            Assert.True(refused.Status == 401, $"secret {secret ?? "(none)"}: {refused.Status} {refused.Body}");
        }
        Assert.Equal(0, await StoredAsync());

        var accepted = await InvokeAsync(worker, nameof(Listening.Channels.Telegram.WebhookTelegram), "POST", "/api/webhooks/telegram/acme", Update(2),
            new Dictionary<string, string> { ["X-Telegram-Bot-Api-Secret-Token"] = TelegramSecret }, Telegram);
        Assert.True(accepted.Status == 202, $"{accepted.Status} {accepted.Body}");
        Assert.Equal(1, await StoredAsync());
    }

    [Fact]
    public async Task The_anonymous_vk_route_answers_the_handshake_and_stores_events_only_with_the_communitys_secret()
    {
        var connectors = worker.Function<Functions.Connectors>();
        Task<IActionResult> Vk(HttpRequest r) => connectors.Vk(r, "acme", CancellationToken.None);

        foreach (var secret in new[] { "", "wrong-secret" })
        {
            var handshake = await InvokeAsync(worker, nameof(Listening.Channels.Vk.WebhookVk), "POST", "/api/webhooks/vk/acme",
                VkApiFake.Confirmation(2001, secret), run: Vk);
            Assert.True(handshake.Status == 401, $"handshake, secret '{secret}': {handshake.Status} {handshake.Body}");
            Assert.DoesNotContain(VkConfirmation, handshake.Body);
            var reply = await InvokeAsync(worker, nameof(Listening.Channels.Vk.WebhookVk), "POST", "/api/webhooks/vk/acme",
                VkApiFake.Event("wall_reply_new", VkApiFake.WallReply(41, 7001, -2001, 12, "Очень долго ждал доставку"), 2001, secret), run: Vk);
            Assert.True(reply.Status == 401, $"event, secret '{secret}': {reply.Status} {reply.Body}");
        }
        Assert.Equal(0, await StoredAsync());

        var confirmed = await InvokeAsync(worker, nameof(Listening.Channels.Vk.WebhookVk), "POST", "/api/webhooks/vk/acme",
            VkApiFake.Confirmation(2001, VkSecret), run: Vk);
        Assert.Equal(200, confirmed.Status);
        Assert.Equal(VkConfirmation, confirmed.Body);
        var stored = await InvokeAsync(worker, nameof(Listening.Channels.Vk.WebhookVk), "POST", "/api/webhooks/vk/acme",
            VkApiFake.Event("wall_reply_new", VkApiFake.WallReply(42, 7001, -2001, 12, "Доставка быстрая, спасибо"), 2001, VkSecret), run: Vk);
        Assert.True(stored.Status is 200 or 202, $"{stored.Status} {stored.Body}");
        Assert.Equal(1, await StoredAsync());
    }

    [Fact]
    public async Task A_role_keyed_route_refuses_an_api_key_that_is_not_configured_before_its_function_runs()
    {
        foreach (var (function, method, path) in new[]
                 {
                     (IngestFeedbackName, "POST", "/api/feedback"), (StatusEndpoints.GetFeedbackName, "GET", "/api/feedback/x"),
                     (StatusEndpoints.StatusName, "GET", "/api/status"), (AuthorEndpoints.EraseName, "DELETE", "/api/authors/x"),
                     (AuthorEndpoints.ErasureName, "POST", "/api/erasures"), (AuthorEndpoints.PointsName, "GET", "/api/authors/x/points"),
                 })
            foreach (var wrong in new[] { "not-a-configured-key-000000000000", IngestKey + " x", IngestKey[..^1] })
            {
                var outcome = await InvokeAsync(worker, function, method, path, method == "GET" ? null : "{}", Key(wrong));
                Assert.False(outcome.Ran, $"{function} ran for a wrong key");
                Assert.Equal(401, outcome.Status);
                Assert.Equal(401, outcome.Json.GetProperty("status").GetInt32());
            }
    }

    private const string IngestFeedbackName = nameof(Functions.IngestFeedback);

    [Fact]
    public async Task The_admin_routes_refuse_an_ingest_key_and_a_forged_principal_and_run_for_an_entra_app_role()
    {
        var admin = new[]
        {
            (AuthorEndpoints.EraseName, "DELETE", "/api/authors/site-000000000000000000000000"),
            (AuthorEndpoints.ErasureName, "POST", "/api/erasures"),
        };
        foreach (var (function, method, path) in admin)
        {
            // The function key alone (no X-Api-Key): the admin surface needs the Entra ID app role as well.
            var bare = await InvokeAsync(worker, function, method, path, "{}");
            Assert.False(bare.Ran, $"{function} ran on the function key alone");
            Assert.Equal(401, bare.Status);
            // An ingest key, even with a trusted-ingest key beside it on another request: 403, the function never runs.
            foreach (var key in new[] { IngestKey, TrustedKey })
            {
                var refused = await InvokeAsync(worker, function, method, path, "{}", Key(key));
                Assert.False(refused.Ran, $"{function} ran for a key without the erase role");
                Assert.Equal(403, refused.Status);
            }
            // A principal without the app role, or one whose header is not a principal at all.
            foreach (var principal in new[] { Principal("Listening.ReadReports"), "bm90IGpzb24=", "%%%" })
            {
                var refused = await InvokeAsync(worker, function, method, path, "{}", new Dictionary<string, string> { ["X-MS-CLIENT-PRINCIPAL"] = principal });
                Assert.False(refused.Ran, $"{function} ran for principal {principal}");
                Assert.True(refused.Status is 401 or 403, $"{function}: {refused.Status}");
            }
            var entra = await InvokeAsync(worker, function, method, path, "{}", new Dictionary<string, string> { ["X-MS-CLIENT-PRINCIPAL"] = Principal("Listening.Erase") });
            Assert.True(entra.Ran, $"{function} refused the Entra app role: {entra.Status} {entra.Body}");
        }

        // Without App Service authentication the principal header is whatever the client sent: it grants nothing (here: a
        // forged trusted-ingest role), and the erase key or the function key is the proof (the host checked the latter).
        await using var plain = Worker(appServiceAuthentication: false);
        var ingest = plain.Function<Functions.IngestFeedback>();
        var forged = await InvokeAsync(plain, IngestFeedbackName, "POST", "/api/feedback",
            new JsonObject { ["brand"] = "acme", ["source"] = "site", ["text"] = "Forged principal" }.ToJsonString(),
            new Dictionary<string, string> { ["X-MS-CLIENT-PRINCIPAL"] = Principal("Listening.TrustedIngest"), [AccessOptions.Header] = IngestKey },
            r => ingest.Run(r, CancellationToken.None));
        Assert.True(forged.Status == 403, $"{forged.Status} {forged.Body}");
        var erase = await InvokeAsync(plain, AuthorEndpoints.EraseName, "DELETE", "/api/authors/x", null, Key(EraseKey));
        Assert.True(erase.Ran);
    }

    [Fact]
    public async Task An_ingest_key_cannot_name_a_source_or_an_author_id_but_a_trusted_ingest_key_can()
    {
        var ingest = worker.Function<Functions.IngestFeedback>();
        Task<IActionResult> Run(HttpRequest r) => ingest.Run(r, CancellationToken.None);
        var named = new JsonObject
        {
            ["brand"] = "acme", ["source"] = "site", ["externalId"] = "fa-trust-1", ["text"] = "Named by a trusted system",
            ["author"] = new JsonObject { ["id"] = "crm-42", ["email"] = "crm.42@example.org" },
        }.ToJsonString();

        foreach (var headers in new[] { null, Key(IngestKey) })
        {
            var refused = await InvokeAsync(worker, IngestFeedbackName, "POST", "/api/feedback", named, headers, Run);
            Assert.True(refused.Status == 403, $"{refused.Status} {refused.Body}");
            Assert.True(refused.Json.GetProperty("errors").TryGetProperty("source", out _), refused.Body);
            Assert.True(refused.Json.GetProperty("errors").TryGetProperty("author.id", out _), refused.Body);
        }
        Assert.Equal(0, await StoredAsync());

        var open = await InvokeAsync(worker, IngestFeedbackName, "POST", "/api/feedback",
            new JsonObject { ["brand"] = "acme", ["text"] = "An open caller's review" }.ToJsonString(), Key(IngestKey), Run);
        Assert.Equal(202, open.Status);
        Assert.StartsWith("api-", open.Json.GetProperty("ids")[0].GetString());

        var trusted = await InvokeAsync(worker, IngestFeedbackName, "POST", "/api/feedback", named, Key(TrustedKey), Run);
        Assert.True(trusted.Status == 202, $"{trusted.Status} {trusted.Body}");
        var id = trusted.Json.GetProperty("ids")[0].GetString()!;
        Assert.StartsWith("site-", id);
        Assert.Equal("crm-42", (await worker.Services.GetRequiredService<IFeedbackStore>().GetAsync(id, default))!.Item.Author!.Id);
    }

    [Fact]
    public async Task A_body_the_server_refuses_is_answered_with_its_status_as_problem_details_not_a_500()
    {
        foreach (var status in new[] { 408, 413, 400 })
        {
            var outcome = await InvokeAsync(worker, IngestFeedbackName, "POST", "/api/feedback", "{\"brand\":\"acme\",\"te", Key(IngestKey),
                _ => throw new BadHttpRequestException("Reading the request body timed out due to data arriving too slowly.", status));
            Assert.True(outcome.Ran);
            Assert.Equal(status, outcome.Status);
            Assert.Equal(status, outcome.Json.GetProperty("status").GetInt32());
            Assert.DoesNotContain(" at ", outcome.Body);
        }
    }

    [Fact]
    public async Task A_timer_invocation_has_no_http_context_and_passes_straight_through()
    {
        var context = new TestFunctionContext(ReviewPollerName, worker.Services, http: null);
        var ran = false;
        await new AccessWorkerMiddleware().Invoke(context, _ => { ran = true; return Task.CompletedTask; });
        Assert.True(ran);
    }

    private const string ReviewPollerName = Listening.Channels.Connectors.ReviewPoller.Name;

    /// <summary>
    /// The middleware's anonymous set is exactly the functions declared <see cref="AuthorizationLevel.Anonymous"/> in the app
    /// (the signed webhooks, the platforms' pushes, health), and every function-level HTTP function names its roles in
    /// <see cref="EndpointAccess"/> — so a new function is neither opened by accident nor left to the admin default unnoticed.
    /// </summary>
    [Fact]
    public void The_anonymous_set_is_exactly_the_anonymous_http_functions_and_every_keyed_function_names_its_roles()
    {
        var http = typeof(AccessWorkerMiddleware).Assembly.GetTypes().SelectMany(t => t.GetMethods())
            .Select(m => (Name: m.GetCustomAttribute<FunctionAttribute>()?.Name,
                Trigger: m.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).FirstOrDefault(a => a is not null)))
            .Where(f => f.Name is not null && f.Trigger is not null).ToList();
        Assert.NotEmpty(http);
        var anonymous = http.Where(f => f.Trigger!.AuthLevel == AuthorizationLevel.Anonymous).Select(f => f.Name!).ToHashSet();
        Assert.Equal(anonymous.Order(), AccessWorkerMiddleware.Anonymous.Order());
        Assert.All(anonymous, name => Assert.True(name == StatusEndpoints.HealthName || name.StartsWith("Webhook", StringComparison.Ordinal), name));
        var keyed = http.Where(f => f.Trigger!.AuthLevel != AuthorizationLevel.Anonymous).Select(f => f.Name!).ToList();
        Assert.All(keyed, name => Assert.True(EndpointAccess.Roles.ContainsKey(name), $"{name} has no entry in EndpointAccess"));
    }

    /// <summary>An App Service authentication principal (<c>X-MS-CLIENT-PRINCIPAL</c>) carrying one app role.</summary>
    private static string Principal(string role) => Convert.ToBase64String(Encoding.UTF8.GetBytes(new JsonObject
    {
        ["auth_typ"] = "aad", ["name_typ"] = "name", ["role_typ"] = "roles",
        ["claims"] = new JsonArray(new JsonObject { ["typ"] = "roles", ["val"] = role }, new JsonObject { ["typ"] = "name", ["val"] = "ops@example.org" }),
    }.ToJsonString()));
}

/// <summary>The worker's <see cref="FunctionContext"/> for one invocation of a named function, with the HTTP context where the
/// ASP.NET Core integration puts it.</summary>
internal sealed class TestFunctionContext : FunctionContext
{
    public TestFunctionContext(string function, IServiceProvider services, HttpContext? http)
    {
        FunctionDefinition = new TestFunctionDefinition(function);
        InstanceServices = services;
        if (http is not null) Items["HttpRequestContext"] = http;
    }

    public override string InvocationId { get; } = Guid.NewGuid().ToString();
    public override string FunctionId => FunctionDefinition.Id;
    public override TraceContext TraceContext => null!;
    public override BindingContext BindingContext => null!;
    public override RetryContext RetryContext => null!;
    public override IServiceProvider InstanceServices { get; set; }
    public override FunctionDefinition FunctionDefinition { get; }
    public override IDictionary<object, object> Items { get; set; } = new Dictionary<object, object>();
    public override IInvocationFeatures Features => null!;
    public override CancellationToken CancellationToken => CancellationToken.None;
}

internal sealed class TestFunctionDefinition(string name) : FunctionDefinition
{
    public override ImmutableArray<FunctionParameter> Parameters => [];
    public override string PathToAssembly => typeof(AccessWorkerMiddleware).Assembly.Location;
    public override string EntryPoint => name;
    public override string Id => name;
    public override string Name => name;
    public override IImmutableDictionary<string, BindingMetadata> InputBindings => ImmutableDictionary<string, BindingMetadata>.Empty;
    public override IImmutableDictionary<string, BindingMetadata> OutputBindings => ImmutableDictionary<string, BindingMetadata>.Empty;
}
