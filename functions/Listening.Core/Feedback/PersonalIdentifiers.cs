namespace Listening.Core.Feedback;

/// <summary>What kind of identifier of a person a value is.</summary>
/// <summary>What kind of identifier of a person a value is. <see cref="Name"/> (a part of a name, or the stem its case forms
/// share) is never used to find a person — too many share one — only to mask them in an item already known to be theirs.</summary>
public enum IdentifierKind { AuthorId, Email, Phone, Handle, Name }

/// <summary>
/// One identifier of a person, normalised so that the same person is recognised however it was written: e-mails in lower
/// case; phones as digits only (a Russian trunk prefix <c>8</c> read as country code <c>7</c>); handles in lower case
/// without <c>@</c>, per platform (<see cref="Platform"/> = the source, or <c>*</c> for "on every platform").
/// </summary>
public sealed record PersonalIdentifier(IdentifierKind Kind, string Value, string? Platform = null)
{
    public const string AnyPlatform = "*";

    /// <summary>The normalised form that keys it: <c>email:ann@example.org</c>, <c>handle:vk:ann_t</c>.</summary>
    public string Canonical => Kind switch
    {
        IdentifierKind.AuthorId => $"author:{Value}",
        IdentifierKind.Email => $"email:{Value}",
        IdentifierKind.Phone => $"phone:{Value}",
        IdentifierKind.Name => $"name:{Value}",
        _ => $"handle:{Platform ?? AnyPlatform}:{Value}",
    };

    public static PersonalIdentifier? Email(string? value) =>
        EmailAddress(value) is { } email ? new PersonalIdentifier(IdentifierKind.Email, email) : null;

    /// <summary>
    /// The address of an e-mail as feeds and mail headers write it — <c>ann@example.org</c>, <c>Ann &lt;ann@example.org&gt;</c>,
    /// <c>ann@example.org (Ann)</c> — in lower case; null when it is not one address (no <c>@</c>, spaces, two <c>@</c>).
    /// </summary>
    public static string? EmailAddress(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var text = value.Trim();
        var open = text.IndexOf('<');
        if (open >= 0 && text.IndexOf('>', open) is var close and > 0) text = text[(open + 1)..close];
        else if (text.IndexOf('(') is var comment and > 0 && text.EndsWith(')')) text = text[..comment];
        text = text.Trim().ToLowerInvariant();
        var at = text.IndexOf('@');
        return at > 0 && at < text.Length - 1 && at == text.LastIndexOf('@') && !text.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '<' or '>' or '(' or ')' or ',' or ';')
            ? text : null;
    }

    public static PersonalIdentifier? Phone(string? value)
    {
        var digits = NormalizePhone(value);
        return digits is null ? null : new PersonalIdentifier(IdentifierKind.Phone, digits);
    }

    public static PersonalIdentifier? Handle(string? value, string? platform)
    {
        var handle = NormalizeHandle(value);
        return handle is null ? null : new PersonalIdentifier(IdentifierKind.Handle, handle, string.IsNullOrWhiteSpace(platform) ? AnyPlatform : platform.Trim().ToLowerInvariant());
    }

    /// <summary>A name part or stem, in lower case.</summary>
    public static PersonalIdentifier Name(string value) => new(IdentifierKind.Name, value.Trim().ToLowerInvariant());

    public static PersonalIdentifier? AuthorId(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : new PersonalIdentifier(IdentifierKind.AuthorId, value.Trim());

    /// <summary>Every identifier an item's author carries: the author id, the e-mail, the phone, the handle on the item's source.</summary>
    public static IReadOnlyList<PersonalIdentifier> Of(Author? author, string source)
    {
        if (author is null) return [];
        var list = new List<PersonalIdentifier>(4);
        if (AuthorId(author.Id) is { } id) list.Add(id);
        if (Email(author.Email) is { } email) list.Add(email);
        if (Phone(author.Phone) is { } phone) list.Add(phone);
        if (Handle(author.Handle, source) is { } handle) list.Add(handle);
        return list;
    }

    /// <summary>Digits only, 5–15 of them (E.164 allows 15); an 11-digit number starting with 8 is the Russian trunk form of +7.</summary>
    public static string? NormalizePhone(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var digits = new string(value.Where(char.IsAsciiDigit).ToArray());
        if (digits.Length == 11 && digits[0] == '8') digits = "7" + digits[1..];
        return digits.Length is >= 5 and <= 15 ? digits : null;
    }

    public static string? NormalizeHandle(string? value)
    {
        var handle = value?.Trim().TrimStart('@').ToLowerInvariant();
        return string.IsNullOrEmpty(handle) ? null : handle;
    }
}
