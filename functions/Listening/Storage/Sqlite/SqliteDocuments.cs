using Microsoft.Data.Sqlite;

namespace Listening.Storage.Sqlite;

/// <summary>Documents by container and id: the local stand-in for Cosmos DB (upsert = what the output binding does).</summary>
public static class SqliteDocuments
{
    public static void Upsert(SqliteTransaction tx, string container, string id, string json)
    {
        using var command = tx.Command("""
            INSERT INTO documents(container, id, body) VALUES ($c, $id, $body)
            ON CONFLICT(container, id) DO UPDATE SET body = excluded.body
            """).With("$c", container).With("$id", id).With("$body", json);
        command.ExecuteNonQuery();
    }

    /// <summary>Inserts unless present; returns the stored body either way.</summary>
    public static string InsertIfAbsent(SqliteTransaction tx, string container, string id, string json)
    {
        using (var insert = tx.Command("INSERT INTO documents(container, id, body) VALUES ($c, $id, $body) ON CONFLICT(container, id) DO NOTHING")
                   .With("$c", container).With("$id", id).With("$body", json))
        {
            if (insert.ExecuteNonQuery() == 1) return json;
        }
        using var select = tx.Command("SELECT body FROM documents WHERE container = $c AND id = $id").With("$c", container).With("$id", id);
        return (string)select.ExecuteScalar()!;
    }

    public static string? Get(SqliteConnection connection, string container, string id)
    {
        using var command = connection.Command("SELECT body FROM documents WHERE container = $c AND id = $id").With("$c", container).With("$id", id);
        return command.ExecuteScalar() as string;
    }
}
