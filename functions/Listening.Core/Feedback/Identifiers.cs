using System.Text.RegularExpressions;

namespace Listening.Core.Feedback;

/// <summary>
/// What a string must look like before the pipeline uses it as part of a key, a file name, a partition key or a message
/// id. Client strings never become such names raw: a source or an id is accepted only in a strict character set and
/// length (lower-case letters, digits, <c>.</c> <c>_</c> <c>-</c>; no separators, no dots at the ends, no Windows device
/// name such as <c>CON</c> or <c>nul.json</c>), a brand only without separators and control characters, and every
/// other id the pipeline makes is a keyed hash of such parts (<see cref="FeedbackIdKey"/>).
/// </summary>
public static partial class Identifiers
{
    public const int MaxSourceLength = 64, MaxIdLength = 128, MaxBrandLength = 100;

    /// <summary>A source or channel name: <c>typeform</c>, <c>yandex_maps</c>, <c>www.example.com</c>.</summary>
    public static bool IsSource(string? value) => value is not null && SourcePattern().IsMatch(value) && Tidy(value);

    /// <summary>An id a trusted sender may give (an item id, an author's account id): letters, digits, <c>.</c> <c>_</c> <c>-</c>.</summary>
    public static bool IsId(string? value) => value is not null && IdPattern().IsMatch(value) && Tidy(value);

    /// <summary>A brand name: 1–100 characters, not blank, no control character and none of <c>/ \ ? # |</c> (they separate
    /// paths, partition keys and Cosmos DB ids).</summary>
    public static bool IsBrand(string? value) =>
        value is not null && value.Trim().Length is > 0 and <= MaxBrandLength && value.Length <= MaxBrandLength
        && !HasControl(value, allowLineBreaks: false) && value.IndexOfAny(BrandSeparators) < 0 && !IsReservedDeviceName(value.Trim());

    /// <summary>Windows reserves these names whatever the extension (<c>CON</c>, <c>nul.json</c>, <c>COM1.txt</c>): a file
    /// named so is a device, not a file.</summary>
    public static bool IsReservedDeviceName(string value)
    {
        var stem = value.Split('.')[0].TrimEnd(' ').ToUpperInvariant();
        return stem is "CON" or "PRN" or "AUX" or "NUL" or "CONIN$" or "CONOUT$"
            || (stem.Length == 4 && (stem.StartsWith("COM", StringComparison.Ordinal) || stem.StartsWith("LPT", StringComparison.Ordinal))
                && (char.IsAsciiDigit(stem[3]) || stem[3] is '¹' or '²' or '³'));
    }

    /// <summary>
    /// Whether <paramref name="value"/> holds a character that has no place in text a person wrote or in a name: C0/C1
    /// controls (NUL among them; tab, line feed and carriage return are allowed in free text only), unpaired surrogates,
    /// and the non-characters U+FFFE / U+FFFF.
    /// </summary>
    public static bool HasControl(string value, bool allowLineBreaks)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])) { i++; continue; }
                return true;
            }
            if (char.IsLowSurrogate(c) || c is '\uFFFE' or '\uFFFF') return true;
            if (char.IsControl(c) && !(allowLineBreaks && c is '\t' or '\n' or '\r')) return true;
        }
        return false;
    }

    private static bool Tidy(string value) =>
        !value.EndsWith('.') && !value.StartsWith('.') && !value.Contains("..", StringComparison.Ordinal) && !IsReservedDeviceName(value);

    private static readonly char[] BrandSeparators = ['/', '\\', '?', '#', '|'];

    [GeneratedRegex(@"^[a-z0-9][a-z0-9._-]{0,63}\z", RegexOptions.CultureInvariant)]
    private static partial Regex SourcePattern();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]{0,127}\z", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
