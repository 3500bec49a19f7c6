using System.Text.Json;
using System.Text.Json.Serialization;
using Listening.Core.Factors;
using Listening.Core.Sentiment;

namespace Listening.Core.Feedback;

/// <summary>
/// The canonical JSON shape of a feedback item (ingest body, JSON Lines files, `listening report`
/// input). Unknown fields are ignored. Scores are optional: present once an item has been scored.
/// </summary>
public sealed class FeedbackItemDto
{
    public string? Id { get; set; }
    public string? Kind { get; set; }
    public string? Source { get; set; }
    public string? Channel { get; set; }
    public string? Brand { get; set; }
    public string? CompetitorOf { get; set; }
    public string? ExternalId { get; set; }
    public string? Text { get; set; }
    public int? Rating { get; set; }
    public int? Nps { get; set; }
    public AuthorDto? Author { get; set; }
    public string? Url { get; set; }
    public string? Lang { get; set; }
    public DateTimeOffset? CreatedAt { get; set; }
    public DateTimeOffset? ReceivedAt { get; set; }
    public SentimentDto? Sentiment { get; set; }
    public List<FactorMentionDto>? Factors { get; set; }
    /// <summary>
    /// The rules' mentions the learned detector dropped (<see cref="FeedbackScores.Dropped"/>), apart from <see cref="Factors"/>
    /// so that a reader that does not know them (an older build) counts none of them. Absent when nothing was dropped
    /// and on items stored before they were kept, which read as nothing dropped.
    /// </summary>
    public List<FactorMentionDto>? DroppedFactors { get; set; }
    /// <summary>Why the item is spam (links-only, flood); null when it is not.</summary>
    public string? Spam { get; set; }

    public const int MaxTextLength = 20_000;
    public const int MaxExternalIdLength = 256, MaxNameLength = 200, MaxHandleLength = 100, MaxEmailLength = 254, MaxPhoneLength = 32,
        MaxUrlLength = 2048, MaxLangLength = 16, MaxFactors = 200, MaxFactorLength = 64, MaxSpamLength = 32;

    /// <summary>The source of every item an open caller posts (<see cref="IngestTrust.Open"/>).</summary>
    public const string OpenSource = "api";

    /// <summary>
    /// Field → problems; empty when the item is valid. Every string has a length limit; identifiers (source, channel, id,
    /// author id) a strict character set (<see cref="Identifiers"/>); no field may hold a control character (free text may
    /// hold tab and line breaks); the url must be an absolute http(s) (or, for imported files, file) address — never <c>javascript:</c> and the like.
    /// </summary>
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        void Add(string field, string problem) => errors[field] = errors.TryGetValue(field, out var p) ? [.. p, problem] : [problem];
        void Limit(string field, string value, int max)
        {
            if (value.Length > max) Add(field, $"{field} is longer than {max} characters");
            else if (Identifiers.HasControl(value, allowLineBreaks: false)) Add(field, $"{field} contains a control character");
        }

