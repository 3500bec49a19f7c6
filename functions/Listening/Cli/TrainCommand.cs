using System.CommandLine;

namespace Listening.Cli;

internal static class TrainCommand
{
    public static Command Create()
    {
        var command = new Command("train", "(not built yet)");
        command.SetAction(_ =>
        {
            Console.Error.WriteLine("train: not built yet");
            return 2;
        });
        return command;
    }
}
