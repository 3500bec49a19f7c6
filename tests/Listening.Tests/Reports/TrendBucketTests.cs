using Listening.Reports;

namespace Listening.Tests.Reports;

public class TrendBucketTests
{
    [Fact]
    public void A_month_is_drawn_by_day()
    {
        var buckets = ReportBuilder.Buckets(new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 31));
        Assert.Equal(31, buckets.Count);
        Assert.All(buckets, b => Assert.Equal(b.Start, b.End));
    }

    [Fact]
    public void A_quarter_is_drawn_by_monday_to_sunday_weeks_that_cover_every_day_once()
    {
        var from = new DateOnly(2026, 1, 1); // a Thursday
        var to = new DateOnly(2026, 3, 31);
        var buckets = ReportBuilder.Buckets(from, to);

        Assert.Equal((from, new DateOnly(2026, 1, 4)), buckets[0]);
        Assert.All(buckets.Skip(1), b => Assert.Equal(DayOfWeek.Monday, b.Start.DayOfWeek));
        Assert.All(buckets.SkipLast(1), b => Assert.Equal(DayOfWeek.Sunday, b.End.DayOfWeek));
        Assert.Equal(to, buckets[^1].End);
        Assert.Equal(to.DayNumber - from.DayNumber + 1, buckets.Sum(b => b.End.DayNumber - b.Start.DayNumber + 1));
    }

    [Fact]
    public void A_year_is_drawn_by_calendar_month()
    {
        var buckets = ReportBuilder.Buckets(new DateOnly(2025, 7, 15), new DateOnly(2026, 7, 14));
        Assert.Equal(13, buckets.Count);
        Assert.Equal(new DateOnly(2025, 7, 31), buckets[0].End);
        Assert.Equal((new DateOnly(2026, 2, 1), new DateOnly(2026, 2, 28)), buckets[7]);
    }
}