        if (string.IsNullOrWhiteSpace(Text)) Add("text", "text is required and must not be blank");
        else if (Text.Length > MaxTextLength) Add("text", $"text is longer than {MaxTextLength} characters");
        else if (Identifiers.HasControl(Text, allowLineBreaks: true)) Add("text", "text contains a control character");
        if (string.IsNullOrWhiteSpace(Brand)) Add("brand", "brand is required");
        else if (!Identifiers.IsBrand(Brand)) Add("brand", BrandProblem(Brand));
        if (Kind is not null && (!Enum.TryParse<FeedbackKind>(Kind, ignoreCase: true, out _) || !Kind.All(char.IsAsciiLetter)))
            Add("kind", "kind must be one of review, mention, survey");
        if (Rating is < 1 or > 5) Add("rating", "rating must be between 1 and 5");
        if (Nps is < 0 or > 10) Add("nps", "nps must be between 0 and 10");
        if (Source is not null && !Identifiers.IsSource(Source.Trim().ToLowerInvariant()))
            Add("source", Source.Length > Identifiers.MaxSourceLength ? $"source is longer than {Identifiers.MaxSourceLength} characters" : NameRule("source"));
        if (Channel is not null && !Identifiers.IsSource(Channel.Trim().ToLowerInvariant())) Add("channel", NameRule("channel"));
        if (Id is not null && !Identifiers.IsId(Id)) Add("id", IdRule("id"));
        if (!string.IsNullOrWhiteSpace(CompetitorOf) && !Identifiers.IsBrand(CompetitorOf)) Add("competitorOf", BrandProblem(CompetitorOf));
        if (ExternalId is not null) Limit("externalId", ExternalId, MaxExternalIdLength);
        if (Url is not null)
        {
            if (Url.Length > MaxUrlLength) Add("url", $"url is longer than {MaxUrlLength} characters");
            else if (Identifiers.HasControl(Url, allowLineBreaks: false) || !Uri.TryCreate(Url, UriKind.Absolute, out var uri)
                     || uri.Scheme is not ("http" or "https" or "file"))
                Add("url", "url must be an absolute http, https or file address");
        }
        if (Lang is not null && (Lang.Length > MaxLangLength || !LanguageTag(Lang))) Add("lang", "lang must be a language tag such as ru, en or pt-BR");
        if (Spam is not null && (Spam.Length > MaxSpamLength || !Identifiers.IsSource(Spam))) Add("spam", "spam must be a short reason such as links-only or flood");
        if (Author is { } author)
        {
            if (author.Id is not null && !Identifiers.IsId(author.Id)) Add("author.id", IdRule("author.id"));
            if (author.Name is not null) Limit("author.name", author.Name, MaxNameLength);
            if (author.Handle is not null)
            {
                Limit("author.handle", author.Handle, MaxHandleLength);
                if (author.Handle.Trim().TrimStart('@').Length == 0) Add("author.handle", "author.handle is blank");
            }
            if (author.Email is not null)
            {
                Limit("author.email", author.Email, MaxEmailLength);
                if (PersonalIdentifier.EmailAddress(author.Email) is null) Add("author.email", "author.email must be an e-mail address");
            }
            if (author.Phone is not null && (author.Phone.Length > MaxPhoneLength || PersonalIdentifier.NormalizePhone(author.Phone) is null
                                             || author.Phone.Any(c => !(char.IsAsciiDigit(c) || c is '+' or '(' or ')' or '-' or '.' or ' '))))
                Add("author.phone", "author.phone must be a phone number: 5–15 digits, with + ( ) - . and spaces");
        }
        if (Sentiment is { } sentiment && (sentiment.Label is not { Length: > 0 and <= 16 } || !sentiment.Label.All(char.IsAsciiLetter)))
            Add("sentiment.label", "sentiment.label must be negative, neutral or positive");
        foreach (var (field, list) in new[] { ("factors", Factors), ("droppedFactors", DroppedFactors) })
        {
            if (list is not { } factors) continue;
            if (factors.Count > MaxFactors) Add(field, $"at most {MaxFactors} factors");
            else if (factors.Any(f => f is null || f.Factor is not { Length: > 0 and <= MaxFactorLength } || Identifiers.HasControl(f.Factor, false)
                                      || f.Label is not { Length: > 0 and <= 16 }))
                Add(field, $"each factor needs a name of at most {MaxFactorLength} characters and a label");
        }
        return errors;
    }

    /// <summary>
    /// The fields only a trusted sender may set (<see cref="IngestTrust.Trusted"/>): field → why not. An open caller may not
    /// name the item id, a source other than <c>api</c>, or an author's account id — what would let it take the id a signed
    /// webhook delivery will get, or use up another person's points.
    /// </summary>
    public Dictionary<string, string[]> TrustedOnlyFields()
    {
        var errors = new Dictionary<string, string[]>();
        if (Id is not null) errors["id"] = ["only a trusted sender may set the item id; it is derived from the source and externalId"];
        if (Source is not null && !string.Equals(Source.Trim(), OpenSource, StringComparison.OrdinalIgnoreCase))
            errors["source"] = [$"only a trusted sender (webhooks, import, a key with the trusted-ingest role) may name the source; items posted with this key are source '{OpenSource}'"];
        if (Author?.Id is not null) errors["author.id"] = ["only a trusted sender may set author.id; it is derived from the handle, e-mail or phone"];
        return errors;
    }

    private static string NameRule(string field) => $"{field} must be 1–64 of a-z 0-9 . _ - (starting with a letter or digit)";

    private static string IdRule(string field) => $"{field} must be 1–128 of A-Z a-z 0-9 . _ - (starting with a letter or digit, not a device name)";

    private static string BrandProblem(string brand) =>
        brand.Length > Identifiers.MaxBrandLength ? $"the brand is longer than {Identifiers.MaxBrandLength} characters"
            : "the brand must not contain control characters or any of / \\ ? # |, nor be a device name";

    private static bool LanguageTag(string lang)
    {
        var parts = lang.Split('-', '_');
        return parts[0].Length is 2 or 3 && parts[0].All(char.IsAsciiLetter) && parts.Skip(1).All(p => p.Length is > 0 and <= 8 && p.All(char.IsAsciiLetterOrDigit));
    }

    /// <summary>Maps a validated DTO to the domain item; <paramref name="now"/> fills a missing createdAt. Keeps a given id and
    /// author id and derives missing ones without a key: for what the pipeline wrote itself (a stored document, a queue
    /// message) and offline files (<c>listening report --in</c>) — never for what a client sends to ingest.</summary>
    public FeedbackItem ToItem(DateTimeOffset now)
    {
        var source = string.IsNullOrWhiteSpace(Source) ? OpenSource : Source.Trim().ToLowerInvariant();
        var brand = Brand!.Trim();
        var text = Text!.Trim();
        var id = string.IsNullOrWhiteSpace(Id) ? FeedbackIds.Derive(source, ExternalId, brand, text) : Id.Trim();
        Author? author = null;
        if (Author is not null)
        {
            var handle = Author.Handle ?? Author.Email ?? Author.Phone;
            var authorId = Author.Id ?? (handle is null ? null : FeedbackIds.DeriveAuthorId(source, handle));
            author = new Author(authorId, Author.Name, Author.Handle, Author.Email, Author.Phone);
        }
        return Build(id, source, brand, text, author, ExternalId, now);
    }

    /// <summary>
    /// Maps a validated DTO from a sender to the domain item, ids derived under the deployment's key (<see cref="FeedbackIdKey"/>)
    /// in the namespace of <paramref name="trust"/>: a trusted sender's own item id (if it gave one, validated) and author
    /// account id are kept; an open caller's items are source <c>api</c> and every id is derived.
    /// </summary>
    public FeedbackItem ToItem(DateTimeOffset now, FeedbackIdKey ids, IngestTrust trust)
    {
        var trusted = trust == IngestTrust.Trusted;
        var source = !trusted || string.IsNullOrWhiteSpace(Source) ? OpenSource : Source.Trim().ToLowerInvariant();
        var brand = Brand!.Trim();
        var text = Text!.Trim();
        var externalId = string.IsNullOrWhiteSpace(ExternalId) ? null : ExternalId.Trim();
        var id = trusted && !string.IsNullOrWhiteSpace(Id) ? Id.Trim() : ids.ItemId(trust, source, externalId, brand, text);
        Author? author = null;
        if (Author is not null)
        {
            var email = PersonalIdentifier.EmailAddress(Author.Email);
            var handle = string.IsNullOrWhiteSpace(Author.Handle) ? null : Author.Handle.Trim();
            var phone = string.IsNullOrWhiteSpace(Author.Phone) ? null : Author.Phone.Trim();
            var contact = handle ?? email ?? PersonalIdentifier.NormalizePhone(phone);
            var authorId = trusted && !string.IsNullOrWhiteSpace(Author.Id) ? Author.Id.Trim()
                : contact is null ? null : ids.AuthorId(trust, source, contact);
            author = new Author(authorId, string.IsNullOrWhiteSpace(Author.Name) ? null : Author.Name.Trim(), handle, email, phone);
        }
        return Build(id, source, brand, text, author, externalId, now);
    }

    private FeedbackItem Build(string id, string source, string brand, string text, Author? author, string? externalId, DateTimeOffset now)
    {
        var kind = Kind is null ? FeedbackKind.Review : Enum.Parse<FeedbackKind>(Kind, ignoreCase: true);
        return new FeedbackItem(id, kind, source, brand, text, CreatedAt ?? now, Rating, Nps, author,
            externalId, string.IsNullOrWhiteSpace(CompetitorOf) ? null : CompetitorOf.Trim(),
            Channel?.Trim().ToLowerInvariant(), Url, Lang, ReceivedAt ?? now, Spam);
    }

    public static FeedbackItemDto From(FeedbackItem item, FeedbackScores? scores = null) => new()
    {
        Id = item.Id,
        Kind = item.Kind.ToString().ToLowerInvariant(),
        Source = item.Source,
        Channel = item.Channel,
        Brand = item.Brand,
        CompetitorOf = item.CompetitorOf,
        ExternalId = item.ExternalId,
        Text = item.Text,
        Rating = item.Rating,
        Nps = item.Nps,
        Author = item.Author is null ? null : new AuthorDto(item.Author.Id, item.Author.Name, item.Author.Handle, item.Author.Email, item.Author.Phone),
        Url = item.Url,
        Lang = scores?.Language ?? item.Language,
        CreatedAt = item.CreatedAt,
        ReceivedAt = item.ReceivedAt,
        Sentiment = scores is null ? null : SentimentDto.From(scores.Sentiment, scores.Mixed, scores.Clauses),
        Factors = scores?.Factors.Select(FactorMentionDto.From).ToList(),
        DroppedFactors = scores?.Dropped is { Count: > 0 } dropped ? dropped.Select(FactorMentionDto.From).ToList() : null,
        Spam = item.Spam,
    };

    /// <summary>Scores carried by the DTO, when it has them (a file of already-scored items).</summary>
    public FeedbackScores? ToScores() => Sentiment is null || Lang is null
        ? null
        : new FeedbackScores(Lang, Sentiment.ToScore(), (Factors ?? []).Select(f => f.ToMention()).ToList(),
            Sentiment.Mixed ?? false, Sentiment.Clauses?.Select(c => c.ToClause()).ToList(),
            DroppedFactors is { Count: > 0 } dropped ? dropped.Select(f => f.ToMention()).ToList() : null);

    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}

