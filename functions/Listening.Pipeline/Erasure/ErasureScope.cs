using System.Text.Json;
using System.Text.Json.Nodes;
using Listening.Core.Feedback;

namespace Listening.Erasure;

/// <summary>
/// Who one erasure reaches and what it must remove, found from the identifiers it was asked for: every item carrying any of
/// them, then every item carrying any identifier of those items (the same person's e-mail on one item and handle on another,
/// linked by a third that has both), until nothing new turns up. The result is the items, every identifier found (their
/// tombstone keys), the author ids (ledger, outbox, decisions), the spam-history documents and the clear details to mask.
/// </summary>
public sealed class ErasureScope
{
    private const int MaxRounds = 16;

    public PersonalDetails Details { get; } = new();
    public HashSet<string> TombstoneKeys { get; } = new(StringComparer.Ordinal);
    public HashSet<string> AuthorIds { get; } = new(StringComparer.Ordinal);
    public HashSet<string> SpamKeys { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, JsonObject> Items { get; } = new(StringComparer.Ordinal);
    public List<PersonalIdentifier> Identifiers { get; } = [];

    /// <summary>
    /// Expands <paramref name="start"/> through the store: <paramref name="find"/> answers the feedback documents indexed under
    /// any of the given keys or whose <c>author.id</c> is one of the given ids (documents written before the index).
    /// </summary>
    public static async Task<ErasureScope> ResolveAsync(IEnumerable<PersonalIdentifier> start, PersonKeys keys,
        Func<IReadOnlyCollection<string>, IReadOnlyCollection<string>, Task<IReadOnlyList<JsonObject>>> find)
    {
        var scope = new ErasureScope();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var frontier = start.Where(i => seen.Add(i.Canonical)).ToList();
        for (var round = 0; round < MaxRounds && frontier.Count > 0; round++)
        {
            foreach (var identifier in frontier) scope.Note(identifier, keys);
            var documents = await find(frontier.Select(keys.Keys.KeyOf).ToList(),
                frontier.Where(i => i.Kind == IdentifierKind.AuthorId).Select(i => i.Value).ToList());
            var next = new List<PersonalIdentifier>();
            foreach (var document in documents)
            {
                if (document["id"]?.GetValue<string>() is not { } id || !scope.Items.TryAdd(id, document)) continue;
                if (AuthorOf(document) is not { } author) continue;
                scope.Details.Add(author);
                if (keys.SpamKey(author) is { } spam) scope.SpamKeys.Add(spam);
                var source = document["source"]?.GetValue<string>() ?? "";
                // Linked through the item: its own identifiers, and its handle on every platform — an erasure would rather
                // mask a namesake's item on another network than leave one of the person's behind.
                next.AddRange(PersonalIdentifier.Of(author, source).Where(i => seen.Add(i.Canonical)));
                if (PersonalIdentifier.Handle(author.Handle, PersonalIdentifier.AnyPlatform) is { } anywhere && seen.Add(anywhere.Canonical)) next.Add(anywhere);
            }
            frontier = next;
        }
        foreach (var key in scope.SpamKeys) scope.TombstoneKeys.Add(key);
        foreach (var id in scope.Items.Keys) scope.TombstoneKeys.Add(keys.ItemKey(id));
        // Names never find a person, but an item of theirs still in flight gets its text masked by them.
        foreach (var name in scope.Details.NameIdentifiers()) scope.TombstoneKeys.Add(keys.Keys.KeyOf(name));
        return scope;
    }

    private void Note(PersonalIdentifier identifier, PersonKeys keys)
    {
        Identifiers.Add(identifier);
        Details.Add(identifier);
        if (identifier.Kind == IdentifierKind.AuthorId) AuthorIds.Add(identifier.Value);
        foreach (var key in keys.TombstoneKeys(identifier)) TombstoneKeys.Add(key);
        if (identifier.Kind is IdentifierKind.Email or IdentifierKind.Handle or IdentifierKind.AuthorId
            && keys.SpamKey(new Author(Id: identifier.Value)) is { } spam)
            SpamKeys.Add(spam);
    }

    /// <summary>The author of a stored feedback document or message body.</summary>
    public static Author? AuthorOf(JsonObject document)
    {
        if (document["author"] is not JsonObject author) return null;
        string? Field(string name) => author[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        return new Author(Field("id"), Field("name"), Field("handle"), Field("email"), Field("phone"));
    }

    public static JsonObject? Parse(string json)
    {
        try { return JsonNode.Parse(json) as JsonObject; }
        catch (JsonException) { return null; }
    }
}
