using System.CommandLine;

namespace Listening.Cli;

internal static class EvaluateCommand
{
    public static Command Create()
    {
        var command = new Command("evaluate", "(not built yet)");
        command.SetAction(_ =>
        {
            Console.Error.WriteLine("evaluate: not built yet");
            return 2;
        });
        return command;
    }
}
