namespace Listening.Core.Text;

/// <summary>
/// What kind of text a piece of feedback is, decided from the text alone (the source is not always
/// known at scoring time, and one source carries several kinds): a social <see cref="Post"/> (it
/// addresses someone or links: @handle, #hashtag, URL, "RT"), a <see cref="Review"/> (longer than
/// <see cref="ReviewChars"/> characters, or written with review headings such as "Достоинства:" / "Pros:"),
/// else a <see cref="Short"/> text (app and map reviews, survey answers, short comments). Class priors
/// differ by kind — most posts are neutral, most short reviews positive, long reviews rarely neutral — so
/// the model's neutral class is calibrated per language and kind.
/// </summary>
public static class TextKind
{
    public const string Post = "post";
    public const string Short = "short";
    public const string Review = "review";
    public const int ReviewChars = 300;

    public static IReadOnlyList<string> All { get; } = [Post, Short, Review];

    public static string Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if ((c == '@' || c == '#') && i + 1 < text.Length && (char.IsLetterOrDigit(text[i + 1]) || text[i + 1] == '_')
                && (i == 0 || !char.IsLetterOrDigit(text[i - 1])))
                return Post;
            if (c == 'h' && string.CompareOrdinal(text, i, "http", 0, 4) == 0) return Post;
        }
        if (text.StartsWith("RT ", StringComparison.Ordinal)) return Post;
        if (text.Length > ReviewChars) return Review;
        if (text.Contains("Достоинства:", StringComparison.Ordinal) || text.Contains("Pros:", StringComparison.OrdinalIgnoreCase)) return Review;
        return Short;
    }
}
