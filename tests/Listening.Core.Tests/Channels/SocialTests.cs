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
