using Listening.Core.Channels.Social;
using Listening.Core.Feedback;
using Microsoft.Extensions.Options;

namespace Listening.Ingest;

/// <summary>
/// The spam and cross-post check of ingest — the one place every entry path passes through (POST /api/feedback,
/// and through it webhooks, mentions, polled sources and `listening import`). Links-only texts are decided on the
/// text alone; everything else against the author's recent posts in <see cref="ISpamHistory"/>, so the verdict is the
/// same whichever process or instance takes the item, and a redelivered item gets its first verdict again.
/// </summary>
public sealed class SpamScreen(ISpamHistory history, IOptions<SpamRules> rules)
{
    // Only the rules: the per-author state is what the history hands to each check.
    private readonly SpamFilter _filter = new(rules.Value);

    /// <summary>One verdict per item, in input order. An author's items are checked in input order, one history
    /// update per author and batch; different authors concurrently.</summary>
    public async Task<IReadOnlyList<SpamVerdict>> CheckAsync(IReadOnlyList<FeedbackItem> items, CancellationToken cancellationToken)
    {
        var verdicts = new SpamVerdict[items.Count];
        var byAuthor = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            if (SpamFilter.IsLinksOnly(items[i].Text)) verdicts[i] = new SpamVerdict(SpamKind.LinksOnly);
            else if (SpamFilter.AuthorKey(items[i].Author) is { } key) (byAuthor.TryGetValue(key, out var list) ? list : byAuthor[key] = []).Add(i);
            else verdicts[i] = SpamVerdict.Clean;
        }
        await Task.WhenAll(byAuthor.Select(async author =>
        {
            var found = await history.UpdateAsync(author.Key,
                posts => author.Value.Select(i => _filter.Check(items[i], posts)).ToList(), cancellationToken);
            for (var j = 0; j < author.Value.Count; j++) verdicts[author.Value[j]] = found[j];
        }));
        return verdicts;
    }
}
