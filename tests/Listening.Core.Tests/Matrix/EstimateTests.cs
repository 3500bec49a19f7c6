using Listening.Core.Matrix;

namespace Listening.Core.Tests.Matrix;

public class EstimateTests
{
    [Fact]
    public void Fisher_z_interval_matches_the_textbook_value()
    {
        // r = 0.5, n = 103: se = 1/√100 = 0.1 → tanh(atanh 0.5 ± 0.196) = [0.339, 0.632].
        var e = Estimate.Correlation(0.5, 103);
        Assert.Equal(0.3393, e.Low, 4);
        Assert.Equal(0.6323, e.High, 4);
    }

    [Fact]
    public void Wilson_interval_matches_the_textbook_value()
    {
        var e = Estimate.Proportion(5, 10);
        Assert.Equal(0.2366, e.Low, 4);
        Assert.Equal(0.7634, e.High, 4);
    }

    [Fact]
    public void Net_score_is_positive_minus_negative_over_all_with_an_interval_that_never_collapses()
    {
        var e = Estimate.NetScore(positive: 6, neutral: 2, negative: 2);
        Assert.Equal(0.4, e.Value, 9);
        Assert.Equal(10, e.N);
        Assert.True(e.Low < 0.4 && e.High > 0.4);

        var allPositive = Estimate.NetScore(5, 0, 0);
        Assert.Equal(1, allPositive.Value);
        Assert.True(allPositive.Low < 0.9);
        Assert.Equal(1, allPositive.High);
    }
}
