using System.CommandLine;
using Listening.Cli;
using Listening.Local;

// The `listening` executable: one command per file under Cli/.
if (LocalApp.IsHostStart(args)) return await LocalApp.RunAsync(args); // WebApplicationFactory

var root = new RootCommand("Listening — feedback and social-listening pipeline")
{
    ScoreCommand.Create(),
    TrainCommand.Create(),
    EvaluateCommand.Create(),
    CompareCommand.Create(),
    BenchCommand.Create(),
    EvaluateFactorsCommand.Create(),
    EvaluateStoryCommand.Create(),
    TrainFactorsCommand.Create(),
    EvaluateFactorsLosoCommand.Create(),
    BenchFactorsCommand.Create(),
    WordStemsCommand.Create(),
    FactorsCommand.Create(),
    OfferingCommand.Create(),
    ReportCommand.Create(),
    BenchReportCommand.Create(),
    BenchConnectorsCommand.Create(),
    ServeCommand.Create(),
    StatusCommand.Create(),
    OutboxCommand.Create(),
    DeadLettersCommand.Create(),
    DemoCommand.Create(),
    PackageCommand.Create(),
    ImportCommand.Create(),
    TemplatesCommand.Create(),
};

// No response files: an argument that starts with "@" is a text or a handle ("@brand where is my order?"), never a file to expand.
return await root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null }).InvokeAsync();

public partial class Program;
