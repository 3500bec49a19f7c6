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
    /// <summary>
    /// The same, for posts on different platforms (sources): a cross-post is usually edited where it names the brand
    /// (<c>@lavkaplus</c> on Twitter, "Лавка Плюс" on VK) and in a word or two, and in a short text each edited word
    /// removes three of the word triples compared — a 25-word complaint copied with two edits scores about 0.75.
    /// </summary>
    public double CrossPlatform { get; set; } = 0.7;
    /// <summary>This many near-identical posts from one author within the window is a flood (the first copy stays clean).</summary>
    public int FloodCopies { get; set; } = 4;
    /// <summary>This many posts of any text from one author within <see cref="BurstWindow"/> is a flood.</summary>
    public int BurstPosts { get; set; } = 20;
    public TimeSpan BurstWindow { get; set; } = TimeSpan.FromMinutes(10);
    /// <summary>Authors remembered at most by an in-memory filter (oldest forgotten first); a store keeps one record per author instead.</summary>
    public int MaxAuthors { get; set; } = 20_000;
    /// <summary>Recent posts remembered per author.</summary>
    public int MaxPostsPerAuthor { get; set; } = 20;
}

/// <summary>
/// One remembered post of an author: hashes only (word shingles and the normalized text), plus the verdict it got,
/// so memory per post stays small, no text or handle is kept, and a redelivery gets the same verdict again.
/// </summary>
public sealed record SpamPost(string Id, DateTimeOffset At, ulong[] Shingles, ulong Normalized, SpamKind Verdict, string? OriginalId = null, string? Source = null);

/// <summary>
/// Cross-post and spam detection over a stream of items, remembering each author's recent posts.
/// Pure and deterministic: time is the items' own <c>CreatedAt</c>, never the clock. The per-author state is a plain
/// list of <see cref="SpamPost"/>, so <see cref="Check(FeedbackItem, List{SpamPost})"/> runs as well over posts a
/// store keeps (what ingest does: one author's posts, read and written back atomically) as over this instance's
/// own memory (<see cref="Check(FeedbackItem)"/>). Not thread-safe; callers serialize per author.
/// Items without a known author are only checked for links-only.
/// </summary>
public sealed partial class SpamFilter(SpamRules? rules = null)
{
    private readonly SpamRules _rules = rules ?? new SpamRules();
    private readonly Dictionary<string, List<SpamPost>> _byAuthor = new(StringComparer.Ordinal);
    private readonly Queue<string> _authorOrder = new();

    /// <summary>Checks <paramref name="item"/> against the posts this instance remembers (one process's view).</summary>
    public SpamVerdict Check(FeedbackItem item)
    {
        if (IsLinksOnly(item.Text)) return new SpamVerdict(SpamKind.LinksOnly);
        return AuthorKey(item.Author) is { } key ? Check(item, Posts(key)) : SpamVerdict.Clean;
    }

    /// <summary>
    /// Checks <paramref name="item"/> against its author's recent <paramref name="posts"/> (oldest first) and
    /// records it there: expired posts are dropped, the item is appended with its verdict, the list stays within
    /// <see cref="SpamRules.MaxPostsPerAuthor"/>. An item already in the list (a redelivery) gets its first verdict again.
    /// </summary>
    public SpamVerdict Check(FeedbackItem item, List<SpamPost> posts)
    {
        if (IsLinksOnly(item.Text)) return new SpamVerdict(SpamKind.LinksOnly);
        if (posts.Find(p => p.Id == item.Id) is { } seen) return new SpamVerdict(seen.Verdict, seen.OriginalId);
        posts.RemoveAll(p => item.CreatedAt - p.At > _rules.Window);

        var normalizedText = Normalize(item.Text);
        var normalized = Fnv(normalizedText);
        var shingles = Shingles(normalizedText);
        var copies = posts.Where(p => p.Normalized == normalized || Similarity(p.Shingles, shingles) >= Threshold(p, item)).ToList();
        var burst = posts.Count(p => (item.CreatedAt - p.At).Duration() <= _rules.BurstWindow);

        var verdict = copies.Count + 1 >= _rules.FloodCopies || burst + 1 >= _rules.BurstPosts ? new SpamVerdict(SpamKind.Flood)
            // A copy collapses into the item that was kept: a remembered copy was itself collapsed into its original.
            : copies.Count > 0 ? new SpamVerdict(SpamKind.CrossPost, copies[0].OriginalId ?? copies[0].Id)
            : SpamVerdict.Clean;
        posts.Add(new SpamPost(item.Id, item.CreatedAt, [.. shingles], normalized, verdict.Kind, verdict.OriginalId, item.Source));
        if (posts.Count > _rules.MaxPostsPerAuthor) posts.RemoveRange(0, posts.Count - _rules.MaxPostsPerAuthor);
        return verdict;
    }

    private double Threshold(SpamPost earlier, FeedbackItem item) =>
        earlier.Source is { } source && !string.Equals(source, item.Source, StringComparison.OrdinalIgnoreCase)
            ? Math.Min(_rules.CrossPlatform, _rules.NearIdentical)
            : _rules.NearIdentical;

    /// <summary>A text that is nothing but links (and a few stray characters) carries no opinion.</summary>
    public static bool IsLinksOnly(string text)
    {
        if (!Url().IsMatch(text)) return false;
        var rest = Url().Replace(text, " ");
        return rest.Count(char.IsLetter) < 3;
    }

    private List<SpamPost> Posts(string authorKey)
    {
        if (_byAuthor.TryGetValue(authorKey, out var posts)) return posts;
        if (_byAuthor.Count >= _rules.MaxAuthors && _authorOrder.TryDequeue(out var forget)) _byAuthor.Remove(forget);
        _authorOrder.Enqueue(authorKey);
        return _byAuthor[authorKey] = [];
    }

    /// <summary>Who posted, for comparing posts: handle, else e-mail, else author id; null when unknown.</summary>
    public static string? AuthorKey(Author? author)
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

    /// <summary>Jaccard similarity of two shingle sets (<paramref name="a"/> holds distinct values).</summary>
    private static double Similarity(ulong[] a, HashSet<ulong> b)
    {
        if (a.Length == 0 || b.Count == 0) return 0;
        var common = a.Count(b.Contains);
        return (double)common / (a.Length + b.Count - common);
    }

    [GeneratedRegex(@"(https?://|www\.)\S+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Url();
}
