using Listening.Core.Feedback;
using Microsoft.Data.Sqlite;

namespace Listening.Storage.Sqlite;

/// <summary>Documents by container and id: the local stand-in for Cosmos DB (upsert = what the output binding does).</summary>
public static class SqliteDocuments
{
    /// <remarks>An id's brand, competitor and creation time never change, so an update leaves their indexes alone.</remarks>
    public static void Upsert(SqliteTransaction tx, string container, string id, string json, DocumentIndex index)
    {
        var command = tx.Command("""
            INSERT INTO documents(container, id, body, brand, competitor_of, created_unix, stage) VALUES ($c, $id, $body, $b, $co, $t, $s)
            ON CONFLICT(container, id) DO UPDATE SET body = excluded.body, stage = excluded.stage
            """).With("$c", container).With("$id", id).With("$body", json);
        index.Bind(command).ExecuteNonQuery();
    }

    /// <summary><see cref="Upsert"/>, except over a stored document whose stage is <paramref name="skip1"/> or <paramref name="skip2"/>:
    /// then nothing is written and false returned.</summary>
    public static bool UpsertUnless(SqliteTransaction tx, string container, string id, string json, DocumentIndex index, string skip1, string skip2)
    {
        var command = tx.Command("""
            INSERT INTO documents(container, id, body, brand, competitor_of, created_unix, stage) VALUES ($c, $id, $body, $b, $co, $t, $s)
            ON CONFLICT(container, id) DO UPDATE SET body = excluded.body, stage = excluded.stage
            WHERE coalesce(documents.stage, '') NOT IN ($k1, $k2)
            """).With("$c", container).With("$id", id).With("$body", json).With("$k1", skip1).With("$k2", skip2);
        return index.Bind(command).ExecuteNonQuery() == 1;
    }

    /// <summary>Inserts unless present; returns the stored body either way.</summary>
    public static string InsertIfAbsent(SqliteTransaction tx, string container, string id, string json, DocumentIndex index)
    {
        var insert = tx.Command("""
            INSERT INTO documents(container, id, body, brand, competitor_of, created_unix, stage) VALUES ($c, $id, $body, $b, $co, $t, $s)
            ON CONFLICT(container, id) DO NOTHING
            """).With("$c", container).With("$id", id).With("$body", json);
        return index.Bind(insert).ExecuteNonQuery() == 1 ? json : Get(tx, container, id)!;
    }

    public static string? Get(SqliteTransaction tx, string container, string id) =>
        tx.Command("SELECT body FROM documents WHERE container = $c AND id = $id").With("$c", container).With("$id", id).ExecuteScalar() as string;

    public static string? Get(SqliteConnection connection, string container, string id)
    {
        var command = connection.Command("SELECT body FROM documents WHERE container = $c AND id = $id").With("$c", container).With("$id", id);
        return command.ExecuteScalar() as string;
    }
}

/// <summary>The document fields the local store indexes (<c>brand</c>, <c>competitorOf</c>, <c>createdAt</c>, <c>stage</c>),
/// taken from the document when it is written. Brands are indexed by their <see cref="BrandKey"/>, so a query for a
/// brand finds it whatever case it was written in; the document keeps the name as given.</summary>
public readonly record struct DocumentIndex(string? Brand, string? CompetitorOf, double? CreatedUnix, string? Stage)
{
    public static DocumentIndex Of(System.Text.Json.Nodes.JsonNode document)
    {
        string? Text(string name) => document[name] is System.Text.Json.Nodes.JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        double? created = Text("createdAt") is { } c && DateTimeOffset.TryParse(c, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var at)
            ? Unix(at) : null;
        return new DocumentIndex(Text("brand"), Text("competitorOf"), created, Text("stage"));
    }

    public static double Unix(DateTimeOffset at) => at.ToUnixTimeMilliseconds() / 1000.0;

    internal SqliteCommand Bind(SqliteCommand command) =>
        command.With("$b", Brand is null ? null : BrandKey.Of(Brand)).With("$co", CompetitorOf is null ? null : BrandKey.Of(CompetitorOf)).With("$t", CreatedUnix).With("$s", Stage);
}
