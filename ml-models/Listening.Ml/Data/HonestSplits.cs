using System.Globalization;

namespace Listening.Ml.Data;

/// <summary>How an honest split separates its test rows from the training rows.</summary>
public enum SplitKind
{
    /// <summary>A later period: the test rows were written after every training row of the dataset.</summary>
    Time,
    /// <summary>Whole places / banks / sites / trusts on one side only.</summary>
    Source,
    /// <summary>A product or service domain that no training row of the dataset comes from.</summary>
    Domain,
    /// <summary>The source's own train/test split, carried in the row ids.</summary>
    Official,
    /// <summary>A whole dataset held out; the model trains on every other dataset of its language.</summary>
    LeaveDatasetOut,
}

/// <summary>Which metric a split is judged by (the targets).</summary>
public enum SplitMetric { MacroF1, F1PositiveNegative, Accuracy }

/// <summary>
/// One honest evaluation split: the test rows of one dataset, chosen so that no training row shares
/// their period, source or domain (see <see cref="HonestSplits"/>). <see cref="TestIds"/> is computed
/// from the dataset's rows, deterministically.
/// </summary>
public sealed record HonestSplit(string Name, string Dataset, string Lang, SplitKind Kind, SplitMetric Metric, string Description, IReadOnlySet<string> TestIds)
{
    public IEnumerable<LabelledText> TestRows(Dataset dataset) => dataset.Rows.Where(r => TestIds.Contains(r.Id));
}

/// <summary>
/// The honest splits of the shared datasets: by time, by source, by domain, by the source's own
/// split — never only at random, because a random fifth of a file shares its authors, places, days and
/// near-duplicate texts with the other four fifths and overstates held-out quality. Every split is
/// defined from what the data carries (id prefixes, tweet ids, organisation ids; see each
/// SOURCE.txt), not tuned on results. A dataset without a definition here gets a group split by the id
/// prefix before its last number, else none.
/// </summary>
public static class HonestSplits
{
    private const uint GroupSalt = 0x6E0C;

    private sealed record Definition(string Name, SplitKind Kind, SplitMetric Metric, string Description, Func<Dataset, IReadOnlySet<string>> Test);

    private static readonly Dictionary<string, Definition[]> Definitions = new(StringComparer.Ordinal)
    {
        ["sentirueval_tweets_ru"] =
        [
            new("sre16_banks_2015test", SplitKind.Time, SplitMetric.F1PositiveNegative,
                "bank tweets of the SentiRuEval-2015 test period; trained on the 2015 training period (SentiRuEval-2016 F1_pn)",
                d => Prefix(d, "sre16_bank_train_2015test_")),
            new("sre16_telecom_2015test", SplitKind.Time, SplitMetric.F1PositiveNegative,
                "telecom tweets of the SentiRuEval-2015 test period; trained on the 2015 training period",
                d => Prefix(d, "sre16_telecom_train_2015test_")),
        ],
        ["rusentitweet_ru"] =
        [
            new("rusentitweet_latest", SplitKind.Time, SplitMetric.MacroF1,
                "the newest fifth of the tweets by tweet id (ids grow with time)", d => Newest(d, "rst_train_", 0.2)),
        ],
        ["airline_tweets_en"] =
        [
            new("airline_latest", SplitKind.Time, SplitMetric.MacroF1,
                "the newest fifth of the tweets by tweet id", d => Newest(d, "air_", 0.2)),
        ],
        ["yandexmaps_ozon_pvz_ru"] =
        [
            new("ozon_unseen_places", SplitKind.Source, SplitMetric.MacroF1,
                "every review of a fifth of the pick-up points (by organisation id); no review of them trained on",
                d => Groups(d, OzonPlace, 20)),
        ],
        ["rutube_app_reviews_ru"] =
        [
            new("rutube_official_test", SplitKind.Official, SplitMetric.MacroF1,
                "the source repository's own test split (rutube_test ids)", d => Prefix(d, "rutube_test-")),
        ],
        ["bank_reviews_ru"] =
        [
            new("bank_reviews_other_banks", SplitKind.Source, SplitMetric.MacroF1,
                "VTB (otzovik, 2024) and Gazprombank (banki.ru, sravni.ru) reviews; trained on Sberbank reviews only",
                d => Prefixes(d, "otzovik_vtb_", "bankiru_gpb_", "sravni_gpb_")),
        ],
        ["banki_aste_ru"] =
        [
            new("banki_aste_official_test", SplitKind.Official, SplitMetric.MacroF1,
                "the source's own test split (banki_aste_test ids)", d => Prefix(d, "banki_aste_test-")),
        ],
        ["livelib_books_ru"] =
        [
            new("livelib_other_scrape", SplitKind.Source, SplitMetric.MacroF1,
                "the grablerr and ttyeew scrapes (2023, full texts); trained on the other students' scrapes",
                d => Prefixes(d, "grablerr_", "ttyeew_")),
        ],
        ["sentirueval2015_absa_ru"] =
        [
            new("sre15_cars", SplitKind.Domain, SplitMetric.MacroF1,
                "car reviews; trained on the restaurant reviews", d => Prefix(d, "sre15_car_")),
        ],
        ["sst2_en"] =
        [
            new("sst2_official_dev", SplitKind.Official, SplitMetric.Accuracy,
                "SST-2's own dev sentences (whole sentences; the training phrases come from other sentences)", d => Prefix(d, "sst2_dev_")),
        ],
        ["uci_sentiment_sentences_en"] =
        [
            new("uci_amazon_products", SplitKind.Domain, SplitMetric.Accuracy,
                "Amazon cell-phone product reviews, a domain no English training set covers (Yelp and IMDb stay in training)",
                d => Prefix(d, "uci_amazon_")),
        ],
        ["semeval_absa_en"] =
        [
            new("semeval_laptops", SplitKind.Domain, SplitMetric.MacroF1,
                "laptop review sentences (2014 and 2016, which share sentences, both held out); trained on restaurants and hotels",
                d => Prefixes(d, "se14_lapt_", "se16_lapt_")),
        ],
        ["nhs_patient_feedback_en"] =
        [
            new("nhs_phase2_trusts", SplitKind.Source, SplitMetric.MacroF1,
                "phase-2 answers (trusts NEAS and NHFT); trained on the phase-1 trusts A/B/C", d => Prefix(d, "nhs_v6_")),
        ],
    };

