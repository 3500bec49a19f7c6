using System.Collections.Concurrent;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Listening.Local;
using Listening.Pipeline;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Listening.Cli;

/// <summary>
/// `listening bench-connectors`: the issue-15 target, measured. The local shape with a brand's Telegram bot and VK
/// community connected to loopback stand-ins of the Bot API (<c>sendMessage</c>) and the VK API
/// (<c>wall.createComment</c>) in this process; Telegram updates and VK <c>wall_reply_new</c> events posted to the
/// webhooks at a steady rate, a share of them delivered twice as the platforms redeliver (same update_id / event_id,
/// a moment later). For each message: from its first webhook POST to the reply request arriving at the stand-in —
/// p50/p95/p99/max — and the counts that show redeliveries cost nothing: one item and one reply per message.
/// The stand-ins answer at once: the figure is our part, not the platforms' latency.
/// </summary>
internal static class BenchConnectorsCommand
{
    private const string Brand = "bench", TelegramSecret = "bench-telegram-secret", VkSecret = "bench-vk-secret", BotToken = "123456:bench-token";
    private const string VkToken = "vk1.bench-token";
    private const long VkGroup = 4242, TelegramChat = -1009990001;

    private static readonly string[] Texts =
    [
        "Заказ №{0} привезли вовремя, курьер вежливый, спасибо!",
        "Жду заказ {0} уже третий день, никто не отвечает в поддержке",
        "Order {0} arrived cold and late, very disappointed with the delivery",
        "Отличные цены и свежие продукты, беру у вас всё (заказ {0})",
        "The app crashed twice while paying for order {0}",
        "Спасибо за быструю доставку, заказ {0} пришёл за 40 минут",
        "Courier for order {0} was friendly and on time, thanks",
        "В заказе {0} не хватило двух позиций, верните деньги",
    ];

