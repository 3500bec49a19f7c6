using System.Text;
using System.Text.RegularExpressions;
using Listening.Core.Feedback;

namespace Listening.Erasure;

/// <summary>
/// What is known of one person in clear — names, e-mails, phones, handles — to find them in free text and erase them:
/// collected from the person's own items during an erasure (and from the request), or from one item's author when an
/// item of an erased person arrives. <see cref="Mask"/> replaces, in one pass over the original text: URLs that carry any
/// of them (<c>…?user=olga_t</c>, <c>vk.com/olga_t</c>); the e-mails; phone numbers however written (<c>+7 916 123-45-67</c>
/// = <c>8 (916) 1234567</c>); the handles with and without <c>@</c>; the full name, each part of it (the first name inside
/// the text), and for Cyrillic names their case forms (Ольга → Ольгу, Ольгой).
/// </summary>
public sealed partial class PersonalDetails
{
    public const string Mark = "[erased]";

    private readonly HashSet<string> emails = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> phones = new(StringComparer.Ordinal);
    private readonly HashSet<string> handles = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> names = new(StringComparer.OrdinalIgnoreCase);
    private Regex? pattern;

    public bool IsEmpty => emails.Count + phones.Count + handles.Count + names.Count == 0;

    public void Add(Author? author)
    {
        if (author is null) return;
        AddEmail(author.Email);
        AddPhone(author.Phone);
        AddHandle(author.Handle);
        AddName(author.Name);
    }

    public void Add(PersonalIdentifier identifier)
    {
        switch (identifier.Kind)
        {
            case IdentifierKind.Email: AddEmail(identifier.Value); break;
            case IdentifierKind.Phone: AddPhone(identifier.Value); break;
            case IdentifierKind.Handle: AddHandle(identifier.Value); break;
        }
    }

    /// <summary>A word of a text found to be one of the person's (a tombstoned name, handle, e-mail or phone).</summary>
    public void AddWord(string word)
    {
        if (PersonalIdentifier.EmailAddress(word) is not null) AddEmail(word);
        else if (PersonalIdentifier.NormalizePhone(word) is not null && word.Count(char.IsAsciiDigit) >= 5 && !word.Any(char.IsLetter)) AddPhone(word);
        else if (word.Length >= 2 && names.Add(word)) pattern = null;
    }

    /// <summary>The name parts (and for Cyrillic names the stem of their case forms) as identifiers: what an erasure records so
    /// that an item of the person arriving later has their name masked too.</summary>
    public IEnumerable<PersonalIdentifier> NameIdentifiers()
    {
        foreach (var name in names.Where(n => !n.Contains(' ')))
        {
            yield return PersonalIdentifier.Name(name);
            if (InflectedStem(name) is { } stem && stem.Length < name.Length) yield return PersonalIdentifier.Name("stem:" + stem);
        }
    }

