using System.Globalization;
using System.Text.RegularExpressions;
using Listening.Core.Feedback;

namespace Listening.Core.Channels.Surveys;

/// <summary>Turns a tool-neutral <see cref="SurveyResponse"/> into the canonical feedback DTO.</summary>
public static partial class SurveyMapper
{
    /// <summary>The item, or null with a reason when the response has no open-text answer to analyse.</summary>
    public static (FeedbackItemDto? Item, string? Reason) ToFeedback(SurveyResponse response, string brand, SurveyMapping? mapping = null)
    {
        mapping ??= SurveyMapping.Default;
        var answers = response.Answers;

        var texts = mapping.TextQuestions.Count > 0
            ? mapping.TextQuestions.Select(q => Find(answers, q)?.Text).Where(t => !string.IsNullOrWhiteSpace(t))
            : answers.Where(a => a.Kind == AnswerKind.OpenText && !string.IsNullOrWhiteSpace(a.Text)).Select(a => a.Text);
        var text = string.Join("\n", texts.Select(t => t!.Trim()));

        var nps = NpsOf(answers, mapping);
        var rating = RatingOf(answers, mapping);
        var author = AuthorOf(response, mapping);

        if (string.IsNullOrWhiteSpace(text))
            return (null, "the response has no open-text answer");
        var dto = new FeedbackItemDto
        {
            Kind = "survey",
            Source = response.Source,
            Channel = "survey",
            Brand = brand,
            ExternalId = response.ExternalId,
            Text = text.Length > FeedbackItemDto.MaxTextLength ? text[..FeedbackItemDto.MaxTextLength] : text,
            Nps = nps,
            Rating = rating,
            Author = author,
            Url = response.Url,
            CreatedAt = response.SubmittedAt,
        };
        return (dto, null);
    }

    private static SurveyAnswer? Find(IReadOnlyList<SurveyAnswer> answers, string key) =>
        answers.FirstOrDefault(a => a.QuestionId == key || a.Ref == key)
        ?? answers.FirstOrDefault(a => string.Equals(a.Title?.Trim(), key.Trim(), StringComparison.OrdinalIgnoreCase));

    private static int? NpsOf(IReadOnlyList<SurveyAnswer> answers, SurveyMapping mapping)
    {
        var answer = mapping.NpsQuestion is { } q
            ? Find(answers, q)
            : answers.FirstOrDefault(a => a.Kind == AnswerKind.Nps)
              ?? answers.FirstOrDefault(a => a.Kind == AnswerKind.OpinionScale && a.Title is { } t && RecommendWords().IsMatch(t));
        var value = answer?.Number ?? ParseNumber(answer?.Text);
        return value is >= 0 and <= 10 ? (int)Math.Round(value.Value) : null;
    }

    private static int? RatingOf(IReadOnlyList<SurveyAnswer> answers, SurveyMapping mapping)
    {
        var answer = mapping.RatingQuestion is { } q ? Find(answers, q) : answers.FirstOrDefault(a => a.Kind == AnswerKind.Rating);
        var value = answer?.Number ?? ParseNumber(answer?.Text);
        if (value is null || value < 1) return null;
        var scale = Math.Max(mapping.RatingScale, 1);
        var rating = scale == 5 ? value.Value : 1 + (value.Value - 1) * 4 / Math.Max(scale - 1, 1);
        return rating is >= 1 and <= 5 ? (int)Math.Round(rating) : null;
    }

    private static AuthorDto? AuthorOf(SurveyResponse response, SurveyMapping mapping)
    {
        string? FromHidden(IEnumerable<string> keys) => keys
            .Select(k => response.Hidden.FirstOrDefault(h => string.Equals(h.Key, k, StringComparison.OrdinalIgnoreCase)).Value)
            .FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));

        var email = FromHidden(mapping.EmailFields)
            ?? response.Answers.FirstOrDefault(a => a.Kind == AnswerKind.Email && !string.IsNullOrWhiteSpace(a.Text))?.Text;
        var name = FromHidden(mapping.NameFields)
            ?? response.Answers.FirstOrDefault(a => a.Kind == AnswerKind.Name && !string.IsNullOrWhiteSpace(a.Text))?.Text;
        var last = FromHidden(["last_name", "lastname", "recipientLastName"]);
        if (name is not null && last is not null && !name.Contains(last, StringComparison.OrdinalIgnoreCase)) name = $"{name} {last}";
        if (email is not null && !email.Contains('@')) email = null;
        return email is null && name is null ? null : new AuthorDto(null, name?.Trim(), null, email?.Trim().ToLowerInvariant());
    }

    internal static double? ParseNumber(string? text) =>
        double.TryParse(text?.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;

    /// <summary>A short-text question that asks for the respondent's name.</summary>
    internal static bool AsksForName(string? title) => title is not null && NameWords().IsMatch(title);

    [GeneratedRegex(@"recommend|рекоменд|порекоменд|советовал", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RecommendWords();

    [GeneratedRegex(@"\b(your\s+)?(first\s+|full\s+)?name\b|\bимя\b|как вас зовут", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NameWords();
}
