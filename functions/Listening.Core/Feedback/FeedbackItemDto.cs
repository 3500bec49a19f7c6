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
    /// <summary>Why the item is spam (links-only, flood); null when it is not.</summary>
    public string? Spam { get; set; }

    public const int MaxTextLength = 20_000;

    /// <summary>Field → problems; empty when the item is valid.</summary>
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(Text)) errors["text"] = ["text is required and must not be blank"];
        else if (Text.Length > MaxTextLength) errors["text"] = [$"text is longer than {MaxTextLength} characters"];
        if (string.IsNullOrWhiteSpace(Brand)) errors["brand"] = ["brand is required"];
        if (Kind is not null && !Enum.TryParse<FeedbackKind>(Kind, ignoreCase: true, out _))
            errors["kind"] = ["kind must be one of review, mention, survey"];
        if (Rating is < 1 or > 5) errors["rating"] = ["rating must be between 1 and 5"];
        if (Nps is < 0 or > 10) errors["nps"] = ["nps must be between 0 and 10"];
        if (Source is { Length: > 64 }) errors["source"] = ["source is longer than 64 characters"];
        return errors;
    }

    /// <summary>Maps a validated DTO to the domain item; <paramref name="now"/> fills a missing createdAt.</summary>
    public FeedbackItem ToItem(DateTimeOffset now)
    {
        var source = string.IsNullOrWhiteSpace(Source) ? "api" : Source.Trim().ToLowerInvariant();
        var brand = Brand!.Trim();
        var text = Text!.Trim();
        var id = string.IsNullOrWhiteSpace(Id) ? FeedbackIds.Derive(source, ExternalId, brand, text) : Id.Trim();
        var kind = Kind is null ? FeedbackKind.Review : Enum.Parse<FeedbackKind>(Kind, ignoreCase: true);
        Author? author = null;
        if (Author is not null)
        {
            var handle = Author.Handle ?? Author.Email;
            var authorId = Author.Id ?? (handle is null ? null : FeedbackIds.DeriveAuthorId(source, handle));
            author = new Author(authorId, Author.Name, Author.Handle, Author.Email);
        }
        return new FeedbackItem(id, kind, source, brand, text, CreatedAt ?? now, Rating, Nps, author,
            ExternalId, string.IsNullOrWhiteSpace(CompetitorOf) ? null : CompetitorOf.Trim(),
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
        Author = item.Author is null ? null : new AuthorDto(item.Author.Id, item.Author.Name, item.Author.Handle, item.Author.Email),
        Url = item.Url,
        Lang = scores?.Language ?? item.Language,
        CreatedAt = item.CreatedAt,
        ReceivedAt = item.ReceivedAt,
        Sentiment = scores is null ? null : SentimentDto.From(scores.Sentiment, scores.Mixed, scores.Clauses),
        Factors = scores?.Factors.Select(FactorMentionDto.From).ToList(),
        Spam = item.Spam,
    };

    /// <summary>Scores carried by the DTO, when it has them (a file of already-scored items).</summary>
    public FeedbackScores? ToScores() => Sentiment is null || Lang is null
        ? null
        : new FeedbackScores(Lang, Sentiment.ToScore(), (Factors ?? []).Select(f => f.ToMention()).ToList(),
            Sentiment.Mixed ?? false, Sentiment.Clauses?.Select(c => c.ToClause()).ToList());

    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}

public sealed record AuthorDto(string? Id, string? Name, string? Handle, string? Email);

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

public sealed record FactorMentionDto(string Factor, string Label, float Score, int Start, int Length)
{
    public static FactorMentionDto From(FactorMention m) =>
        new(m.Factor, m.Label.ToString().ToLowerInvariant(), m.Score, m.Start, m.Length);

    public FactorMention ToMention() =>
        new(Factor, Enum.Parse<SentimentLabel>(Label, ignoreCase: true), Score, Start, Length);
}
