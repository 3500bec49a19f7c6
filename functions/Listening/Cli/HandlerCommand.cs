using System.CommandLine;
using Listening.Web;

namespace Listening.Cli;

/// <summary>`listening handler`: the custom handler the Azure Functions host starts (host.json customHandler).</summary>
internal static class HandlerCommand
{
    public static Command Create()
    {
        var command = new Command("handler", "Run as the Azure Functions custom handler (port from FUNCTIONS_CUSTOMHANDLER_PORT)");
        command.SetAction(async (parse, cancellationToken) =>
        {
            var port = Environment.GetEnvironmentVariable("FUNCTIONS_CUSTOMHANDLER_PORT");
            if (!int.TryParse(port, out var number) || number is <= 0 or > 65535)
            {
                Console.Error.WriteLine($"handler: FUNCTIONS_CUSTOMHANDLER_PORT must be a port number (got '{port}')");
                return 2;
            }
            var app = ListeningWebApp.Build([$"--urls=http://127.0.0.1:{number}"], AppShape.Handler);
            await app.StartAsync(cancellationToken);
            await app.WaitForShutdownAsync(cancellationToken);
            return 0;
        });
        return command;
    }
}
