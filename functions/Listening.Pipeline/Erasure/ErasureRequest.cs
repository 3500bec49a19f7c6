using Listening.Core.Feedback;

namespace Listening.Erasure;

/// <summary>
/// <c>POST /api/erasures</c>: a person asks to be forgotten and names whatever identifies them — author ids, e-mails, phones,
/// handles (<c>@olga_t</c> on every platform, <c>vk:olga_t</c> on one). Personal data goes in the body, never in the URL (URLs
/// end up in access logs).
/// </summary>
public sealed class ErasureRequest
{
    public const int MaxPerKind = 20;

    public List<string>? AuthorIds { get; set; }
    public List<string>? Emails { get; set; }
    public List<string>? Phones { get; set; }
    public List<string>? Handles { get; set; }

    /// <summary>The identifiers, or the problems keyed by field.</summary>
    public (IReadOnlyList<PersonalIdentifier> Identifiers, Dictionary<string, string[]> Errors) Parse()
    {
        var identifiers = new List<PersonalIdentifier>();
        var errors = new Dictionary<string, string[]>();
        void Each(string field, List<string>? values, int maxLength, Func<string, PersonalIdentifier?> parse)
        {
            if (values is null) return;
            if (values.Count > MaxPerKind) { errors[field] = [$"at most {MaxPerKind} values"]; return; }
            for (var i = 0; i < values.Count; i++)
            {
                var value = values[i];
                if (value is null || value.Length > maxLength || Identifiers.HasControl(value, allowLineBreaks: false) || parse(value) is not { } identifier)
                    errors[$"{field}[{i}]"] = [$"not a valid value for {field}"];
                else identifiers.Add(identifier);
            }
        }
        Each("authorIds", AuthorIds, Identifiers.MaxIdLength, v => Identifiers.IsId(v.Trim()) ? PersonalIdentifier.AuthorId(v) : null);
        Each("emails", Emails, FeedbackItemDto.MaxEmailLength, PersonalIdentifier.Email);
        Each("phones", Phones, FeedbackItemDto.MaxPhoneLength, PersonalIdentifier.Phone);
        Each("handles", Handles, FeedbackItemDto.MaxHandleLength + Identifiers.MaxSourceLength + 1, Handle);
        if (errors.Count == 0 && identifiers.Count == 0) errors["body"] = ["name at least one of authorIds, emails, phones, handles"];
        return (identifiers, errors);
    }

    /// <summary><c>@olga_t</c> or <c>olga_t</c>: on every platform; <c>vk:olga_t</c>: on that source.</summary>
    private static PersonalIdentifier? Handle(string value)
    {
        var colon = value.IndexOf(':');
        if (colon > 0 && Identifiers.IsSource(value[..colon].Trim().ToLowerInvariant()))
            return PersonalIdentifier.Handle(value[(colon + 1)..], value[..colon]);
        return PersonalIdentifier.Handle(value, null);
    }
}
