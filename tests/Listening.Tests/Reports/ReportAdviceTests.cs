using System.Text.RegularExpressions;
using Listening.Core.Factors;
using Listening.Core.Feedback;
using Listening.Core.Sentiment;
using Listening.Reports;

namespace Listening.Tests.Reports;

/// <summary>
/// The report gives advice only where the data supports it: borderline factors are never headlined, "advertise"
/// only for clearly positive strengths with an edge, and a competitor with fewer than three placed factors is a table.
/// Built through ReportInput → ReportBuilder → ReportHtml on constructed items whose matrix is known.
/// </summary>
public class ReportAdviceTests
{
    private static readonly DateOnly From = new(2026, 1, 1), To = new(2026, 1, 31);
    private int _ids;

    private ScoredFeedback Item(string brand, int? rating, params (string Factor, SentimentLabel Label)[] mentions)
    {
        var text = string.Join(" ", mentions.Select(m => $"The {m.Factor} was {m.Label.ToString().ToLowerInvariant()}."));
        var start = 0;
        var list = new List<FactorMention>();
        foreach (var m in mentions)
        {
            var sentence = $"The {m.Factor} was {m.Label.ToString().ToLowerInvariant()}.";
            list.Add(new FactorMention(m.Factor, m.Label, m.Label switch { SentimentLabel.Positive => 0.8f, SentimentLabel.Negative => -0.8f, _ => 0 }, start, sentence.Length));
            start += sentence.Length + 1;
        }
        var id = Interlocked.Increment(ref _ids);
        var doc = rating is { } r ? (r - 3) / 2f : 0;
        return new ScoredFeedback(
            new FeedbackItem($"a{id}", FeedbackKind.Review, "google", brand, text, new DateTimeOffset(2026, 1, 1 + id % 28, 12, 0, 0, TimeSpan.Zero), Rating: rating,
                CompetitorOf: brand == "Acme" ? null : "Acme"),
            new FeedbackScores("en", new SentimentScore(doc > 0 ? SentimentLabel.Positive : doc < 0 ? SentimentLabel.Negative : SentimentLabel.Neutral, doc, 0.3f, 0.4f, 0.3f), list));
    }

    private ReportModel Build(string lang = "en")
    {
        var input = new ReportInput(new ReportRequest("Acme", ["Rival"], From, To, lang));
        var random = new Random(3);
        SentimentLabel Pick(double positive, double negative)
        {
            var u = random.NextDouble();
            return u < positive ? SentimentLabel.Positive : u < positive + negative ? SentimentLabel.Negative : SentimentLabel.Neutral;
        }
        // Acme: quality drives ratings and is loved; delivery drives them and is hated; price is mixed and does not
        // matter; parking is hated by people who rate 5 anyway; the app is middling.
        for (var i = 0; i < 400; i++)
        {
            var mentions = new List<(string, SentimentLabel)>();
            var utility = 0.0;
            void Maybe(string factor, double share, double positive, double negative, double weight)
            {
                if (random.NextDouble() >= share) return;
                var label = Pick(positive, negative);
                mentions.Add((factor, label));
                utility += weight * (label == SentimentLabel.Positive ? 1 : label == SentimentLabel.Negative ? -1 : 0);
            }
            Maybe("quality", 0.35, 0.9, 0.05, 1.5);
            Maybe("delivery", 0.3, 0.1, 0.8, 1.5);
            Maybe("price", 0.2, 0.2, 0.2, 0);
            Maybe("location_parking", 0.15, 0.05, 0.9, -0.3);
            Maybe("website_app", 0.15, 0.35, 0.35, 0.5);
            var rating = Math.Clamp((int)Math.Round(3 + utility + (random.NextDouble() - 0.5)), 1, 5);
            input.Add(Item("Acme", rating, [.. mentions]));
        }
        // Rival: only price (loved) and quality (hated) have enough mentions; its app just six (below the ten a Δ needs).
        for (var i = 0; i < 120; i++)
        {
            var quality = Pick(0.05, 0.9);
            var price = Pick(0.9, 0.05);
            input.Add(Item("Rival", quality == SentimentLabel.Negative ? 2 : 4, ("quality", quality), ("price", price)));
            if (i < 6) input.Add(Item("Rival", 4, ("website_app", SentimentLabel.Positive)));
        }
        return ReportBuilder.Build(input, DateTimeOffset.UnixEpoch);
    }

