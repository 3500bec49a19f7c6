using Listening.Core.Responses;

namespace Listening.Core.Tests.Responses;

public class ContactPolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Week = TimeSpan.FromDays(7);

    [Fact]
    public void A_second_unsolicited_message_within_the_period_is_held_back()
    {
        Assert.False(ContactPolicy.MayContact(MessagePurpose.Unsolicited, Now.AddDays(-2), Now, Week));
        Assert.True(ContactPolicy.MayContact(MessagePurpose.Unsolicited, Now.AddDays(-7), Now, Week));
        Assert.True(ContactPolicy.MayContact(MessagePurpose.Unsolicited, null, Now, Week));
    }

    [Fact]
    public void A_reply_to_the_authors_own_feedback_is_never_held_back()
    {
        Assert.True(ContactPolicy.MayContact(MessagePurpose.Reply, Now.AddMinutes(-1), Now, Week));
    }
}
