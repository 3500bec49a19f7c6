using System.CommandLine;
using Listening.Core.Sentiment;
using Listening.Ml.Data;
using Listening.Ml.Evaluation;
using Listening.Ml.Prediction;

namespace Listening.Cli;

/// <summary>
/// `listening compare --baseline A.zip --candidate B.zip --data DIR [--json]`: the sentiment model's ship rule
/// (<see cref="ShipRule"/>, model card "Ship rule") — both honest models label every honest split's test rows, a
/// paired bootstrap gives each split's difference and the split-averaged one a 95 % interval, and the rule says
/// whether the candidate ships. Exit code 0 either way (the decision is printed); 2 on a bad file.
/// </summary>
internal static class CompareCommand
{
    public static Command Create()
    {
        var data = DataOptions.Data(required: true);
        var baseline = new Option<FileInfo>("--baseline") { Description = "The shipped procedure's honest model (trained with --holdout honest or honest-dev).", Required = true };
        var candidate = new Option<FileInfo>("--candidate") { Description = "The candidate procedure's honest model (trained with --holdout honest or honest-dev).", Required = true };
        var replicates = new Option<int>("--replicates") { Description = "Bootstrap replicates.", DefaultValueFactory = _ => ShipRule.DefaultReplicates };
        var seed = new Option<int>("--seed") { Description = "Bootstrap seed (the card's figures use the default).", DefaultValueFactory = _ => ShipRule.DefaultSeed };
        var json = new Option<bool>("--json") { Description = "Print JSON instead of text." };
        var with = new Option<FileInfo[]>("--candidate-with") { Description = "Measurement only: average the candidate's class probabilities with these honest models' (an ensemble that is not a model file yet).", AllowMultipleArgumentsPerToken = true };
        var show = new Option<string?>("--show") { Description = "Also print the rows of this split on which the two models disagree (for reading why a split moves)." };
        var command = new Command("compare", "The sentiment ship rule: a candidate's honest model against the baseline's on the same honest-split rows (paired bootstrap, 95 % intervals).")
        {
            data, baseline, candidate, replicates, seed, json, show, with,
        };
        command.SetAction(parse => DataOptions.Guard("compare", () =>
        {
            SentimentModel LoadHonest(FileInfo file)
            {
                var model = SentimentModel.Load(file.FullName);
                if (model.Training is not { Holdout: "honest" or "honest-dev" })
                    throw new InvalidDataException($"{file.FullName} was not trained with --holdout honest or honest-dev: it has seen honest test rows");
                return model;
            }
            var a = parse.GetValue(baseline)!;
            var b = parse.GetValue(candidate)!;
            var datasets = DatasetReader.ReadAll(parse.GetValue(data)!.FullName).Where(d => !d.IsTestFile).ToList();
            ISentimentScorer candidateScorer = new PooledSentimentScorer(LoadHonest(b));
            if (parse.GetValue(with) is { Length: > 0 } members)
                candidateScorer = new AveragedScorer([candidateScorer, .. members.Select(f => new PooledSentimentScorer(LoadHonest(f)))]);
            var paired = ShipComparison.Label(datasets, new PooledSentimentScorer(LoadHonest(a)), candidateScorer);
            if (parse.GetValue(show) is { } name)
            {
                var dataset = datasets.FirstOrDefault(d => HonestSplits.For(d).Any(s => s.Name == name))
                    ?? throw new InvalidDataException($"--show: no honest split named {name}");
                var rows = HonestSplits.For(dataset).Single(s => s.Name == name).TestRows(dataset).ToArray();
                var split = paired.Single(p => p.Name == name);
                Console.WriteLine($"{name}: rows where the models disagree (actual / baseline / candidate)");
                for (var i = 0; i < rows.Length; i++)
                    if (split.Baseline[i] != split.Candidate[i])
                        Console.WriteLine($"{split.Actual[i],-8} {split.Baseline[i],-8} {split.Candidate[i],-8} {rows[i].Text.ReplaceLineEndings(" ")[..Math.Min(160, rows[i].Text.Length)]}");
                Console.WriteLine();
            }
            var decision = ShipRule.Decide(paired, parse.GetValue(replicates), parse.GetValue(seed));
            Console.WriteLine(parse.GetValue(json) ? ShipComparison.ToJson(decision, a.FullName, b.FullName) : ShipComparison.ToText(decision, a.FullName, b.FullName));
            return 0;
        }));
        return command;
    }
}
