using System.Globalization;
using Listening.Core.Alerts;
using Listening.Core.Feedback;
using Listening.Core.Sentiment;
using Listening.Pipeline;
using Listening.Reports;
using Listening.Responses;
using Listening.Storage;
using Microsoft.Extensions.Options;

namespace Listening.Alerts;

public sealed record AlertRun(int Brands, int Alerts, int Enqueued, int Suppressed);

/// <summary>
/// Timer (<c>AlertSchedule</c>, every 15 minutes by default; a <c>[Function]</c> on Azure, Cronos locally): the immediate
/// rhythm for marketing. For each brand whose report is delivered with <c>Alerts: true</c>:
/// <list type="bullet">
/// <item>a spike of negative mentions — of the brand, and of each factor — in the last <see cref="AlertOptions.Window"/>
/// against the brand's own trailing daily baseline (<see cref="NegativeSpike"/>: a minimum count, a minimum ratio and a
/// quasi-Poisson tail);</item>
/// <item>a factor moving into "fix" (clearly, not borderline or held), checked once a UTC day on the report up to yesterday;</item>
/// <item>a competitor's factor collapsing (<see cref="FactorCollapse"/>) — an opening, with where we stand on it.</item>
/// </list>
/// Each alert says what changed and by how much, quotes a few masked mentions and links to them; it goes to the brand's
/// report recipients through the responses outbox, once per window (state in the reports store: <see cref="AlertState"/>).
/// </summary>
public sealed partial class DetectAlerts(IFeedbackStore feedback, IReportStore store, IActionMatrixReports reports, IResponseStore outbox, BrandNames names,
    IOptions<AlertOptions> options, IOptions<ReportOptions> reportOptions, TimeProvider time, ILogger<DetectAlerts> logger)
{
    public const string Name = nameof(DetectAlerts);

    public async Task<AlertRun> RunAsync(CancellationToken cancellationToken)
    {
        int brands = 0, alerts = 0, enqueued = 0, suppressed = 0;
        foreach (var (brand, delivery) in reportOptions.Value.Delivery.Where(d => d.Value.Alerts))
        {
            brands++;
            var (found, queued, held) = await RunAsync(brand, delivery, cancellationToken);
            (alerts, enqueued, suppressed) = (alerts + found, enqueued + queued, suppressed + held);
        }
        return new AlertRun(brands, alerts, enqueued, suppressed);
    }

    /// <summary>One brand: the alerts found, the messages queued, the alerts held back because they went out within their window.</summary>
    public async Task<(int Alerts, int Enqueued, int Suppressed)> RunAsync(string brand, BrandDelivery delivery, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var lang = delivery.Lang ?? reportOptions.Value.Lang;
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var yesterday = today.AddDays(-1);
        var windowStart = now - o.Window;
        var d0 = DateOnly.FromDateTime(windowStart.UtcDateTime);
        var firstNeeded = Min(d0.AddDays(-o.BaselineDays), today.AddDays(1 - o.CollapseDays - o.BaselineDays));
        var state = AlertState.FromJson(await store.GetAsync(BrandKey.Of(brand), AlertState.Id(brand), cancellationToken));
        foreach (var old in state.Days.Keys.Where(d => d < firstNeeded || d >= yesterday).ToList()) state.Days.Remove(old);

        // Complete days (before yesterday) are counted once and remembered; late items for them are not recounted.
        var missing = Days(firstNeeded, yesterday.AddDays(-1)).Where(d => !state.Days.ContainsKey(d)).ToHashSet();
        if (missing.Count > 0)
        {
            await foreach (var record in feedback.QueryAsync(brand, Midnight(missing.Min()), Midnight(missing.Max().AddDays(1)), cancellationToken))
            {
                var day = DateOnly.FromDateTime(record.Item.CreatedAt.UtcDateTime);
                if (missing.Contains(day) && Scored(record) is { } scored) state.For(day, scored.Item.Brand).Add(scored);
            }
            foreach (var day in missing) state.For(day, brand); // a day without feedback is a zero, not a gap
        }

        // Yesterday and today are read afresh on every run: the window, and quotes for whatever is alerted.
        var fresh = new AlertState();
        var window = new DayCounts();
        var ours = new QuoteCandidates(lang, Math.Max(1, o.Quotes));
        var theirs = new Dictionary<string, QuoteCandidates>(BrandKey.Comparer);
        var windowNegatives = new List<ScoredFeedback>();
        await foreach (var record in feedback.QueryAsync(brand, Midnight(yesterday), now.AddSeconds(1), cancellationToken))
        {
            if (Scored(record) is not { } scored) continue;
            var item = scored.Item;
            fresh.For(DateOnly.FromDateTime(item.CreatedAt.UtcDateTime), item.Brand).Add(scored);
            if (BrandKey.Comparer.Equals(item.Brand, brand))
            {
                if (item.CreatedAt < windowStart) continue;
                window.Add(scored);
                ours.Offer(scored);
                if (scored.Scores.Sentiment.Label == SentimentLabel.Negative && windowNegatives.Count < 500) windowNegatives.Add(scored);
            }
            else
            {
                if (!theirs.TryGetValue(item.Brand, out var q)) theirs[item.Brand] = q = new QuoteCandidates(lang, Math.Max(1, o.Quotes));
                q.Offer(scored);
            }
        }
        DayCounts? Day(DateOnly day, string who) => day >= yesterday ? fresh.Get(day, who) : state.Get(day, who);

        var display = names.Of(brand, lang);
        var found = new List<(Alert Alert, TimeSpan Quiet)>();
        var firstDay = state.Days.Where(d => d.Value.TryGetValue(brand, out var c) && c.Items > 0).Select(d => (DateOnly?)d.Key).Min() ?? yesterday;
        var baseline = Days(Max(d0.AddDays(-o.BaselineDays), firstDay), d0.AddDays(-1)).ToList();
        var hours = (long)Math.Round(o.Window.TotalHours);

        // 1. The brand's negative mentions.
        var brandTest = NegativeSpike.Evaluate(window.Negative, baseline.Select(d => Day(d, brand)?.Negative ?? 0).ToList(), o.WindowDays, o.Spike);
        if (brandTest.IsSpike)
            found.Add((Spike(brand, display, lang, null, brandTest, windowStart, now, hours, BrandQuotes(ours, window, o.Quotes), d0, today), o.Window));

        // 2. Each factor's.
        foreach (var (factor, counts) in window.Factors.Where(f => f.Value.Negative >= o.MinCount).OrderByDescending(f => f.Value.Negative))
        {
            var test = NegativeSpike.Evaluate(counts.Negative, baseline.Select(d => Day(d, brand)?.Factors.GetValueOrDefault(factor)?.Negative ?? 0).ToList(), o.WindowDays, o.Spike);
            if (test.IsSpike)
                found.Add((Spike(brand, display, lang, factor, test, windowStart, now, hours, Quotes(ours.For(factor, SentimentLabel.Negative), "negative", o.Quotes), d0, today), o.Window));
        }

        // 3. Factors moving into fix, once a day on the report up to yesterday.
        if (o.FixAlerts && state.QuadrantsDay != today)
        {
            var periodDays = delivery.PeriodDays ?? reportOptions.Value.PeriodDays;
            var model = await reports.BuildAsync(new ActionMatrixQuery(brand, yesterday.AddDays(1 - periodDays), yesterday, lang), cancellationToken);
            var firstRun = state.QuadrantsDay is null;
            foreach (var f in model.Factors.Where(f => f.Quadrant == "fix" && !f.Borderline && !f.Held))
            {
                var was = firstRun ? f.PreviousQuadrant : state.Quadrants.GetValueOrDefault(f.Factor);
                if (was is null || was == "fix" || (firstRun && was == "insufficient")) continue;
                found.Add((IntoFix(brand, display, lang, f, was, model, today), TimeSpan.FromDays(1)));
            }
            state.Quadrants = model.Factors.ToDictionary(f => f.Factor, f => f.Quadrant, StringComparer.OrdinalIgnoreCase);
            state.QuadrantsDay = today;
        }

        // 4. A competitor's factor collapsing: the last CollapseDays against the BaselineDays before them.
        var recent = Days(today.AddDays(1 - o.CollapseDays), today).ToList();
        var before = Days(today.AddDays(1 - o.CollapseDays - o.BaselineDays), today.AddDays(-o.CollapseDays)).ToList();
        var competitors = state.Days.Values.SelectMany(d => d.Keys).Concat(fresh.Days.Values.SelectMany(d => d.Keys))
            .Where(b => !BrandKey.Comparer.Equals(b, brand)).Distinct(BrandKey.Comparer).ToList();
        foreach (var competitor in competitors)
        {
            PolarityCounts Sum(IEnumerable<DateOnly> days, string who, string factor) =>
                days.Select(d => Day(d, who)?.Factors.GetValueOrDefault(factor) ?? PolarityCounts.None).Aggregate(PolarityCounts.None, (a, b) => a.Plus(b));
            var factors = recent.SelectMany(d => Day(d, competitor)?.Factors.Keys ?? Enumerable.Empty<string>()).Distinct(StringComparer.OrdinalIgnoreCase);
            foreach (var factor in factors)
            {
                var test = FactorCollapse.Evaluate(Sum(recent, competitor, factor), Sum(before, competitor, factor), o.Collapse);
                if (!test.IsCollapse) continue;
                var us = Sum(recent, brand, factor);
                var quotes = theirs.TryGetValue(competitor, out var q) ? Quotes(q.For(factor, SentimentLabel.Negative), "negative", o.Quotes) : [];
                found.Add((Collapse(brand, display, lang, competitor, names.Of(competitor, lang), factor, test, us, recent[0], today, quotes), TimeSpan.FromDays(o.CollapseDays)));
            }
        }

        // Out through the outbox, each alert once per its window; then remember what went out.
        var recipients = delivery.Email.Select(e => e.Trim()).Where(e => e.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase)
            .Concat(delivery.Webhooks.Select(w => "webhook:" + w.Trim())).ToList();
        int queued = 0, held = 0;
        foreach (var (alert, quiet) in found)
        {
            if (state.Alerted.TryGetValue(alert.Key, out var last) && now - last < quiet) { held++; continue; }
            foreach (var recipient in recipients)
            {
                var id = AlertLetters.Id(alert, recipient);
                var message = recipient.StartsWith("webhook:", StringComparison.Ordinal)
                    ? AlertLetters.Webhook(alert, id, recipient["webhook:".Length..], now)
                    : AlertLetters.Email(alert, id, recipient, now);
                if (await outbox.EnqueueAsync(message, TimeSpan.Zero, cancellationToken)) queued++;
            }
            state.Alerted[alert.Key] = now;
            LogAlert(logger, BrandKey.Of(brand), alert.Kind, alert.Factor ?? "-", alert.Competitor is null ? "-" : BrandKey.Of(alert.Competitor));
        }
        foreach (var stale in state.Alerted.Where(a => now - a.Value > TimeSpan.FromDays(60)).Select(a => a.Key).ToList()) state.Alerted.Remove(stale);
        await store.SaveAsync(state.ToJson(brand), cancellationToken);
        return (found.Count, queued, held);
    }

    private Alert Spike(string brand, string display, string lang, string? factor, SpikeTest test, DateTimeOffset from, DateTimeOffset to, long hours,
        IReadOnlyList<AlertQuote> quotes, DateOnly firstDay, DateOnly lastDay)
    {
        var ru = lang == "ru";
        var o = options.Value;
        var c = CultureInfo.GetCultureInfo(ru ? "ru-RU" : "en-GB");
        var factorName = factor is null ? null : FactorNames.Name(factor, lang);
        var (k, expected, ratio) = (test.Observed, test.Expected.ToString("0.0", c), test.Ratio.ToString("0.0", c));
        var headline = (ru, factor) switch
        {
            (true, null) => $"Всплеск негатива о «{display}»: {Plural.NegativeMentions(k, lang)} за {Plural.Hours(hours, lang)} — в {ratio} раза больше обычного ({expected})",
            (true, _) => $"Всплеск негатива: «{factorName}» у «{display}» — {Plural.NegativeMentions(k, lang)} за {Plural.Hours(hours, lang)}, в {ratio} раза больше обычного ({expected})",
            (false, null) => $"Spike in negative mentions of {display}: {k} in the last {Plural.Hours(hours, lang)}, {ratio}× the usual {expected}",
            _ => $"Spike in negative mentions of {factorName} for {display}: {k} in the last {Plural.Hours(hours, lang)}, {ratio}× the usual {expected}",
        };
        var details = new List<string>
        {
            ru ? $"Обычно: {expected} за такой же срок (среднее за {Plural.Days(test.BaselineDays, lang)} до этого окна; разброс по дням ×{test.Dispersion.ToString("0.0", c)} к пуассоновскому)."
               : $"Usual level: {expected} in a window this long (the mean of the {Plural.Days(test.BaselineDays, lang)} before it; day-to-day spread ×{test.Dispersion.ToString("0.0", c)} Poisson's).",
            ru ? $"Вероятность случайно увидеть столько: p = {test.PValue.ToString("0.0e0", CultureInfo.InvariantCulture)} (правило: не меньше {o.MinCount}, не меньше чем в {o.MinRatio.ToString("0.#", c)} раза выше обычного и p ≤ {o.Alpha.ToString("0.#e0", CultureInfo.InvariantCulture)})."
               : $"Chance of seeing this many by chance: p = {test.PValue.ToString("0.0e0", CultureInfo.InvariantCulture)} (rule: at least {o.MinCount}, at least {o.MinRatio.ToString("0.#", c)}× the usual level and p ≤ {o.Alpha.ToString("0.#e0", CultureInfo.InvariantCulture)}).",
        };
        var link = factor is null
            ? ReportLetters.Link(reportOptions.Value, brand, firstDay, lastDay, lang)
            : MentionsLink(brand, factor, firstDay, lastDay, lang, "polarity=negative");
        return new Alert("negative-spike", BrandKey.Of(brand), display, lang, factor, factorName, null, null, from, to, headline, details,
            new Dictionary<string, double?> { ["observed"] = k, ["expected"] = test.Expected, ["ratio"] = test.Ratio, ["pValue"] = test.PValue, ["dispersion"] = test.Dispersion, ["baselineDays"] = test.BaselineDays },
            quotes, link, $"spike:{factor ?? "*"}", (to.UtcTicks / options.Value.Window.Ticks).ToString(CultureInfo.InvariantCulture));
    }

    private Alert IntoFix(string brand, string display, string lang, FactorRow f, string was, ReportModel model, DateOnly today)
    {
        var ru = lang == "ru";
        var t = ReportText.For(lang);
        var wasName = ReportHtml.QName(was, t);
        var headline = ru
            ? $"«{f.Name}» у «{display}» перешёл в «{t.QuadrantName(Core.Matrix.Quadrant.Fix)}» (был «{wasName}»): оценка {t.Signed(f.Performance)}, важность {t.Num(f.Importance)}"
            : $"{f.Name} moved into “{t.QuadrantName(Core.Matrix.Quadrant.Fix)}” for {display} (was “{wasName}”): performance {t.Signed(f.Performance)}, importance {t.Num(f.Importance)}";
        var details = new List<string>
        {
            ru ? $"Период отчёта: {ReportHtml.Period(model, t)}; {Plural.Mentions(f.N, lang)}, оценка {t.Signed(f.Performance)} [{t.Signed(f.PerformanceInterval.Low)}; {t.Signed(f.PerformanceInterval.High)}]."
               : $"Report period: {ReportHtml.Period(model, t)}; {Plural.Mentions(f.N, lang)}, performance {t.Signed(f.Performance)} [{t.Signed(f.PerformanceInterval.Low)}; {t.Signed(f.PerformanceInterval.High)}].",
            f.Reason,
        };
        var quotes = f.Quotes.Where(q => q.Sentiment == "negative").Take(options.Value.Quotes)
            .Select(q => new AlertQuote(q.Text, q.ClauseStart, q.ClauseLength, q.Sentiment, q.Source, q.Date)).ToList();
        return new Alert("factor-into-fix", BrandKey.Of(brand), display, lang, f.Factor, f.Name, null, null,
            Midnight(model.From), Midnight(model.To.AddDays(1)), headline, details,
            new Dictionary<string, double?> { ["performance"] = f.Performance, ["performanceLow"] = f.PerformanceInterval.Low, ["performanceHigh"] = f.PerformanceInterval.High, ["importance"] = f.Importance, ["mentions"] = f.N },
            quotes, MentionsLink(brand, f.Factor, model.From, model.To, lang, "polarity=negative"), $"fix:{f.Factor}", today.ToString("yyyyMMdd", CultureInfo.InvariantCulture));
    }

    private Alert Collapse(string brand, string display, string lang, string competitor, string competitorName, string factor, CollapseTest test, PolarityCounts us,
        DateOnly from, DateOnly to, IReadOnlyList<AlertQuote> quotes)
    {
        var ru = lang == "ru";
        var o = options.Value;
        var t = ReportText.For(lang);
        var factorName = FactorNames.Name(factor, lang);
        var ours = us.N > 0 ? t.Signed(us.Net) : "—";
        var headline = ru
            ? $"Возможность: у «{competitorName}» обвалилась оценка «{factorName}» — с {t.Signed(test.Before)} до {t.Signed(test.Now)} за {Plural.Days(o.CollapseDays, lang)}; у «{display}» {ours}"
            : $"Opening: {competitorName}'s {factorName} collapsed from {t.Signed(test.Before)} to {t.Signed(test.Now)} over the last {Plural.Days(o.CollapseDays, lang)}; {display} is at {ours}";
        var details = new List<string>
        {
            ru ? $"Оценка — индекс тональности упоминаний (−1…+1): {Plural.Mentions(test.MentionsNow, lang)} за последние {Plural.Days(o.CollapseDays, lang)} против {Plural.Mentions(test.MentionsBefore, lang)} за {Plural.Days(o.BaselineDays, lang)} до них; падение {t.Num(test.Drop)}, z = {t.Num(test.ZScore, "0.0")} (правило: падение ≥ {t.Num(o.CollapseDrop)}, z ≥ {t.Num(o.CollapseZ, "0.#")}, не меньше {o.CollapseMinMentions} упоминаний в обоих периодах)."
               : $"Performance is the net sentiment of the mentions (−1…+1): {Plural.Mentions(test.MentionsNow, lang)} in the last {Plural.Days(o.CollapseDays, lang)} against {Plural.Mentions(test.MentionsBefore, lang)} in the {Plural.Days(o.BaselineDays, lang)} before; a fall of {t.Num(test.Drop)}, z = {t.Num(test.ZScore, "0.0")} (rule: a fall ≥ {t.Num(o.CollapseDrop)}, z ≥ {t.Num(o.CollapseZ, "0.#")}, at least {o.CollapseMinMentions} mentions in both spans).",
            us.N > 0
                ? (ru ? $"У нас за те же дни: {t.Signed(us.Net)} по {Plural.Of(us.N, lang, "упоминанию", "упоминаниям", "упоминаниям", "", "")} — об этом стоит сказать клиентам конкурента." : $"Ours over the same days: {t.Signed(us.Net)} on {Plural.Mentions(us.N, lang)} — worth telling the competitor's customers.")
                : (ru ? "У нас за эти дни упоминаний этого фактора нет." : "We have no mentions of this factor in these days."),
        };
        return new Alert("competitor-collapse", BrandKey.Of(brand), display, lang, factor, factorName, BrandKey.Of(competitor), competitorName, Midnight(from), Midnight(to.AddDays(1)),
            headline, details,
            new Dictionary<string, double?> { ["before"] = test.Before, ["now"] = test.Now, ["drop"] = test.Drop, ["z"] = test.ZScore, ["mentionsBefore"] = test.MentionsBefore, ["mentionsNow"] = test.MentionsNow, ["ours"] = us.N > 0 ? us.Net : null },
            quotes, MentionsLink(brand, factor, from, to, lang, "polarity=negative&about=" + Uri.EscapeDataString(BrandKey.Of(competitor))),
            $"collapse:{BrandKey.Of(competitor)}:{factor}", (to.DayNumber / o.CollapseDays).ToString(CultureInfo.InvariantCulture));
    }

    private string? MentionsLink(string brand, string factor, DateOnly from, DateOnly to, string lang, string filters) =>
        string.IsNullOrWhiteSpace(reportOptions.Value.PublicBaseUrl) ? null
            : $"{reportOptions.Value.PublicBaseUrl.TrimEnd('/')}/api/reports/{Uri.EscapeDataString(BrandKey.Of(brand))}/factors/{Uri.EscapeDataString(factor)}?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}&lang={lang}&{filters}";

    private static IReadOnlyList<AlertQuote> Quotes(IEnumerable<Quote> quotes, string polarity, int max) =>
        quotes.Where(q => q.Sentiment == polarity).Take(max).Select(q => new AlertQuote(q.Text, q.ClauseStart, q.ClauseLength, q.Sentiment, q.Source, q.Date)).ToList();

    /// <summary>For the brand's spike: quotes from the factors complained about most in the window.</summary>
    private static IReadOnlyList<AlertQuote> BrandQuotes(QuoteCandidates quotes, DayCounts window, int max) =>
        window.Factors.OrderByDescending(f => f.Value.Negative).Where(f => f.Value.Negative > 0)
            .SelectMany(f => Quotes(quotes.For(f.Key, SentimentLabel.Negative), "negative", 1)).Take(max).ToList();

    private static ScoredFeedback? Scored(FeedbackRecord record) =>
        record.Item.Spam is null && record.Scores is { } scores ? new ScoredFeedback(record.Item, scores) : null;

    private static IEnumerable<DateOnly> Days(DateOnly from, DateOnly to)
    {
        for (var d = from; d <= to; d = d.AddDays(1)) yield return d;
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateTimeOffset Midnight(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert for {Brand}: {Kind} (factor {Factor}, competitor {Competitor})")]
    private static partial void LogAlert(ILogger logger, string brand, string kind, string factor, string competitor);
}
