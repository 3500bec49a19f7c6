using Listening.Core.Channels.Social;
using Listening.Core.Feedback;

namespace Listening.Core.Tests.Channels;

public class SocialTests
{
    [Fact]
    public void Mention_maps_network_handle_url_text_and_time()
    {
        var dto = Assert.Single(MentionPayload.Parse(Payload.Bytes("mention.json"), "acme"));
        Assert.Equal("twitter", dto.Source);
        Assert.Equal("mention", dto.Kind);
        Assert.Equal("twitter:1859312247718227968", dto.ExternalId);
        Assert.Equal("@kate_runs", dto.Author!.Handle);
        Assert.Equal("Kate", dto.Author.Name);
        Assert.Equal("https://x.com/kate_runs/status/1859312247718227968", dto.Url);
        Assert.Equal(DateTimeOffset.Parse("2026-11-20T14:22:10Z"), dto.CreatedAt);
        Assert.StartsWith("Ordered running shoes", dto.Text);
        Assert.Empty(dto.Validate());
    }

    private static BrandAttribution Attribution() => new("acme", ["@acme"],
    [
        new Competitor { Name = "Globex", Handles = ["@globex_shop"] },
        new Competitor { Name = "Initech", Aliases = ["Инитек"] },
    ]);

    [Theory]
    [InlineData("Globex delivery was late again", "Globex")]
    [InlineData("why is @globex_shop so slow", "Globex")]
    [InlineData("В Инитек хамят на кассе", "Initech")]
    [InlineData("globexify is not a word", null)]
    [InlineData("Switched from Globex to acme, much better", null)]
    [InlineData("acme rocks", null)]
    public void Mentions_of_a_configured_competitor_are_attributed_to_it(string text, string? competitor)
    {
        var dto = new FeedbackItemDto { Brand = "acme", Text = text };
        Attribution().Apply(dto);
        Assert.Equal(competitor ?? "acme", dto.Brand);
        Assert.Equal(competitor is null ? null : "acme", dto.CompetitorOf);
    }

    private static FeedbackItem Item(string id, string text, string? handle, int minute) =>
        new(id, FeedbackKind.Mention, "twitter", "acme", text, DateTimeOffset.Parse("2026-11-20T10:00:00Z").AddMinutes(minute),
            Author: handle is null ? null : new Author(Handle: handle));

    [Fact]
    public void A_copy_edited_for_another_platform_collapses_but_the_same_edit_on_one_platform_is_a_new_post()
    {
        // The demo's cross-post: the brand named differently and one word added, similarity ≈ 0.76.
        const string twitter = "@lavkaplus заказ на 19:00 так и не приехал, на часах 21:30. Курьер не берёт трубку, поддержка молчит. Верните хотя бы деньги за доставку! #лавкаплюс";
        const string vk = "Лавка Плюс, заказ на 19:00 так и не приехал, на часах уже 21:30. Курьер не берёт трубку, поддержка молчит. Верните хотя бы деньги за доставку!! #лавкаплюс";
        var author = new Author(Handle: "@kirill_voronin");
        FeedbackItem Post(string id, string source, string text, int minute) =>
            new(id, FeedbackKind.Mention, source, "lavka", text, DateTimeOffset.Parse("2026-11-20T18:30:00Z").AddMinutes(minute), Author: author);

        var across = new SpamFilter();
        Assert.Equal(SpamVerdict.Clean, across.Check(Post("tw-1", "twitter", twitter, 0)));
        Assert.Equal(new SpamVerdict(SpamKind.CrossPost, "tw-1"), across.Check(Post("vk-1", "vk", vk, 4)));

        var same = new SpamFilter();
        Assert.Equal(SpamVerdict.Clean, same.Check(Post("tw-1", "twitter", twitter, 0)));
        Assert.Equal(SpamVerdict.Clean, same.Check(Post("tw-2", "twitter", vk, 4)));
    }

    [Fact]
    public void Cross_posted_copy_from_the_same_author_collapses_into_the_first()
    {
        var filter = new SpamFilter();
        Assert.Equal(SpamVerdict.Clean, filter.Check(Item("a", "The new store on Main St is great, friendly staff!", "@kate", 0)));
        var copy = filter.Check(Item("b", "The new store on Main St is great — friendly staff!! https://t.co/x1", "kate", 3));
        Assert.Equal(SpamKind.CrossPost, copy.Kind);
        Assert.Equal("a", copy.OriginalId);
        Assert.False(copy.IsSpam);
        // Another author saying the same thing is not a copy.
        Assert.Equal(SpamVerdict.Clean, filter.Check(Item("c", "The new store on Main St is great, friendly staff!", "@bob", 4)));
        // A redelivery of the same item is not a copy either.
        Assert.Equal(SpamVerdict.Clean, filter.Check(Item("a", "The new store on Main St is great, friendly staff!", "@kate", 0)));
    }

