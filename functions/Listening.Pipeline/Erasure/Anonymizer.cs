using System.Text.Json.Nodes;
using Listening.Core.Factors;
using Listening.Core.Feedback;
using Listening.Pipeline;

namespace Listening.Erasure;

/// <summary>
/// What erasing a person does to one feedback item, the same on every store and in every stage: the <c>author</c> goes;
/// the person's names, e-mails, phones and handles are masked in the text (<see cref="PersonalDetails.Mask"/>), and the
/// factor mentions are moved to where their words are in the masked text; a <c>url</c> that carries any of them goes.
/// Scores, stage, dates, brand and source stay: the item still counts, anonymously.
/// </summary>
public static class Anonymizer
{
    /// <summary>A stored document or a queue message body, in place. True when something changed.</summary>
    public static bool Erase(JsonObject document, PersonalDetails details)
    {
        var changed = document.Remove("author");
        if (document["text"] is JsonValue textValue && textValue.TryGetValue<string>(out var text))
        {
            var masked = details.Mask(text);
            if (masked.Changed)
            {
                document["text"] = masked.Text;
                if (document["factors"] is JsonArray factors)
                    foreach (var factor in factors.OfType<JsonObject>())
                    {
                        if (factor["start"]?.GetValue<int>() is not { } start || factor["length"]?.GetValue<int>() is not { } length) continue;
                        var (from, to) = Moved(masked, start, length);
                        factor["start"] = from;
                        factor["length"] = to - from;
                    }
                changed = true;
            }
        }
        if (document["url"] is JsonValue urlValue && urlValue.TryGetValue<string>(out var url) && details.Mentions(url))
        {
            document.Remove("url");
            changed = true;
        }
        return changed;
    }

    /// <summary>A record in a stage: the same as <see cref="Erase(JsonObject, PersonalDetails)"/>.</summary>
    public static FeedbackRecord Erase(FeedbackRecord record, PersonalDetails details)
    {
        var item = record.Item;
        var masked = details.Mask(item.Text);
        var scores = record.Scores;
        if (masked.Changed && scores is not null)
            scores = scores with
            {
                Factors = scores.Factors.Select(f =>
                {
                    var (from, to) = Moved(masked, f.Start, f.Length);
                    return f with { Start = from, Length = to - from };
                }).ToList(),
            };
        var erased = item with { Author = null, Text = masked.Text, Url = item.Url is { } url && details.Mentions(url) ? null : item.Url };
        return record with { Item = erased, Scores = scores };
    }

    /// <summary>The details an item's own author gives (used when an item of an erased person arrives).</summary>
    public static PersonalDetails DetailsOf(Author? author)
    {
        var details = new PersonalDetails();
        details.Add(author);
        return details;
    }

    private static (int From, int To) Moved(MaskedText masked, int start, int length)
    {
        var from = masked.Map(Math.Max(0, start));
        var to = Math.Max(from, masked.Map(Math.Max(0, start + length), end: true));
        return (Math.Min(from, masked.Text.Length), Math.Min(to, masked.Text.Length));
    }
}
