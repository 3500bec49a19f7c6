using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Listening.Tests.Reports;

/// <summary>
/// Debian's Chromium, headless, driven over the DevTools protocol (a WebSocket on loopback):
/// opens a page, records console errors, exceptions and every network request, evaluates
/// script, takes screenshots and prints to PDF. The browser is the real one, not a stand-in.
/// </summary>
public sealed class HeadlessChromium : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _profile;
    private readonly ClientWebSocket _socket = new();
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonNode>> _pending = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _receiver;
    private int _nextId;
    private string? _session;
    private TaskCompletionSource _loaded = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ConcurrentQueue<string> ConsoleErrors { get; } = new();
    public ConcurrentQueue<string> Requests { get; } = new();

    private HeadlessChromium(Process process, string profile, Uri endpoint)
    {
        _process = process;
        _profile = profile;
        _socket.ConnectAsync(endpoint, CancellationToken.None).GetAwaiter().GetResult();
        _receiver = Task.Run(Receive);
    }

    /// <summary>The browser binary: <c>CHROMIUM</c>, else Debian's; null when none is installed.</summary>
    public static string? Find() =>
        Environment.GetEnvironmentVariable("CHROMIUM") is { Length: > 0 } custom ? custom
        : new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome" }.FirstOrDefault(File.Exists);

    public static string Executable => Find()
        ?? throw new InvalidOperationException("Chromium is not installed: run scripts/install-test-deps.sh (Debian package `chromium`).");

    public static async Task<HeadlessChromium> StartAsync(CancellationToken cancellationToken = default)
    {
        var profile = Directory.CreateTempSubdirectory("listening-chromium-").FullName;
        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
                 {
                     "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-quic",
                     "--no-first-run", "--disable-component-update", "--disable-sync", "--disable-default-apps",
                     "--disable-extensions", "--mute-audio", "--hide-scrollbars", "--remote-debugging-address=127.0.0.1",
                     "--remote-debugging-port=0", $"--user-data-dir={profile}", "about:blank",
                 })
            start.ArgumentList.Add(arg);
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        // Chromium writes the port it picked and the browser's WebSocket path to this file.
        var portFile = Path.Combine(profile, "DevToolsActivePort");
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (process.HasExited) throw new InvalidOperationException($"Chromium exited with code {process.ExitCode} at start");
            if (File.Exists(portFile) && File.ReadAllLines(portFile) is [var port, var path, ..])
                return await Attach(new HeadlessChromium(process, profile, new Uri($"ws://127.0.0.1:{port}{path}")));
            if (deadline.Elapsed > TimeSpan.FromSeconds(60)) throw new TimeoutException("Chromium did not open its DevTools port within 60 s");
            await Task.Delay(100, cancellationToken);
        }
    }

    private static async Task<HeadlessChromium> Attach(HeadlessChromium browser)
    {
        var target = await browser.Send("Target.createTarget", new JsonObject { ["url"] = "about:blank" }, browserLevel: true);
        var attached = await browser.Send("Target.attachToTarget",
            new JsonObject { ["targetId"] = target["targetId"]!.GetValue<string>(), ["flatten"] = true }, browserLevel: true);
        browser._session = attached["sessionId"]!.GetValue<string>();
        foreach (var domain in new[] { "Page", "Runtime", "Log", "Network" }) await browser.Send(domain + ".enable");
        return browser;
    }

    /// <summary>Opens <paramref name="url"/> in a viewport <paramref name="width"/> CSS pixels wide, as <paramref name="media"/>
    /// (<c>screen</c>, or <c>print</c>: the page's print rules at the width of an A4 page's printable area).</summary>
    public async Task OpenAsync(string url, int width, int height, string media = "screen")
    {
        await Send("Emulation.setDeviceMetricsOverride",
            new JsonObject { ["width"] = width, ["height"] = height, ["deviceScaleFactor"] = 1, ["mobile"] = false });
        await Send("Emulation.setEmulatedMedia", new JsonObject { ["media"] = media });
        _loaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await Send("Page.navigate", new JsonObject { ["url"] = url });
        await _loaded.Task.WaitAsync(TimeSpan.FromSeconds(60));
    }

    public async Task<JsonNode?> EvaluateAsync(string expression)
    {
        var result = await Send("Runtime.evaluate", new JsonObject { ["expression"] = expression, ["returnByValue"] = true });
        if (result["exceptionDetails"] is { } error) throw new InvalidOperationException("script failed: " + error.ToJsonString());
        return result["result"]!["value"];
    }

    /// <summary>A PNG of the whole page, not just the viewport.</summary>
    public async Task<byte[]> ScreenshotAsync()
    {
        var metrics = await Send("Page.getLayoutMetrics");
        var size = metrics["cssContentSize"]!;
        var clip = new JsonObject
        {
            ["x"] = 0, ["y"] = 0, ["scale"] = 1,
            ["width"] = Math.Ceiling(size["width"]!.GetValue<double>()),
            ["height"] = Math.Ceiling(size["height"]!.GetValue<double>()),
        };
        var shot = await Send("Page.captureScreenshot", new JsonObject { ["format"] = "png", ["captureBeyondViewport"] = true, ["clip"] = clip });
        return Convert.FromBase64String(shot["data"]!.GetValue<string>());
    }

    public async Task<byte[]> PrintToPdfAsync()
    {
        var pdf = await Send("Page.printToPDF", new JsonObject { ["printBackground"] = true, ["preferCSSPageSize"] = true });
        return Convert.FromBase64String(pdf["data"]!.GetValue<string>());
    }

    private async Task<JsonNode> Send(string method, JsonObject? parameters = null, bool browserLevel = false)
    {
        var id = Interlocked.Increment(ref _nextId);
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters ?? new JsonObject() };
        if (!browserLevel) message["sessionId"] = _session;
        var reply = new TaskCompletionSource<JsonNode>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = reply;
        var bytes = Encoding.UTF8.GetBytes(message.ToJsonString());
        await _socket.SendAsync(bytes, WebSocketMessageType.Text, true, _stop.Token);
        return await reply.Task.WaitAsync(TimeSpan.FromSeconds(60));
    }

    private async Task Receive()
    {
        var buffer = new byte[1 << 16];
        using var message = new MemoryStream();
        try
        {
            while (!_stop.IsCancellationRequested && _socket.State == WebSocketState.Open)
            {
                var part = await _socket.ReceiveAsync(buffer, _stop.Token);
                if (part.MessageType == WebSocketMessageType.Close) break;
                message.Write(buffer, 0, part.Count);
                if (!part.EndOfMessage) continue;
                var node = JsonNode.Parse(message.ToArray())!;
                message.SetLength(0);
                Dispatch(node);
            }
        }
        catch (Exception) when (_stop.IsCancellationRequested) { }
        catch (WebSocketException) { }
        foreach (var waiting in _pending.Values) waiting.TrySetException(new InvalidOperationException("DevTools connection closed"));
    }

    private void Dispatch(JsonNode node)
    {
        if (node["id"] is { } id && _pending.TryRemove(id.GetValue<int>(), out var reply))
        {
            if (node["error"] is { } error) reply.TrySetException(new InvalidOperationException(error.ToJsonString()));
            else reply.TrySetResult(node["result"] ?? new JsonObject());
            return;
        }
        var p = node["params"];
        static string? Text(JsonNode? n) => n is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        var method = Text(node["method"]);
        if (method == "Page.loadEventFired") _loaded.TrySetResult();
        else if (method == "Runtime.consoleAPICalled" && Text(p?["type"]) is "error" or "assert")
            ConsoleErrors.Enqueue("console: " + p!["args"]?.ToJsonString());
        else if (method == "Runtime.exceptionThrown")
            ConsoleErrors.Enqueue("exception: " + p?["exceptionDetails"]?.ToJsonString());
        else if (method == "Log.entryAdded" && Text(p?["entry"]?["level"]) == "error")
            ConsoleErrors.Enqueue("log: " + Text(p!["entry"]!["text"]));
        else if (method == "Network.requestWillBeSent")
            Requests.Enqueue(Text(p?["request"]?["url"]) ?? "?");
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try { _socket.Abort(); } catch (ObjectDisposedException) { }
        try { await _receiver.WaitAsync(TimeSpan.FromSeconds(5)); } catch (Exception) { }
        // Our own browser process (by its id) and its children.
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        _process.Dispose();
        _socket.Dispose();
        try { Directory.Delete(_profile, recursive: true); } catch (IOException) { }
    }
}
