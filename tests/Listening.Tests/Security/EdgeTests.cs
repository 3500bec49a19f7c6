using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Listening.Channels.Connectors;
using Listening.Channels.Webhooks;
using Listening.Core.Channels.Signatures;
using Listening.Responses;
using Listening.Storage;
using Microsoft.Extensions.Logging;

namespace Listening.Tests.Security;

/// <summary>
/// Findings 5 and 6 of issue 14 through the local shape: who may say what (id squatting, cap griefing) and the edges of input
/// handling (stalled bodies, invalid UTF-8, control characters, lengths, numbers as strings, duplicate keys, concurrent
/// duplicate deliveries, spam).
/// </summary>
public sealed class EdgeTests : IAsyncLifetime
{
    private readonly CapturedLogs logs = new();
    private SecureHost host = null!;

    public Task InitializeAsync()
    {
        host = new SecureHost(new Dictionary<string, string?>
        {
            ["Webhooks:generic:acme:Secret"] = "generic-secret",
            ["Listening:Http:BodyIdleTimeout"] = "00:00:00.300",
        }, services => services.AddSingleton<ILoggerProvider>(logs));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    private static JsonObject Item(string text, JsonObject? author = null) => new()
    {
        ["brand"] = "acme", ["text"] = text, ["externalId"] = Guid.NewGuid().ToString("N"), ["author"] = author,
    };

    [Fact]
    public async Task An_open_caller_cannot_name_an_id_a_trusted_source_or_an_author_id_and_cannot_take_a_signed_deliverys_id()
    {
        using var open = host.Client(SecureHost.OpenKey);
        foreach (var (field, set) in new (string, Action<JsonObject>)[]
                 {
                     ("id", i => i["id"] = "typeform-0123456789abcdef01234567"),
                     ("source", i => i["source"] = "typeform"),
                     ("author.id", i => i["author"] = new JsonObject { ["id"] = "crm-42", ["name"] = "Victim" }),
                 })
        {
            var item = Item("Trying to pass as a trusted channel");
            set(item);
            var response = await open.PostAsync("/api/feedback", SecureHost.Json(item));
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.True((await SecureHost.BodyAsync(response)).GetProperty("errors").TryGetProperty(field, out _), field);
        }

        // The squatter posts the Typeform token as its external id ahead of the genuine delivery: its item is its own (source
        // api, another id), and the signed delivery is accepted with its own text.
        var payload = Listening.Tests.Channels.Fixture.Payload("typeform-form_response.json");
        var token = System.Text.Json.JsonDocument.Parse(payload).RootElement.GetProperty("form_response").GetProperty("token").GetString()!;
        var squat = Item("Squatted: terrible, never again");
        squat["externalId"] = token;
        squat["rating"] = 1;
        var squatted = await open.PostAsync("/api/feedback", SecureHost.Json(squat));
        Assert.Equal(HttpStatusCode.Accepted, squatted.StatusCode);
        var squatId = (await SecureHost.BodyAsync(squatted)).GetProperty("ids")[0].GetString()!;
        Assert.StartsWith("api-", squatId);
        // The same squat naming Typeform as its source (refused above, asserted again after the delivery: whatever the edge
        // answered, the genuine delivery must keep its own text).
        var named = (JsonObject)squat.DeepClone();
        named["source"] = "typeform";
        var namedStatus = (await open.PostAsync("/api/feedback", SecureHost.Json(named))).StatusCode;

        using var anonymous = host.Client(null);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/webhooks/typeform/acme") { Content = new ByteArrayContent(payload) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation(TypeformSignature.Header, TypeformSignature.Sign(payload, SecureHost.TypeformSecret));
        var genuine = await anonymous.SendAsync(request);
        Assert.Equal(HttpStatusCode.Accepted, genuine.StatusCode);
        var body = await SecureHost.BodyAsync(genuine);
        Assert.Equal(1, body.GetProperty("accepted").GetInt32());
        var genuineId = body.GetProperty("ids")[0].GetString()!;
        Assert.NotEqual(squatId, genuineId);
        var stored = (await host.Services.GetRequiredService<IFeedbackStore>().GetAsync(genuineId, default))!;
        Assert.Equal("typeform", stored.Item.Source);
        Assert.DoesNotContain("Squatted", stored.Item.Text);
        Assert.Equal(HttpStatusCode.Forbidden, namedStatus);
    }

    [Fact]
    public async Task Items_posted_under_a_victims_e_mail_with_an_open_key_do_not_use_up_the_victims_daily_points()
    {
        using var open = host.Client(SecureHost.OpenKey);
        using var trusted = host.Client(SecureHost.TrustedKey);
        using var admin = host.CreateClient();
        const string email = "victim.cap@example.org";
        var victimId = TestIds.Author("site", email);
        JsonObject Victim() => new() { ["name"] = "Vera Victim", ["email"] = email };
        // The probe of the issue: the griefer posts under the victim's e-mail, naming the victim's source, and naming the victim's
        // author id outright — three distinct texts each, 100 points (the daily cap) if any of them counted for the victim.
        var texts = new[] { "Great pancakes and quick delivery today", "Friendly staff, warm room, good coffee", "Fresh bread and a nice courier again" };
        var attempts = new List<(string Variant, HttpStatusCode Status)>();
        foreach (var (variant, shape) in new (string, Func<string, JsonObject>)[]
                 {
                     ("e-mail only", text => Item(text, Victim())),
                     ("source site", text => { var i = Item(text + " (site)", Victim()); i["source"] = "site"; return i; }),
                     ("author.id", text => { var a = Victim(); a["id"] = victimId; return Item(text + " (id)", a); }),
                 })
            foreach (var text in texts)
                attempts.Add((variant, (await open.PostAsync("/api/feedback", SecureHost.Json(shape(text)))).StatusCode));
        await host.WaitForDrainAsync(admin);

        var own = Item("My own review: the blini were excellent", Victim());
        own["source"] = "site";
        Assert.Equal(HttpStatusCode.Accepted, (await trusted.PostAsync("/api/feedback", SecureHost.Json(own))).StatusCode);
        await host.WaitForDrainAsync(admin);

        using var points = host.Client(SecureHost.PointsKey);
        var ledger = await SecureHost.BodyAsync(await points.GetAsync($"/api/authors/{victimId}/points"));
        // The ledger first: whatever the edge answered, none of the griefer's items counted for the victim.
        Assert.Equal(50, ledger.GetProperty("balance").GetInt32());
        Assert.Equal(1, ledger.GetProperty("entries").GetArrayLength());
        Assert.All(attempts, a => Assert.Equal(a.Variant == "e-mail only" ? HttpStatusCode.Accepted : HttpStatusCode.Forbidden, a.Status));
        // A guessable id without a key or the signed link reads nothing.
        Assert.Equal(HttpStatusCode.Unauthorized, (await open.GetAsync($"/api/authors/{victimId}/points")).StatusCode);
    }

    /// <summary>Every route that reads a body.</summary>
    private static IEnumerable<string> BodyRoutes() =>
        new[] { "/api/feedback", "/api/erasures" }
            .Concat(WebhookEndpoints.All.Where(w => w.Methods.Contains("POST")).Select(w => $"/api/webhooks/{w.Tool}/acme"))
            .Concat(ConnectorEndpoints.All.Select(w => $"/api/webhooks/{w.Tool}/acme"));

    /// <summary>The probe of the issue on a real socket (Kestrel in a `listening serve` process): a body that promises 200 bytes,
    /// sends 30 and then nothing, on every route that reads one.</summary>
    [Fact]
    public async Task A_stalled_body_is_answered_408_on_every_route_and_logged_without_a_stack_trace()
    {
        var dataDir = Path.Combine(Path.GetTempPath(), $"listening-stall-{Guid.NewGuid():N}");
        using var serve = await Listening.Tests.Pipeline.ServeProcess.StartAsync(dataDir, new Dictionary<string, string>
        {
            ["Listening__Http__BodyIdleTimeout"] = "00:00:02",
            ["Webhooks__generic__acme__Secret"] = "generic-secret",
        });
        try
        {
            foreach (var route in BodyRoutes())
            {
                using var tcp = new System.Net.Sockets.TcpClient();
                await tcp.ConnectAsync(IPAddress.Loopback, serve.Port);
                var stream = tcp.GetStream();
                var start = "{\"brand\":\"acme\",\"text\":\"half a bo";
                await stream.WriteAsync(Encoding.ASCII.GetBytes(
                    $"POST {route} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 200\r\n" +
                    $"{Listening.Access.AccessOptions.Header}: {TestKeys.Admin}\r\n\r\n{start}"));
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                var answer = new StringBuilder();
                var buffer = new byte[4096];
                int read;
                while (!answer.ToString().Contains("}") && (read = await stream.ReadAsync(buffer, timeout.Token)) > 0)
                    answer.Append(Encoding.UTF8.GetString(buffer, 0, read));
                var text = answer.ToString();
                Assert.True(text.StartsWith("HTTP/1.1 408", StringComparison.Ordinal), $"{route}: {text}");
                Assert.Contains("application/problem+json", text);
                Assert.DoesNotContain(" at ", text);
            }
            await Task.Delay(500);
            var output = serve.Output.ToList();
            Assert.DoesNotContain(output, l => l.TrimStart().StartsWith("at ", StringComparison.Ordinal) || l.StartsWith("fail:", StringComparison.Ordinal)
                                               || l.StartsWith("crit:", StringComparison.Ordinal) || l.Contains("Exception", StringComparison.Ordinal));
        }
        finally
        {
            serve.Kill();
            try { Directory.Delete(dataDir, recursive: true); } catch (IOException) { }
        }
    }

    [Fact]
    public async Task Invalid_utf8_control_characters_long_strings_numbers_as_strings_and_duplicate_keys_are_400_naming_the_field()
    {
        using var client = host.Client(SecureHost.TrustedKey);
        async Task Refused(byte[] body, string field)
        {
            var content = new ByteArrayContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            var response = await client.PostAsync("/api/feedback", content);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{Encoding.UTF8.GetString(body)}: {response.StatusCode}");
            var errors = (await SecureHost.BodyAsync(response)).GetProperty("errors");
            Assert.True(errors.TryGetProperty(field, out _), $"{field}: {errors}");
        }
        byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);

        await Refused([.. Utf8("{\"brand\":\"acme\",\"text\":\"bad "), 0xC3, 0x28, .. Utf8("byte\"}")], "text");
        await Refused([.. Utf8("{\"brand\":\"acme\",\"text\":\"fine\",\"author\":{\"name\":\"A"), 0xFF, .. Utf8("\"}}")], "author.name");
        await Refused(Utf8("{\"brand\":\"acme\",\"text\":\"a\\u0000b\"}"), "text");
        await Refused(Utf8("{\"brand\":\"acme\\u0000\",\"text\":\"ok text\"}"), "brand");
        await Refused(Utf8("{\"brand\":\"acme\",\"text\":\"ok text\",\"externalId\":\"x\\u0000\"}"), "externalId");
        await Refused(Utf8($"{{\"brand\":\"{new string('b', 101)}\",\"text\":\"ok text\"}}"), "brand");
        await Refused(Utf8($"{{\"brand\":\"acme\",\"text\":\"ok text\",\"externalId\":\"{new string('e', 257)}\"}}"), "externalId");
        await Refused(Utf8($"{{\"brand\":\"acme\",\"text\":\"ok text\",\"author\":{{\"name\":\"{new string('n', 201)}\"}}}}"), "author.name");
        await Refused(Utf8($"{{\"brand\":\"acme\",\"text\":\"ok text\",\"url\":\"https://example.com/{new string('u', 2048)}\"}}"), "url");
        await Refused(Utf8($"{{\"brand\":\"acme\",\"text\":\"{new string('t', 20_001)}\"}}"), "text");
        await Refused(Utf8("{\"brand\":\"acme\",\"text\":\"ok text\",\"rating\":\"5\"}"), "rating");
        await Refused(Utf8("{\"brand\":\"acme\",\"text\":\"one\",\"text\":\"two\"}"), "text");
        await Refused(Utf8("{\"brand\":\"acme\",\"text\":\"ok text\",\"author\":{\"email\":\"a@example.org\",\"email\":\"b@example.org\"}}"), "author.email");
        await Refused(Utf8("[{\"brand\":\"acme\",\"text\":\"ok text\"},{\"brand\":\"acme\",\"brand\":\"other\",\"text\":\"ok text\"}]"), "[1].brand");
    }

