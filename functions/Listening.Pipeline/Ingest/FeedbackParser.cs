using System.Text.Json;
using Listening.Core.Feedback;

namespace Listening.Ingest;

/// <summary>A request the edge refuses, with the HTTP status and the problems keyed by field (<c>text</c>, <c>[2].brand</c>).</summary>
public sealed record IngestRejection(int Status, string Title, string Detail, Dictionary<string, string[]>? Errors = null);

/// <summary>
/// The ingest edge: content type, size, JSON syntax, known fields only, per-field validation. One item or an array,
/// and the parsed items keep the input order.
/// </summary>
public static class FeedbackParser
{
    private static readonly HashSet<string> KnownFields = new(
        typeof(FeedbackItemDto).GetProperties().Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name)), StringComparer.OrdinalIgnoreCase);
    private static readonly HashSet<string> KnownAuthorFields = new(["id", "name", "handle", "email"], StringComparer.OrdinalIgnoreCase);

    public static bool IsJson(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType)) return false;
        var media = contentType.Split(';')[0].Trim();
        return media.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || (media.StartsWith("application/", StringComparison.OrdinalIgnoreCase) && media.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
    }

    public static (IReadOnlyList<FeedbackItemDto>? Items, IngestRejection? Rejection) Parse(string? contentType, string? body, IngestOptions options)
    {
        if (!IsJson(contentType))
            return (null, new IngestRejection(415, "Unsupported media type", $"send Content-Type: application/json (got '{contentType ?? "none"}')"));
        body ??= "";
        if (System.Text.Encoding.UTF8.GetByteCount(body) > options.MaxBodyBytes)
            return (null, new IngestRejection(413, "Request body too large", $"the body is larger than {options.MaxBodyBytes} bytes"));
        JsonDocument document;
        try { document = JsonDocument.Parse(body); }
        catch (JsonException e)
        {
            return (null, new IngestRejection(400, "Malformed JSON", $"the body is not valid JSON: line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}",
                new() { ["body"] = [e.Message] }));
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
                var unknown = UnknownFields(element).ToList();
                foreach (var field in unknown) errors[prefix + field] = ["unknown field"];
                if (unknown.Count > 0) continue;
                FeedbackItemDto? dto;
                try { dto = element.Deserialize<FeedbackItemDto>(FeedbackItemDto.JsonOptions); }
                catch (JsonException e)
                {
                    var path = e.Path is { Length: > 2 } p ? p[2..] : "body";
                    errors[prefix + path] = [$"has the wrong type: {FirstSentence(e.Message)}"];
                    continue;
                }
                foreach (var (field, problems) in dto!.Validate()) errors[prefix + field] = problems;
                items.Add(dto);
            }
            return errors.Count > 0 ? (null, Invalid(errors)) : (items, null);
        }
    }

    private static IEnumerable<string> UnknownFields(JsonElement item)
    {
        foreach (var property in item.EnumerateObject())
        {
            if (!KnownFields.Contains(property.Name)) yield return property.Name;
            else if (property.NameEquals("author") && property.Value.ValueKind == JsonValueKind.Object)
                foreach (var a in property.Value.EnumerateObject())
                    if (!KnownAuthorFields.Contains(a.Name)) yield return "author." + a.Name;
        }
    }

    private static IngestRejection Invalid(Dictionary<string, string[]> errors) =>
        new(400, "Invalid feedback", "one or more fields are invalid; see errors", errors);

    private static string FirstSentence(string message)
    {
        var dot = message.IndexOf(". ", StringComparison.Ordinal);
        return dot < 0 ? message : message[..(dot + 1)];
    }
}
