using System.Text.RegularExpressions;
using Listening.Core.Feedback;

namespace Listening.Core.Channels.Social;

/// <summary>A named competitor of a brand: the names and social handles that identify it in text.</summary>
public sealed class Competitor
{
    public string Name { get; set; } = "";
    public List<string> Aliases { get; set; } = [];
    public List<string> Handles { get; set; } = [];
}

/// <summary>
/// Each source feeds one brand; a mention that names a configured competitor (and not the brand itself) is
/// about the competitor: <c>brand</c> = competitor, <c>competitorOf</c> = our brand. That is what fills the
/// competitor side of the action matrix. A text that names both stays ours (a comparison made to us).
/// </summary>
public sealed class BrandAttribution
{
    private readonly Regex? _ours;
    private readonly List<(string Name, Regex Pattern)> _competitors;

    public BrandAttribution(string brand, IEnumerable<string> brandAliases, IEnumerable<Competitor> competitors)
    {
        Brand = brand;
        _ours = Pattern([brand, .. brandAliases]);
        _competitors = competitors
            .Where(c => !string.IsNullOrWhiteSpace(c.Name))
            .Select(c => (c.Name.Trim(), Pattern([c.Name, .. c.Aliases, .. c.Handles])))
            .Where(c => c.Item2 is not null)
            .Select(c => (c.Item1, c.Item2!))
            .ToList();
    }

    public string Brand { get; }

    /// <summary>The competitor a text is about, or null when it is about our brand.</summary>
    public string? CompetitorIn(string text)
    {
        if (_competitors.Count == 0 || (_ours?.IsMatch(text) ?? false)) return null;
        return _competitors.FirstOrDefault(c => c.Pattern.IsMatch(text)).Name;
    }

    /// <summary>Rewrites brand/competitorOf of an item from this brand's source (already attributed items are left alone).</summary>
    public void Apply(FeedbackItemDto item)
    {
        if (!string.IsNullOrWhiteSpace(item.CompetitorOf) || item.Text is null) return;
        if (CompetitorIn(item.Text) is { } competitor)
        {
            item.Brand = competitor;
            item.CompetitorOf = Brand;
        }
    }

    /// <summary>Whole-word (or whole-handle) match, case-insensitive, for any of the names.</summary>
    private static Regex? Pattern(IEnumerable<string> names)
    {
        var alternatives = names.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => Regex.Escape(n.Trim())).Distinct().ToList();
        if (alternatives.Count == 0) return null;
        return new Regex($@"(?<![\p{{L}}\p{{N}}_@])(?:{string.Join('|', alternatives)})(?![\p{{L}}\p{{N}}_])",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(200));
    }
}
