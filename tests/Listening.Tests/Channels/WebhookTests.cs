using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Listening.Core.Channels.Signatures;
using Listening.Core.Feedback;
using Listening.Storage;
using Listening.Tests.Pipeline;

namespace Listening.Tests.Channels;

/// <summary>
/// The local shape with webhook secrets configured, and a loopback fake of the two survey APIs that are called
/// back for answers (SurveyMonkey response details, Qualtrics response) — the one thing that cannot exist here.
/// </summary>
public sealed class WebhookPipeline : IAsyncLifetime
{
    public const string Whsec = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    public LoopbackSite Api { get; private set; } = null!;
    public PipelineFactory Factory { get; private set; } = null!;
    public HttpClient Client { get; private set; } = null!;
    public IFeedbackStore Store => Factory.Services.GetRequiredService<IFeedbackStore>();

    public async Task InitializeAsync()
    {
        Api = await LoopbackSite.StartAsync();
        Api.Put("/v3/surveys/405329018/responses/114220366390/details", Encoding.UTF8.GetString(Fixture.Payload("surveymonkey-response-details.json")), "application/json");
        Api.Put("/API/v3/surveys/SV_6RoYbWdLf7YhqFE/responses/R_1dBzQ6jW8mvXk3P", Encoding.UTF8.GetString(Fixture.Payload("qualtrics-response.json")), "application/json");
        var api = Api.BaseUrl.ToString().TrimEnd('/');
        Factory = new PipelineFactory(new Dictionary<string, string?>
        {
            ["Webhooks:typeform:acme:Secret"] = "tf-secret",
            ["Webhooks:formbricks:acme:Secret"] = Whsec,
            ["Webhooks:surveymonkey:acme:ClientId"] = "sm-client",
            ["Webhooks:surveymonkey:acme:Secret"] = "sm-api-secret",
            ["Webhooks:surveymonkey:acme:ApiToken"] = "sm-token",
            ["Webhooks:surveymonkey:acme:ApiBaseUrl"] = api,
            ["Webhooks:qualtrics:acme:Secret"] = "q-shared-key",
            ["Webhooks:qualtrics:acme:ApiToken"] = "q-token",
            ["Webhooks:qualtrics:acme:ApiBaseUrl"] = api,
            ["Webhooks:qualtrics:acme:Mapping:RatingQuestion"] = "QID3",
            ["Webhooks:googleforms:acme:Secret"] = "gf-secret",
            ["Webhooks:generic:acme:Secret"] = "generic-secret",
            ["Webhooks:generic:acme:StandardSecret"] = Whsec,
            ["Webhooks:mention:acme:Secret"] = "mention-secret",
            ["Channels:Competitors:acme:0:Name"] = "Globex",
            ["Channels:Fetch:FirstDelay"] = "00:00:00.020",
        }, null);
        Client = Factory.CreateClient();
        await Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
        await Api.DisposeAsync();
    }

    public async Task<long> TotalAsync() => (await Store.CountByStageAsync(default)).Values.Sum();

    public Task<HttpResponseMessage> PostAsync(string tool, byte[] body, IDictionary<string, string> headers, string contentType = "application/json")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/webhooks/{tool}/acme") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        foreach (var (name, value) in headers) request.Headers.TryAddWithoutValidation(name, value);
        return Client.SendAsync(request);
    }
}

[CollectionDefinition(Name)]
public sealed class WebhookCollection : ICollectionFixture<WebhookPipeline>
{
    public const string Name = "webhooks";
}

