using Listening.Channels.Polling;
using Listening.Channels.ReviewPages;
using Listening.Core.Channels.Social;
using Listening.Core.Feedback;

namespace Listening.Channels;

/// <summary>A page or feed re-read on a timer, feeding one brand.</summary>
public sealed class ChannelSource
{
    public string Name { get; set; } = "";
    /// <summary><c>page</c> (review page) or <c>feed</c> (RSS/Atom).</summary>
    public string Kind { get; set; } = "page";
    public string Url { get; set; } = "";
    public string Brand { get; set; } = "";
    /// <summary>Name of a <see cref="SiteProfile"/> for pages without review markup.</summary>
    public string? Profile { get; set; }
    /// <summary>The item source name; default: the page's host (pages) or the source name (feeds).</summary>
    public string? Source { get; set; }
}

/// <summary>Configuration section <c>Channels</c>.</summary>
public sealed class ChannelsOptions
{
    public const string Section = "Channels";

    public List<ChannelSource> Sources { get; set; } = [];
    public List<SiteProfile> Profiles { get; set; } = [];
    /// <summary>Competitors per brand: <c>Channels:Competitors:acme:0:Name = Globex</c>.</summary>
    public Dictionary<string, List<Competitor>> Competitors { get; set; } = new(BrandKey.Comparer);
    /// <summary>Other names and handles of a brand itself (<c>Channels:BrandAliases:acme:0 = @acme</c>).</summary>
    public Dictionary<string, List<string>> BrandAliases { get; set; } = new(BrandKey.Comparer);
    public PollingOptions Polling { get; set; } = new();
    public ReviewPageLimits ReviewPages { get; set; } = new();

    public SiteProfile? ProfileFor(ChannelSource source, Uri url) =>
        Profiles.FirstOrDefault(p => string.Equals(p.Name, source.Profile, StringComparison.OrdinalIgnoreCase))
        ?? Profiles.FirstOrDefault(p => string.Equals(p.Name, url.Host, StringComparison.OrdinalIgnoreCase));

    public SiteProfile? ProfileFor(string? name) =>
        name is null ? null : Profiles.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
}
