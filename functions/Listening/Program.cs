using System.CommandLine;
using Listening.Cli;

// The `listening` executable: one command per file under Cli/.
var root = new RootCommand("Listening — feedback and social-listening pipeline")
{
    ScoreCommand.Create(),
    TrainCommand.Create(),
    EvaluateCommand.Create(),
    BenchCommand.Create(),
    TemplatesCommand.Create(),
};

return await root.Parse(args).InvokeAsync();

public partial class Program;