[Collection(WebhookCollection.Name)]
public class WebhookTests(WebhookPipeline pipeline)
{
    private static long Now => DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    /// <summary>Bad signature → 401 and nothing stored; good → 202 and one item; the same delivery again → same id, no new item.</summary>
    private async Task<FeedbackItem> AssertOneItemAsync(string tool, byte[] body, Dictionary<string, string> good, Dictionary<string, string> bad,
        string expectedId, string contentType = "application/json", byte[]? badBody = null, byte[]? unsignedBody = null)
    {
        var before = await pipeline.TotalAsync();
        var refused = await pipeline.PostAsync(tool, badBody ?? body, bad, contentType);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        var unsigned = await pipeline.PostAsync(tool, unsignedBody ?? body, new Dictionary<string, string>(), contentType);
        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        Assert.Null(await pipeline.Store.GetAsync(expectedId, default));
        Assert.Equal(before, await pipeline.TotalAsync());

        var accepted = await pipeline.PostAsync(tool, body, good, contentType);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var answer = await accepted.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(expectedId, answer.GetProperty("ids")[0].GetString());
        Assert.Equal(1, answer.GetProperty("accepted").GetInt32());
        Assert.Equal(before + 1, await pipeline.TotalAsync());

        var replay = await pipeline.PostAsync(tool, body, good, contentType);
        Assert.Equal(HttpStatusCode.Accepted, replay.StatusCode);
        var replayed = await replay.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(expectedId, replayed.GetProperty("ids")[0].GetString());
        Assert.Equal(1, replayed.GetProperty("duplicates").GetInt32());
        Assert.Equal(before + 1, await pipeline.TotalAsync());

        return (await pipeline.Store.GetAsync(expectedId, default))!.Item;
    }

    [Fact]
    public async Task Typeform_signed_response_becomes_one_item_and_replay_or_bad_signature_adds_none()
    {
        var body = Fixture.Payload("typeform-form_response.json");
        var item = await AssertOneItemAsync("typeform", body,
            new() { ["Typeform-Signature"] = TypeformSignature.Sign(body, "tf-secret") },
            new() { ["Typeform-Signature"] = TypeformSignature.Sign(body, "wrong-secret") },
            Security.TestIds.Item("typeform", "a3a12ec67a1365927098a606107fac15", "acme", ""));
        Assert.Equal("Delivery was fast, but the courier was rude on the phone.", item.Text);
        Assert.Equal((9, 4), (item.Nps, item.Rating));
        Assert.Equal("maria.ivanova@example.com", item.Author!.Email);
        Assert.Equal(FeedbackKind.Survey, item.Kind);
    }

