using System.CommandLine;
using Listening.Core.Factors.Learned;

namespace Listening.Cli;

/// <summary>
/// <c>listening train-factors --stories samples/stories --demo samples/demo --out ml-models/factors/detector.bin.gz</c>:
/// reads every labelled story with the rules (as evaluate-story), trains the learned factor detector on all of them
/// (<see cref="FactorDetectorTrainer"/>: deterministic, so the same stories give a byte-identical file) and writes it.
/// </summary>
internal static class TrainFactorsCommand
{
    public static Command Create()
    {
        var stories = new Option<DirectoryInfo?>("--stories") { Description = "A folder of story folders (feedback.jsonl + labels.jsonl each)" };
        var demo = new Option<DirectoryInfo?>("--demo") { Description = "The demo's folder (feedback.jsonl + labels.jsonl)" };
        var output = new Option<FileInfo>("--out") { Description = "The detector file to write", Required = true };
        var model = new Option<string?>("--model") { Description = "Sentiment model (default: the shipped one, as the pipeline)" };
        var (classesFile, classFeatures) = WordClassOptions.Create();
        var channels = LabelledStories.ChannelsOption();
        var command = new Command("train-factors", "Train the learned factor detector on the hand-labelled stories") { stories, demo, output, model, classesFile, classFeatures, channels };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var error = parse.InvocationConfiguration.Error;
            try
            {
                var folders = LabelledStories.Folders(parse.GetValue(stories)?.FullName, parse.GetValue(demo)?.FullName);
                var read = await LabelledStories.ReadAsync(folders, parse.GetValue(model), error, cancellationToken);
                var classes = WordClassOptions.Read(parse.GetValue(classesFile)?.FullName, parse.GetValue(classFeatures)!);
                var readsChannel = parse.GetValue(channels);
                var perStory = LabelledStories.Examples(read, classes, readsChannel);
                var examples = perStory.SelectMany(e => e).ToList();
                var detector = LeaveOneStoryOut.Train(perStory, LabelledStories.Factors, FactorTraining.Default with { Classes = classes, Channels = readsChannel });
                var file = parse.GetRequiredValue(output);
                file.Directory?.Create();
                var bytes = detector.Write();
                await File.WriteAllBytesAsync(file.FullName, bytes, cancellationToken);
                parse.InvocationConfiguration.Output.WriteLine(
                    $"train-factors: {examples.Count} items of {read.Count} stories, {detector.Factors.Count} factors, {detector.Buckets.Count} weighted buckets, {(classes is null ? "no word classes" : $"{classes.Count:N0} words' classes read as {classes.Features}")}, {(readsChannel ? "the item's channel read" : "no channel")}, thresholds per factor (add ≥ / drop <) {string.Join(", ", detector.Factors.Select((f, i) => $"{f} {detector.AddAbove[i]:0.00}/{detector.DropBelow[i]:0.00}"))} → {file.FullName} ({bytes.Length:N0} bytes)");
                return 0;
            }
            catch (Exception e) when (e is FormatException or IOException or ArgumentException or InvalidOperationException)
            {
                error.WriteLine($"train-factors: {e.Message}");
                return 1;
            }
        });
        return command;
    }
}
