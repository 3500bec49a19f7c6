using System.CommandLine;
using Listening.Ml.Prediction;

namespace Listening.Cli;

/// <summary>Options shared by the model commands: where the data and the model are.</summary>
internal static class DataOptions
{
    public static Option<DirectoryInfo> Data(bool required) => new("--data")
    {
        Description = "Folder of dataset folders (train.tsv / test.tsv), or one dataset folder. Default: $LISTENING_DATASETS.",
        Required = required && Environment.GetEnvironmentVariable("LISTENING_DATASETS") is null,
        DefaultValueFactory = _ => new DirectoryInfo(Environment.GetEnvironmentVariable("LISTENING_DATASETS") ?? "."),
    };

    /// <summary>Runs a command body; missing or malformed files end in a one-line message and exit code 2, not a stack trace.</summary>
    public static int Guard(string command, Func<int> body)
    {
        try
        {
            return body();
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException or FormatException)
        {
            Console.Error.WriteLine($"{command}: {e.Message}");
            return 2;
        }
    }

    public static Option<FileInfo> Model() => new("--model")
    {
        Description = "Sentiment model zip. Default: the one shipped next to the executable (ml-models/sentiment/model.zip).",
        DefaultValueFactory = _ => new FileInfo(SentimentModel.DefaultPath()),
    };
}