    [Fact]
    public async Task Formbricks_standard_webhook_becomes_one_item_and_a_stale_timestamp_is_401()
    {
        var body = Fixture.Payload("formbricks-responseFinished.json");
        var ts = Now;
        var good = new Dictionary<string, string>
        {
            ["webhook-id"] = "msg_2KWPBgLlAfxdpx2AI54pPJ85f4W", ["webhook-timestamp"] = ts.ToString(),
            ["webhook-signature"] = StandardWebhookSignature.Sign(body, WebhookPipeline.Whsec, "msg_2KWPBgLlAfxdpx2AI54pPJ85f4W", ts),
        };
        var bad = new Dictionary<string, string>(good) { ["webhook-signature"] = StandardWebhookSignature.Sign(body, "whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "msg_2KWPBgLlAfxdpx2AI54pPJ85f4W", ts) };
        var id = Security.TestIds.Item("formbricks", "cm3x7e1a20005qz8hb7c9d0e1", "acme", "");

        var stale = Now - 301;
        var staleHeaders = new Dictionary<string, string>
        {
            ["webhook-id"] = "msg_old", ["webhook-timestamp"] = stale.ToString(),
            ["webhook-signature"] = StandardWebhookSignature.Sign(body, WebhookPipeline.Whsec, "msg_old", stale),
        };
        var refused = await pipeline.PostAsync("formbricks", body, staleHeaders);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("tolerance", await refused.Content.ReadAsStringAsync());

        var item = await AssertOneItemAsync("formbricks", body, good, bad, id);
        Assert.Equal("Очень долго ждала доставку, поддержка не отвечала три дня.", item.Text);
        Assert.Equal(3, item.Nps);
        Assert.Equal(("Ольга Смирнова", "olga.smirnova@example.ru"), (item.Author!.Name, item.Author.Email));
    }

    [Fact]
    public async Task SurveyMonkey_answers_head_and_fetches_the_answers_with_retries()
    {
        var head = await pipeline.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/api/webhooks/surveymonkey/acme"));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);

        var body = Fixture.Payload("surveymonkey-response_completed.json");
        const string details = "/v3/surveys/405329018/responses/114220366390/details";
        pipeline.Api.FailNext(details, 2); // the API is flaky: two 503s before the answer
        var item = await AssertOneItemAsync("surveymonkey", body,
            new() { ["Sm-Signature"] = SurveyMonkeySignature.Sign(body, "sm-client", "sm-api-secret"), ["Sm-Apikey"] = "sm-client" },
            new() { ["Sm-Signature"] = SurveyMonkeySignature.Sign(body, "sm-client", "not-the-secret") },
            Security.TestIds.Item("surveymonkey", "114220366390", "acme", ""));
        Assert.Equal("The staff in the Riga store were friendly and the prices are fair.", item.Text);
        Assert.Equal(10, item.Nps);
        Assert.Equal(("John Baker", "john.baker@example.com"), (item.Author!.Name, item.Author.Email));
        var calls = pipeline.Api.ApiCalls.Where(c => c.Path == details).ToList();
        Assert.True(calls.Count >= 3, $"expected retries, saw {calls.Count} calls");
        Assert.All(calls, c => Assert.Equal("Bearer sm-token", c.Authorization));
    }

    [Fact]
    public async Task SurveyMonkey_fetch_that_keeps_failing_answers_503_and_stores_nothing()
    {
        var body = Encoding.UTF8.GetBytes("""{"event_id":"1","event_type":"response_completed","object_type":"response","object_id":"999","resources":{"survey_id":"405329018"}}""");
        pipeline.Api.FailNext("/v3/surveys/405329018/responses/999/details", 100);
        var before = await pipeline.TotalAsync();
        var response = await pipeline.PostAsync("surveymonkey", body, new Dictionary<string, string> { ["Sm-Signature"] = SurveyMonkeySignature.Sign(body, "sm-client", "sm-api-secret") });
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(before, await pipeline.TotalAsync());
    }

    [Fact]
    public async Task Qualtrics_form_post_with_valid_hmac_becomes_one_item()
    {
        var msg = Encoding.UTF8.GetString(Fixture.Payload("qualtrics-msg.json")).Trim();
        static byte[] Form(string msg, string hmac) => Encoding.UTF8.GetBytes(
            $"Topic={Uri.EscapeDataString("acmecx.surveyengine.completedResponse.SV_6RoYbWdLf7YhqFE")}&MSG={Uri.EscapeDataString(msg)}&HMAC={hmac}");
        var good = Form(msg, QualtricsSignature.Sign(msg, "q-shared-key"));
        var bad = Form(msg, QualtricsSignature.Sign(msg, "other-key"));
        var unsigned = Encoding.UTF8.GetBytes($"Topic=x&MSG={Uri.EscapeDataString(msg)}");
        var item = await AssertOneItemAsync("qualtrics", good, new(), new(), Security.TestIds.Item("qualtrics", "R_1dBzQ6jW8mvXk3P", "acme", ""),
            "application/x-www-form-urlencoded", bad, unsigned);
        Assert.Equal("Checkout kept failing on the app and support took a week to answer.", item.Text);
        Assert.Equal((6, 2), (item.Nps, item.Rating));
        Assert.Equal("jan.kowalski@example.com", item.Author!.Email);
        Assert.Contains(pipeline.Api.ApiCalls, c => c.ApiToken == "q-token");
    }

    [Fact]
    public async Task Google_forms_submission_signed_by_the_apps_script_scheme_becomes_one_item()
    {
        var body = Fixture.Payload("google-forms-submission.json");
        var item = await AssertOneItemAsync("googleforms", body,
            new() { ["X-Listening-Signature"] = ListeningSignature.Sign(body, "gf-secret", Now) },
            new() { ["X-Listening-Signature"] = ListeningSignature.Sign(body, "gf-secret", Now - 3600) },
            Security.TestIds.Item("google_forms", "2_ABaOnud8Hq1vW3sK9xYpLmN0", "acme", ""));
        Assert.Equal("Very clean store, but the queue at the till was long.", item.Text);
        Assert.Equal((8, 5), (item.Nps, item.Rating));
        Assert.Equal(("Li Wei", "li.wei@example.com"), (item.Author!.Name, item.Author.Email));
    }

    [Fact]
    public async Task Generic_signed_json_becomes_one_item()
    {
        var body = Encoding.UTF8.GetBytes("""{"kind":"review","source":"kiosk","externalId":"kiosk-77","text":"Self-checkout was quick","rating":5,"author":{"name":"Eve","email":"eve@example.com"}}""");
        var item = await AssertOneItemAsync("generic", body,
            new() { ["X-Listening-Signature"] = ListeningSignature.Sign(body, "generic-secret", Now) },
            new() { ["X-Listening-Signature"] = ListeningSignature.Sign(body, "guess", Now) },
            Security.TestIds.Item("kiosk", "kiosk-77", "acme", ""));
        Assert.Equal(("Self-checkout was quick", 5), (item.Text, item.Rating));
    }

    [Fact]
    public async Task Generic_endpoint_accepts_any_standard_webhooks_sender_and_refuses_a_stale_one()
    {
        var body = Encoding.UTF8.GetBytes("[{\"source\":\"helpdesk\",\"externalId\":\"t-9\",\"text\":\"Support solved it in five minutes\"}]");
        Dictionary<string, string> Headers(long ts, string secret) => new()
        {
            ["webhook-id"] = "evt_9", ["webhook-timestamp"] = ts.ToString(),
            ["webhook-signature"] = StandardWebhookSignature.Sign(body, secret, "evt_9", ts),
        };
        var stale = await pipeline.PostAsync("generic", body, Headers(Now - 600, WebhookPipeline.Whsec));
        Assert.Equal(HttpStatusCode.Unauthorized, stale.StatusCode);
        var item = await AssertOneItemAsync("generic", body, Headers(Now, WebhookPipeline.Whsec), Headers(Now, "whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"),
            Security.TestIds.Item("helpdesk", "t-9", "acme", ""));
        Assert.Equal("Support solved it in five minutes", item.Text);
    }

    [Fact]
    public async Task Mention_webhook_attributes_competitors_marks_spam_and_collapses_cross_posts()
    {
        var body = Encoding.UTF8.GetBytes("""
        [
          {"id":"m1","network":"twitter","author":{"handle":"@kate_runs","name":"Kate"},"url":"https://x.com/kate_runs/status/m1","text":"Acme delivered my running shoes overnight, impressed!","time":"2026-11-20T14:22:10Z"},
          {"id":"p9","network":"instagram","author":"kate_runs","url":"https://instagram.com/p/p9","text":"Acme delivered my running shoes overnight — impressed!!","time":"2026-11-20T14:25:00Z"},
          {"id":"m2","network":"twitter","author":{"handle":"@tom"},"text":"Globex lost my parcel again","time":"2026-11-20T15:00:00Z"},
          {"id":"m3","network":"twitter","author":{"handle":"@promo_bot"},"text":"https://spam.example/a https://spam.example/b","time":"2026-11-20T15:01:00Z"}
        ]
        """);
        var response = await pipeline.PostAsync("mention", body, new Dictionary<string, string> { ["X-Listening-Signature"] = ListeningSignature.Sign(body, "mention-secret", Now) });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((3, 1), (answer.GetProperty("accepted").GetInt32(), answer.GetProperty("duplicates").GetInt32()));

        var kate = (await pipeline.Store.GetAsync(Security.TestIds.Item("twitter", "twitter:m1", "acme", ""), default))!.Item;
        Assert.Equal(("@kate_runs", FeedbackKind.Mention, "https://x.com/kate_runs/status/m1"), (kate.Author!.Handle, kate.Kind, kate.Url));
        Assert.Null(await pipeline.Store.GetAsync(Security.TestIds.Item("instagram", "instagram:p9", "acme", ""), default)); // collapsed
        var globex = (await pipeline.Store.GetAsync(Security.TestIds.Item("twitter", "twitter:m2", "Globex", ""), default))!.Item;
        Assert.Equal(("Globex", "acme"), (globex.Brand, globex.CompetitorOf));
        var spam = (await pipeline.Store.GetAsync(Security.TestIds.Item("twitter", "twitter:m3", "acme", ""), default))!.Item;
        Assert.Equal("links-only", spam.Spam); // kept, marked
    }

    [Fact]
    public async Task Tool_and_brand_without_a_configured_secret_refuse_everything()
    {
        var body = Fixture.Payload("typeform-form_response.json");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/webhooks/typeform/unknown-brand") { Content = new ByteArrayContent(body) };
        request.Headers.TryAddWithoutValidation("Typeform-Signature", TypeformSignature.Sign(body, ""));
        Assert.Equal(HttpStatusCode.Unauthorized, (await pipeline.Client.SendAsync(request)).StatusCode);
    }
}
