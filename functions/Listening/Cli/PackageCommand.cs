using System.CommandLine;
using Listening.Packaging;

namespace Listening.Cli;

/// <summary>`listening package`: the zip the Azure Functions host runs (zip deploy to the Flex Consumption app).</summary>
internal static class PackageCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--out") { Description = "zip file to write", DefaultValueFactory = _ => "listening.zip" };
        var root = new Option<string?>("--root") { Description = "repository root holding host.json and functions/Listening.FunctionApp (default: found above the working directory)" };
        var publishDir = new Option<string?>("--publish-dir") { Description = "zip this publish of functions/Listening.FunctionApp instead of publishing now" };
        var command = new Command("package", "Build the Function App zip (dotnet publish of the isolated-worker app: host.json, functions.metadata, worker.config.json at the root)")
        {
            output, root, publishDir,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            try
            {
                var package = await FunctionAppPackage.BuildAsync(
                    FunctionAppPackage.FindRoot(parse.GetValue(root)), parse.GetValue(output)!, parse.GetValue(publishDir), Console.Out, cancellationToken);
                Console.WriteLine($"package: {package.Path} ({package.Files} files, {package.Bytes / (1024.0 * 1024):F1} MB; functions: {string.Join(", ", package.Functions)})");
                return 0;
            }
            catch (PackageException e)
            {
                Console.Error.WriteLine($"package: {e.Message}");
                return e.ExitCode;
            }
        });
        return command;
    }
}
