using Listening.Core.Feedback;
using Listening.Core.Responses;

namespace Listening.Core.Tests.Responses;

public class ResponseDigestTests
{
    private static readonly DateTimeOffset Day = new(2026, 11, 20, 0, 0, 0, TimeSpan.Zero);
    private static readonly ResponseTargets Targets = new();

    private static ResponseRecord Replied(string id, string source, int minutes, Tone tone = Tone.Positive) =>
        new(id, source, FeedbackKind.Review, tone, Day.AddHours(1), Day.AddHours(1).AddMinutes(minutes));

    [Fact]
    public void Default_targets_are_30_minutes_for_social_24_hours_for_review_sites_and_6_hours_for_email_and_surveys()
    {
        Assert.Equal(TimeSpan.FromMinutes(30), Targets.TargetFor(Targets.ClassOf("vk", FeedbackKind.Mention)));
        Assert.Equal(TimeSpan.FromHours(24), Targets.TargetFor(Targets.ClassOf("google", FeedbackKind.Review)));
        Assert.Equal(TimeSpan.FromHours(6), Targets.TargetFor(Targets.ClassOf("email", FeedbackKind.Review)));
        Assert.Equal(TimeSpan.FromHours(6), Targets.TargetFor(Targets.ClassOf("typeform", FeedbackKind.Survey)));
        Assert.Equal(ResponseTargets.Social, Targets.ClassOf("mastodon", FeedbackKind.Mention));
    }

    [Fact]
    public void Median_and_p90_time_to_reply_are_computed_per_channel()
    {
        var records = Enumerable.Range(1, 10).Select(i => Replied($"vk-{i}", "vk", i * 10))
            .Append(Replied("g-1", "google", 120)).ToList();

        var digest = ResponseDigest.Build(records, Targets, Day, Day.AddDays(1), Day.AddDays(1));
        var social = digest.Channels.Single(c => c.Channel == "social");

        Assert.Equal(10, social.Received);
        Assert.Equal(10, social.Replied);
        Assert.Equal(TimeSpan.FromMinutes(55), social.MedianTimeToReply);
        Assert.Equal(TimeSpan.FromMinutes(90), social.P90TimeToReply);
        Assert.Equal(3, social.RepliedOnTime);
        Assert.Equal(TimeSpan.FromMinutes(120), digest.Channels.Single(c => c.Channel == "review").MedianTimeToReply);
    }

    [Fact]
    public void Waiting_items_are_listed_negative_first_and_overdue_only_past_their_channel_target()
    {
        var now = Day.AddHours(2);
        ResponseRecord[] records =
        [
            new("vk-pos", "vk", FeedbackKind.Mention, Tone.Positive, Day, null),           // 2 h on social: overdue
            new("g-neg", "google", FeedbackKind.Review, Tone.Negative, Day.AddHours(1), null), // 1 h on a review site: within 24 h
            new("vk-neg", "vk", FeedbackKind.Mention, Tone.Negative, Day.AddHours(1), null),  // 1 h on social: overdue
            new("mail-done", "email", FeedbackKind.Review, Tone.Negative, Day, Day.AddHours(1)),
        ];

        var overdue = ResponseDigest.Overdue(records, Targets, now);
        var digest = ResponseDigest.Build(records, Targets, Day, Day.AddDays(1), now);

        Assert.Equal(["vk-neg", "vk-pos"], overdue.Select(w => w.ItemId));
        Assert.Equal(["vk-neg", "g-neg", "vk-pos"], digest.Waiting.Select(w => w.ItemId));
        Assert.Equal(2, digest.Channels.Single(c => c.Channel == "social").Overdue);
        Assert.Equal(0, digest.Channels.Single(c => c.Channel == "review").Overdue);
    }

    [Fact]
    public void A_channel_without_replies_has_no_median()
    {
        var digest = ResponseDigest.Build([new ResponseRecord("x", "vk", FeedbackKind.Mention, Tone.Neutral, Day, null)], Targets, Day, Day.AddDays(1), Day);

        Assert.Null(digest.Channels.Single().MedianTimeToReply);
        Assert.Equal(1, digest.Channels.Single().Waiting);
    }
}
