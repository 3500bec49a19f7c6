using System.Text.Json;

namespace Listening.Core.Channels.Surveys;

/// <summary>
/// Typeform <c>form_response</c> webhook: <c>form_response.answers[]</c> reference
/// <c>definition.fields[]</c> by id; hidden fields arrive in <c>form_response.hidden</c>.
/// The response token is the dedupe key (Typeform retries with the same token and event id).
/// </summary>
public static class TypeformPayload
{
    public static SurveyResponse Parse(ReadOnlyMemory<byte> body)
    {
        using var doc = JsonReading.Parse(body, "typeform");
        var root = doc.RootElement;
        var eventType = root.Str("event_type");
        if (eventType is not null && eventType != "form_response")
            throw new WebhookPayloadException($"typeform: event_type '{eventType}' is not form_response");
        var response = root.Prop("form_response") ?? throw new WebhookPayloadException("typeform: form_response is missing");
        var token = response.Str("token") ?? root.Str("event_id")
            ?? throw new WebhookPayloadException("typeform: form_response.token is missing");

        var titles = response.Prop("definition").Prop("fields").Items()
            .Where(f => f.Str("id") is not null)
            .GroupBy(f => f.Str("id")!)
            .ToDictionary(g => g.Key, g => g.First().Str("title"));

        var answers = new List<SurveyAnswer>();
        foreach (var a in response.Prop("answers").Items())
        {
            var field = a.Prop("field");
            var id = field.Prop("id").Str() ?? "";
            var fieldType = field.Prop("type").Str() ?? "";
            var title = titles.GetValueOrDefault(id);
            var reference = field.Prop("ref").Str();
            var answerType = a.Str("type");
            var text = answerType switch
            {
                "text" => a.Str("text"),
                "email" => a.Str("email"),
                "choice" => a.Prop("choice").Prop("label").Str() ?? a.Prop("choice").Prop("other").Str(),
                "choices" => string.Join(", ", a.Prop("choices").Prop("labels").Items().Select(l => ((JsonElement?)l).Str())),
                "boolean" => a.Str("boolean"),
                "date" => a.Str("date"),
                "phone_number" => null, // personal data we have no use for
                _ => a.Str(answerType ?? "text"),
            };
            var number = answerType == "number" ? a.Prop("number").Num() : null;
            var kind = fieldType switch
            {
                "long_text" => AnswerKind.OpenText,
                "short_text" => SurveyMapper.AsksForName(title) ? AnswerKind.Name : AnswerKind.OpenText,
                "email" => AnswerKind.Email,
                "nps" => AnswerKind.Nps,
                "opinion_scale" => AnswerKind.OpinionScale,
                "rating" => AnswerKind.Rating,
                "multiple_choice" or "dropdown" or "yes_no" or "picture_choice" => AnswerKind.Choice,
                _ => AnswerKind.Other,
            };
            answers.Add(new SurveyAnswer(id, title, kind, text, number, reference));
        }

        return new SurveyResponse("typeform", token, response.Prop("submitted_at").Time(), answers,
            response.Prop("hidden").StringMap());
    }
}
