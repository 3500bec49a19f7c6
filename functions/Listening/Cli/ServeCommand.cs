using System.CommandLine;
using Listening.Local;

namespace Listening.Cli;

/// <summary>`listening serve`: the whole pipeline in one process (HTTP endpoints, queue consumers, schedules, SQLite).</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var port = new Option<int>("--port") { Description = "HTTP port on 127.0.0.1", DefaultValueFactory = _ => 7071 };
        var dataDir = new Option<string>("--data-dir") { Description = "folder for the SQLite queues and store", DefaultValueFactory = _ => ".data" };
        var command = new Command("serve", "Run the pipeline locally: HTTP endpoints, durable queues, document store, timers") { port, dataDir };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var args = HostArgs(parse.GetValue(port), parse.GetValue(dataDir)!);
            var app = LocalApp.Build(args);
            await app.StartAsync(cancellationToken);
            Console.WriteLine($"listening: serving on http://127.0.0.1:{parse.GetValue(port)} (data in {Path.GetFullPath(parse.GetValue(dataDir)!)})");
            await app.WaitForShutdownAsync(cancellationToken);
            return 0;
        });
        return command;
    }

    internal static string[] HostArgs(int port, string dataDir) =>
        [$"--urls=http://127.0.0.1:{port}", $"--Listening:Local:DataDir={Path.GetFullPath(dataDir)}"];
}
