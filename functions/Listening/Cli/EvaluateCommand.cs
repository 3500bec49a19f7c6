using System.CommandLine;
using Listening.Ml.Data;
using Listening.Ml.Evaluation;
using Listening.Ml.Prediction;
using Listening.Ml.Training;

namespace Listening.Cli;

/// <summary>
/// `listening evaluate [--model model.zip] --data DIR [--json] [--leave-one-out] [--export DIR]`: re-runs
/// the model's training procedure (recorded in its zip) on honest splits (a model trained with
/// `--holdout random`, the shipped one, gives the random column itself; one with `--holdout honest` the honest one) — by time, source, domain, the
/// sources' own test splits, and optionally leave-one-dataset-out — and prints that table as the
/// headline, with each dataset's random dev split as a secondary column and the gap. Folders with a
/// test.tsv are scored with the model itself.
/// </summary>
internal static class EvaluateCommand
{
    public static Command Create()
    {
        var model = DataOptions.Model();
        var data = DataOptions.Data(required: true);
        var json = new Option<bool>("--json") { Description = "Print one JSON document instead of text (ml-models/sentiment/evaluation.json)." };
        var leaveOut = new Option<bool>("--leave-one-out") { Description = "Also train one model per review dataset on every other dataset of its language and score the left-out one (slow: one training each)." };
        var export = new Option<DirectoryInfo?>("--export") { Description = "Only write the exact training and test rows of every split (for scripts/peers) to this folder; no training." };
        var maxRows = new Option<int?>("--max-per-dataset") { Description = "Override the procedure's per-dataset training cap (quick experiments; the card's figures use the recorded procedure)." };
        var honestModel = new Option<FileInfo?>("--honest-model") { Description = "A model trained by the same procedure with --holdout honest: used for the honest column instead of training one." };
        var noRandom = new Option<bool>("--no-random") { Description = "Skip the random-dev-split model (no secondary column; quick experiments)." };
        var command = new Command("evaluate", "Evaluate the sentiment model's training procedure on honest splits (time, source, domain, official, leave-one-dataset-out) with the random dev split beside them.")
        {
            model, data, json, leaveOut, export, maxRows, noRandom, honestModel,
        };
        command.SetAction(parse => DataOptions.Guard("evaluate", () =>
        {
            var modelPath = parse.GetValue(model)!.FullName;
            var datasets = DatasetReader.ReadAll(parse.GetValue(data)!.FullName);
            var shipped = SentimentModel.Load(modelPath);
            // A model saved before the procedure was recorded in the zip was trained by the default procedure.
            if (shipped.Training is null) shipped = shipped.WithTraining(TrainingOptions.Default);
            var options = shipped.Training!;
            if (parse.GetValue(maxRows) is { } cap) options = options with { MaxRowsPerDataset = cap };
            var perLanguage = !shipped.Transformers.ContainsKey(SentimentModel.AnyLanguage);
            if (parse.GetValue(export) is { } folder)
            {
                SplitExport.Write(folder.FullName, datasets, options, parse.GetValue(leaveOut));
                Console.Error.WriteLine($"wrote the splits to {folder.FullName}");
                return 0;
            }
            var log = (string line) => Console.Error.WriteLine(line);
            var trainable = datasets.Where(d => !d.IsTestFile).ToList();
            SentimentModel? honestTrained = null;
            if (parse.GetValue(honestModel) is { } honestFile)
            {
                honestTrained = SentimentModel.Load(honestFile.FullName);
                if (honestTrained.Training is not { Holdout: "honest" or "honest-dev" } t || !t.SameProcedure(options))
                    throw new InvalidDataException($"{honestFile.FullName} was not trained by this model's procedure with --holdout honest or honest-dev");
            }
            // An ensemble's procedure is its members' procedures; re-running them is not built, so its honest model is given.
            if (shipped.Members.Count > 0)
            {
                if (honestTrained is null)
                    throw new InvalidDataException($"{modelPath} is an ensemble: pass --honest-model (the ensemble of its members' honest models, train --ensemble)");
                if (honestTrained.Members.Count != shipped.Members.Count
                    || shipped.Members.Zip(honestTrained.Members).Any(m => m.First.Training is not { } a || m.Second.Training is not { } b || !a.SameProcedure(b)))
                    throw new InvalidDataException($"{parse.GetValue(honestModel)!.FullName}: its members were not trained by the procedures of {modelPath}'s members");
            }
            var result = HonestEvaluation.Run(trainable, options, perLanguage, parse.GetValue(leaveOut), log, !parse.GetValue(noRandom),
                parse.GetValue(maxRows) is null ? shipped : null, honestTrained);
            Console.WriteLine(parse.GetValue(json) ? HonestReport.ToJson(result, modelPath, options, shipped.Members.Select(m => m.Training).ToList()) : HonestReport.ToText(result, modelPath));
            var tests = datasets.Where(d => d.IsTestFile).ToList();
            if (tests.Count > 0 && !parse.GetValue(json))
                Console.WriteLine(EvaluationReport.ToText(SentimentEvaluator.Evaluate(new PooledSentimentScorer(shipped), tests), modelPath));
            return 0;
        }));
        return command;
    }
}
