using System.CommandLine;
using Listening.Web;

namespace Listening.Cli;

/// <summary>`listening serve`: the whole topology (host.json + functions/*/function.json) in one process.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var port = new Option<int>("--port") { Description = "HTTP port on 127.0.0.1", DefaultValueFactory = _ => 7071 };
        var dataDir = new Option<string>("--data-dir") { Description = "folder for the SQLite queues and store", DefaultValueFactory = _ => ".data" };
        var root = new Option<string?>("--root") { Description = "folder holding host.json (default: found above the working directory)" };
        var command = new Command("serve", "Run the pipeline locally: HTTP triggers, durable queues, document store, timers") { port, dataDir, root };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var args = HostArgs(parse.GetValue(port), parse.GetValue(dataDir)!, parse.GetValue(root));
            var app = ListeningWebApp.Build(args, AppShape.Local);
            await app.StartAsync(cancellationToken);
            Console.WriteLine($"listening: serving on http://127.0.0.1:{parse.GetValue(port)} (data in {Path.GetFullPath(parse.GetValue(dataDir)!)})");
            await app.WaitForShutdownAsync(cancellationToken);
            return 0;
        });
        return command;
    }

    internal static string[] HostArgs(int port, string dataDir, string? root)
    {
        var args = new List<string> { $"--urls=http://127.0.0.1:{port}", $"--Listening:Local:DataDir={Path.GetFullPath(dataDir)}" };
        if (root is not null) args.Add($"--Listening:Root={Path.GetFullPath(root)}");
        return args.ToArray();
    }
}
