using System.Text.Json;

namespace Listening.Core.Channels.Surveys;

/// <summary>
/// Formbricks webhook (<c>{"webhookId", "event", "data": {response}}</c>), signed with Standard Webhooks.
/// Only finished responses become items. Answers are <c>data.data</c> keyed by question id; question types
/// and headlines come from <c>data.survey.questions</c> when the payload carries them.
/// </summary>
public static class FormbricksPayload
{
    /// <summary>The response, or null when the event is not a finished response (created/updated).</summary>
    public static SurveyResponse? Parse(ReadOnlyMemory<byte> body)
    {
        using var doc = JsonReading.Parse(body, "formbricks");
        var root = doc.RootElement;
        var evt = root.Str("event");
        var data = root.Prop("data") ?? throw new WebhookPayloadException("formbricks: data is missing");
        var finished = evt == "responseFinished" || (evt is null && data.Prop("finished")?.ValueKind == JsonValueKind.True);
        if (!finished) return null;
        var id = data.Str("id") ?? throw new WebhookPayloadException("formbricks: data.id is missing");

        var questions = data.Prop("survey").Prop("questions").Items()
            .Where(q => q.Str("id") is not null)
            .GroupBy(q => q.Str("id")!)
            .ToDictionary(g => g.Key, g => g.First());

        var answers = new List<SurveyAnswer>();
        var hidden = data.Prop("contactAttributes").StringMap();
        if (data.Prop("data") is { ValueKind: JsonValueKind.Object } values)
        {
            foreach (var p in values.EnumerateObject())
            {
                JsonElement? value = p.Value;
                var q = questions.TryGetValue(p.Name, out var found) ? found : (JsonElement?)null;
                var title = q.Prop("headline").Prop("default").Str() ?? q.Prop("headline").Str();
                var type = q.Prop("type").Str();
                if (type == "contactInfo" && value is { ValueKind: JsonValueKind.Array } parts)
                {
                    // [first name, last name, email, phone, company]
                    var list = parts.EnumerateArray().Select(v => ((JsonElement?)v).Str()).ToList();
                    var name = string.Join(' ', list.Take(2).Where(s => !string.IsNullOrWhiteSpace(s)));
                    if (name.Length > 0) answers.Add(new SurveyAnswer(p.Name, title, AnswerKind.Name, name));
                    if (list.Count > 2 && !string.IsNullOrWhiteSpace(list[2])) answers.Add(new SurveyAnswer(p.Name, title, AnswerKind.Email, list[2]));
                    continue;
                }
                var text = value is { ValueKind: JsonValueKind.Array } arr
                    ? string.Join(", ", arr.EnumerateArray().Select(v => ((JsonElement?)v).Str()))
                    : value.Str();
                var number = value?.ValueKind == JsonValueKind.Number ? value.Num() : null;
                var kind = type switch
                {
                    "openText" => text is not null && text.Contains('@') && !text.Contains(' ') ? AnswerKind.Email
                        : SurveyMapper.AsksForName(title) ? AnswerKind.Name : AnswerKind.OpenText,
                    "nps" => AnswerKind.Nps,
                    "rating" => AnswerKind.Rating,
                    "multipleChoiceSingle" or "multipleChoiceMulti" or "pictureSelection" or "ranking" => AnswerKind.Choice,
                    null when number is not null => AnswerKind.OpinionScale,
                    null when text is not null && text.Contains('@') && !text.Contains(' ') => AnswerKind.Email,
                    null when text is not null => AnswerKind.OpenText,
                    _ => AnswerKind.Other,
                };
                // Without question definitions, a number keyed like an NPS question is taken as one.
                if (type is null && number is not null && (p.Name.Contains("nps", StringComparison.OrdinalIgnoreCase)
                    || p.Name.Contains("recommend", StringComparison.OrdinalIgnoreCase)))
                    kind = AnswerKind.Nps;
                answers.Add(new SurveyAnswer(p.Name, title ?? p.Name, kind, text, number));
            }
        }
        return new SurveyResponse("formbricks", id, data.Prop("createdAt").Time(), answers, hidden, data.Prop("meta").Prop("url").Str());
    }
}
