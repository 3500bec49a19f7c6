using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Listening.Tests.Pipeline;

/// <summary>A real `listening serve` process (the built listening.dll next to the tests) on a free loopback port.</summary>
public sealed class ServeProcess : IDisposable
{
    private readonly Process process;
    public int Port { get; }
    public HttpClient Client { get; }

    /// <summary>Everything the process wrote to stdout and stderr, line by line.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> Output { get; } = new();

    private ServeProcess(Process process, int port)
    {
        this.process = process;
        Port = port;
        Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
        Client.DefaultRequestHeaders.Add(Listening.Access.AccessOptions.Header, Security.TestKeys.Admin);
    }

    public static async Task<ServeProcess> StartAsync(string dataDir, IReadOnlyDictionary<string, string>? environment = null)
    {
        var port = FreePort();
        var info = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "listening.dll"), "serve", "--port", port.ToString(), "--data-dir", dataDir },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // A trusted sender, as the in-process hosts' default client (PipelineFactory).
        info.Environment["Listening__Access__Keys__tests__Key"] = Security.TestKeys.Admin;
        info.Environment["Listening__Access__Keys__tests__Roles"] = "*";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) info.Environment[key] = value;
        var process = Process.Start(info)!;
        var serve = new ServeProcess(process, port);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) serve.Output.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) serve.Output.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                if ((await serve.Client.GetAsync("/api/health")).StatusCode == HttpStatusCode.OK) return serve;
            }
            catch (HttpRequestException) { }
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                serve.Dispose();
                throw new InvalidOperationException("listening serve did not become healthy");
            }
            await Task.Delay(100);
        }
    }

    /// <summary>SIGKILL: no shutdown hooks, no flush — what a crash or an OOM kill does.</summary>
    public void Kill()
    {
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
    }

    public void Dispose()
    {
        if (!process.HasExited) Kill();
        process.Dispose();
        Client.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
