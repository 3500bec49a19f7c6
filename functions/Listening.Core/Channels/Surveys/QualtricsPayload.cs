using System.Text.Json;
using System.Text.RegularExpressions;

namespace Listening.Core.Channels.Surveys;

/// <summary>The event a Qualtrics subscription posts in its <c>MSG</c> field.</summary>
public sealed record QualtricsEvent(string Topic, string SurveyId, string ResponseId, string? Status);

/// <summary>
/// Qualtrics: the <c>MSG</c> names the completed response; the answers come from
/// <c>GET /API/v3/surveys/{SurveyID}/responses/{ResponseID}</c> as <c>result.values</c> keyed by question id
/// (<c>QID2_TEXT</c> for text entry, <c>QID1</c> + <c>QID1_NPS_GROUP</c> for an NPS question), with embedded
/// data and recipient fields alongside.
/// </summary>
public static partial class QualtricsPayload
{
    public static QualtricsEvent ParseEvent(string topic, string msg)
    {
        using var doc = JsonReading.Parse(System.Text.Encoding.UTF8.GetBytes(msg), "qualtrics MSG");
        var root = doc.RootElement;
        var responseId = root.Str("ResponseID") ?? throw new WebhookPayloadException("qualtrics: MSG.ResponseID is missing");
        var surveyId = root.Str("SurveyID") ?? throw new WebhookPayloadException("qualtrics: MSG.SurveyID is missing");
        return new QualtricsEvent(topic, surveyId, responseId, root.Str("Status"));
    }

    public static SurveyResponse ParseResponse(ReadOnlyMemory<byte> body)
    {
        using var doc = JsonReading.Parse(body, "qualtrics response");
        var result = doc.RootElement.Prop("result") ?? throw new WebhookPayloadException("qualtrics: result is missing");
        var id = result.Str("responseId") ?? throw new WebhookPayloadException("qualtrics: result.responseId is missing");
        var values = result.Prop("values") ?? throw new WebhookPayloadException("qualtrics: result.values is missing");
        var labels = result.Prop("labels").StringMap();

        var answers = new List<SurveyAnswer>();
        var hidden = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var props = values.EnumerateObject().ToDictionary(p => p.Name, p => (JsonElement?)p.Value);
        foreach (var (key, value) in props)
        {
            var match = QuestionKey().Match(key);
            if (!match.Success)
            {
                if (value.Str() is { } s) hidden[key] = s;
                continue;
            }
            var qid = match.Groups["q"].Value;
            var suffix = match.Groups["s"].Value;
            if (suffix == "_TEXT")
                answers.Add(new SurveyAnswer(qid, null, AnswerKind.OpenText, value.Str()));
            else if (suffix.Length == 0 && value.Num() is { } n)
            {
                var kind = props.ContainsKey(qid + "_NPS_GROUP") ? AnswerKind.Nps : AnswerKind.Other;
                answers.Add(new SurveyAnswer(qid, null, kind, labels.GetValueOrDefault(qid), n));
            }
        }
        hidden.TryGetValue("recordedDate", out var recorded);
        var at = recorded is not null && DateTimeOffset.TryParse(recorded, System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AssumeUniversal, out var t) ? t : (DateTimeOffset?)null;
        // The mapper looks for recipientEmail / recipientFirstName / recipientLastName among hidden fields.
        return new SurveyResponse("qualtrics", id, at, answers, hidden);
    }

    [GeneratedRegex(@"^(?<q>QID\d+(?:_\d+)?)(?<s>_TEXT|_NPS_GROUP|_DO)?$")]
    private static partial Regex QuestionKey();
}
