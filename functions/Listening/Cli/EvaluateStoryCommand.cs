using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Listening.Core.Channels.Social;
using Listening.Core.Factors;
using Listening.Core.Factors.Evaluation;
using Listening.Core.Feedback;
using Listening.Core.Matrix;
using Listening.Core.Sentiment;
using Listening.Ingest;
using Listening.Scoring;
using Microsoft.Extensions.Options;

namespace Listening.Cli;

/// <summary>
/// <c>listening evaluate-story --in items.jsonl --labels labels.jsonl --brand B [--competitor C …] [--json] [--lang en|ru]</c>:
/// runs a hand-labelled story through the pipeline's own ingest rules (duplicate ids, the spam and cross-post screen
/// over an in-memory author history), its scorer (the shipped model and the brand's taxonomy, built as AddScoring
/// builds it) and compares the result with the labels: factor detection, mention polarity, document sentiment and the
/// action matrix the pipeline builds against the one the same method builds from the labels.
/// </summary>
internal static class EvaluateStoryCommand
{
    public static Command Create()
    {
        var input = new Option<FileInfo>("--in") { Description = "The story's items, JSON Lines in the canonical feedback shape", Required = true };
        var labels = new Option<FileInfo>("--labels") { Description = "Hand labels, JSON Lines: {source, externalId, sentiment, factors:[{factor, polarity}], spam?}", Required = true };
        var brand = new Option<string>("--brand") { Description = "The brand whose matrix is compared", Required = true };
        var competitors = new Option<string[]>("--competitor") { Description = "A named competitor (repeatable; default: the brands whose items name --brand in competitorOf)" };
        var json = new Option<bool>("--json") { Description = "Print JSON instead of tables" };
        var lang = new Option<string>("--lang") { Description = "Language of the factor names: en or ru", DefaultValueFactory = _ => "en" };
        lang.AcceptOnlyFromAmong("en", "ru");
        var model = new Option<string?>("--model") { Description = "Sentiment model (default: the shipped ml-models/sentiment/model.zip, as the pipeline)" };
        var packs = new Option<string[]>("--pack") { Description = "Taxonomy pack(s) on top of the default, as Listening:Scoring:Packs" };
        var taxonomyFile = new Option<FileInfo?>("--taxonomy") { Description = "The brand's own taxonomy file, as Listening:Scoring:Brands:B:TaxonomyFile" };
        var minMentions = new Option<int>("--min-mentions") { Description = "Mentions a factor needs for a quadrant", DefaultValueFactory = _ => MatrixRules.Default.MinMentions };
        var mistakes = new Option<bool>("--mistakes") { Description = "Also list every item where found factors or their polarity differ from the labels (text, labelled, found, clause)" };
        var learnOffering = new Option<bool>("--offering") { Description = "First learn the brand's offering words from the story's items, as `listening offering` writes them for a brand's taxonomy file (see OfferingLexicon); without it the story is read as the pipeline reads a brand with no such profile" };
        var learned = LearnedOption();
        var detector = DetectorOption();
        var command = new Command("evaluate-story", "Compare the pipeline's factors, sentiment and action matrix on a story with its hand labels")
        {
            input, labels, brand, competitors, json, lang, model, packs, taxonomyFile, minMentions, mistakes, learnOffering, learned, detector,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            try
            {
                var options = new StoryOptions(
                    parse.GetRequiredValue(input).FullName, parse.GetRequiredValue(labels).FullName, parse.GetRequiredValue(brand).Trim(),
                    (parse.GetValue(competitors) ?? []).Select(c => c.Trim()).Where(c => c.Length > 0).Distinct(BrandKey.Comparer).ToList(),
                    parse.GetValue(model), parse.GetValue(packs) ?? [], parse.GetValue(taxonomyFile)?.FullName, parse.GetValue(minMentions))
                {
                    LearnOffering = parse.GetValue(learnOffering),
                    LearnedFactors = parse.GetValue(learned),
                    Detector = parse.GetValue(detector)?.FullName,
                };
                var (evaluation, taxonomy, story, offering) = await RunAsync(options, cancellationToken);
                // Said on stderr so that --json stays one document: what the read took as the brand's offering.
                if (options.LearnOffering)
                    error.WriteLine($"evaluate-story: offering learned from the items (quality's judged terms for every brand of the story): {(offering.Count == 0 ? "none" : string.Join(", ", offering))}");
                output.Write(parse.GetValue(json) ? ToJson(evaluation, taxonomy, parse.GetValue(lang)!) : ToTable(evaluation, taxonomy, parse.GetValue(lang)!));
                if (parse.GetValue(mistakes)) output.Write(Mistakes(story));
                return 0;
            }
            catch (Exception e) when (e is FormatException or IOException or ArgumentException or InvalidOperationException)
            {
                error.WriteLine($"evaluate-story: {e.Message}");
                return 1;
            }
        });
        return command;
    }

    internal sealed record StoryOptions(string Items, string Labels, string Brand, IReadOnlyList<string> Competitors,
        string? Model, IReadOnlyList<string> Packs, string? TaxonomyFile, int MinMentions)
    {
        /// <summary>Whether the brand's offering words are learned from the story's items, as `listening offering` learns them for a brand's taxonomy file.</summary>
        public bool LearnOffering { get; init; }

        /// <summary>Whether the learned factor detector decides the default factors with the rules (Listening:Scoring:LearnedFactors).</summary>
        public bool LearnedFactors { get; init; } = new ScoringOptions().LearnedFactors;

        /// <summary>The detector file (default: the shipped one).</summary>
        public string? Detector { get; init; }
    }

    /// <summary><c>--learned</c>: the pipeline's default unless given, as Listening:Scoring:LearnedFactors.</summary>
    internal static Option<bool> LearnedOption() => new("--learned")
    {
        Description = "Let the learned factor detector (ml-models/factors) decide the default factors with the rules; --learned false for the rules alone",
        DefaultValueFactory = _ => new ScoringOptions().LearnedFactors,
    };

    internal static Option<FileInfo?> DetectorOption() => new("--detector") { Description = "The learned factor detector file (default: the shipped ml-models/factors/detector.bin.gz)" };

    internal static async Task<(StoryEvaluation Evaluation, FactorTaxonomy Taxonomy, IReadOnlyList<StoryItem> Story, IReadOnlyList<string> Offering)> RunAsync(StoryOptions o, CancellationToken cancellationToken)
    {
        if (o.MinMentions < 1) throw new ArgumentException("--min-mentions must be at least 1");
        if (!File.Exists(o.Items)) throw new IOException($"items file not found: {o.Items}");
        if (!File.Exists(o.Labels)) throw new IOException($"labels file not found: {o.Labels}");
        if (o.TaxonomyFile is not null && !File.Exists(o.TaxonomyFile)) throw new IOException($"taxonomy file not found: {o.TaxonomyFile}");

        // The scorer exactly as AddScoring builds it for this brand (it validates the model path the same way).
        var scoring = new ScoringOptions { ModelPath = o.Model, Packs = [.. o.Packs], LearnedFactors = o.LearnedFactors, FactorDetectorPath = o.Detector };
        if (o.TaxonomyFile is not null) scoring.Brands[o.Brand] = new BrandScoringOptions { TaxonomyFile = o.TaxonomyFile };
        var invalid = scoring.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(scoring)).FirstOrDefault();
        if (invalid is not null) throw new IOException(invalid.ErrorMessage);
        FactorTaxonomy taxonomy;
        try
        {
            taxonomy = FactorTaxonomy.WithPacks(o.Packs);
            if (o.TaxonomyFile is not null) taxonomy = taxonomy.With(await File.ReadAllTextAsync(o.TaxonomyFile, cancellationToken));
        }
        catch (FormatException e) { throw new FormatException($"{o.TaxonomyFile ?? "taxonomy"}: {e.Message}", e); }

        var (items, lines) = ReadItems(o.Items);
        var labels = StoryLabel.Parse(File.ReadLines(o.Labels), taxonomy, o.Labels);

        // Ingest as IngestFeedback does it: one item per id, the spam screen over the authors' history (here in
        // memory, fresh for the story), cross-posted copies collapse into the item they copy, spam is kept but marked.
        var distinct = items.DistinctBy(i => i.Id).ToList();
        var screen = new SpamScreen(new InMemorySpamHistory(), Options.Create(new SpamRules()));
        var verdicts = await screen.CheckAsync(distinct, cancellationToken);
        var kept = new List<FeedbackItem>(distinct.Count);
        var collapsed = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < distinct.Count; i++)
        {
            var (item, verdict) = (distinct[i], verdicts[i]);
            if (verdict.Kind == SpamKind.CrossPost) { collapsed.Add(item.Id); continue; }
            kept.Add(verdict.IsSpam && item.Spam is null ? item with { Spam = verdict.Reason } : item);
        }

        var byId = new Dictionary<string, StoryLabel>(StringComparer.Ordinal);
        var known = items.Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var label in labels)
        {
            var id = FeedbackIds.Derive(label.Source, label.ExternalId, label.Brand ?? "", "");
            if (!known.Contains(id))
                throw new FormatException($"{o.Labels}:{label.Line}: no item in {o.Items} has source \"{label.Source}\" and externalId \"{label.ExternalId}\"");
            byId[id] = label;
        }

        var competitors = o.Competitors.Count > 0 ? o.Competitors
            : kept.Where(i => i.CompetitorOf is { } of && BrandKey.Comparer.Equals(of, o.Brand)).Select(i => i.Brand).Distinct(BrandKey.Comparer).ToList();
        IReadOnlyList<string> offering = [];
        if (o.LearnOffering)
        {
            // What the brand sells, learned from the batch the matrix is built over (the brand's and its competitors' items), as a
            // brand's taxonomy file written by `listening offering` gives it to the pipeline; every brand of the story reads it.
            offering = OfferingLexicon.Learn(taxonomy, kept.Where(i => i.Spam is null).Select(i => i.Text));
            foreach (var b in competitors.Prepend(o.Brand))
            {
                if (!scoring.Brands.TryGetValue(b, out var entry)) scoring.Brands[b] = entry = new BrandScoringOptions { Packs = [.. o.Packs] };
                entry.Offering = [.. offering];
            }
        }
        IFeedbackScorer scorer = FeedbackScorers.Create(scoring);
        var story = new List<StoryItem>();
        var unlabelled = 0;
        foreach (var item in kept)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!byId.TryGetValue(item.Id, out var label)) { unlabelled++; continue; }
            story.Add(new StoryItem(item, item.Spam is null ? scorer.Score(item) : null, label));
        }
        var labelledSpam = byId.Where(kv => kv.Value.Spam).Select(kv => kv.Key).ToHashSet(StringComparer.Ordinal);
        var markedSpam = kept.Where(i => i.Spam is not null).Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        var ingest = new StoryIngest(
            lines, items.Count - distinct.Count, collapsed.Count, markedSpam.Count, labelledSpam.Count,
            labelledSpam.Count(id => markedSpam.Contains(id) || collapsed.Contains(id)),
            markedSpam.Count(id => byId.ContainsKey(id) && !labelledSpam.Contains(id)), unlabelled)
        {
            LabelledCrossPosts = byId.Count(kv => kv.Value.CrossPostOf is not null),
            LabelledCrossPostsCollapsed = byId.Count(kv => kv.Value.CrossPostOf is not null && collapsed.Contains(kv.Key)),
        };
        var rules = MatrixRules.Default with { MinMentions = o.MinMentions };
        return (StoryScorecard.Evaluate(story, ingest, taxonomy, o.Brand, competitors, rules), taxonomy, story, offering);
    }

    /// <summary>The items in file order; a line that ingest would refuse fails with its line number.</summary>
    internal static (List<FeedbackItem> Items, int Lines) ReadItems(string path)
    {
        var items = new List<FeedbackItem>();
        var now = DateTimeOffset.UtcNow;
        var number = 0;
        foreach (var raw in File.ReadLines(path))
        {
            number++;
            var line = number == 1 ? raw.TrimStart('\uFEFF') : raw;
            if (string.IsNullOrWhiteSpace(line)) continue;
            FeedbackItemDto? dto;
            try { dto = JsonSerializer.Deserialize<FeedbackItemDto>(line, FeedbackItemDto.JsonOptions); }
            catch (JsonException e) { throw new FormatException($"{path}:{number}: not a JSON feedback item ({e.Message})", e); }
            if (dto is null) throw new FormatException($"{path}:{number}: expected a JSON object");
            var errors = dto.Validate();
            if (errors.Count > 0) throw new FormatException($"{path}:{number}: {string.Join("; ", errors.SelectMany(e => e.Value))}");
            items.Add(dto.ToItem(now));
        }
        if (items.Count == 0) throw new FormatException($"{path}: no items");
        return (items, number);
    }

    /// <summary>The spam screen's author history for one run: the story starts with nobody's history.</summary>
    private sealed class InMemorySpamHistory : ISpamHistory
    {
        private readonly Dictionary<string, List<SpamPost>> posts = new(StringComparer.Ordinal);

        public Task<T> UpdateAsync<T>(string authorKey, Func<List<SpamPost>, T> check, CancellationToken cancellationToken)
        {
            lock (posts)
            {
                if (!posts.TryGetValue(authorKey, out var list)) posts[authorKey] = list = [];
                return Task.FromResult(check(list));
            }
        }
    }

    private static string Code<T>(T value) where T : struct, Enum => value.ToString().ToLowerInvariant();
    private static double? R(double value) => double.IsNaN(value) ? null : Math.Round(value, 4);

    private static string Name(FactorTaxonomy taxonomy, string factor, string lang) => taxonomy.Find(factor)?.Name(lang) ?? factor;

    internal static string ToTable(StoryEvaluation e, FactorTaxonomy taxonomy, string lang)
    {
        var w = new StringWriter(CultureInfo.InvariantCulture);
        var i = e.Ingest;
        w.WriteLine($"ingest: {i.Lines} lines, {i.Duplicates} duplicate(s) and {i.CrossPosts} cross-post(s) collapsed ({i.LabelledCrossPostsCollapsed} of the {i.LabelledCrossPosts} the labels name), {i.MarkedSpam} marked spam; "
            + $"labelled spam caught {i.LabelledSpamCaught} of {i.LabelledSpam}, marked spam not labelled spam {i.MarkedSpamNotLabelled}; {i.Unlabelled} item(s) without a label left out");
        w.WriteLine($"detection over {e.Items} items: micro P={e.MicroPrecision:0.000} R={e.MicroRecall:0.000} F1={e.MicroF1:0.000}   "
            + $"polarity accuracy of detected mentions {(e.PolarityAccuracy is { } a ? a.ToString("0.000", CultureInfo.InvariantCulture) : "n/a")} (n={e.PolarityN})   "
            + $"document sentiment macro-F1 {e.SentimentMacroF1:0.000}, accuracy {e.SentimentAccuracy:0.000} (n={e.SentimentN})");
        w.WriteLine();
        w.WriteLine($"  {"factor",-24} {"labelled",8} {"found",6} {"tp",5} {"P",6} {"R",6} {"F1",6} {"polarity",9}");
        foreach (var d in e.Detection)
        {
            var polarity = d.PolarityAccuracy is { } pa ? $"{pa:0.000} ({d.PolarityN})" : "-";
            w.WriteLine($"  {d.Factor,-24} {d.Labelled,8} {d.Found,6} {d.TruePositives,5} {d.Precision,6:0.000} {d.Recall,6:0.000} {d.F1,6:0.000} {polarity,9}");
        }
        w.WriteLine();
        w.WriteLine("  polarity confusion (rows labelled, columns found): " + string.Join("  ", e.PolarityConfusion.Select(row =>
            $"{Code(row.Key)}: " + string.Join(" ", row.Value.Select(c => $"{Code(c.Key)[..3]} {c.Value}")))));
        foreach (var m in new[] { e.Brand }.Concat(e.Competitors))
        {
            w.WriteLine();
            var what = m == e.Brand ? "matrix" : "competitor matrix";
            w.WriteLine($"{what} of {m.Brand}: {m.Agreeing} of {m.Rows.Count} factors agree ({m.AgreeingPlaced} of the {m.PlacedByLabels} the labels place; {m.AgreeingStrictly} with the same headline quadrant); "
                + $"crosshairs labelled importance {m.Labelled.Crosshairs.Importance:0.000} performance {m.Labelled.Crosshairs.Performance:+0.000;-0.000} ({Code(m.Labelled.Measure)}), "
                + $"pipeline {m.Pipeline.Crosshairs.Importance:0.000} {m.Pipeline.Crosshairs.Performance:+0.000;-0.000} ({Code(m.Pipeline.Measure)})");
            w.WriteLine($"  {"factor",-30} {"labelled",-13} {"n",4} {"dI",7} {"dP",7}   {"pipeline",-18} {"n",4} {"dI",7} {"dP",7}  agree");
            foreach (var r in m.Rows)
            {
                w.WriteLine($"  {Name(taxonomy, r.Factor, lang),-30} {Code(r.Labelled),-13} {r.LabelledN,4} {Fmt(r.LabelledImportanceDistance)} {Fmt(r.LabelledPerformanceDistance)}   "
                    + $"{Code(r.Pipeline) + (r.PipelineAlternative is { } alt ? "/" + Code(alt) : ""),-18} {r.PipelineN,4} {Fmt(r.PipelineImportanceDistance)} {Fmt(r.PipelinePerformanceDistance)}  {(r.Agrees ? "yes" : "NO")}");
            }
        }
        return w.ToString();

        static string Fmt(double v) => double.IsNaN(v) ? $"{"-",7}" : v.ToString("+0.000;-0.000", CultureInfo.InvariantCulture).PadLeft(7);
    }

    /// <summary>Each item whose found factors or polarities differ from its label: for auditing a taxonomy on a story.</summary>
    internal static string Mistakes(IReadOnlyList<StoryItem> story)
    {
        var w = new StringWriter(CultureInfo.InvariantCulture);
        w.WriteLine();
        w.WriteLine("mistakes (labelled → found; + positive, 0 neutral, - negative):");
        foreach (var s in story)
        {
            var labelled = s.Label.Spam ? [] : s.Label.Factors.GroupBy(f => f.Factor)
                .ToDictionary(g => g.Key, g => Sign(g.Sum(f => Value(f.Polarity))));
            var mentions = s.Scores?.Factors ?? [];
            var found = mentions.GroupBy(m => m.Factor).ToDictionary(g => g.Key, g => Sign(g.Sum(m => Value(m.Label))));
            var wrong = labelled.Keys.Union(found.Keys)
                .Where(f => !labelled.TryGetValue(f, out var l) || !found.TryGetValue(f, out var p) || l != p)
                .ToList();
            if (wrong.Count == 0) continue;
            var marks = wrong.Select(f => $"{f} {(labelled.TryGetValue(f, out var l) ? l : "·")}→{(found.TryGetValue(f, out var p) ? p : "·")}");
            w.WriteLine($"- {s.Item.Source}/{s.Item.ExternalId} [{s.Item.Rating?.ToString(CultureInfo.InvariantCulture) ?? s.Item.Nps?.ToString(CultureInfo.InvariantCulture) ?? "-"}] {string.Join(", ", marks)}");
            w.WriteLine($"    {s.Item.Text.ReplaceLineEndings(" ")}");
            foreach (var m in mentions.Where(m => wrong.Contains(m.Factor)))
                w.WriteLine($"    {m.Factor} {m.Score:+0.00;-0.00}: «{s.Item.Text.Substring(m.Start, m.Length).ReplaceLineEndings(" ")}»");
        }
        return w.ToString();

        static int Value(SentimentLabel l) => l == SentimentLabel.Positive ? 1 : l == SentimentLabel.Negative ? -1 : 0;
        static string Sign(int v) => v > 0 ? "+" : v < 0 ? "-" : "0";
    }

    internal static string ToJson(StoryEvaluation e, FactorTaxonomy taxonomy, string lang)
    {
        object Matrix(StoryMatrixComparison m) => new
        {
            brand = m.Brand,
            agreeing = m.Agreeing,
            agreeingStrictly = m.AgreeingStrictly,
            factors = m.Rows.Count,
            agreeingPlaced = m.AgreeingPlaced,
            placedByLabels = m.PlacedByLabels,
            labelled = new { measure = Code(m.Labelled.Measure), crosshairs = new { importance = R(m.Labelled.Crosshairs.Importance), performance = R(m.Labelled.Crosshairs.Performance) } },
            pipeline = new { measure = Code(m.Pipeline.Measure), crosshairs = new { importance = R(m.Pipeline.Crosshairs.Importance), performance = R(m.Pipeline.Crosshairs.Performance) } },
            rows = m.Rows.Select(r => new
            {
                factor = r.Factor,
                name = Name(taxonomy, r.Factor, lang),
                agrees = r.Agrees,
                labelled = new { quadrant = Code(r.Labelled), n = r.LabelledN, importance = R(r.LabelledImportance), performance = R(r.LabelledPerformance), importanceDistance = R(r.LabelledImportanceDistance), performanceDistance = R(r.LabelledPerformanceDistance) },
                pipeline = new { quadrant = Code(r.Pipeline), alternative = r.PipelineAlternative is { } alt ? Code(alt) : null, n = r.PipelineN, importance = R(r.PipelineImportance), performance = R(r.PipelinePerformance), importanceDistance = R(r.PipelineImportanceDistance), performanceDistance = R(r.PipelinePerformanceDistance) },
            }),
        };
        var document = new
        {
            ingest = e.Ingest,
            items = e.Items,
            detection = new
            {
                precision = R(e.MicroPrecision),
                recall = R(e.MicroRecall),
                microF1 = R(e.MicroF1),
                perFactor = e.Detection.ToDictionary(d => d.Factor, d => new
                {
                    labelled = d.Labelled,
                    found = d.Found,
                    tp = d.TruePositives,
                    fp = d.FalsePositives,
                    fn = d.FalseNegatives,
                    precision = R(d.Precision),
                    recall = R(d.Recall),
                    f1 = R(d.F1),
                    polarityAccuracy = d.PolarityAccuracy is { } a ? R(a) : null,
                    polarityN = d.PolarityN,
                }),
            },
            polarity = new
            {
                accuracy = e.PolarityAccuracy is { } pa ? R(pa) : null,
                n = e.PolarityN,
                confusion = e.PolarityConfusion.ToDictionary(kv => Code(kv.Key), kv => kv.Value.ToDictionary(c => Code(c.Key), c => c.Value)),
            },
            sentiment = new { macroF1 = R(e.SentimentMacroF1), accuracy = R(e.SentimentAccuracy), n = e.SentimentN },
            matrix = Matrix(e.Brand),
            competitors = e.Competitors.Select(Matrix),
        };
        return JsonSerializer.Serialize(document, Json) + Environment.NewLine;
    }

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };
}
