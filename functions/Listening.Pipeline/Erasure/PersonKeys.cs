using Listening.Access;
using Listening.Core.Channels.Social;
using Listening.Core.Feedback;

namespace Listening.Erasure;

/// <summary>
/// The keyed hashes (<see cref="ListeningKeys.KeyOf"/>) under which a person's items are indexed and a person's erasure is
/// recorded: one per identifier (author id, e-mail, phone, handle on the item's platform, and the handle "on any platform"),
/// plus the key of their ingest spam history. Nothing in the index or in a tombstone is readable without the deployment's key.
/// </summary>
public sealed class PersonKeys(ListeningKeys keys)
{
    public ListeningKeys Keys => keys;

    /// <summary>The tombstone of an item of an erased person: a response decided after the erasure sends nothing for it, even
    /// where the item no longer names anyone (a public reply on the platform would still answer the person).</summary>
    public string ItemKey(string itemId) => keys.ItemKey(itemId);

    /// <summary>What an item is indexed by and checked against at every stage: its author's identifiers, the handle also
    /// under "any platform" (an erasure request naming a handle without its platform reaches it).</summary>
    public IReadOnlyList<string> IndexKeys(FeedbackItem item) => IndexKeys(item.Author, item.Source);

    public IReadOnlyList<string> IndexKeys(Author? author, string source)
    {
        if (author is null) return [];
        var identifiers = PersonalIdentifier.Of(author, source).ToList();
        if (PersonalIdentifier.Handle(author.Handle, PersonalIdentifier.AnyPlatform) is { } anywhere) identifiers.Add(anywhere);
        return identifiers.Select(keys.KeyOf).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>The tombstone keys of an identifier: its own, and the spam-history key of the same value.</summary>
    public IEnumerable<string> TombstoneKeys(PersonalIdentifier identifier)
    {
        yield return keys.KeyOf(identifier);
        if (identifier.Kind is IdentifierKind.Email or IdentifierKind.Handle or IdentifierKind.AuthorId
            && SpamFilter.AuthorKey(new Author(Id: identifier.Value)) is { } spamKey)
            yield return keys.SpamKey(spamKey);
    }

    /// <summary>The key of an author's ingest spam history (null without a handle, e-mail or id).</summary>
    public string? SpamKey(Author? author) => SpamFilter.AuthorKey(author) is { } key ? keys.SpamKey(key) : null;

    /// <summary>The words of the item that could be one of its author's identifiers, with their keys (for <see cref="ErasureGuard.Erase"/>).</summary>
    public IReadOnlyList<(string Word, IReadOnlyList<string> Keys)> Candidates(Pipeline.FeedbackRecord record) =>
        PersonalDetails.Candidates($"{record.Item.Text}\n{record.Item.Url}", record.Item.Source)
            .Select(c => (c.Word, (IReadOnlyList<string>)c.Identifiers.Select(keys.KeyOf).ToList())).ToList();

}