    [Fact]
    public async Task Concurrent_identical_webhook_deliveries_answer_one_accepted_and_the_rest_duplicate()
    {
        using var client = host.Client(null);
        var body = Encoding.UTF8.GetBytes(new JsonObject
        {
            ["brand"] = "acme", ["source"] = "site", ["externalId"] = "storm-1", ["text"] = "One delivery, sent fifty times at once",
        }.ToJsonString());
        var signature = ListeningSignature.Sign(body, "generic-secret", DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        var answers = await Task.WhenAll(Enumerable.Range(0, 30).Select(async _ =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/webhooks/generic/acme") { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            request.Headers.TryAddWithoutValidation(ListeningSignature.Header, signature);
            var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            return await SecureHost.BodyAsync(response);
        }));
        Assert.Equal(1, answers.Sum(a => a.GetProperty("accepted").GetInt32()));
        Assert.Equal(29, answers.Sum(a => a.GetProperty("duplicates").GetInt32()));
        Assert.Single(answers.Select(a => a.GetProperty("ids")[0].GetString()).Distinct());
    }

    [Fact]
    public async Task Items_ingest_marks_as_a_flood_are_not_thanked()
    {
        using var client = host.Client(SecureHost.TrustedKey);
        using var admin = host.CreateClient();
        var author = new JsonObject { ["name"] = "Flo Od", ["email"] = "flood.author@example.org" };
        var items = new JsonArray(Enumerable.Range(1, 6).Select(n =>
        {
            var item = Item("Best pancakes in town, go there right now and order the big set with honey and cream!", (JsonObject)author.DeepClone());
            item["source"] = "site";
            item["rating"] = 5;
            return (JsonNode)item;
        }).ToArray());
        var response = await client.PostAsync("/api/feedback", SecureHost.Json(items));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var ids = (await SecureHost.BodyAsync(response)).GetProperty("ids").EnumerateArray().Select(e => e.GetString()!).Distinct().ToList();
        await host.WaitForDrainAsync(admin);

        var feedback = host.Services.GetRequiredService<IFeedbackStore>();
        var responses = host.Services.GetRequiredService<IResponseStore>();
        var spam = new List<string>();
        foreach (var id in ids)
            if ((await feedback.GetAsync(id, default))!.Item.Spam is not null) spam.Add(id);
        Assert.NotEmpty(spam);
        Assert.True(ids.Count > spam.Count, "the first copy is not spam");
        Assert.NotNull(await responses.GetMessageAsync($"thanks-{ids.Except(spam).First()}", default));
        foreach (var id in spam) Assert.Null(await responses.GetMessageAsync($"thanks-{id}", default));
    }
}

/// <summary>Every log entry of a host, with its exception.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    public sealed record Entry(string Category, LogLevel Level, string Message, Exception? Exception);

    public ConcurrentQueue<Entry> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose() { }

    private sealed class Logger(CapturedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Entries.Enqueue(new Entry(category, logLevel, formatter(state, exception), exception));
    }
}
