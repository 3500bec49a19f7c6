namespace Listening.Core.Channels.Surveys;

/// <summary>What a question's answer is, as far as feedback is concerned.</summary>
public enum AnswerKind { OpenText, Nps, OpinionScale, Rating, Email, Name, Choice, Other }

/// <summary>One answered question, normalized from any survey tool.</summary>
public sealed record SurveyAnswer(string QuestionId, string? Title, AnswerKind Kind, string? Text = null, double? Number = null, string? Ref = null);

/// <summary>
/// A completed survey response in tool-neutral form: the survey parsers produce it, <see cref="SurveyMapper"/>
/// turns it into a feedback item. <see cref="Hidden"/> holds hidden fields / embedded data / custom variables.
/// </summary>
public sealed record SurveyResponse(
    string Source,
    string ExternalId,
    DateTimeOffset? SubmittedAt,
    IReadOnlyList<SurveyAnswer> Answers,
    IReadOnlyDictionary<string, string> Hidden,
    string? Url = null);
