using System.Text.Json;
using Listening.Core.Factors;
using Listening.Core.Feedback;
using Listening.Core.Matrix;
using Listening.Core.Sentiment;
using Xunit.Abstractions;

namespace Listening.Core.Tests.Matrix;

/// <summary>
/// The method on the demo's hand labels: with the mentions and polarities its author intended, the matrix must
/// tell the story of samples/demo/README.md — through the rules, not by special cases. This is the matrix
/// `evaluate-story` compares the pipeline's with. Labels come from samples/demo/labels.jsonl (joined with
/// feedback.jsonl for brand, rating and NPS) when it exists, else from the spec lines in samples/demo/source.
/// </summary>
public class DemoStoryMatrixTests(ITestOutputHelper output)
{
    private static readonly Dictionary<string, string> Codes = new()
    {
        ["pr"] = "price", ["q"] = "quality", ["d"] = "delivery", ["st"] = "staff", ["w"] = "waiting_time", ["su"] = "support",
        ["ap"] = "website_app", ["pay"] = "payment", ["as"] = "assortment", ["cl"] = "cleanliness_atmosphere",
        ["loc"] = "location_parking", ["ret"] = "returns", ["loy"] = "loyalty",
    };

    private static readonly HashSet<string> Surveys = ["typeform", "formbricks", "surveymonkey", "qualtrics", "google_forms"];

    [Fact]
    public void The_hand_labels_of_the_demo_give_the_story_it_was_written_to_tell()
    {
        var items = LabelledItems();
        var m = ActionMatrixMethod.FromItems("lavka", items, ["megamart", "quickbasket"]);
        foreach (var f in m.Factors)
            output.WriteLine($"{f.Factor,-24} {f.Quadrant,-12} {(f.Borderline ? "or " + f.Alternative : ""),-14} n={f.N,3} "
                + $"imp {f.Importance.Value:0.00} [{f.Importance.Low:0.00}; {f.Importance.High:0.00}] perf {f.Performance.Value:+0.00;-0.00} "
                + $"Δ {f.Weakest?.Delta.Value:+0.00;-0.00} {f.Weakest?.Competitor}");
        output.WriteLine($"medians: importance {m.Crosshairs.Importance:0.000}, performance {m.Crosshairs.Performance:+0.000}");

        Assert.Equal(ImportanceMeasure.OutcomeCorrelation, m.Measure);
        var intended = new Dictionary<string, Quadrant>
        {
            ["delivery"] = Quadrant.Fix, ["support"] = Quadrant.Fix,
            ["quality"] = Quadrant.Promote, ["assortment"] = Quadrant.Promote,
            ["website_app"] = Quadrant.Maintain, ["staff"] = Quadrant.Maintain,
            ["price"] = Quadrant.Watch, ["location_parking"] = Quadrant.Watch,
        };
        foreach (var (factor, quadrant) in intended)
        {
            var f = m[factor]!;
            // The most likely quadrant is the intended one; a borderline factor also names its other possibility.
            Assert.True(f.Quadrant == quadrant, $"{factor}: {f.Quadrant} (or {f.Alternative}), intended {quadrant}");
        }
        // What the story states firmly, the method states as clear.
        foreach (var factor in new[] { "delivery", "support", "quality" })
            Assert.False(m[factor]!.Borderline, $"{factor} is borderline");
        Assert.All(m.Factors.Where(f => !intended.ContainsKey(f.Factor)), f => Assert.Equal(Quadrant.Insufficient, f.Quadrant));
        // Ahead of MegaMart on quality, far behind QuickBasket on delivery.
        Assert.Equal("megamart", m["quality"]!.Weakest!.Competitor);
        Assert.True(m["quality"]!.Weakest!.Delta.Low > 0);
        Assert.Equal("quickbasket", m["delivery"]!.Weakest!.Competitor);
        Assert.True(m["delivery"]!.Weakest!.Delta.High < 0);

        // QuickBasket has two factors with enough mentions: a table, not a matrix of one dot each.
        var quickbasket = ActionMatrixMethod.FromItems("quickbasket", items, ["lavka"]);
        Assert.False(quickbasket.HasQuadrants);
    }

