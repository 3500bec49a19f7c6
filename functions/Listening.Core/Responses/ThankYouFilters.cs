using System.Globalization;

namespace Listening.Core.Responses;

/// <summary>Liquid filters available to the templates (DotLiquid maps <c>Plural</c> to <c>plural</c>).</summary>
public static class ThankYouFilters
{
    /// <summary>
    /// <c>{{ n | plural: "балл", "балла", "баллов" }}</c> (Russian one/few/many) or
    /// <c>{{ n | plural: "point", "points" }}</c> (English one/other).
    /// </summary>
    public static string Plural(object? input, string one, string few, string? many = null)
    {
        var n = Convert.ToInt64(input ?? 0, CultureInfo.InvariantCulture);
        return many is null ? RussianGrammar.Plural(n, one, few) : RussianGrammar.Plural(n, one, few, many);
    }
}
