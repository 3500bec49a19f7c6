using System.CommandLine;

namespace Listening.Cli;

internal static class ScoreCommand
{
    public static Command Create()
    {
        var command = new Command("score", "(not built yet)");
        command.SetAction(_ =>
        {
            Console.Error.WriteLine("score: not built yet");
            return 2;
        });
        return command;
    }
}
