using System.Text.Json;

namespace Listening.Core.Channels.Surveys;

/// <summary>The part of a SurveyMonkey <c>response_completed</c> callback we act on: the answers are fetched by id.</summary>
public sealed record SurveyMonkeyEvent(string EventId, string EventType, string ResponseId, string SurveyId);

/// <summary>
/// SurveyMonkey: the webhook only names the response (<c>object_id</c>, <c>resources.survey_id</c>); the answers
/// come from <c>GET /v3/surveys/{survey_id}/responses/{id}/details?simple=true</c>, which adds
/// <c>heading</c> to questions and <c>simple_text</c> to answers.
/// </summary>
public static class SurveyMonkeyPayload
{
    public static SurveyMonkeyEvent ParseEvent(ReadOnlyMemory<byte> body)
    {
        using var doc = JsonReading.Parse(body, "surveymonkey");
        var root = doc.RootElement;
        var eventId = root.Str("event_id") ?? throw new WebhookPayloadException("surveymonkey: event_id is missing");
        var eventType = root.Str("event_type") ?? "";
        var responseId = root.Str("object_id") ?? throw new WebhookPayloadException("surveymonkey: object_id is missing");
        var surveyId = root.Prop("resources").Prop("survey_id").Str() ?? root.Str("filter_id")
            ?? throw new WebhookPayloadException("surveymonkey: resources.survey_id is missing");
        return new SurveyMonkeyEvent(eventId, eventType, responseId, surveyId);
    }

    public static SurveyResponse ParseDetails(ReadOnlyMemory<byte> body)
    {
        using var doc = JsonReading.Parse(body, "surveymonkey response");
        var root = doc.RootElement;
        var id = root.Str("id") ?? throw new WebhookPayloadException("surveymonkey: response id is missing");
        var answers = new List<SurveyAnswer>();
        foreach (var page in root.Prop("pages").Items())
        foreach (var q in ((JsonElement?)page).Prop("questions").Items())
        {
            var qid = q.Str("id") ?? "";
            var heading = q.Str("heading");
            var family = q.Str("family");
            var subtype = q.Str("subtype");
            var values = ((JsonElement?)q).Prop("answers").Items()
                .Select(a => a.Str("text") ?? a.Str("simple_text"))
                .Where(s => !string.IsNullOrWhiteSpace(s))
                .ToList();
            if (values.Count == 0) continue;
            var text = string.Join("\n", values);
            var number = SurveyMapper.ParseNumber(values[0]);
            var kind = family switch
            {
                "open_ended" when SurveyMapper.AsksForName(heading) => AnswerKind.Name,
                "open_ended" when text.Contains('@') && !text.Contains(' ') => AnswerKind.Email,
                "open_ended" => AnswerKind.OpenText,
                "matrix" when subtype == "rating" && number is >= 0 and <= 10 => AnswerKind.OpinionScale,
                "matrix" when subtype == "rating" => AnswerKind.Rating,
                "single_choice" or "multiple_choice" or "matrix" => AnswerKind.Choice,
                _ => AnswerKind.Other,
            };
            answers.Add(new SurveyAnswer(qid, heading, kind, text, number));
        }

        var hidden = root.Prop("custom_variables").StringMap();
        void Put(string key, string? value) { if (!string.IsNullOrWhiteSpace(value)) hidden.TryAdd(key, value); }
        Put("email", root.Str("email_address"));
        Put("email", root.Prop("metadata").Prop("contact").Prop("email").Prop("value").Str());
        Put("first_name", root.Str("first_name"));
        Put("first_name", root.Prop("metadata").Prop("contact").Prop("first_name").Prop("value").Str());
        Put("last_name", root.Str("last_name"));
        Put("last_name", root.Prop("metadata").Prop("contact").Prop("last_name").Prop("value").Str());

        var at = root.Prop("date_modified").Time() ?? root.Prop("date_created").Time();
        return new SurveyResponse("surveymonkey", id, at, answers, hidden, root.Str("analyze_url"));
    }
}
