namespace Listening.Ml.Prediction;

/// <summary>Where `listening` finds a file the repository ships (a model, the factor detector) when no path is given.</summary>
public static class ShippedFile
{
    /// <summary>
    /// <paramref name="besideExe"/> next to the executable (the build copies it there), else <paramref name="inRepository"/>
    /// (a path under the repository root) in the current directory or one of its parents; the first when neither exists.
    /// </summary>
    public static string Find(string besideExe, string inRepository)
    {
        var copied = Path.Combine(AppContext.BaseDirectory, besideExe);
        if (File.Exists(copied)) return copied;
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, inRepository);
            if (File.Exists(candidate)) return candidate;
        }
        return copied;
    }
}
