using Listening.Core.Feedback;

namespace Listening.Core.Channels.Import;

/// <summary>One input row: the item it became, or the reason it was rejected, with its 1-based line number.</summary>
public sealed record ImportRow(long Line, FeedbackItemDto? Item, string? Error = null)
{
    public static ImportRow Rejected(long line, string error) => new(line, null, error);
}

/// <summary>Defaults applied to every imported row that does not say otherwise.</summary>
public sealed record ImportDefaults(string Brand, string Source = "import", string Kind = "review", string? Channel = null, string? CompetitorOf = null);
