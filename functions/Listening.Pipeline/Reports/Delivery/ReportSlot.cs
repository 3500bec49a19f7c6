namespace Listening.Reports;

/// <summary>
/// The latest scheduled letter of a brand that is due at <c>now</c>: for a daily rhythm the most recent local day whose send
/// time has passed, for a weekly one the most recent such <see cref="BrandDelivery.WeeklyOn"/>. The letter covers the
/// <c>PeriodDays</c> days up to the day before that local date (report days are UTC days). A send time that does not exist
/// on a day (skipped by a daylight-saving change) is taken an hour later.
/// </summary>
public sealed record ReportSlot(DateOnly LocalDate, DateTimeOffset DueAt, DateOnly From, DateOnly To, string Rhythm)
{
    public static ReportSlot Latest(BrandDelivery delivery, int periodDays, DateTimeOffset now)
    {
        var zone = delivery.Zone;
        var sendAt = delivery.SendTime;
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var date = DateOnly.FromDateTime(local.DateTime);
        if (TimeOnly.FromDateTime(local.DateTime) < sendAt) date = date.AddDays(-1);
        if (delivery.IsWeekly)
            while (date.DayOfWeek != delivery.WeeklyOn) date = date.AddDays(-1);
        var localDue = date.ToDateTime(sendAt);
        if (zone.IsInvalidTime(localDue)) localDue = localDue.AddHours(1);
        var due = new DateTimeOffset(localDue, zone.GetUtcOffset(localDue));
        var to = date.AddDays(-1);
        return new ReportSlot(date, due.ToUniversalTime(), to.AddDays(1 - (delivery.PeriodDays ?? periodDays)), to, delivery.IsWeekly ? "weekly" : "daily");
    }
}
