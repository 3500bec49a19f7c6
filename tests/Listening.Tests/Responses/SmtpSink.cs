using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Listening.Tests.Responses;

/// <summary>
/// Postfix's <c>smtp-sink</c> — a real SMTP server — on a loopback port, dumping each accepted message to a file.
/// <paramref name="refuse"/> makes it answer the given SMTP commands with a soft 4xx error (a server that refuses).
/// Installed by scripts/install-test-deps.sh; a missing binary fails the test rather than skipping it.
/// </summary>
public sealed class SmtpSink : IDisposable
{
    public const string Binary = "/usr/sbin/smtp-sink";
    private readonly Process process;

    public int Port { get; }
    public string DumpDir { get; }

    private SmtpSink(Process process, int port, string dumpDir) => (this.process, Port, DumpDir) = (process, port, dumpDir);

    public static async Task<SmtpSink> StartAsync(int? port = null, string? refuse = null, string? dumpDir = null)
    {
        Assert.True(File.Exists(Binary), $"{Binary} is missing: run scripts/install-test-deps.sh (Debian package postfix)");
        var p = port ?? FreePort();
        var dir = dumpDir ?? Directory.CreateTempSubdirectory("smtp-sink-").FullName;
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(dir, (UnixFileMode)0x1FF); // smtp-sink drops to "nobody" before writing
        var args = new List<string> { "-u", "nobody", "-d", Path.Combine(dir, "%Y%m%d%H%M%S.") };
        if (refuse is not null) args.AddRange(["-r", refuse]);
        args.AddRange([$"127.0.0.1:{p}", "10"]);
        var info = new ProcessStartInfo(Binary) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in args) info.ArgumentList.Add(a);
        var process = Process.Start(info)!;
        var sink = new SmtpSink(process, p, dir);
        for (var i = 0; i < 100; i++)
        {
            try { using var client = new TcpClient(); await client.ConnectAsync(IPAddress.Loopback, p); return sink; }
            catch (SocketException) { await Task.Delay(50); }
        }
        sink.Dispose();
        throw new InvalidOperationException($"smtp-sink did not listen on {p}");
    }

    /// <summary>Every dumped message, read once there are at least <paramref name="atLeast"/> and the dump files stopped
    /// changing: smtp-sink answers 250 to the client before it has created, written and closed the file, so a read right
    /// after a send can see no file or half a message on a loaded machine. Gives up after about ten seconds.</summary>
    public IReadOnlyList<string> Messages(int atLeast = 1)
    {
        var seen = Read();
        for (var i = 0; i < 100; i++)
        {
            Thread.Sleep(100);
            var again = Read();
            if (again.Count >= atLeast && again.SequenceEqual(seen)) return again;
            seen = again;
        }
        return seen;
    }

    private List<string> Read() => Directory.GetFiles(DumpDir).Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList();

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        if (!process.HasExited) { process.Kill(); process.WaitForExit(5000); }
        process.Dispose();
    }
}
