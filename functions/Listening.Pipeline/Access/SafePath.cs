namespace Listening.Access;

/// <summary>
/// Defence in depth for every file the pipeline names after data: the file name must be a single safe name (no separator,
/// no <c>..</c>, no control character, no Windows device name), and the canonical full path must still lie inside the
/// directory — so even an id that slipped past validation can never write outside its folder.
/// </summary>
public static class SafePath
{
    /// <summary>The full path of <paramref name="fileName"/> inside <paramref name="directory"/>, or null when it would not be there.</summary>
    public static string? InDirectory(string directory, string fileName)
    {
        if (string.IsNullOrEmpty(fileName) || fileName.Length > 200 || fileName is "." or ".." || fileName.Contains("..", StringComparison.Ordinal)
            || fileName.IndexOfAny(['/', '\\', ':', '\0']) >= 0 || fileName.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0
            || Core.Feedback.Identifiers.HasControl(fileName, allowLineBreaks: false) || Core.Feedback.Identifiers.IsReservedDeviceName(fileName)
            || fileName.EndsWith('.') || fileName.EndsWith(' '))
            return null;
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory)) + Path.DirectorySeparatorChar;
        var path = Path.GetFullPath(Path.Combine(root, fileName));
        return path.StartsWith(root, OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal)
               && Path.GetDirectoryName(path) + Path.DirectorySeparatorChar == root
            ? path : null;
    }
}