    public static Command Create()
    {
        var rate = new Option<int>("--rate") { Description = "messages per second (Telegram and VK alternately)", DefaultValueFactory = _ => 50 };
        var seconds = new Option<int>("--seconds") { Description = "how long to send", DefaultValueFactory = _ => 60 };
        var duplicates = new Option<double>("--duplicates") { Description = "share of messages the platform delivers twice", DefaultValueFactory = _ => 0.2 };
        var timeout = new Option<int>("--timeout") { Description = "seconds to wait for the last replies", DefaultValueFactory = _ => 120 };
        var warmup = new Option<int>("--warmup") { Description = "seconds sent first at the same rate and left out of the percentiles (JIT, model load, first connections)", DefaultValueFactory = _ => 10 };
        var dataDir = new Option<string?>("--data-dir") { Description = "keep the pipeline's data here (default: a temporary dir, deleted)" };
        var command = new Command("bench-connectors",
            "Telegram/VK message at the webhook → reply request at the platform's stand-in: latency percentiles at a steady rate, with redeliveries")
            { rate, seconds, duplicates, timeout, warmup, dataDir };
        command.SetAction((parse, cancellationToken) => RunAsync(parse.GetValue(rate), parse.GetValue(seconds), parse.GetValue(duplicates),
            parse.GetValue(timeout), parse.GetValue(warmup), parse.GetValue(dataDir), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(int rate, int seconds, double duplicateShare, int timeoutSeconds, int warmupSeconds, string? keep, CancellationToken cancellationToken)
    {
        if (rate < 1 || seconds < 1 || duplicateShare is < 0 or > 1) { Console.Error.WriteLine("bench-connectors: --rate and --seconds ≥ 1, --duplicates in [0, 1]"); return 2; }
        var replies = new ConcurrentDictionary<string, ConcurrentBag<long>>();
        await using var platforms = await StandInsAsync(replies);
        var platformUrl = platforms.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        var dir = Path.GetFullPath(keep ?? Path.Combine(Path.GetTempPath(), $"listening-bench-connectors-{Guid.NewGuid():N}"));
        var app = LocalApp.Build([
            "--urls=http://127.0.0.1:0", $"--Listening:Local:DataDir={dir}", "--Logging:LogLevel:Default=Warning",
            $"--Webhooks:telegram:{Brand}:Secret={TelegramSecret}", $"--Webhooks:telegram:{Brand}:ApiToken={BotToken}",
            $"--Webhooks:telegram:{Brand}:ApiBaseUrl={platformUrl}",
            $"--Webhooks:vk:{Brand}:Secret={VkSecret}", $"--Webhooks:vk:{Brand}:GroupId={VkGroup}", $"--Webhooks:vk:{Brand}:ApiToken={VkToken}",
            $"--Webhooks:vk:{Brand}:ApiBaseUrl={platformUrl}", $"--Webhooks:vk:{Brand}:Confirmation=bench",
        ]);
        await app.StartAsync(cancellationToken);
        try
        {
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(60) };
            var warm = rate * Math.Max(0, warmupSeconds);
            var total = warm + rate * seconds;
            Console.WriteLine($"local shape on {address}, platform stand-ins on {platformUrl}; {total} messages at {rate}/s ({warm} of them warm-up), {duplicateShare:P0} delivered twice");

            var firstPost = new long[total];
            var failures = 0;
            var redeliveries = 0;
            var sends = new List<Task>(total * 2);
            var random = new Random(15);
            var clock = Stopwatch.StartNew();
            var unix = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
            for (var i = 0; i < total; i++)
            {
                var due = TimeSpan.FromSeconds((double)i / rate);
                if (due > clock.Elapsed) await Task.Delay(due - clock.Elapsed, cancellationToken);
                var (path, body, headers) = Message(i, unix + i / rate);
                var twice = random.NextDouble() < duplicateShare;
                var n = i;
                sends.Add(Task.Run(async () =>
                {
                    firstPost[n] = Stopwatch.GetTimestamp();
                    if (!await PostAsync(http, path, body, headers)) Interlocked.Increment(ref failures);
                    if (!twice) return;
                    // The platform did not get (or did not wait for) our answer and delivers the same update again.
                    await Task.Delay(TimeSpan.FromMilliseconds(200 + n % 800));
                    Interlocked.Increment(ref redeliveries);
                    if (!await PostAsync(http, path, body, headers)) Interlocked.Increment(ref failures);
                }, cancellationToken));
            }
            var sendSeconds = clock.Elapsed.TotalSeconds;
            await Task.WhenAll(sends);

            var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
            while (replies.Count < total && DateTime.UtcNow < deadline) await Task.Delay(100, cancellationToken);
            await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken); // a late second reply to one message would show here
            var status = await http.GetFromJsonAsync<StatusReport>("/api/status", cancellationToken);

            var latencies = new List<double>(total);
            var coldest = 0.0;
            int missing = 0, twiceAnswered = 0;
            for (var i = 0; i < total; i++)
            {
                if (!replies.TryGetValue(Key(i), out var at) || at.IsEmpty) { missing++; continue; }
                if (at.Count > 1) twiceAnswered++;
                var ms = Stopwatch.GetElapsedTime(firstPost[i], at.Min()).TotalMilliseconds;
                if (i >= warm) latencies.Add(ms);
                else coldest = Math.Max(coldest, ms);
            }
            latencies.Sort();
            double P(double p) => latencies.Count == 0 ? double.NaN : latencies[Math.Clamp((int)Math.Ceiling(p * latencies.Count) - 1, 0, latencies.Count - 1)];
            var load = File.Exists("/proc/loadavg") ? (await File.ReadAllTextAsync("/proc/loadavg", cancellationToken)).Split(' ')[0] : "?";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"sent {total} messages + {redeliveries} redeliveries in {sendSeconds:0.0} s ({total / sendSeconds:0.0} msg/s), {failures} refused"));
            Console.WriteLine($"items stored: {status!.Items.Total} (expected {total}); replies: {total - missing} messages answered, {twiceAnswered} answered twice, {missing} not answered");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"webhook → reply request at the stand-in, {latencies.Count} messages after the warm-up: p50 {P(0.5):0} ms, p95 {P(0.95):0} ms, p99 {P(0.99):0} ms, max {(latencies.Count > 0 ? latencies[^1] : double.NaN):0} ms (load average {load}); warm-up max {coldest:0} ms"));
            var met = missing == 0 && twiceAnswered == 0 && failures == 0 && status.Items.Total == total && P(0.99) < 5000;
            Console.WriteLine(met ? "target (p99 < 5 s, one item and one reply per message): met" : "target (p99 < 5 s, one item and one reply per message): NOT met");
            return met ? 0 : 1;
        }
        finally
        {
            await app.StopAsync(CancellationToken.None);
            await app.DisposeAsync();
            if (keep is null) try { Directory.Delete(dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private static string Key(int i) => i % 2 == 0 ? $"tg:{TelegramChat}:{1000 + i}" : $"vk:{10_000 + i}:{20_000 + i}";

    /// <summary>Message <paramref name="i"/>: a Telegram group message (even) or a VK wall comment (odd), as the platforms push them.</summary>
    private static (string Path, string Body, Dictionary<string, string> Headers) Message(int i, long date)
    {
        var text = string.Format(CultureInfo.InvariantCulture, Texts[i % Texts.Length], 5000 + i);
        if (i % 2 == 0)
        {
            var update = new JsonObject
            {
                ["update_id"] = 700_000 + i,
                ["message"] = new JsonObject
                {
                    ["message_id"] = 1000 + i,
                    ["from"] = new JsonObject { ["id"] = 900_000 + i, ["is_bot"] = false, ["first_name"] = "Author", ["username"] = $"author{i}" },
                    ["chat"] = new JsonObject { ["id"] = TelegramChat, ["title"] = "Bench fans", ["username"] = "bench_fans", ["type"] = "supergroup" },
                    ["date"] = date,
                    ["text"] = text,
                },
            };
            return ($"/api/webhooks/telegram/{Brand}", update.ToJsonString(), new() { ["X-Telegram-Bot-Api-Secret-Token"] = TelegramSecret });
        }
        var comment = new JsonObject
        {
            ["id"] = 20_000 + i, ["from_id"] = 800_000 + i, ["date"] = date, ["text"] = text, ["post_owner_id"] = -VkGroup, ["owner_id"] = -VkGroup,
            ["post_id"] = 10_000 + i, ["parents_stack"] = new JsonArray(), ["thread"] = new JsonObject { ["count"] = 0 },
        };
        var callback = new JsonObject
        {
            ["group_id"] = VkGroup, ["type"] = "wall_reply_new", ["event_id"] = $"bench-{i}", ["v"] = "5.199", ["object"] = comment, ["secret"] = VkSecret,
        };
        return ($"/api/webhooks/vk/{Brand}", callback.ToJsonString(), []);
    }

    private static async Task<bool> PostAsync(HttpClient http, string path, string body, Dictionary<string, string> headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        foreach (var (name, value) in headers) request.Headers.TryAddWithoutValidation(name, value);
        try
        {
            using var response = await http.SendAsync(request);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException) { return false; }
        catch (TaskCanceledException) { return false; }
    }

    /// <summary>
    /// Loopback stand-ins of the two APIs' answering methods, following their documented wire formats: Bot API
    /// <c>POST /bot{token}/sendMessage</c> (JSON; <c>{"ok": true, "result": Message}</c>) and VK
    /// <c>POST /method/wall.createComment</c> (form; <c>{"response": {"comment_id"}}</c>). Each records when a reply to a
    /// message arrived.
    /// </summary>
    private static async Task<WebApplication> StandInsAsync(ConcurrentDictionary<string, ConcurrentBag<long>> replies)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var nextId = 0;
        app.MapPost("/bot{token}/sendMessage", async (string token, HttpRequest request) =>
        {
            var at = Stopwatch.GetTimestamp();
            var json = await JsonNode.ParseAsync(request.Body) as JsonObject ?? [];
            if (token != BotToken) return Results.Json(new JsonObject { ["ok"] = false, ["error_code"] = 401, ["description"] = "Unauthorized" }, statusCode: 401);
            var chat = json["chat_id"]?.GetValue<long>() ?? 0;
            var replyTo = json["reply_parameters"]?["message_id"]?.GetValue<int>() ?? 0;
            replies.GetOrAdd($"tg:{chat}:{replyTo}", _ => []).Add(at);
            var id = Interlocked.Increment(ref nextId);
            return Results.Text(new JsonObject
            {
                ["ok"] = true,
                ["result"] = new JsonObject
                {
                    ["message_id"] = id, ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(), ["text"] = json["text"]?.GetValue<string>(),
                    ["chat"] = new JsonObject { ["id"] = chat, ["type"] = "supergroup" },
                    ["from"] = new JsonObject { ["id"] = 123456, ["is_bot"] = true, ["first_name"] = "Bench care" },
                },
            }.ToJsonString(), "application/json");
        });
        app.MapPost("/method/wall.createComment", async (HttpRequest request) =>
        {
            var at = Stopwatch.GetTimestamp();
            var form = await request.ReadFormAsync();
            if (form["access_token"] != VkToken)
                return Results.Text("{\"error\":{\"error_code\":5,\"error_msg\":\"User authorization failed: invalid access_token (4).\"}}", "application/json");
            replies.GetOrAdd($"vk:{form["post_id"]}:{form["reply_to_comment"]}", _ => []).Add(at);
            return Results.Text($"{{\"response\":{{\"comment_id\":{Interlocked.Increment(ref nextId)},\"parents_stack\":[]}}}}", "application/json");
        });
        await app.StartAsync();
        return app;
    }
}
