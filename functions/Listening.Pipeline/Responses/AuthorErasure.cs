using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Listening.Core.Channels.Social;
using Listening.Core.Feedback;
using Listening.Ingest;

namespace Listening.Responses;

/// <summary>
/// What erasing an author does to a stored feedback document, the same on every store: the <c>author</c> object goes,
/// and the author's name, handle and e-mail are masked wherever the text repeats them.
/// </summary>
public static class AuthorErasure
{
    public const string Mark = "[erased]";

    /// <summary>The name, handle and e-mail of the document's author, to look for in the free text of all their documents.</summary>
    public static void CollectSecrets(JsonObject document, ISet<string> secrets)
    {
        if (document["author"] is not JsonObject author) return;
        foreach (var field in new[] { "name", "handle", "email" })
            if (author[field]?.GetValue<string>() is { } value && value.Trim() is { Length: > 1 } trimmed) secrets.Add(trimmed);
    }

    /// <summary>
    /// The ids of the ingest spam-check history documents of the document's author (<see cref="SpamHistoryDocument"/>):
    /// hashes only, but still a record kept per person, so erasure deletes them too.
    /// </summary>
    public static void CollectSpamHistoryIds(JsonObject document, ISet<string> ids)
    {
        if (document["author"] is not JsonObject author) return;
        string? Field(string name) => author[name]?.GetValue<string>();
        if (SpamFilter.AuthorKey(new Author(Field("id"), Field("name"), Field("handle"), Field("email"))) is { } key)
            ids.Add(SpamHistoryDocument.IdOf(key));
    }

    /// <summary>Drops <c>author</c> from the document and masks <paramref name="secrets"/> in its text.</summary>
    public static void Erase(JsonObject document, IEnumerable<string> secrets)
    {
        document.Remove("author");
        if (document["text"]?.GetValue<string>() is { } text) document["text"] = Mask(text, secrets);
    }

    public static string Mask(string text, IEnumerable<string> secrets) =>
        secrets.OrderByDescending(s => s.Length).Aggregate(text, (t, s) =>
            Regex.Replace(t, @"(?<![\p{L}\p{N}])" + Regex.Escape(s) + @"(?![\p{L}\p{N}])", Mark, RegexOptions.IgnoreCase));
}
