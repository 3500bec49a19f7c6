extern alias FunctionApp;
using System.Reflection;
using System.Text.RegularExpressions;
using Listening.Tests.Infra;

namespace Listening.Tests.Architecture;

/// <summary>
/// What each folder must never use, read off the sources (usings and qualified names) and the assemblies' references:
/// the domain library knows no storage, queue or host; the feature folders know the ports, never an adapter or a host;
/// the shared library knows neither host; the Function App knows nothing of the local runtime.
/// </summary>
public sealed class DependencyRulesTests
{
    private static readonly string[] Adapters =
    [
        "Listening.Storage.Sqlite", "Listening.Storage.Cosmos", "Listening.Queues.Sqlite", "Listening.Queues.ServiceBus",
        "Microsoft.Data.Sqlite", "Microsoft.Azure.Cosmos", "Azure.Messaging.ServiceBus",
    ];
    private static readonly string[] Hosts = ["Listening.Local", "Listening.Cli", "Listening.FunctionApp", "Microsoft.Azure.Functions"];

    public static TheoryData<string, string[]> Rules() => new()
    {
        { "functions/Listening.Core", ["Listening.Storage", "Listening.Queues", "Listening.Pipeline", "Listening.Ingest", "Microsoft.AspNetCore",
            "Microsoft.Extensions.Hosting", "Microsoft.Extensions.DependencyInjection", .. Adapters, .. Hosts] },
        { "functions/Listening.Pipeline/Ingest", [.. Adapters, .. Hosts] },
        { "functions/Listening.Pipeline/Scoring", [.. Adapters, .. Hosts] },
        { "functions/Listening.Pipeline/Responses", [.. Adapters, .. Hosts] },
        { "functions/Listening.Pipeline/Reports", [.. Adapters, .. Hosts] },
        { "functions/Listening.Pipeline/Channels", [.. Adapters, .. Hosts] },
        { "functions/Listening.Pipeline/Access", [.. Adapters, .. Hosts] },
        { "functions/Listening.Pipeline/Erasure", [.. Adapters, .. Hosts] },
        { "functions/Listening.Pipeline/Alerts", [.. Adapters, .. Hosts] },
        { "functions/Listening.Pipeline", Hosts },
        { "functions/Listening.FunctionApp", ["Listening.Local", "Listening.Cli", "Listening.Storage.Sqlite", "Listening.Queues.Sqlite", "Microsoft.Data.Sqlite", "Cronos"] },
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public void A_folder_uses_nothing_it_must_never_use(string folder, string[] forbidden)
    {
        var root = RepoRoot.Combine(folder.Split('/'));
        var violations = new List<string>();
        foreach (var file in Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}")))
        {
            var code = StripComments(File.ReadAllText(file));
            foreach (var name in forbidden)
                if (Regex.IsMatch(code, $@"(?<![\w.]){Regex.Escape(name)}(?![\w])"))
                    violations.Add($"{Path.GetRelativePath(RepoRoot.Path, file)} uses {name}");
        }
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    [Fact]
    public void The_domain_assembly_references_no_storage_queue_web_or_host_library()
    {
        var references = typeof(Listening.Core.Feedback.FeedbackItem).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.DoesNotContain(references, r => r.StartsWith("Microsoft.Data.Sqlite", StringComparison.Ordinal) || r.StartsWith("Microsoft.Azure", StringComparison.Ordinal)
            || r.StartsWith("Azure.", StringComparison.Ordinal) || r.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal)
            || r.StartsWith("Microsoft.Extensions.Hosting", StringComparison.Ordinal) || r.StartsWith("Listening", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void The_shared_library_references_neither_host_and_the_function_app_not_the_local_one()
    {
        var pipeline = typeof(Listening.Pipeline.PipelineJobs).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.DoesNotContain("listening", pipeline);
        Assert.DoesNotContain(pipeline, r => r.StartsWith("Microsoft.Azure.Functions", StringComparison.Ordinal) || r == "Listening.FunctionApp");
        var functionApp = typeof(FunctionApp::Listening.FunctionApp.Functions.Stages).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.DoesNotContain("listening", functionApp);
        Assert.Contains("Listening.Pipeline", functionApp);
    }

    private static string StripComments(string code) =>
        Regex.Replace(code, @"//[^\n]*|/\*.*?\*/", "", RegexOptions.Singleline);
}
