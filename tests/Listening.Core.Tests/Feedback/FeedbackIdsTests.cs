using Listening.Core.Feedback;

namespace Listening.Core.Tests.Feedback;

public class FeedbackIdsTests
{
    [Fact]
    public void Same_source_and_external_id_give_the_same_item_id()
    {
        Assert.Equal(FeedbackIds.Derive("typeform", "evt-1", "acme", "a"), FeedbackIds.Derive("Typeform", "evt-1 ", "other", "b"));
    }

    [Fact]
    public void Without_external_id_the_id_follows_the_content()
    {
        var a = FeedbackIds.Derive("site", null, "acme", "Great delivery");
        Assert.Equal(a, FeedbackIds.Derive("site", "", "acme", "  Great delivery "));
        Assert.NotEqual(a, FeedbackIds.Derive("site", null, "acme", "Slow delivery"));
    }

    [Fact]
    public void Validation_names_each_bad_field()
    {
        var errors = new FeedbackItemDto { Brand = "", Text = " ", Rating = 7, Nps = 11, Kind = "tweet" }.Validate();
        Assert.Equal(["text", "brand", "kind", "rating", "nps"], errors.Keys.ToArray());
    }

    [Fact]
    public void Author_without_id_gets_one_derived_from_source_and_handle()
    {
        var item = new FeedbackItemDto { Brand = "acme", Text = "ok", Source = "twitter", Author = new AuthorDto(null, "Ann", "@ann", null) }
            .ToItem(DateTimeOffset.UnixEpoch);
        Assert.Equal(FeedbackIds.DeriveAuthorId("twitter", "@ann"), item.Author!.Id);
        Assert.Equal(FeedbackIds.Derive("twitter", null, "acme", "ok"), item.Id);
    }
}
