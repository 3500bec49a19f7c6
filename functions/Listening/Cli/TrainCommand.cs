using System.CommandLine;
using Listening.Ml.Data;
using Listening.Ml.Evaluation;
using Listening.Ml.Features;
using Listening.Ml.Prediction;
using Listening.Ml.Training;

namespace Listening.Cli;

/// <summary>`listening train --data DIR --out model.zip`: trains the sentiment model deterministically.</summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var defaults = TrainingOptions.Default;
        var data = DataOptions.Data(required: true);
        var output = new Option<FileInfo>("--out") { Description = "Where to write the model zip.", Required = true };
        var hashBits = new Option<int>("--hash-bits") { Description = "Feature space of 2^N hashed buckets.", DefaultValueFactory = _ => defaults.Featurizer.HashBits };
        var charNgrams = new Option<string>("--char-ngrams") { Description = "In-word character n-gram lengths, comma-separated ('' for none).", DefaultValueFactory = _ => string.Join(',', defaults.Featurizer.CharNgrams) };
        var noBigrams = new Option<bool>("--no-bigrams") { Description = "Word unigrams only." };
        var negation = new Option<bool>("--negation-marks") { Description = "Add \"not + word\" features for the words a negator governs.", DefaultValueFactory = _ => defaults.Featurizer.NegationMarks };
        var cueRepeats = new Option<int>("--cue-repeats") { Description = "Count each cue feature this many times (a larger value, weaker regularisation).", DefaultValueFactory = _ => defaults.Featurizer.CueRepeats };
        var noCues = new Option<bool>("--no-cue-features") { Description = "Without the opinion-lexicon cue features (polarity counts with negation, clause and text cue labels) — the featurizer before them." };
        var hedge = new Option<bool>("--hedge-rewrite") { Description = "Rewrite negated hedges (\"не могу сказать, что плохо\") to a plain negator before featurising.", DefaultValueFactory = _ => defaults.Featurizer.HedgeRewrite };
        var kind = new Option<bool>("--kind-feature") { Description = "Add the text kind (post / short / review, decided from the text) as a feature.", DefaultValueFactory = _ => defaults.Featurizer.KindFeature };
        var holdout = new Option<string>("--holdout") { Description = "Rows the model must not learn from: random (the 20% dev split), honest (every honest split's test rows), none, or leave-out:<dataset>.", DefaultValueFactory = _ => defaults.Holdout };
        var l1 = new Option<float>("--l1") { DefaultValueFactory = _ => defaults.L1 };
        var l2 = new Option<float>("--l2") { DefaultValueFactory = _ => defaults.L2 };
        var maxRows = new Option<int>("--max-per-dataset") { Description = "Training rows per dataset at most (hash-sampled).", DefaultValueFactory = _ => defaults.MaxRowsPerDataset };
        var classBalance = new Option<double>("--class-balance") { Description = "0 = natural class mix … 1 = classes weigh the same within a dataset.", DefaultValueFactory = _ => defaults.ClassBalance };
        var datasetBalance = new Option<double>("--dataset-balance") { Description = "1 = datasets weigh by row count … 0 = every dataset weighs the same.", DefaultValueFactory = _ => defaults.DatasetBalance };
        var iterations = new Option<int>("--max-iterations") { DefaultValueFactory = _ => defaults.MaxIterations };
        var lang = new Option<string?>("--lang") { Description = "Train on the datasets of one language only (ru / en)." };
        var joint = new Option<bool>("--joint") { Description = "Train one joint model for all languages instead of one model per language (ru, en) routed by the language detector." };
        var calibration = new Option<int>("--calibration-percent") { Description = "Share (%) of the training rows held out to learn per-language, per-kind (post / short / review) class-probability weights on (0 = none).", DefaultValueFactory = _ => defaults.CalibrationPercent };
        var wordNgrams = new Option<int>("--word-ngrams") { Description = "Longest word n-gram (1-3); 0 = 2, or 1 with --no-bigrams.", DefaultValueFactory = _ => defaults.Featurizer.WordNgrams };
        var blocks = new Option<bool>("--blocks") { Description = "Hash word n-grams, character n-grams and context/cue features into separate blocks, each L2-normalised on its own.", DefaultValueFactory = _ => defaults.Featurizer.Blocks };
        var idf = new Option<string?>("--idf") { Description = "Weigh the hashed features before normalising, fitted on the training rows: ngrams (TF-IDF; context and cue features at the mean n-gram idf), all (TF-IDF, every bucket by its own), ngrams-capped (as ngrams, no bucket above the mean n-gram idf: common n-grams discounted, rare and unseen ones never lifted), ngrams-sqrt (the square root of the ngrams weights) or nb (naive-Bayes log-count ratios, NBSVM)." };
        idf.AcceptOnlyFromAmong([.. IdfTable.Modes, "nb"]);
        var clustersOnly = new Option<bool>("--clusters-only") { Description = "With --vector-clusters: the cluster features without the mean-vector block." };
        var vectorClusters = new Option<int>("--vector-clusters") { Description = "With --vectors: group the words into N clusters of their vectors (k-means) and add each token's cluster as a hashed feature (0 = none).", DefaultValueFactory = _ => defaults.Featurizer.VectorClusters };
        var vectorCountMean = new Option<bool>("--vector-count-mean") { Description = "With --vectors: the block is the plain mean of the known words' vectors (sum over count) instead of the L2-normalised mean, so scoring folds it into 3 class scores per word." };
        var vectorSkipNegated = new Option<bool>("--vector-skip-negated") { Description = "With --vectors: leave the words a negator governs (up to two after it, not past another negator or ! ? …) out of the mean; the hashed features still read them." };
        var vectorSkipNegators = new Option<bool>("--vector-skip-negators") { Description = "With --vectors: leave the negators themselves (не, нет, без, not, no, never, …n't) out of the mean as well." };
        var vectorVocabulary = new Option<int>("--vector-vocabulary") { Description = "With --vectors: how many of the most frequent words get a vector (0 = 40,000).", DefaultValueFactory = _ => defaults.Featurizer.VectorVocabulary };
        var reviewFields = new Option<bool>("--review-fields") { Description = "Read a structured review's fields (Достоинства / Недостатки / Комментарий, Pros / Cons / Summary …) as what they are: the pros and cons lists' n-grams in their own hash spaces, their cues counted apart, features for an empty list and the lists' lengths. Texts without such headings featurise as without it." };
        var vectors = new Option<int>("--vectors") { Description = "Learn N-dimensional word vectors from the training texts (PPMI + truncated eigendecomposition, no labels) and add each text's mean word vector as a dense feature block (0 = none).", DefaultValueFactory = _ => defaults.Featurizer.Vectors };
        var neutral = new Option<string>("--neutral-calibration") { Description = "dev: learn per-language × kind (post / short / review) class-prior weights on the random dev fold after the fit (holdout random or honest-dev); none: uncalibrated.", DefaultValueFactory = _ => defaults.NeutralCalibration };
        var calibrateModel = new Option<FileInfo?>("--calibrate-model") { Description = "No training: fit the dev-fold neutral calibration on top of this already trained model (the same as training it with --neutral-calibration dev) and write it to --out." };
        var ensemble = new Option<FileInfo[]>("--ensemble") { Description = "No training: combine these trained models (the same hashed features and holdout; the first without idf weights is the fast case) into one ensemble that averages their calibrated class probabilities, written to --out.", AllowMultipleArgumentsPerToken = true };
        var evaluate = new Option<bool>("--evaluate") { Description = "Evaluate on the dev split after training." };

        var command = new Command("train", "Train the sentiment model (ML.NET LbfgsMaximumEntropy on hashed n-grams, one per language) on the dataset folders' train splits.")
        {
            data, output, hashBits, charNgrams, noBigrams, noCues, cueRepeats, negation, hedge, kind, holdout, l1, l2, maxRows, classBalance, datasetBalance, iterations, lang, joint, calibration, wordNgrams, blocks, idf, vectors, vectorClusters, clustersOnly, vectorCountMean, vectorSkipNegated, vectorSkipNegators, vectorVocabulary, reviewFields, neutral, calibrateModel, ensemble, evaluate,
        };
        command.SetAction(parse => DataOptions.Guard("train", () =>
        {
            if (parse.GetValue(ensemble) is { Length: > 0 } parts)
            {
                if (parts.Length < 2) throw new InvalidDataException("--ensemble needs at least two model files");
                var models = parts.Select(f => SentimentModel.Load(f.FullName)).ToList();
                SentimentModel combined;
                try { combined = models[0].WithMembers(models.Skip(1).ToList()); }
                catch (ArgumentException e) { throw new InvalidDataException($"--ensemble: {e.Message}"); }
                var target = parse.GetValue(output)!.FullName;
                combined.Save(target);
                Console.Error.WriteLine($"wrote {target}: the mean of {string.Join(", ", parts.Select(p => p.Name))} ({new FileInfo(target).Length / 1024.0 / 1024:F1} MB)");
                return 0;
            }
            if (parse.GetValue(calibrateModel) is { } existing)
            {
                var trained = SentimentModel.Load(existing.FullName);
                var procedure = (trained.Training ?? TrainingOptions.Default) with { NeutralCalibration = "dev" };
                var all = DatasetReader.ReadAll(parse.GetValue(data)!.FullName);
                var calibrated = trained.WithTraining(procedure).WithCalibration(ProbabilityCalibrator.FitOnDev(trained, all, procedure, Console.Error.WriteLine));
                var target = parse.GetValue(output)!.FullName;
                calibrated.Save(target);
                Console.Error.WriteLine($"wrote {target}: {existing.Name} with the dev-fold neutral calibration");
                return 0;
            }
            var ngrams = (parse.GetValue(charNgrams) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(int.Parse).ToArray();
            var options = new TrainingOptions(
                new FeaturizerOptions(parse.GetValue(hashBits), !parse.GetValue(noBigrams), ngrams, CueFeatures: !parse.GetValue(noCues), NegationMarks: parse.GetValue(negation), CueRepeats: parse.GetValue(cueRepeats),
                    HedgeRewrite: parse.GetValue(hedge), KindFeature: parse.GetValue(kind), WordNgrams: parse.GetValue(wordNgrams), Blocks: parse.GetValue(blocks), Idf: parse.GetValue(idf), Vectors: parse.GetValue(vectors), VectorClusters: parse.GetValue(vectorClusters), ClustersOnly: parse.GetValue(clustersOnly), VectorCountMean: parse.GetValue(vectorCountMean), VectorSkipNegated: parse.GetValue(vectorSkipNegated), VectorSkipNegators: parse.GetValue(vectorSkipNegators), VectorVocabulary: parse.GetValue(vectorVocabulary), ReviewFields: parse.GetValue(reviewFields)),
                parse.GetValue(maxRows), parse.GetValue(classBalance), parse.GetValue(datasetBalance), parse.GetValue(l1), parse.GetValue(l2),
                parse.GetValue(iterations), Language: parse.GetValue(lang), CalibrationPercent: parse.GetValue(calibration), Holdout: parse.GetValue(holdout)!,
                NeutralCalibration: parse.GetValue(neutral)!);
            var started = DateTime.UtcNow;
            var datasets = DatasetReader.ReadAll(parse.GetValue(data)!.FullName);
            Console.Error.WriteLine($"read {datasets.Count} datasets ({datasets.Sum(d => d.Rows.Count):N0} rows)");
            Console.Error.WriteLine($"options: {options} char n-grams [{string.Join(',', options.Featurizer.CharNgrams)}]");
            // The weights are the same bytes again only on the same arithmetic (TrainingPlatform; recorded in the model).
            Console.Error.WriteLine($"platform: {TrainingPlatform.Current}");
            var model = parse.GetValue(joint) || options.Language is not null
                ? SentimentTrainer.Train(datasets, options, Console.Error.WriteLine)
                : SentimentTrainer.TrainPerLanguage(datasets, options, Console.Error.WriteLine);
            var path = parse.GetValue(output)!.FullName;
            model.Save(path);
            Console.Error.WriteLine($"wrote {path} ({new FileInfo(path).Length / 1024.0 / 1024:F1} MB) in {(DateTime.UtcNow - started).TotalSeconds:F0} s total");
            if (parse.GetValue(evaluate))
            {
                var evaluated = options.Language is { } only ? datasets.Where(d => d.Lang == only) : datasets;
                Console.WriteLine(EvaluationReport.ToText(SentimentEvaluator.Evaluate(new PooledSentimentScorer(model), evaluated), path));
            }
            return 0;
        }));
        return command;
    }
}
