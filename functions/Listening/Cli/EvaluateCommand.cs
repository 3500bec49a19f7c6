using System.CommandLine;
using Listening.Ml.Data;
using Listening.Ml.Evaluation;
using Listening.Ml.Prediction;

namespace Listening.Cli;

/// <summary>`listening evaluate --model model.zip --data DIR [--json]`: per-dataset quality figures.</summary>
internal static class EvaluateCommand
{
    public static Command Create()
    {
        var model = DataOptions.Model();
        var data = DataOptions.Data(required: true);
        var json = new Option<bool>("--json") { Description = "Print one JSON document instead of text." };
        var command = new Command("evaluate", "Evaluate the sentiment model on every dataset folder: test.tsv if present, else the dev split of train.tsv.")
        {
            model, data, json,
        };
        command.SetAction(parse => DataOptions.Guard("evaluate", () =>
        {
            var modelPath = parse.GetValue(model)!.FullName;
            var scorer = PooledSentimentScorer.Load(modelPath);
            var results = SentimentEvaluator.Evaluate(scorer, DatasetReader.ReadAll(parse.GetValue(data)!.FullName));
            Console.WriteLine(parse.GetValue(json)
                ? EvaluationReport.ToJson(results, modelPath)
                : EvaluationReport.ToText(results, modelPath));
            return 0;
        }));
        return command;
    }
}