    private static List<ScoredFeedback> LabelledItems()
    {
        var root = Root();
        var labels = Path.Combine(root, "samples", "demo", "labels.jsonl");
        return File.Exists(labels) ? FromLabels(labels, Path.Combine(root, "samples", "demo", "feedback.jsonl")) : FromSpecLines(Path.Combine(root, "samples", "demo", "source"));
    }

    /// <summary>Spec lines: brand|source|channel|rating-or-nps|factor labels|text; the document sentiment is the labels' balance.</summary>
    private static List<ScoredFeedback> FromSpecLines(string folder)
    {
        var items = new List<ScoredFeedback>();
        foreach (var file in Directory.GetFiles(folder, "*.txt").Order(StringComparer.Ordinal))
            foreach (var line in File.ReadLines(file))
            {
                if (line.Length == 0 || line.StartsWith('#')) continue;
                var parts = line.Split('|', 6);
                if (parts.Length < 6 || parts[4].Contains("spam")) continue;
                var mentions = parts[4].Split(' ', StringSplitOptions.RemoveEmptyEntries)
                    .Select(l => new FactorMention(Codes[l[..^1]], l[^1] switch { '+' => SentimentLabel.Positive, '-' => SentimentLabel.Negative, _ => SentimentLabel.Neutral }, 0, 0, 1))
                    .ToList();
                int? score = parts[3] == "-" ? null : int.Parse(parts[3]);
                var balance = Math.Sign(mentions.Sum(x => FactorStats.LabelValue(x.Label)));
                items.Add(Scored($"{file}:{items.Count}", parts[0], Surveys.Contains(parts[1]) ? null : score, Surveys.Contains(parts[1]) ? score : null, balance, mentions));
            }
        return items;
    }

    private static List<ScoredFeedback> FromLabels(string labelsPath, string feedbackPath)
    {
        var feedback = new Dictionary<(string, string), JsonElement>();
        foreach (var line in File.ReadLines(feedbackPath).Where(l => l.Trim().Length > 0))
        {
            var e = JsonDocument.Parse(line).RootElement;
            feedback.TryAdd((e.GetProperty("source").GetString()!, e.GetProperty("externalId").GetString()!), e);
        }
        var items = new List<ScoredFeedback>();
        var seen = new HashSet<(string, string)>();
        foreach (var line in File.ReadLines(labelsPath).Where(l => l.Trim().Length > 0))
        {
            var l = JsonDocument.Parse(line).RootElement;
            var key = (l.GetProperty("source").GetString()!, l.GetProperty("externalId").GetString()!);
            if (!seen.Add(key) || !feedback.TryGetValue(key, out var item)) continue;
            int? Int(string name) => item.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : null;
            var mentions = l.GetProperty("factors").EnumerateArray()
                .Select(f => new FactorMention(f.GetProperty("factor").GetString()!, Enum.Parse<SentimentLabel>(f.GetProperty("polarity").GetString()!, true), 0, 0, 1))
                .ToList();
            var sentiment = l.TryGetProperty("sentiment", out var s) && s.ValueKind == JsonValueKind.String
                ? FactorStats.LabelValue(Enum.Parse<SentimentLabel>(s.GetString()!, true)) : 0;
            items.Add(Scored($"{key}", item.GetProperty("brand").GetString()!, Int("rating"), Int("nps"), sentiment, mentions));
        }
        return items;
    }

    private static ScoredFeedback Scored(string id, string brand, int? rating, int? nps, double sentiment, List<FactorMention> mentions)
    {
        var label = sentiment > 0 ? SentimentLabel.Positive : sentiment < 0 ? SentimentLabel.Negative : SentimentLabel.Neutral;
        return new ScoredFeedback(
            new FeedbackItem(id, FeedbackKind.Review, "labels", brand, "t", DateTimeOffset.UnixEpoch, Rating: rating, Nps: nps),
            new FeedbackScores("en", new SentimentScore(label, (float)sentiment, 0, 0, 0), mentions));
    }

    private static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (Directory.Exists(Path.Combine(dir.FullName, "samples", "demo", "source"))) return dir.FullName;
        throw new DirectoryNotFoundException("samples/demo/source not found above " + AppContext.BaseDirectory);
    }
}