    /// <summary>The words of a text that could be one of a person's identifiers, each with the identifiers it would be
    /// (a handle on <paramref name="platform"/> or on any platform, a name or a name's stem, an e-mail, a phone).</summary>
    public static IEnumerable<(string Word, IReadOnlyList<PersonalIdentifier> Identifiers)> Candidates(string text, string platform, int max = 2000)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (Match m in CandidateWord().Matches(text))
        {
            var word = m.Value.Trim('.');
            if (word.Length < 2 || !seen.Add(word)) continue;
            if (seen.Count > max) yield break;
            var list = new List<PersonalIdentifier>(4);
            if (PersonalIdentifier.Email(word) is { } email) list.Add(email);
            else
            {
                if (PersonalIdentifier.Handle(word, platform) is { } handle) list.Add(handle);
                if (PersonalIdentifier.Handle(word, PersonalIdentifier.AnyPlatform) is { } anywhere) list.Add(anywhere);
                var bare = word.TrimStart('@');
                if (bare.Length >= 2 && bare.All(char.IsLetter))
                {
                    list.Add(PersonalIdentifier.Name(bare));
                    if (bare.All(c => c is >= 'А' and <= 'я' or 'ё' or 'Ё'))
                        for (var cut = 1; cut <= 3 && bare.Length - cut >= 3; cut++) list.Add(PersonalIdentifier.Name("stem:" + char.ToUpperInvariant(bare[0]) + bare[1..^cut]));
                }
            }
            yield return (word, list);
        }
        foreach (Match phone in PhoneCandidate().Matches(text))
            if (PersonalIdentifier.Phone(phone.Value) is { } p && seen.Add(phone.Value)) yield return (phone.Value, [p]);
    }

    [GeneratedRegex(@"[\p{L}\p{N}_.+@-]+", RegexOptions.CultureInvariant)]
    private static partial Regex CandidateWord();

    private void AddEmail(string? email)
    {
        if (PersonalIdentifier.Email(email) is { } e && emails.Add(e.Value)) pattern = null;
    }

    private void AddPhone(string? phone)
    {
        if (PersonalIdentifier.NormalizePhone(phone) is { } p && phones.Add(p)) pattern = null;
    }

    private void AddHandle(string? handle)
    {
        if (PersonalIdentifier.NormalizeHandle(handle) is { Length: >= 2 } h && handles.Add(h)) pattern = null;
    }

    private void AddName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return;
        if (names.Add(name.Trim())) pattern = null;
        foreach (var part in NamePart().Matches(name).Select(m => m.Value))
            if (part.Length >= 2 && names.Add(part)) pattern = null;
    }

    /// <summary>The text with every mention of the person replaced by <see cref="Mark"/>, and where each original position went
    /// (factor mentions keep pointing at their words).</summary>
    public MaskedText Mask(string text)
    {
        if (IsEmpty || string.IsNullOrEmpty(text)) return new MaskedText(text, []);
        var spans = new List<(int Start, int End)>();
        foreach (Match url in UrlPattern().Matches(text))
            if (Mentions(url.Value)) spans.Add((url.Index, url.Index + url.Length));
        // In an erased person's text every contact detail goes, not only the ones they gave us: a phone number or e-mail
        // written into a review is theirs (or someone else's — personal either way).
        foreach (Match phone in PhoneCandidate().Matches(text))
            if (PersonalIdentifier.NormalizePhone(phone.Value) is { } digits && (phones.Contains(digits) || LooksLikePhone(phone.Value, digits)))
                spans.Add((phone.Index, phone.Index + phone.Length));
        foreach (Match email in AnyEmail().Matches(text)) spans.Add((email.Index, email.Index + email.Length));
        if ((pattern ??= Build()) is { } words)
            foreach (Match m in words.Matches(text)) spans.Add((m.Index, m.Index + m.Length));
        if (spans.Count == 0) return new MaskedText(text, []);

        spans.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
        var merged = new List<(int Start, int End)>();
        foreach (var span in spans)
            if (merged.Count > 0 && span.Start <= merged[^1].End) merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, span.End));
            else merged.Add(span);
        var sb = new StringBuilder(text.Length);
        var at = 0;
        foreach (var (start, end) in merged)
        {
            sb.Append(text, at, start - at).Append(Mark);
            at = end;
        }
        sb.Append(text, at, text.Length - at);
        return new MaskedText(sb.ToString(), merged);
    }

    /// <summary>A number written as a phone: an international one (<c>+…</c>, 7 digits or more), or 10–15 digits.</summary>
    private static bool LooksLikePhone(string written, string digits) =>
        (written.TrimStart().StartsWith('+') && digits.Length >= 7) || digits.Length is >= 10 and <= 15;

    [GeneratedRegex(@"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+", RegexOptions.CultureInvariant)]
    private static partial Regex AnyEmail();

    /// <summary>Whether a URL (or any short value) carries an e-mail, phone, handle or name part of the person.</summary>
    public bool Mentions(string value)
    {
        if (IsEmpty) return false;
        string decoded;
        try { decoded = Uri.UnescapeDataString(value.Replace('+', ' ')); }
        catch (UriFormatException) { decoded = value; }
        var lower = decoded.ToLowerInvariant();
        if (emails.Any(e => lower.Contains(e, StringComparison.Ordinal))) return true;
        var tokens = Token().Matches(lower).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);
        if (handles.Any(tokens.Contains)) return true;
        if (names.Any(n => n.Length >= 3 && tokens.Contains(n.ToLowerInvariant()))) return true;
        var digits = new string(lower.Where(char.IsAsciiDigit).ToArray());
        return phones.Any(p => p.Length >= 7 && (digits.Contains(p, StringComparison.Ordinal) || (p[0] == '7' && digits.Contains("8" + p[1..], StringComparison.Ordinal))));
    }

    /// <summary>E-mails, handles (with or without <c>@</c>) and names in one alternation, longest first.</summary>
    private Regex? Build()
    {
        var alternatives = new List<string>();
        alternatives.AddRange(emails.OrderByDescending(e => e.Length).Select(e => $@"(?<![\w.+-]){Regex.Escape(e)}(?![\w-])"));
        alternatives.AddRange(handles.OrderByDescending(h => h.Length).Select(h => $@"(?<![\p{{L}}\p{{N}}_.@-])@?{Regex.Escape(h)}(?![\p{{L}}\p{{N}}_-])"));
        foreach (var name in names.OrderByDescending(n => n.Length))
        {
            alternatives.Add($@"(?<![\p{{L}}\p{{N}}]){Regex.Escape(name)}(?![\p{{L}}\p{{N}}])");
            if (InflectedStem(name) is { } stem)
                alternatives.Add($@"(?<![\p{{L}}\p{{N}}])(?-i:{Regex.Escape(stem[..1])})(?i:{Regex.Escape(stem[1..])})\p{{L}}{{0,3}}(?![\p{{L}}\p{{N}}])");
        }
        return alternatives.Count == 0 ? null
            : new Regex(string.Join('|', alternatives), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(2));
    }

    /// <summary>A Cyrillic first or last name of four letters or more, capitalised, minus a final vowel or soft sign: the stem its
    /// case forms share (Ольга → Ольг-у, Станислав → Станислав-у). Latin names are matched as written.</summary>
    private static string? InflectedStem(string name)
    {
        if (name.Length < 4 || !name.All(c => c is >= 'А' and <= 'я' or 'ё' or 'Ё') || !char.IsUpper(name[0])) return null;
        return "аяоеыийьюАЯОЕЫИЙЬЮ".Contains(name[^1]) ? name[..^1] : name;
    }

    [GeneratedRegex(@"\p{L}[\p{L}'’-]*\p{L}|\p{L}", RegexOptions.CultureInvariant)]
    private static partial Regex NamePart();

    [GeneratedRegex(@"(?:https?://|www\.)[^\s<>""']+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UrlPattern();

    [GeneratedRegex(@"(?<![\w+])\+?\d[\d\s().\-]{3,22}\d(?!\w)", RegexOptions.CultureInvariant)]
    private static partial Regex PhoneCandidate();

    [GeneratedRegex(@"[\p{L}\p{N}_.]+", RegexOptions.CultureInvariant)]
    private static partial Regex Token();
}

/// <summary>A masked text and the spans of the original that were replaced (sorted, disjoint).</summary>
public sealed record MaskedText(string Text, IReadOnlyList<(int Start, int End)> Replaced)
{
    public bool Changed => Replaced.Count > 0;

    /// <summary>Where a position of the original text is in the masked one (inside a replaced span: the start of its mark, or
    /// the end of it for the end of a range).</summary>
    public int Map(int position, bool end = false)
    {
        var shift = 0;
        foreach (var (from, to) in Replaced)
        {
            if (position < from || (end && position == from)) break;
            if (position < to) return from + shift + (end ? PersonalDetails.Mark.Length : 0);
            shift += PersonalDetails.Mark.Length - (to - from);
        }
        return position + shift;
    }
}