    [Fact]
    public void Redelivered_cross_post_copy_collapses_again_into_the_same_original()
    {
        var filter = new SpamFilter();
        filter.Check(Item("a", "Courier lost my order and support never answered me", "@kate", 0));
        var copy = Item("b", "Courier lost my order and support never answered me!!", "@kate", 2);
        Assert.Equal(new SpamVerdict(SpamKind.CrossPost, "a"), filter.Check(copy));

        // At-least-once delivery: the copy arrives again, later and after other posts of the author.
        filter.Check(Item("c", "Ordered again today, all fine this time", "@kate", 30));
        Assert.Equal(new SpamVerdict(SpamKind.CrossPost, "a"), filter.Check(copy));
    }

    [Fact]
    public void A_copy_of_a_collapsed_copy_collapses_into_the_kept_original()
    {
        var filter = new SpamFilter(new SpamRules { MaxPostsPerAuthor = 2 });
        filter.Check(Item("a", "Courier lost my order and support never answered me", "@kate", 0));
        filter.Check(Item("b", "Courier lost my order and support never answered me!", "@kate", 1));
        filter.Check(Item("x", "Something else entirely about the prices", "@kate", 2)); // "a" is forgotten now
        Assert.Equal(new SpamVerdict(SpamKind.CrossPost, "a"), filter.Check(Item("c", "Courier lost my order, and support never answered me", "@kate", 3)));
    }

    [Fact]
    public void Check_over_an_author_s_kept_posts_gives_what_one_filter_gives()
    {
        // The ingest keeps each author's posts in the store; a fresh filter over those posts decides like one long-lived filter.
        var rules = new SpamRules { FloodCopies = 3 };
        var posts = new List<SpamPost>();
        var memory = new SpamFilter(rules);
        var items = Enumerable.Range(0, 5).Select(i => Item($"f{i}", "BUY CHEAP FOLLOWERS NOW best prices", "@flood", i)).ToList();
        var stored = items.Select(i => new SpamFilter(rules).Check(i, posts)).ToList();
        Assert.Equal(items.Select(memory.Check), stored);
        Assert.Equal([SpamKind.None, SpamKind.CrossPost, SpamKind.Flood, SpamKind.Flood, SpamKind.Flood], stored.Select(v => v.Kind));
        Assert.Equal(items.Select(i => i.Id), posts.Select(p => p.Id));
        Assert.DoesNotContain(posts, p => p.Shingles.Length == 0);
    }

    [Fact]
    public void Links_only_posts_are_spam()
    {
        var verdict = new SpamFilter().Check(Item("x", "https://bit.ly/abc https://bit.ly/def !!", "@bot", 0));
        Assert.Equal(SpamKind.LinksOnly, verdict.Kind);
        Assert.Equal("links-only", verdict.Reason);
        Assert.False(SpamFilter.IsLinksOnly("Great price, see https://acme.com/deal"));
    }

    [Fact]
    public void Repeated_text_flood_from_one_author_is_marked_spam()
    {
        var filter = new SpamFilter(new SpamRules { FloodCopies = 4 });
        var verdicts = Enumerable.Range(0, 6).Select(i => filter.Check(Item($"f{i}", "BUY CHEAP FOLLOWERS NOW best prices", "@flood", i))).ToList();
        Assert.Equal(SpamKind.None, verdicts[0].Kind);
        Assert.Equal(SpamKind.CrossPost, verdicts[1].Kind);
        Assert.All(verdicts.Skip(3), v => Assert.Equal(SpamKind.Flood, v.Kind));
    }

    [Fact]
    public void Burst_of_different_posts_from_one_author_is_a_flood()
    {
        var filter = new SpamFilter(new SpamRules { BurstPosts = 5, BurstWindow = TimeSpan.FromMinutes(10) });
        var kinds = Enumerable.Range(0, 6).Select(i => filter.Check(Item($"p{i}", $"post number {i} about topic {i * 7}", "@burst", i)).Kind).ToList();
        Assert.Equal(SpamKind.None, kinds[3]);
        Assert.Equal(SpamKind.Flood, kinds[4]);
    }

    [Fact]
    public void Spam_reason_travels_from_dto_to_item_and_back()
    {
        var dto = new FeedbackItemDto { Brand = "acme", Text = "https://x.y", Spam = "links-only" };
        var item = dto.ToItem(DateTimeOffset.UnixEpoch);
        Assert.Equal("links-only", item.Spam);
        Assert.Equal("links-only", FeedbackItemDto.From(item).Spam);
    }
}
