using System.Text.Json;
using Listening.Core.Factors;
using Listening.Core.Feedback;
using Listening.Core.Matrix;
using Listening.Core.Sentiment;

namespace Listening.Core.Tests.Matrix;

/// <summary>
/// The guard on the learned detector's drops: the matrix gives a factor back the rules' mentions the detector dropped
/// when without them it falls below the placement line and the rules alone place it (<see cref="BrandStats.Restored"/>).
/// </summary>
public class DetectorDropsGuardTests
{
    private static readonly DateTimeOffset Day = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private static int next;

    /// <summary>One item with the hybrid's mentions (<paramref name="added"/>: only the detector found them) and the rules' mentions it dropped.</summary>
    private static ScoredFeedback Item(int rating, string[] kept, string[]? added = null, string[]? dropped = null)
    {
        var label = rating >= 4 ? SentimentLabel.Positive : rating <= 2 ? SentimentLabel.Negative : SentimentLabel.Neutral;
        FactorMention Mention(string f) => new(f, label, 0.5f, 0, 4);
        var item = new FeedbackItem($"i{Interlocked.Increment(ref next)}", FeedbackKind.Review, "site", "B", "text", Day, Rating: rating);
        return new ScoredFeedback(item, new FeedbackScores("en", new SentimentScore(label, (float)FactorStats.LabelValue(label), 0.3f, 0.4f, 0.3f),
            [.. kept.Select(Mention), .. (added ?? []).Select(f => Mention(f) with { Added = true })],
            Dropped: dropped is null ? null : [.. dropped.Select(Mention)]));
    }

    /// <summary>
    /// A brand whose price, staff and delivery are placed from 40 items each (ratings alternate, so each has an importance),
    /// and <paramref name="more"/> items.
    /// </summary>
    private static BrandStats Brand(params ScoredFeedback[] more)
    {
        var stats = new BrandStats();
        for (var i = 0; i < 40; i++) stats.Add(Item(i % 2 == 0 ? 5 : 1, ["price", "staff", "delivery"]));
        foreach (var m in more) stats.Add(m);
        return stats;
    }

    private static IEnumerable<ScoredFeedback> Times(int n, Func<int, ScoredFeedback> item) => Enumerable.Range(0, n).Select(item);

    [Fact]
    public void A_factor_the_detector_took_below_the_placement_line_gets_its_drops_back_when_the_rules_alone_place_it()
    {
        // The rules read payment in 31 items; the detector dropped it from 3 of them, leaving 28 (the line is 30).
        var stats = Brand([.. Times(28, i => Item(i % 2 == 0 ? 5 : 2, ["payment"])), .. Times(3, i => Item(1, [], dropped: ["payment"]))]);
        Assert.Equal(28, stats.Factors["payment"].Items);

        var restored = stats.Restored(MatrixRules.Default.MinMentions);
        var matrix = ActionMatrixMethod.Compute("B", stats, [], MatrixRules.Default);

        Assert.Equal(31, restored.Factors["payment"].Items);
        Assert.Equal(3 + 14, restored.Factors["payment"].Negative); // the drops count with the sentiment the rules read
        Assert.Equal(31, matrix["payment"]!.N);
        Assert.NotEqual(Quadrant.Insufficient, matrix["payment"]!.Quadrant);
        Assert.Equal(28, stats.Factors["payment"].Items); // the aggregates themselves keep the detector's reading
    }

    [Fact]
    public void A_factor_the_rules_alone_would_not_place_either_keeps_the_detectors_count()
    {
        // 29 items in the hybrid, 5 of them only the detector found; it dropped 4: the rules alone read 28, below the line.
        var stats = Brand([.. Times(24, i => Item(i % 2 == 0 ? 5 : 2, ["payment"])), .. Times(5, i => Item(4, [], added: ["payment"])),
            .. Times(4, i => Item(1, [], dropped: ["payment"]))]);

        var matrix = ActionMatrixMethod.Compute("B", stats, [], MatrixRules.Default);

        Assert.Same(stats, stats.Restored(MatrixRules.Default.MinMentions));
        Assert.Equal(29, matrix["payment"]!.N);
        Assert.Equal(Quadrant.Insufficient, matrix["payment"]!.Quadrant);
    }

    [Fact]
    public void A_factor_the_detector_left_at_or_above_the_placement_line_keeps_the_detectors_reading()
    {
        var stats = Brand([.. Times(30, i => Item(i % 2 == 0 ? 5 : 2, ["payment"])), .. Times(6, i => Item(1, [], dropped: ["payment"]))]);

        Assert.Equal(30, ActionMatrixMethod.Compute("B", stats, [], MatrixRules.Default)["payment"]!.N);
    }

    [Fact]
    public void Drops_and_added_counts_merge_across_days_like_every_other_statistic()
    {
        var aggregates = new FeedbackAggregates();
        foreach (var (s, i) in new[] { Item(5, [], added: ["payment"]), Item(1, [], dropped: ["payment"]), Item(1, ["staff"], dropped: ["payment"]) }.Select((s, i) => (s, i)))
            aggregates.Add(s with { Item = s.Item with { CreatedAt = Day.AddDays(i) } });

        var span = aggregates.Span("B", DateOnly.MinValue, DateOnly.MaxValue);

        Assert.Equal(2, span.Dropped["payment"].Items);
        Assert.Equal(1, span.Added["payment"]);
        Assert.Equal(1, span.Factors["payment"].Items);
    }

    [Fact]
    public void An_item_stored_before_the_drops_were_kept_reads_as_nothing_dropped_and_nothing_added()
    {
        const string old = """
            {"id":"a1","kind":"review","source":"site","brand":"B","text":"Paid by card","lang":"en",
             "sentiment":{"label":"positive","score":0.8,"negative":0.1,"neutral":0.1,"positive":0.8},
             "factors":[{"factor":"payment","label":"positive","score":0.6,"start":0,"length":12}]}
            """;
        var dto = JsonSerializer.Deserialize<FeedbackItemDto>(old, FeedbackItemDto.JsonOptions)!;

        var scores = dto.ToScores()!;
        var stats = new BrandStats();
        stats.Add(new ScoredFeedback(dto.ToItem(Day), scores));

        Assert.Null(scores.Dropped);
        Assert.False(Assert.Single(scores.Factors).Added);
        Assert.Empty(stats.Dropped);
        Assert.Empty(stats.Added);
        Assert.Same(stats, stats.Restored(1));
    }

    [Fact]
    public void The_stored_item_carries_its_drops_apart_from_its_factors_and_its_added_mentions_flagged()
    {
        var scored = Item(4, ["staff"], added: ["loyalty"], dropped: ["payment"]);

        var json = JsonSerializer.Serialize(FeedbackItemDto.From(scored.Item, scored.Scores), FeedbackItemDto.JsonOptions);
        var back = JsonSerializer.Deserialize<FeedbackItemDto>(json, FeedbackItemDto.JsonOptions)!.ToScores()!;

        Assert.Equal(["staff", "loyalty"], back.Factors.Select(m => m.Factor)); // a reader that knows no drops counts none
        Assert.Equal([false, true], back.Factors.Select(m => m.Added));
        Assert.Equal(scored.Scores.Dropped!, back.Dropped!);
        Assert.DoesNotContain("\"added\":false", json);
        var rulesAlone = JsonSerializer.Serialize(FeedbackItemDto.From(scored.Item, scored.Scores with { Dropped = null }), FeedbackItemDto.JsonOptions);
        Assert.DoesNotContain("droppedFactors", rulesAlone);
    }
}
