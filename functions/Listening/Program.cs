using System.CommandLine;
using Listening.Cli;
using Listening.Web;

// The `listening` executable: one command per file under Cli/.
if (ListeningWebApp.IsHostStart(args)) return await ListeningWebApp.RunAsync(args, AppShape.Local); // WebApplicationFactory

var root = new RootCommand("Listening — feedback and social-listening pipeline")
{
    ScoreCommand.Create(),
    TrainCommand.Create(),
    EvaluateCommand.Create(),
    BenchCommand.Create(),
    EvaluateFactorsCommand.Create(),
    EvaluateStoryCommand.Create(),
    BenchFactorsCommand.Create(),
    FactorsCommand.Create(),
    ReportCommand.Create(),
    BenchReportCommand.Create(),
    ServeCommand.Create(),
    HandlerCommand.Create(),
    StatusCommand.Create(),
    DemoCommand.Create(),
    PackageCommand.Create(),
    ImportCommand.Create(),
    TemplatesCommand.Create(),
};

return await root.Parse(args).InvokeAsync();

public partial class Program;
