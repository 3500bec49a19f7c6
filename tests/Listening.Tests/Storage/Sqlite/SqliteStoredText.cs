using Listening.Storage.Sqlite;

namespace Listening.Tests.Stores.Sqlite;

/// <summary>Every text value in every table of the local SQLite file, read through SQLite ("table: value"), for scans
/// for personal data after an erasure.</summary>
public static class SqliteStoredText
{
    public static Task<List<string>> AllAsync(SqliteDatabase database) => database.ReadAsync(c =>
    {
        var texts = new List<string>();
        var tables = new List<string>();
        using (var list = c.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";
            using var r = list.ExecuteReader();
            while (r.Read()) tables.Add(r.GetString(0));
        }
        foreach (var table in tables)
        {
            using var select = c.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\"";
            using var r = select.ExecuteReader();
            while (r.Read())
                for (var i = 0; i < r.FieldCount; i++)
                    if (!r.IsDBNull(i) && r.GetValue(i) is string s) texts.Add($"{table}: {s}");
        }
        return texts;
    });
}
