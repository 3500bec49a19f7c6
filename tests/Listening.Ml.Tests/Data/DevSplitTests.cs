using Listening.Ml.Data;

namespace Listening.Ml.Tests.Data;

public class DevSplitTests
{
    [Fact]
    public void Dev_membership_depends_only_on_the_id()
    {
        Assert.Equal(DevSplit.IsDev("sre16_bank_train_2015train_1"), DevSplit.IsDev("sre16_bank_train_2015train_1"));
        // Pinned values: changing the hash would silently move rows between train and dev.
        Assert.Equal(DevSplit.Bucket("air_570306133677760513"), DevSplit.Bucket(new string("air_570306133677760513")));
        Assert.Equal(359_732_784u, DevSplit.Hash("abc"));
    }

    [Fact]
    public void About_a_fifth_of_ids_are_dev()
    {
        var dev = Enumerable.Range(0, 20_000).Count(i => DevSplit.IsDev($"row_{i}"));
        Assert.InRange(dev, 3_700, 4_300);
    }
}