    private static string Section(string html, string id)
    {
        var start = html.IndexOf($"id=\"{id}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, id);
        return html[start..html.IndexOf("</section>", start, StringComparison.Ordinal)];
    }

    [Fact]
    public void The_story_of_the_data_comes_out_through_the_rules()
    {
        var m = Build();
        FactorRow F(string id) => m.Factors.Single(f => f.Factor == id);

        Assert.Equal("fix", F("delivery").Quadrant);
        Assert.Equal("promote", F("quality").Quadrant);
        Assert.Equal("ahead", F("quality").Edge);
        Assert.Equal("watch", F("location_parking").Quadrant);
        Assert.Equal("outcome-correlation", m.Method.ImportanceMeasure);
        // Every factor says what its importance rests on.
        Assert.All(m.Factors, f =>
        {
            Assert.Equal(["rating", "nps", "documentSentiment"], f.ImportanceBasis.Select(b => b.Outcome));
            Assert.Equal([400L, 0, 0], f.ImportanceBasis.Select(b => b.Items));
            Assert.Equal(f.N, f.ImportanceBasis[0].Mentions);
            Assert.Null(f.ImportanceBasis[1].R);
            Assert.Contains($"{f.N} mention it", f.ImportanceRestsOn);
        });
    }

    [Fact]
    public void Borderline_factors_show_both_quadrants_and_are_never_headlined_as_certain()
    {
        foreach (var lang in new[] { "en", "ru" })
        {
            var m = Build(lang);
            var html = ReportHtml.Render(m);
            var takeaways = Section(html, "takeaways");
            var t = ReportText.For(lang);

            // Five placed factors: the middle one sits on a median, so at least one factor is borderline.
            var borderline = m.Factors.Where(f => f.Borderline).ToList();
            Assert.NotEmpty(borderline);
            foreach (var f in borderline)
            {
                Assert.NotNull(f.Alternative);
                Assert.NotEqual(f.Quadrant, f.Alternative);
                Assert.NotEmpty(f.UncertainOn);
                Assert.DoesNotContain($"{t.FixFirst}: {f.Name}</b>", takeaways);
                Assert.DoesNotContain($"{t.PromoteIt}: {f.Name}</b>", takeaways);
                Assert.Contains(t.QuadrantName(Enum.Parse<Core.Matrix.Quadrant>(f.Alternative!, true)), f.Reason);
                Assert.Matches($"data-borderline=\"{f.Alternative}\"><td class=\"name\"><b>{Regex.Escape(f.Name)}</b>", html);
            }
            Assert.All(m.Factors.Where(f => !f.Borderline), f => Assert.Null(f.Alternative));
            // The "why" texts print two decimals, never the third-decimal comparisons of old.
            Assert.All(m.Factors, f => Assert.DoesNotMatch(@"\d[.,]\d{3}", f.Reason));
        }
    }

    [Fact]
    public void Advertise_is_said_only_for_clearly_positive_strengths_with_an_edge_and_says_which()
    {
        var m = Build();
        var takeaways = Section(ReportHtml.Render(m), "takeaways");

        var promoted = m.Factors.Where(f => f.Quadrant == "promote").ToList();
        Assert.NotEmpty(promoted);
        Assert.All(promoted, f =>
        {
            Assert.True(f.ClearlyPositive);
            Assert.True(f.PerformanceInterval.Low > 0);
            Assert.Contains(f.Edge, new[] { "ahead", "no-competitor-data" });
        });
        var quality = promoted.Single(f => f.Factor == "quality");
        Assert.Contains("Advertise: Product quality</b>", takeaways);
        Assert.Contains("ahead of competitors (closest: Rival", takeaways);
        Assert.Contains("So: promote — ahead of competitors.", quality.Reason);
        // Website/app is rated above most factors but not clearly positive: never advertised.
        var app = m.Factors.Single(f => f.Factor == "website_app");
        Assert.False(app.ClearlyPositive);
        Assert.NotEqual("promote", app.Quadrant);
    }

    [Fact]
    public void A_competitor_with_fewer_than_three_placed_factors_is_a_table_not_a_chart()
    {
        var m = Build();
        var html = ReportHtml.Render(m);

        var rival = Assert.Single(m.CompetitorMatrices);
        Assert.False(rival.HasQuadrants);
        Assert.All(rival.Factors, f => Assert.Equal("insufficient", f.Quadrant));
        var section = Section(html, "competitor-matrices");
        Assert.DoesNotContain("<svg id=\"matrix-rival\"", section);
        Assert.Contains("<table id=\"matrix-rival\"", section);
        Assert.Equal(2, Regex.Matches(section, "class=\"figure-row\"").Count);
        Assert.DoesNotContain("chip q-promote", section);
        // Its weak quality, where we are clearly ahead, is still our opening.
        Assert.Equal(["quality"], rival.Openings);
        Assert.Equal(rival.Factors.Single(f => f.Factor == "quality").DeltaVsUs, -m.Factors.Single(f => f.Factor == "quality").Delta);
    }

    [Fact]
    public void The_competitor_chart_shows_every_brands_n_and_explains_faded_dots_and_delta()
    {
        var html = ReportHtml.Render(Build());
        var section = Section(html, "competitors");
        // The chart is drawn for a wide and a narrow column: the wide one here, the narrow one must say the same.
        var chart = Regex.Match(section, "<svg id=\"competitor-chart\".*?</svg>", RegexOptions.Singleline).Value;
        var narrow = Regex.Match(section, "<svg id=\"competitor-chart-narrow\".*?</svg>", RegexOptions.Singleline).Value;
        Assert.NotEmpty(narrow);
        Assert.Equal(Regex.Matches(chart, "class=\"dot ").Count, Regex.Matches(narrow, "class=\"dot ").Count);
        Assert.Equal(Regex.Matches(chart, "class=\"competitor-n\"").Count, Regex.Matches(narrow, "class=\"competitor-n\"").Count);

        Assert.Contains("Δ vs the competitor we trail most", Regex.Replace(Regex.Replace(chart, "</tspan><tspan[^>]*>", " "), "<[^>]+>", ""));
        // One n per competitor per factor row, next to ours.
        var rows = Regex.Matches(chart, "class=\"row-n\"").Count;
        Assert.Equal(rows, Regex.Matches(chart, "class=\"competitor-n\"").Count);
        // Rival's quality and price have enough mentions; its app only six: a faded dot, explained under the chart.
        Assert.Equal(2, Regex.Matches(chart, "class=\"dot competitor\"").Count);
        Assert.Single(Regex.Matches(chart, "class=\"dot competitor faded\""));
        Assert.Contains("id=\"faded-dots\"", section);
        Assert.Contains("Faded dot", section);
    }
}
