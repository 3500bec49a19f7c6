using Listening.Reports;

namespace Listening.Tests.Reports;

/// <summary>Which scheduled letter is due: the brand's own time zone, send time and rhythm.</summary>
public class ReportSlotTests
{
    private static BrandDelivery Daily(string zone = "Europe/Moscow", string at = "08:00") => new() { TimeZone = zone, SendAt = at };

    [Fact]
    public void Before_the_local_send_time_the_due_letter_is_yesterdays_and_after_it_todays_covering_up_to_the_day_before()
    {
        // 07:30 in Moscow (UTC+3) on 16 March: the 08:00 letter of the 16th is not due yet.
        var before = ReportSlot.Latest(Daily(), 28, new DateTimeOffset(2026, 3, 16, 4, 30, 0, TimeSpan.Zero));
        var after = ReportSlot.Latest(Daily(), 28, new DateTimeOffset(2026, 3, 16, 5, 30, 0, TimeSpan.Zero));

        Assert.Equal(new DateOnly(2026, 3, 15), before.LocalDate);
        Assert.Equal(new DateOnly(2026, 3, 16), after.LocalDate);
        Assert.Equal(new DateTimeOffset(2026, 3, 16, 5, 0, 0, TimeSpan.Zero), after.DueAt);
        Assert.Equal((new DateOnly(2026, 2, 16), new DateOnly(2026, 3, 15)), (after.From, after.To));
        Assert.Equal("daily", after.Rhythm);
    }

    [Fact]
    public void The_same_instant_is_a_different_day_in_another_zone()
    {
        var now = new DateTimeOffset(2026, 3, 16, 2, 0, 0, TimeSpan.Zero); // 05:00 Moscow, 22:00 the day before in New York
        Assert.Equal(new DateOnly(2026, 3, 16), ReportSlot.Latest(Daily(at: "00:00"), 28, now).LocalDate);
        Assert.Equal(new DateOnly(2026, 3, 15), ReportSlot.Latest(Daily("America/New_York", "00:00"), 28, now).LocalDate);
    }

    [Fact]
    public void A_weekly_letter_is_the_latest_of_its_weekday_and_covers_its_own_period()
    {
        var weekly = new BrandDelivery { Rhythm = "weekly", WeeklyOn = DayOfWeek.Monday, TimeZone = "UTC", SendAt = "09:00", PeriodDays = 7 };
        // Wednesday 18 March 2026: the due letter is Monday the 16th's, over Monday 9 … Sunday 15.
        var slot = ReportSlot.Latest(weekly, 28, new DateTimeOffset(2026, 3, 18, 12, 0, 0, TimeSpan.Zero));

        Assert.Equal(("weekly", new DateOnly(2026, 3, 16)), (slot.Rhythm, slot.LocalDate));
        Assert.Equal((new DateOnly(2026, 3, 9), new DateOnly(2026, 3, 15)), (slot.From, slot.To));
        // Monday before 09:00: still the previous Monday's.
        Assert.Equal(new DateOnly(2026, 3, 9), ReportSlot.Latest(weekly, 28, new DateTimeOffset(2026, 3, 16, 8, 0, 0, TimeSpan.Zero)).LocalDate);
    }

    [Fact]
    public void A_send_time_skipped_by_daylight_saving_is_taken_an_hour_later()
    {
        // New York skipped 02:00–03:00 on 8 March 2026.
        var slot = ReportSlot.Latest(Daily("America/New_York", "02:30"), 28, new DateTimeOffset(2026, 3, 8, 12, 0, 0, TimeSpan.Zero));

        Assert.Equal(new DateOnly(2026, 3, 8), slot.LocalDate);
        Assert.Equal(new DateTimeOffset(2026, 3, 8, 7, 30, 0, TimeSpan.Zero), slot.DueAt); // 03:30 EDT
    }
}