    /// <summary>Review datasets evaluated leave-one-dataset-out (train on every other dataset of the language).</summary>
    public static IReadOnlyList<string> ReviewDatasets { get; } =
        ["yandexmaps_ozon_pvz_ru", "rutube_app_reviews_ru", "bank_reviews_ru", "banki_aste_ru", "livelib_books_ru", "uci_sentiment_sentences_en", "semeval_absa_en"];

    /// <summary>The in-dataset honest splits of <paramref name="dataset"/> (none for an unknown dataset without id groups).</summary>
    public static IReadOnlyList<HonestSplit> For(Dataset dataset)
    {
        if (!Definitions.TryGetValue(dataset.Name, out var definitions))
        {
            // An unknown dataset: hold out a fifth of its id groups (prefix before the last number), if it has several.
            var groups = dataset.Rows.Select(r => IdGroup(r.Id)).Distinct().Count();
            if (groups < 5) return [];
            definitions = [new($"{dataset.Name}_unseen_groups", SplitKind.Source, SplitMetric.MacroF1,
                "a fifth of the id groups (prefix before the row number), whole", d => Groups(d, IdGroup, 20))];
        }
        return definitions
            .Select(def => new HonestSplit(def.Name, dataset.Name, dataset.Lang, def.Kind, def.Metric, def.Description, def.Test(dataset)))
            .Where(s => s.TestIds.Count > 0)
            .ToList();
    }

    /// <summary>The whole dataset as the test side of a leave-one-dataset-out split.</summary>
    public static HonestSplit LeaveOut(Dataset dataset) =>
        new($"{dataset.Name}_left_out", dataset.Name, dataset.Lang, SplitKind.LeaveDatasetOut,
            dataset.Name is "uci_sentiment_sentences_en" or "sst2_en" ? SplitMetric.Accuracy : SplitMetric.MacroF1,
            "the whole dataset; trained on every other dataset of its language", dataset.Rows.Select(r => r.Id).ToHashSet(StringComparer.Ordinal));

    public static double Measure(SplitMetric metric, Evaluation.ClassificationMetrics m) => metric switch
    {
        SplitMetric.F1PositiveNegative => m.F1PositiveNegative,
        SplitMetric.Accuracy => m.Accuracy,
        _ => m.MacroF1,
    };

    public static string MetricName(SplitMetric metric) => metric switch
    {
        SplitMetric.F1PositiveNegative => "F1_pn",
        SplitMetric.Accuracy => "accuracy",
        _ => "macro-F1",
    };

    private static HashSet<string> Prefix(Dataset d, string prefix) => Prefixes(d, prefix);

    private static HashSet<string> Prefixes(Dataset d, params string[] prefixes) =>
        d.Rows.Where(r => prefixes.Any(p => r.Id.StartsWith(p, StringComparison.Ordinal))).Select(r => r.Id).ToHashSet(StringComparer.Ordinal);