public sealed record AuthorDto(string? Id, string? Name, string? Handle, string? Email, string? Phone = null);

/// <summary>
/// Document sentiment; <c>mixed: true</c> and its <c>clauses</c> (the clause polarities that made it mixed) only on mixed
/// items — absent otherwise and on items scored before they existed, which read as not mixed.
/// </summary>
public sealed record SentimentDto(string Label, float Score, float Negative, float Neutral, float Positive,
    bool? Mixed = null, List<ClausePolarityDto>? Clauses = null)
{
    public static SentimentDto From(SentimentScore s, bool mixed = false, IReadOnlyList<ClausePolarity>? clauses = null) =>
        new(s.Label.ToString().ToLowerInvariant(), s.Score, s.Negative, s.Neutral, s.Positive,
            mixed ? true : null, mixed && clauses is { Count: > 0 } ? clauses.Select(ClausePolarityDto.From).ToList() : null);

    public SentimentScore ToScore() =>
        new(Enum.Parse<SentimentLabel>(Label, ignoreCase: true), Score, Negative, Neutral, Positive);
}

public sealed record ClausePolarityDto(int Start, int Length, string Label, float Score)
{
    public static ClausePolarityDto From(ClausePolarity c) => new(c.Start, c.Length, c.Label.ToString().ToLowerInvariant(), c.Score);

    public ClausePolarity ToClause() => new(Start, Length, Enum.Parse<SentimentLabel>(Label, ignoreCase: true), Score);
}

/// <summary>A factor mention; <c>added: true</c> only on one the learned detector added (absent otherwise and on older items).</summary>
public sealed record FactorMentionDto(string Factor, string Label, float Score, int Start, int Length, bool? Added = null)
{
    public static FactorMentionDto From(FactorMention m) =>
        new(m.Factor, m.Label.ToString().ToLowerInvariant(), m.Score, m.Start, m.Length, m.Added ? true : null);

    public FactorMention ToMention() =>
        new(Factor, Enum.Parse<SentimentLabel>(Label, ignoreCase: true), Score, Start, Length) { Added = Added == true };
}
