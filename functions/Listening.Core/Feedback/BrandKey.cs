namespace Listening.Core.Feedback;

/// <summary>
/// One rule for "the same brand": a brand's key is its name trimmed and lower-cased (invariant culture), so
/// "Lavka", " lavka" and "LAVKA" are one brand wherever brands are matched — store indexes and partition keys,
/// report queries, competitor attribution, per-brand configuration. The name as given is kept for display.
/// </summary>
public static class BrandKey
{
    public static string Of(string brand) => brand.Trim().ToLowerInvariant();

    /// <summary>Compares brand names by their key (for dictionaries keyed by brand).</summary>
    public static StringComparer Comparer { get; } = new KeyComparer();

    private sealed class KeyComparer : StringComparer
    {
        public override int Compare(string? x, string? y) =>
            string.CompareOrdinal(x is null ? null : Of(x), y is null ? null : Of(y));

        public override bool Equals(string? x, string? y) =>
            ReferenceEquals(x, y) || (x is not null && y is not null && string.Equals(Of(x), Of(y), StringComparison.Ordinal));

        public override int GetHashCode(string obj) => StringComparer.Ordinal.GetHashCode(Of(obj));
    }
}