    /// <summary>The newest <paramref name="share"/> of the rows by the numeric id after the prefix (tweet ids grow with time).</summary>
    private static HashSet<string> Newest(Dataset d, string prefix, double share)
    {
        var numbered = d.Rows
            .Where(r => r.Id.StartsWith(prefix, StringComparison.Ordinal))
            .Select(r => (r.Id, Number: ulong.TryParse(r.Id.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0UL))
            .Where(x => x.Number > 0)
            .OrderByDescending(x => x.Number).ThenBy(x => x.Id, StringComparer.Ordinal)
            .ToList();
        return numbered.Take((int)Math.Round(numbered.Count * share)).Select(x => x.Id).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Every row of the groups whose hash bucket is below <paramref name="percent"/>.</summary>
    private static HashSet<string> Groups(Dataset d, Func<string, string> group, int percent) =>
        d.Rows.Where(r => DevSplit.Bucket(group(r.Id), GroupSalt) < percent).Select(r => r.Id).ToHashSet(StringComparer.Ordinal);

    /// <summary>ozonpvz_&lt;orgid&gt;-n and ozonpvz_some-&lt;orgid&gt;-n → the organisation id.</summary>
    public static string OzonPlace(string id)
    {
        var body = id.StartsWith("ozonpvz_some-", StringComparison.Ordinal) ? id["ozonpvz_some-".Length..] : id["ozonpvz_".Length..];
        var dash = body.LastIndexOf('-');
        return dash < 0 ? body : body[..dash];
    }

    /// <summary>The id without its trailing row number ("nhs_v6_NEAS_111_2763_-_Q1" keeps its letters).</summary>
    public static string IdGroup(string id)
    {
        var end = id.Length;
        while (end > 0 && char.IsAsciiDigit(id[end - 1])) end--;
        return id[..end].TrimEnd('_', '-');
    }
}

/// <summary>Which rows of each dataset a model must not learn from.</summary>
public abstract class Holdout
{
    public abstract string Name { get; }

    /// <summary>Rows of <paramref name="dataset"/> the model may learn from.</summary>
    public abstract IEnumerable<LabelledText> TrainRows(Dataset dataset);

    /// <summary>Train on every row (the shipped model, when it has no held-out figures of its own).</summary>
    public static Holdout None { get; } = new NoHoldout();

    /// <summary>The random dev split: 20 % of each train.tsv by id hash (<see cref="DevSplit"/>).</summary>
    public static Holdout Random { get; } = new RandomHoldout();

    /// <summary>Every test row of every <see cref="HonestSplits"/> split.</summary>
    public static Holdout Honest { get; } = new HonestHoldout();

    /// <summary>
    /// Every honest test row and the random dev fold: the honest column's model when the neutral calibration is
    /// fitted on the dev fold (<see cref="Training.ProbabilityCalibrator"/>), so that fold is out of sample for it
    /// exactly as for the shipped (random-holdout) model, and no evaluation row is ever seen.
    /// </summary>
    public static Holdout HonestDev { get; } = new HonestDevHoldout();

    /// <summary>A whole dataset out; the others whole in.</summary>
    public static Holdout LeaveOut(string dataset) => new LeaveOutHoldout(dataset);

    public static Holdout Parse(string name) => name switch
    {
        "none" => None,
        "random" => Random,
        "honest" => Honest,
        "honest-dev" => HonestDev,
        _ when name.StartsWith("leave-out:", StringComparison.Ordinal) => LeaveOut(name["leave-out:".Length..]),
        _ => throw new FormatException($"holdout must be none, random, honest, honest-dev or leave-out:<dataset>, got '{name}'"),
    };

    private sealed class NoHoldout : Holdout
    {
        public override string Name => "none";
        public override IEnumerable<LabelledText> TrainRows(Dataset dataset) => dataset.IsTestFile ? [] : dataset.Rows;
    }

    private sealed class RandomHoldout : Holdout
    {
        public override string Name => "random";
        public override IEnumerable<LabelledText> TrainRows(Dataset dataset) => dataset.TrainRows;
    }

    private sealed class HonestHoldout : Holdout
    {
        public override string Name => "honest";

        public override IEnumerable<LabelledText> TrainRows(Dataset dataset)
        {
            if (dataset.IsTestFile) return [];
            var test = new HashSet<string>(HonestSplits.For(dataset).SelectMany(s => s.TestIds), StringComparer.Ordinal);
            return dataset.Rows.Where(r => !test.Contains(r.Id));
        }
    }

    private sealed class HonestDevHoldout : Holdout
    {
        public override string Name => "honest-dev";

        public override IEnumerable<LabelledText> TrainRows(Dataset dataset) => Honest.TrainRows(dataset).Where(r => !DevSplit.IsDev(r.Id));
    }

    private sealed class LeaveOutHoldout(string left) : Holdout
    {
        public override string Name => $"leave-out:{left}";
        public override IEnumerable<LabelledText> TrainRows(Dataset dataset) =>
            dataset.IsTestFile || dataset.Name == left ? [] : dataset.Rows;
    }
}
