namespace Listening.Core.Channels.Surveys;

/// <summary>
/// Google Forms, as posted by our Apps Script (docs/google-forms.gs):
/// <c>{"formId","responseId","submittedAt","respondentEmail","answers":[{"itemId","title","type","response",
/// "lowerBound","upperBound","ratingScaleLevel"}]}</c>, where <c>type</c> is the Apps Script <c>ItemType</c>.
/// </summary>
public static class GoogleFormsPayload
{
    public static SurveyResponse Parse(ReadOnlyMemory<byte> body)
    {
        using var doc = JsonReading.Parse(body, "googleforms");
        var root = doc.RootElement;
        var id = root.Str("responseId") ?? throw new WebhookPayloadException("googleforms: responseId is missing");
        var answers = new List<SurveyAnswer>();
        foreach (var a in root.Prop("answers").Items())
        {
            var title = a.Str("title");
            var text = a.Str("response");
            var number = a.Prop("response").Num();
            var kind = a.Str("type") switch
            {
                "PARAGRAPH_TEXT" => AnswerKind.OpenText,
                "TEXT" when text is not null && text.Contains('@') && !text.Contains(' ') => AnswerKind.Email,
                "TEXT" when SurveyMapper.AsksForName(title) => AnswerKind.Name,
                "TEXT" => AnswerKind.OpenText,
                "SCALE" when a.Prop("lowerBound").Num() == 0 && a.Prop("upperBound").Num() == 10 => AnswerKind.OpinionScale,
                "SCALE" => AnswerKind.Other,
                "RATING" => AnswerKind.Rating,
                "MULTIPLE_CHOICE" or "LIST" or "CHECKBOX" => AnswerKind.Choice,
                _ => AnswerKind.Other,
            };
            answers.Add(new SurveyAnswer(a.Str("itemId") ?? title ?? "", title, kind, text, number));
        }
        var hidden = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (root.Str("respondentEmail") is { Length: > 0 } email) hidden["email"] = email;
        return new SurveyResponse("google_forms", id, root.Prop("submittedAt").Time(), answers, hidden);
    }
}
