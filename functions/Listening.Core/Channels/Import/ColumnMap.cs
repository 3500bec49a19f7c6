namespace Listening.Core.Channels.Import;

/// <summary>
/// Which CSV column feeds which feedback field. Columns are found by common header names
/// (text/review/comment…, rating/stars…, date…, author…) unless mapped explicitly, e.g. from
/// <c>--map text=Kommentar --map rating=Sterne</c> or configuration <c>Channels:Import:Columns</c>.
/// </summary>
public sealed class ColumnMap
{
    public static readonly IReadOnlyDictionary<string, string[]> KnownNames = new Dictionary<string, string[]>
    {
        ["text"] = ["text", "review", "review_text", "comment", "comments", "feedback", "body", "content", "message", "отзыв", "текст", "комментарий"],
        ["externalId"] = ["id", "external_id", "externalid", "review_id", "reviewid", "response_id"],
        ["brand"] = ["brand", "бренд"],
        ["competitorOf"] = ["competitor_of", "competitorof"],
        ["rating"] = ["rating", "stars", "star_rating", "score", "оценка", "рейтинг"],
        ["nps"] = ["nps", "recommend", "likelihood_to_recommend"],
        ["author"] = ["author", "name", "author_name", "user", "username", "reviewer", "автор", "имя"],
        ["email"] = ["email", "e-mail", "author_email"],
        ["handle"] = ["handle", "author_handle", "screen_name"],
        ["createdAt"] = ["date", "created_at", "createdat", "time", "timestamp", "published", "дата"],
        ["url"] = ["url", "link", "permalink"],
        ["source"] = ["source", "site", "platform", "network"],
        ["kind"] = ["kind", "type"],
        ["lang"] = ["lang", "language"],
        ["channel"] = ["channel", "touchpoint"],
    };

    private readonly Dictionary<string, int> _index = new(StringComparer.OrdinalIgnoreCase);

    private ColumnMap() { }

    public int? this[string field] => _index.TryGetValue(field, out var i) ? i : null;

    public int Width { get; private init; }

    /// <summary>Builds the map from a header row; explicit mappings are field → header name (or 1-based column number).</summary>
    public static ColumnMap FromHeader(IReadOnlyList<string> header, IReadOnlyDictionary<string, string>? explicitMap, out string? error)
    {
        var map = new ColumnMap { Width = header.Count };
        var names = header.Select(h => h.Trim().TrimStart('\uFEFF')).ToList();
        foreach (var (field, aliases) in KnownNames)
        {
            var i = names.FindIndex(n => aliases.Contains(n, StringComparer.OrdinalIgnoreCase));
            if (i >= 0) map._index[field] = i;
        }
        foreach (var (field, column) in explicitMap ?? new Dictionary<string, string>())
        {
            var known = KnownNames.Keys.FirstOrDefault(k => string.Equals(k, field, StringComparison.OrdinalIgnoreCase));
            if (known is null) { error = $"unknown field '{field}' in the column map (known: {string.Join(", ", KnownNames.Keys)})"; return map; }
            var i = int.TryParse(column, out var n) && n >= 1 && n <= names.Count ? n - 1
                : names.FindIndex(h => string.Equals(h, column, StringComparison.OrdinalIgnoreCase));
            if (i < 0) { error = $"column '{column}' (for {field}) is not in the header"; return map; }
            map._index[known] = i;
        }
        error = map["text"] is null ? $"no text column: map one with text=<column> (header: {string.Join(", ", names)})" : null;
        return map;
    }
}
