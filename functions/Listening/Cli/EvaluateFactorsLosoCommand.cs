using System.CommandLine;
using System.Globalization;
using Listening.Core.Factors;
using Listening.Core.Factors.Evaluation;
using Listening.Core.Factors.Learned;
using Listening.Core.Matrix;
using Listening.Core.Sentiment;
using Listening.Ml.Factors;
using Listening.Ml.Prediction;
using Listening.Scoring;

namespace Listening.Cli;

/// <summary>
/// <c>listening evaluate-factors-loso --stories samples/stories --demo samples/demo</c>: leave one story out. For each
/// labelled set the learned detector is trained on all the other sets and the held-out set is scored exactly as
/// evaluate-story scores it, with the rules alone and with the hybrid; one line per set (detection micro-F1, polarity
/// accuracy of detected mentions, matrix agreement, what the model added and dropped) and the means.
/// </summary>
internal static class EvaluateFactorsLosoCommand
{
    public static Command Create()
    {
        var stories = new Option<DirectoryInfo?>("--stories") { Description = "A folder of story folders (feedback.jsonl + labels.jsonl each)" };
        var demo = new Option<DirectoryInfo?>("--demo") { Description = "The demo's folder (feedback.jsonl + labels.jsonl)" };
        var model = new Option<string?>("--model") { Description = "Sentiment model (default: the shipped one, as the pipeline)" };
        var addedPolarity = new Option<string>("--added-polarity")
        {
            Description = "Where the polarity of a mention the model adds is read, comma-separated to compare several on the same models (the first gets the full table): "
                + "document (the item's sentiment), clause (the sentiment model on the clause that weighs most for it), rules (a rule mention overlapping that clause), "
                + "cues (that clause's opinion words), rulesthencues, cuesthenrules — each the document's where it has nothing",
            DefaultValueFactory = _ => new LearnedFactorDetector(FactorDetectorModel.Empty).Polarity.ToString().ToLowerInvariant(),
        };
        var dropGrid = new Option<string?>("--drop-grid")
        {
            Description = "The drop thresholds the inner folds choose from, comma-separated, below 0 = never drop (default: the shipped grid; round 14's was 0.5,0.3,0.2,0.1,0.05,0.02,-0.01)",
        };
        var addGrid = new Option<string?>("--add-grid")
        {
            Description = "The add thresholds the inner folds choose from, comma-separated, above 1 = never add (default: the shipped grid; round 14's was 0.4,0.5,0.6,0.7,0.8,0.9,1.01)",
        };
        var shortfallWeight = new Option<double>("--shortfall-weight")
        {
            Description = "How much the threshold choice weighs a factor's count falling below min(rules, labels) against F1 (default 0: F1 alone)",
        };
        var minSources = new Option<int>("--min-sources")
        {
            Description = "A feature needs items from this many sources (stories, public datasets) to get weights (default: train-factors' default)",
            DefaultValueFactory = _ => FactorTraining.Default.MinSources,
        };
        var publicData = new Option<DirectoryInfo?>("--public")
        {
            Description = "Also train on the public aspect-labelled datasets in this folder (their training part, through ml-models/factors/mappings), never scored",
        };
        var publicWeight = new Option<float>("--public-weight") { Description = "The weight of a public item against a story's 1", DefaultValueFactory = _ => PublicDefaults.Weight };
        var publicCap = new Option<int>("--public-cap") { Description = "At most this many items per public dataset, spread evenly", DefaultValueFactory = _ => PublicDefaults.Cap };
        var variants = new Option<string?>("--variants")
        {
            Description = "Several variants scored one after the other on the same stories, ';'-separated, each 'min-sources=N,public-weight=W,public-cap=C,classes=FILE,class-features=words+pairs+clauses,channels=true' (public-weight=0: no public data; class-features=none: no word classes; channels=false: no channel)",
        };
        var cells = new Option<bool>("--cells")
        {
            Description = "After each set, every matrix cell where the rules alone and the hybrid disagree on agreeing with the labels: quadrants, item counts, importance and performance",
        };
        var only = new Option<string?>("--only")
        {
            Description = "Score only these held-out sets, comma-separated (each still trained on all the others; the means are over these sets)",
        };
        var (classesFile, classFeatures) = WordClassOptions.Create();
        var channels = LabelledStories.ChannelsOption();
        var command = new Command("evaluate-factors-loso", "Leave-one-story-out evaluation of the learned factor detector against the rules alone")
        {
            stories, demo, model, addedPolarity, addGrid, dropGrid, shortfallWeight, minSources, publicData, publicWeight, publicCap, variants, classesFile, classFeatures, cells, only, channels,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            try
            {
                var folders = LabelledStories.Folders(parse.GetValue(stories)?.FullName, parse.GetValue(demo)?.FullName);
                var read = await LabelledStories.ReadAsync(folders, parse.GetValue(model), error, cancellationToken);
                // The stories' examples per word-classes reading (file, features) and channel reading: features depend on both.
                var examplesOf = new Dictionary<(string?, string, bool), (WordClasses?, IReadOnlyList<IReadOnlyList<FactorExample>>)>();
                (WordClasses?, IReadOnlyList<IReadOnlyList<FactorExample>>) ExamplesFor(string? file, string features, bool readsChannel)
                {
                    if (examplesOf.TryGetValue((file, features, readsChannel), out var known)) return known;
                    var classes = WordClassOptions.Read(file, features);
                    return examplesOf[(file, features, readsChannel)] = (classes, LabelledStories.Examples(read, classes, readsChannel));
                }
                var clauses = PooledSentimentScorer.Load(FeedbackScorers.ResolveModelPath(parse.GetValue(model)));
                var training = FactorTraining.Default with { ShortfallWeight = parse.GetValue(shortfallWeight), MinSources = parse.GetValue(minSources) };
                if (parse.GetValue(addGrid) is { } adds) training = training with { AddGrid = Grid(adds) };
                if (parse.GetValue(dropGrid) is { } drops) training = training with { DropGrid = Grid(drops) };
                var modes = parse.GetValue(addedPolarity)!.Split(',').Select(m => Enum.Parse<AddedPolarity>(m.Trim(), ignoreCase: true)).ToArray();
                var dataDir = parse.GetValue(publicData)?.FullName;
                var list = parse.GetValue(variants) is { } v
                    ? v.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList()
                    : [$"min-sources={training.MinSources},public-weight={(dataDir is null ? 0 : parse.GetValue(publicWeight)).ToString(CultureInfo.InvariantCulture)},public-cap={parse.GetValue(publicCap)}"];
                var cache = new Dictionary<(float, int), IReadOnlyList<IReadOnlyList<FactorExample>>>();
                foreach (var variant in list)
                {
                    var settings = variant.Split(',').Select(p => p.Split('=')).ToDictionary(p => p[0].Trim(), p => p[1].Trim());
                    var weight = float.Parse(settings.GetValueOrDefault("public-weight", "0"), CultureInfo.InvariantCulture);
                    var cap = int.Parse(settings.GetValueOrDefault("public-cap", PublicDefaults.Cap.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
                    var extra = weight <= 0 || dataDir is null ? [] : cache.TryGetValue((weight, cap), out var known) ? known
                        : cache[(weight, cap)] = PublicAspectTraining.Read(dataDir, EvaluateFactorsCommand.FindMappings()
                            ?? throw new IOException("mapping files not found (ml-models/factors/mappings)"), clauses, LabelledStories.Factors, weight, cap, error);
                    var readsChannel = bool.Parse(settings.GetValueOrDefault("channels", parse.GetValue(channels) ? "true" : "false"));
                    var (classes, examples) = ExamplesFor(settings.TryGetValue("classes", out var file) ? file : parse.GetValue(classesFile)?.FullName,
                        settings.GetValueOrDefault("class-features", parse.GetValue(classFeatures)!), readsChannel);
                    var options = training with
                    {
                        Channels = readsChannel,
                        MinSources = int.Parse(settings.GetValueOrDefault("min-sources", training.MinSources.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture),
                        Classes = classes,
                    };
                    if (list.Count > 1 || parse.GetValue(variants) is not null)
                        output.WriteLine($"== variant {variant} ({(classes is null ? "no word classes" : $"{classes.Count:N0} words' classes read as {classes.Features}")}, {(readsChannel ? "channel read" : "no channel")})");
                    var sets = parse.GetValue(only)?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
                    output.Write(Run(read, examples, clauses, options, modes, extra, parse.GetValue(cells), sets));
                    output.Flush();
                }
                return 0;
            }
            catch (Exception e) when (e is FormatException or IOException or ArgumentException or InvalidOperationException)
            {
                error.WriteLine($"evaluate-factors-loso: {e.Message}");
                return 1;
            }
        });
        return command;
    }

    internal static string Run(IReadOnlyList<LabelledStories.Story> read, IReadOnlyList<IReadOnlyList<FactorExample>> examples, ISentimentScorer clauses, FactorTraining training, params AddedPolarity[] polarities) =>
        Run(read, examples, clauses, training, polarities, []);

    internal static string Run(IReadOnlyList<LabelledStories.Story> read, IReadOnlyList<IReadOnlyList<FactorExample>> examples, ISentimentScorer clauses, FactorTraining training,
        AddedPolarity[] polarities, IReadOnlyList<IReadOnlyList<FactorExample>> extra, bool cells = false, IReadOnlySet<string>? only = null)
    {
        if (polarities.Length == 0) polarities = [AddedPolarity.Document];
        // The other polarity readings, scored on the same models: (F1, polarity, matrix, added with the labelled polarity).
        var others = polarities.Skip(1).Select(_ => new double[4]).ToArray();
        var w = new StringWriter(CultureInfo.InvariantCulture);
        w.WriteLine($"{"set",-12} {"items",5} {"F1 rules",8} {"hybrid",7} {"Δ",7} {"pol rules",9} {"hybrid",7} {"matrix",7} {"hybrid",7} {"added",6} {"ok",4} {"pol",4} {"dropped",7} {"ok",4} {"add≥",5} {"drop<",5}");
        var rulesDetections = new List<StoryFactorDetection>();
        var hybridDetections = new List<StoryFactorDetection>();
        double rulesF1 = 0, hybridF1 = 0, rulesPolarity = 0, hybridPolarity = 0;
        int better = 0, worse = 0, rulesAgree = 0, hybridAgree = 0, factors = 0, added = 0, addedRight = 0, addedPolarity = 0, dropped = 0, droppedRight = 0;
        var scored = 0;
        for (var i = 0; i < read.Count; i++)
        {
            var story = read[i];
            if (only is not null && !only.Contains(story.Name)) continue;
            scored++;
            var model = LeaveOneStoryOut.ModelFor(examples, i, LabelledStories.Factors, training, extra);
            var detector = new LearnedFactorDetector(model) { Polarity = polarities[0] };
            var hybridItems = LeaveOneStoryOut.Rescore(story.Items, detector, new FactorExtractor(story.Taxonomy), clauses);
            var hybrid = StoryScorecard.Evaluate(hybridItems, story.Ingest, story.Taxonomy, story.Brand, story.Competitors, MatrixRules.Default);
            var rules = story.Rules;
            rulesDetections.AddRange(rules.Detection);
            hybridDetections.AddRange(hybrid.Detection);
            var (a, ar, ap, d, dr) = Changes(story.Items, hybridItems);
            added += a; addedRight += ar; addedPolarity += ap; dropped += d; droppedRight += dr;
            for (var o = 0; o < others.Length; o++)
            {
                var otherItems = LeaveOneStoryOut.Rescore(story.Items, new LearnedFactorDetector(model) { Polarity = polarities[o + 1] }, new FactorExtractor(story.Taxonomy), clauses);
                var other = StoryScorecard.Evaluate(otherItems, story.Ingest, story.Taxonomy, story.Brand, story.Competitors, MatrixRules.Default);
                others[o][0] += other.MicroF1; others[o][1] += other.PolarityAccuracy ?? 0; others[o][2] += other.Brand.Agreeing;
                others[o][3] += Changes(story.Items, otherItems).AddedPolarity;
            }
            rulesF1 += rules.MicroF1; hybridF1 += hybrid.MicroF1;
            rulesPolarity += rules.PolarityAccuracy ?? 0; hybridPolarity += hybrid.PolarityAccuracy ?? 0;
            if (hybrid.MicroF1 > rules.MicroF1) better++;
            if (hybrid.MicroF1 < rules.MicroF1) worse++;
            rulesAgree += rules.Brand.Agreeing; hybridAgree += hybrid.Brand.Agreeing; factors += rules.Brand.Rows.Count;
            w.WriteLine($"{story.Name,-12} {rules.Items,5} {rules.MicroF1,8:0.000} {hybrid.MicroF1,7:0.000} {hybrid.MicroF1 - rules.MicroF1,7:+0.000;-0.000;+0.000} {rules.PolarityAccuracy,9:0.000} {hybrid.PolarityAccuracy,7:0.000} "
                + $"{rules.Brand.Agreeing,4}/{rules.Brand.Rows.Count,-2} {hybrid.Brand.Agreeing,4}/{hybrid.Brand.Rows.Count,-2} {a,6} {ar,4} {ap,4} {d,7} {dr,4} {model.AddAbove.Average(),5:0.00} {model.DropBelow.Average(),5:0.00}");
            if (cells) w.Write(MatrixCells.Differences(rules.Brand, hybrid.Brand));
        }
        var n = scored;
        w.WriteLine();
        w.WriteLine($"  {"factor (all sets pooled)",-24} {"labelled",8} {"P rules",8} {"R rules",8} {"F1 rules",8} {"P hybrid",8} {"R hybrid",8} {"F1 hybrid",9}");
        foreach (var f in LabelledStories.Factors)
        {
            var r = Pool(rulesDetections, f);
            var h = Pool(hybridDetections, f);
            w.WriteLine($"  {f,-24} {r.Labelled,8} {r.P,8:0.000} {r.R,8:0.000} {r.F1,8:0.000} {h.P,8:0.000} {h.R,8:0.000} {h.F1,9:0.000}");
        }
        w.WriteLine();
        w.WriteLine($"{"mean/total",-12} {"",5} {rulesF1 / n,8:0.000} {hybridF1 / n,7:0.000} {(hybridF1 - rulesF1) / n,7:+0.000;-0.000;+0.000} {rulesPolarity / n,9:0.000} {hybridPolarity / n,7:0.000} "
            + $"{rulesAgree,4}/{factors,-2} {hybridAgree,4}/{factors,-2} {added,6} {addedRight,4} {addedPolarity,4} {dropped,7} {droppedRight,4}");
        w.WriteLine($"hybrid better on {better} of {n} sets, worse on {worse}; added mentions: {addedRight} of {added} labelled (precision {Ratio(addedRight, added)}), "
            + $"polarity right on {addedPolarity} of those ({Ratio(addedPolarity, addedRight)}); dropped: {droppedRight} of {dropped} not labelled ({Ratio(droppedRight, dropped)})");
        for (var o = 0; o < others.Length; o++)
            w.WriteLine($"added polarity {polarities[o + 1].ToString().ToLowerInvariant()}: mean F1 {others[o][0] / n:0.0000}, mean polarity {others[o][1] / n:0.0000}, "
                + $"matrix {others[o][2]}/{factors}, added with the labelled polarity {others[o][3]} of {addedRight} ({Ratio((int)others[o][3], addedRight)})");
        w.WriteLine($"added polarity {polarities[0].ToString().ToLowerInvariant()} (the table): mean F1 {hybridF1 / n:0.0000}, mean polarity {hybridPolarity / n:0.0000}, rules {rulesPolarity / n:0.0000}");
        return w.ToString();
    }

    private static float[] Grid(string list) => [.. list.Split(',').Select(x => float.Parse(x, CultureInfo.InvariantCulture))];

    private static (int Labelled, double P, double R, double F1) Pool(List<StoryFactorDetection> detections, string factor)
    {
        var d = detections.Where(x => x.Factor == factor).ToList();
        int tp = d.Sum(x => x.TruePositives), found = d.Sum(x => x.Found), labelled = d.Sum(x => x.Labelled);
        double p = found == 0 ? 0 : (double)tp / found, r = labelled == 0 ? 0 : (double)tp / labelled;
        return (labelled, p, r, p + r == 0 ? 0 : 2 * p * r / (p + r));
    }

    private static string Ratio(int a, int b) => b == 0 ? "n/a" : ((double)a / b).ToString("0.000", CultureInfo.InvariantCulture);

    /// <summary>Item-factor pairs the hybrid added (and of them: labelled, with the labelled polarity) and dropped (and of them: not labelled).</summary>
    private static (int Added, int AddedRight, int AddedPolarity, int Dropped, int DroppedRight) Changes(IReadOnlyList<StoryItem> rules, IReadOnlyList<StoryItem> hybrid)
    {
        int added = 0, addedRight = 0, addedPolarity = 0, dropped = 0, droppedRight = 0;
        for (var i = 0; i < rules.Count; i++)
        {
            if (rules[i].Scores is null) continue;
            var before = rules[i].Scores!.Factors.Select(m => m.Factor).ToHashSet();
            var after = hybrid[i].Scores!.Factors;
            var labelled = rules[i].Label.Spam ? [] : rules[i].Label.Factors.GroupBy(f => f.Factor)
                .ToDictionary(g => g.Key, g => Math.Sign(g.Sum(f => FactorStats.LabelValue(f.Polarity))));
            foreach (var m in after.Where(m => !before.Contains(m.Factor)))
            {
                added++;
                if (!labelled.TryGetValue(m.Factor, out var sign)) continue;
                addedRight++;
                if (Math.Sign(FactorStats.LabelValue(m.Label)) == sign) addedPolarity++;
            }
            foreach (var f in before.Where(f => after.All(m => m.Factor != f)))
            {
                dropped++;
                if (!labelled.ContainsKey(f)) droppedRight++;
            }
        }
        return (added, addedRight, addedPolarity, dropped, droppedRight);
    }
}

/// <summary>How the public aspect datasets are weighed and capped when the detector trains on them.</summary>
internal static class PublicDefaults
{
    public const float Weight = 0.5f;
    public const int Cap = 2000;
}
