using System.Text;
using System.Text.RegularExpressions;
using Listening.Core.Feedback;

namespace Listening.Core.Channels.Social;

/// <summary>Thresholds of the spam check (configuration <c>Channels:Spam</c>).</summary>
public sealed class SpamRules
{
    /// <summary>How far back an author's earlier posts are compared.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromHours(24);
    /// <summary>Word-shingle similarity at or above which two texts are the same post.</summary>
    public double NearIdentical { get; set; } = 0.85;
    /// <summary>This many near-identical posts from one author within the window is a flood (the first copy stays clean).</summary>
    public int FloodCopies { get; set; } = 4;
    /// <summary>This many posts of any text from one author within <see cref="BurstWindow"/> is a flood.</summary>
    public int BurstPosts { get; set; } = 20;
    public TimeSpan BurstWindow { get; set; } = TimeSpan.FromMinutes(10);
    /// <summary>Authors remembered at most (oldest forgotten first): bounds memory on a long-running process or a big import.</summary>
    public int MaxAuthors { get; set; } = 20_000;
    /// <summary>Recent posts remembered per author.</summary>
    public int MaxPostsPerAuthor { get; set; } = 20;
}

/// <summary>
/// Cross-post and spam detection over a stream of items, remembering each author's recent posts.
/// Pure and deterministic: time is the items' own <c>CreatedAt</c>, never the clock. Not thread-safe;
/// callers serialize (one per ingest process). Items without a known author are only checked for links-only.
/// </summary>
public sealed partial class SpamFilter(SpamRules? rules = null)
{
    private readonly SpamRules _rules = rules ?? new SpamRules();
    private readonly Dictionary<string, LinkedList<Post>> _byAuthor = new(StringComparer.Ordinal);
    private readonly Queue<string> _authorOrder = new();

    /// <summary>A remembered post: hashes only (shingles and the normalized text), so memory per post stays small.</summary>
    private sealed record Post(string Id, DateTimeOffset At, HashSet<ulong> Shingles, ulong Normalized);

    public SpamVerdict Check(FeedbackItem item)
    {
        if (IsLinksOnly(item.Text)) return new SpamVerdict(SpamKind.LinksOnly);
        var authorKey = AuthorKey(item.Author);
        if (authorKey is null) return SpamVerdict.Clean;

        var normalizedText = Normalize(item.Text);
        var normalized = Fnv(normalizedText);
        var shingles = Shingles(normalizedText);
        var posts = Posts(authorKey);
        while (posts.First is { } oldest && item.CreatedAt - oldest.Value.At > _rules.Window) posts.RemoveFirst();

        // The same item again (a redelivery) is neither a copy nor a flood.
        if (posts.Any(p => p.Id == item.Id)) return SpamVerdict.Clean;

        var copies = posts.Where(p => p.Normalized == normalized || Similarity(p.Shingles, shingles) >= _rules.NearIdentical).ToList();
        var burst = posts.Count(p => (item.CreatedAt - p.At).Duration() <= _rules.BurstWindow);
        posts.AddLast(new Post(item.Id, item.CreatedAt, shingles, normalized));
        if (posts.Count > _rules.MaxPostsPerAuthor) posts.RemoveFirst();

        if (copies.Count + 1 >= _rules.FloodCopies || burst + 1 >= _rules.BurstPosts) return new SpamVerdict(SpamKind.Flood);
        if (copies.Count > 0) return new SpamVerdict(SpamKind.CrossPost, copies[0].Id);
        return SpamVerdict.Clean;
    }

    /// <summary>A text that is nothing but links (and a few stray characters) carries no opinion.</summary>
    public static bool IsLinksOnly(string text)
    {
        if (!Url().IsMatch(text)) return false;
        var rest = Url().Replace(text, " ");
        return rest.Count(char.IsLetter) < 3;
    }

    private LinkedList<Post> Posts(string authorKey)
    {
        if (_byAuthor.TryGetValue(authorKey, out var posts)) return posts;
        if (_byAuthor.Count >= _rules.MaxAuthors && _authorOrder.TryDequeue(out var forget)) _byAuthor.Remove(forget);
        _authorOrder.Enqueue(authorKey);
        return _byAuthor[authorKey] = new LinkedList<Post>();
    }

    private static string? AuthorKey(Author? author)
    {
        var handle = author?.Handle ?? author?.Email ?? author?.Id;
        // One person cross-posts under the same handle on several networks: compare handles without the '@'.
        return string.IsNullOrWhiteSpace(handle) ? null : handle.Trim().TrimStart('@').ToLowerInvariant();
    }

    internal static string Normalize(string text)
    {
        var sb = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in Url().Replace(text, " ").Normalize(NormalizationForm.FormKC))
        {
            if (char.IsLetterOrDigit(c)) { sb.Append(char.ToLowerInvariant(c)); space = false; }
            else if (!space && sb.Length > 0) { sb.Append(' '); space = true; }
        }
        return sb.ToString().TrimEnd();
    }

    private static HashSet<ulong> Shingles(string normalized)
    {
        var words = normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 3) return [.. words.Select(Fnv)];
        var set = new HashSet<ulong>();
        for (var i = 0; i + 2 < words.Length; i++) set.Add(Fnv($"{words[i]} {words[i + 1]} {words[i + 2]}"));
        return set;
    }

    /// <summary>FNV-1a 64: stable across processes (string.GetHashCode is randomized per process).</summary>
    private static ulong Fnv(string s)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in s) { hash ^= c; hash *= 1099511628211UL; }
        return hash;
    }

    private static double Similarity(HashSet<ulong> a, HashSet<ulong> b)
    {
        if (a.Count == 0 || b.Count == 0) return 0;
        var common = a.Count <= b.Count ? a.Count(b.Contains) : b.Count(a.Contains);
        return (double)common / (a.Count + b.Count - common);
    }

    [GeneratedRegex(@"(https?://|www\.)\S+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Url();
}
