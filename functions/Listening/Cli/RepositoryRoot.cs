namespace Listening.Cli;

/// <summary>The repository a command runs in (for the bundled samples and the reports folder): the nearest folder
/// above the working directory, else above the executable, that holds host.json and samples/.</summary>
internal static class RepositoryRoot
{
    public static string Find()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "host.json")) && Directory.Exists(Path.Combine(dir.FullName, "samples")))
                    return dir.FullName;
        }
        return Directory.GetCurrentDirectory();
    }
}
