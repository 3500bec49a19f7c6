using Microsoft.Win32.SafeHandles;

namespace Listening.Storage.Sqlite;

/// <summary>
/// The process's one open descriptor of a database file, shared by every <see cref="SqliteDatabase"/> on that file and
/// closed with the last of them. Closing any descriptor of a file drops every POSIX lock the process holds on it, SQLite's
/// included: with a descriptor each, disposing one database would drop the shared lock another on the same file still
/// holds, and a process that then opened and closed the file would take itself for the WAL's last user, checkpoint it and
/// delete it under the live one. Keyed by the full path (one file reached by two paths, through a link, would get two).
/// </summary>
internal sealed class DatabaseFileHandle
{
    private static readonly Dictionary<string, DatabaseFileHandle> ByPath = new(StringComparer.Ordinal);
    private static readonly Lock Turn = new();
    private readonly string path;
    private int users;

    private DatabaseFileHandle(string path, SafeFileHandle handle)
    {
        this.path = path;
        Handle = handle;
    }

    /// <summary>Read-only: for <see cref="RandomAccess.FlushToDisk"/>.</summary>
    public SafeFileHandle Handle { get; }

    /// <summary>How many databases in this process hold <paramref name="path"/>'s descriptor (for tests).</summary>
    internal static int UsersOf(string path)
    {
        lock (Turn) return ByPath.TryGetValue(Path.GetFullPath(path), out var shared) ? shared.users : 0;
    }

    public static DatabaseFileHandle Acquire(string path)
    {
        var full = Path.GetFullPath(path);
        lock (Turn)
        {
            if (!ByPath.TryGetValue(full, out var shared))
            {
                shared = new DatabaseFileHandle(full, File.OpenHandle(full, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete));
                ByPath.Add(full, shared);
            }
            shared.users++;
            return shared;
        }
    }

    /// <summary>Closes the descriptor when no other database in the process holds it.</summary>
    public void Release()
    {
        lock (Turn)
        {
            if (--users > 0) return;
            ByPath.Remove(path);
            Handle.Dispose();
        }
    }
}
