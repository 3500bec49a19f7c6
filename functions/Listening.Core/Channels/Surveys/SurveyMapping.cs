namespace Listening.Core.Channels.Surveys;

/// <summary>
/// Per-tool, per-brand choices for turning answers into an item (configuration
/// <c>Webhooks:{tool}:{brand}:Mapping</c>). Questions are named by id, ref or exact title.
/// Unset choices fall back to detection: an NPS-typed question, or an opinion scale whose title asks
/// about recommending; rating-typed questions; email/name from hidden fields or contact questions.
/// </summary>
public sealed class SurveyMapping
{
    public string? NpsQuestion { get; set; }
    public string? RatingQuestion { get; set; }
    /// <summary>Open questions whose answers make the text, in order; empty = every open-text answer.</summary>
    public List<string> TextQuestions { get; set; } = [];
    public List<string> EmailFields { get; set; } = ["email", "e-mail", "mail", "recipientEmail", "respondent_email"];
    public List<string> NameFields { get; set; } = ["name", "full_name", "fullname", "first_name", "firstname", "recipientFirstName"];
    /// <summary>Largest value of a rating question when the tool does not say (scaled to 1–5).</summary>
    public int RatingScale { get; set; } = 5;

    public static readonly SurveyMapping Default = new();
}
