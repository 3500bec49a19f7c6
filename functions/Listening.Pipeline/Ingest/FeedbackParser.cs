using System.Text.Json;
using System.Text.Json.Serialization;
using Listening.Core.Feedback;

namespace Listening.Ingest;

/// <summary>A request the edge refuses, with the HTTP status and the problems keyed by field (<c>text</c>, <c>[2].brand</c>).</summary>
public sealed record IngestRejection(int Status, string Title, string Detail, Dictionary<string, string[]>? Errors = null);

/// <summary>
/// The ingest edge: content type, JSON syntax (duplicate keys refused, numbers only as numbers), known fields only,
/// per-field validation (<see cref="FeedbackItemDto.Validate"/>: lengths, character sets, no control characters). One item
/// or an array; the parsed items keep the input order. The body arrives as text already checked to be strict UTF-8.
/// </summary>
public static partial class FeedbackParser
{
    private static readonly HashSet<string> KnownFields = new(
        typeof(FeedbackItemDto).GetProperties().Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name)), StringComparer.OrdinalIgnoreCase);
    private static readonly HashSet<string> KnownAuthorFields = new(["id", "name", "handle", "email", "phone"], StringComparer.OrdinalIgnoreCase);

    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 16, AllowDuplicateProperties = false };

    /// <summary>The canonical item options, minus the web defaults' leniency: <c>"rating": "5"</c> is a string, not a number.</summary>
    public static readonly JsonSerializerOptions Strict = new(FeedbackItemDto.JsonOptions)
    {
        NumberHandling = JsonNumberHandling.Strict,
        AllowDuplicateProperties = false,
    };

    public static bool IsJson(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType)) return false;
        var media = contentType.Split(';')[0].Trim();
        return media.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || (media.StartsWith("application/", StringComparison.OrdinalIgnoreCase) && media.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
    }

    public static IngestRejection? UnsupportedMediaType(string? contentType) => IsJson(contentType) ? null
        : new IngestRejection(415, "Unsupported media type", $"send Content-Type: application/json (got '{Truncate(contentType ?? "none")}')");

    public static (IReadOnlyList<FeedbackItemDto>? Items, IngestRejection? Rejection) Parse(string? contentType, string? body, IngestOptions options)
    {
        if (UnsupportedMediaType(contentType) is { } unsupported) return (null, unsupported);
        body ??= "";
        if (System.Text.Encoding.UTF8.GetByteCount(body) > options.MaxBodyBytes)
            return (null, new IngestRejection(413, "Request body too large", $"the body is larger than {options.MaxBodyBytes} bytes"));
        JsonDocument document;
        try { document = JsonDocument.Parse(body, DocumentOptions); }
        catch (JsonException e)
        {
            if (DuplicateName().IsMatch(e.Message) && DuplicateFields(body) is { Count: > 0 } duplicates) return (null, Invalid(duplicates));
            return (null, new IngestRejection(400, "Malformed JSON", $"the body is not valid JSON: line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}",
                new() { [FieldOf(e)] = [FirstSentence(e.Message)] }));
        }
        using (document)
        {
            var root = document.RootElement;
            var single = root.ValueKind == JsonValueKind.Object;
            if (!single && root.ValueKind != JsonValueKind.Array)
                return (null, Invalid(new() { ["body"] = ["the body must be a feedback object or an array of them"] }));
            var elements = single ? [root] : root.EnumerateArray().ToList();
            if (elements.Count == 0) return (null, Invalid(new() { ["body"] = ["the array is empty"] }));
            if (elements.Count > options.MaxBatchItems)
                return (null, new IngestRejection(413, "Too many items", $"at most {options.MaxBatchItems} items per request (got {elements.Count})"));
            var errors = new Dictionary<string, string[]>();
            var items = new List<FeedbackItemDto>(elements.Count);
            for (var i = 0; i < elements.Count; i++)
            {
                var prefix = single ? "" : $"[{i}].";
                var element = elements[i];
                if (element.ValueKind != JsonValueKind.Object) { errors[$"[{i}]"] = ["each item must be a JSON object"]; continue; }
                var unknown = FieldProblems(element).ToList();
                foreach (var (field, problem) in unknown) errors[prefix + field] = [problem];
                if (unknown.Count > 0) continue;
                FeedbackItemDto? dto;
                try { dto = element.Deserialize<FeedbackItemDto>(Strict); }
                catch (JsonException e)
                {
                    var path = FieldOf(e);
                    errors[prefix + path] = [DuplicateName().IsMatch(e.Message) ? FirstSentence(e.Message) : $"has the wrong type: {FirstSentence(e.Message)}"];
                    continue;
                }
                foreach (var (field, problems) in dto!.Validate()) errors[prefix + field] = problems;
                items.Add(dto);
            }
            return errors.Count > 0 ? (null, Invalid(errors)) : (items, null);
        }
    }

    /// <summary>The field a JSON error is about: its path (<c>$.author.name</c> → <c>author.name</c>, <c>$[1].text</c> →
    /// <c>[1].text</c>), and for a duplicate key the key itself (the reader stops on the object that holds it).</summary>
    private static string FieldOf(JsonException e)
    {
        var path = e.Path switch
        {
            null or "$" => "",
            var p when p.StartsWith("$.", StringComparison.Ordinal) => p[2..],
            var p when p.StartsWith("$[", StringComparison.Ordinal) => p[1..],
            var p => p,
        };
        if (DuplicateName().Match(e.Message) is { Success: true } duplicate && !path.EndsWith(duplicate.Groups[1].Value, StringComparison.Ordinal))
            path = path.Length == 0 || path.EndsWith('.') ? path + duplicate.Groups[1].Value : $"{path}.{duplicate.Groups[1].Value}";
        return path.Length == 0 ? "body" : path;
    }

    [System.Text.RegularExpressions.GeneratedRegex("[Dd]uplicate property '([^']{1,64})'")]
    private static partial System.Text.RegularExpressions.Regex DuplicateName();

    /// <summary>The fields an open caller may not set (<see cref="FeedbackItemDto.TrustedOnlyFields"/>), keyed like the parse errors.</summary>
    public static IngestRejection? TrustedOnly(IReadOnlyList<FeedbackItemDto> items)
    {
        var errors = new Dictionary<string, string[]>();
        for (var i = 0; i < items.Count; i++)
            foreach (var (field, problems) in items[i].TrustedOnlyFields())
                errors[(items.Count == 1 ? "" : $"[{i}].") + field] = problems;
        return errors.Count == 0 ? null
            : new IngestRejection(403, "Forbidden", "these fields name an identity only a trusted sender may give (a key with the trusted-ingest role); leave them out", errors);
    }

    /// <summary>The fields given twice, named like every other error (<c>author.email</c>, <c>[1].brand</c>): the document
    /// reader's exception names only the key (its path stops at the root). Only on the error path.</summary>
    private static Dictionary<string, string[]> DuplicateFields(string body)
    {
        var errors = new Dictionary<string, string[]>();
        try
        {
            using var lenient = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 16, AllowDuplicateProperties = true });
            var root = lenient.RootElement;
            var single = root.ValueKind == JsonValueKind.Object;
            List<JsonElement> elements = single ? [root] : root.ValueKind == JsonValueKind.Array ? root.EnumerateArray().ToList() : [];
            for (var i = 0; i < elements.Count; i++)
                if (elements[i].ValueKind == JsonValueKind.Object)
                    foreach (var (field, problem) in FieldProblems(elements[i]))
                        if (problem == GivenTwice) errors[(single ? "" : $"[{i}].") + field] = [problem];
        }
        catch (JsonException) { }
        return errors;
    }

    private const string GivenTwice = "the field is given more than once";

    /// <summary>Unknown fields, and the same field twice in different case (<c>text</c> and <c>Text</c>: the binder would pick one).</summary>
    private static IEnumerable<(string Field, string Problem)> FieldProblems(JsonElement item)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in item.EnumerateObject())
        {
            if (!seen.Add(property.Name)) yield return (property.Name, GivenTwice);
            else if (!KnownFields.Contains(property.Name)) yield return (Truncate(property.Name), "unknown field");
            else if (property.NameEquals("author") && property.Value.ValueKind == JsonValueKind.Object)
            {
                var author = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                foreach (var a in property.Value.EnumerateObject())
                    if (!author.Add(a.Name)) yield return ("author." + a.Name, GivenTwice);
                    else if (!KnownAuthorFields.Contains(a.Name)) yield return ("author." + Truncate(a.Name), "unknown field");
            }
        }
    }

    private static IngestRejection Invalid(Dictionary<string, string[]> errors) =>
        new(400, "Invalid feedback", "one or more fields are invalid; see errors", errors);

    private static string FirstSentence(string message)
    {
        var dot = message.IndexOf(". ", StringComparison.Ordinal);
        return dot < 0 ? message : message[..(dot + 1)];
    }

    /// <summary>Client text echoed in a problem stays short and printable.</summary>
    private static string Truncate(string value)
    {
        var clean = new string(value.Take(64).Select(c => char.IsControl(c) ? '?' : c).ToArray());
        return value.Length > 64 ? clean + "…" : clean;
    }
}
