using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Listening.Cli;

namespace Listening.Tests.Cli;

/// <summary>Runs <c>evaluate-factors</c> once over the real datasets; the tests read its output.</summary>
public sealed class FactorEvaluationFixture
{
    public static string Repository { get; } = FindRepository();
    public static string Datasets { get; } = Environment.GetEnvironmentVariable("LISTENING_DATASETS") is { Length: > 0 } configured
        ? configured
        : Path.GetFullPath(Path.Combine(Repository, "..", "shared", "datasets"));

    public bool Available { get; }
    public int ExitCode { get; }
    public string Json { get; } = "";
    public string Error { get; } = "";

    public FactorEvaluationFixture()
    {
        Available = Directory.Exists(Path.Combine(Datasets, "semeval_absa_en"));
        if (!Available) return;
        (ExitCode, Json, Error) = EvaluateFactorsTests.Run("--data", Datasets, "--json", "--mappings", Path.Combine(Repository, "ml-models", "factors", "mappings"));
    }

    private static string FindRepository()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Listening.sln"))) return dir.FullName;
        }
        throw new DirectoryNotFoundException("repository root (Listening.sln) not found above the test binaries");
    }
}

public class EvaluateFactorsTests(FactorEvaluationFixture evaluation) : IClassFixture<FactorEvaluationFixture>
{
    internal static (int Code, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter(CultureInfo.InvariantCulture);
        var error = new StringWriter(CultureInfo.InvariantCulture);
        var code = EvaluateFactorsCommand.Create().Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>Datasets are outside the repository: without them the test is vacuous locally and a failure in CI.</summary>
    private bool DatasetsPresent()
    {
        if (evaluation.Available) return true;
        Assert.False(Environment.GetEnvironmentVariable("CI") == "true", $"datasets not found at {FactorEvaluationFixture.Datasets} (set LISTENING_DATASETS)");
        return false;
    }

    private Dictionary<string, JsonElement> Datasets()
    {
        Assert.True(evaluation.ExitCode == 0, evaluation.Error);
        using var document = JsonDocument.Parse(evaluation.Json);
        return document.RootElement.GetProperty("datasets").EnumerateArray()
            .ToDictionary(d => d.GetProperty("name").GetString()!, d => d.Clone());
    }

    [DatasetsFact]
    public void Every_aspect_labelled_dataset_is_reported_in_the_documented_json_shape()
    {
        if (!DatasetsPresent()) return;
        var datasets = Datasets();
        Assert.Superset(datasets.Keys.ToHashSet(), new HashSet<string>
        {
            "semeval_restaurants", "semeval_laptops", "sentirueval_restaurants", "sentirueval_cars", "banki_aste", "airline_tweets", "nhs_patient_feedback",
        });
        foreach (var d in datasets.Values)
        {
            Assert.True(d.GetProperty("n").GetInt32() > 0);
            Assert.Contains(d.GetProperty("lang").GetString(), new[] { "ru", "en" });
            var detection = d.GetProperty("detection");
            foreach (var metric in new[] { "precision", "recall", "microF1" }) Assert.InRange(detection.GetProperty(metric).GetDouble(), 0, 1);
            Assert.NotEmpty(detection.GetProperty("perFactor").EnumerateObject());
            Assert.True(d.TryGetProperty("polarityAccuracy", out _));
        }
    }

    [DatasetsFact]
    public void Restaurant_factors_meet_the_detection_and_polarity_targets_on_the_dev_split()
    {
        if (!DatasetsPresent()) return;
        var datasets = Datasets();
        var english = datasets["semeval_restaurants"];
        var russian = datasets["sentirueval_restaurants"];
        Assert.True(english.GetProperty("detection").GetProperty("microF1").GetDouble() >= 0.70);
        Assert.True(russian.GetProperty("detection").GetProperty("microF1").GetDouble() >= 0.65);
        // Opinion words alone (no model — not what the pipeline runs; the 0.75 target holds with the model, below):
        // a floor, so that the fallback path cannot silently collapse.
        Assert.True(english.GetProperty("polarityAccuracy").GetDouble() >= 0.70);
        Assert.True(russian.GetProperty("polarityAccuracy").GetDouble() >= 0.75);
    }

    [DatasetsFact]
    public void Detection_beats_the_trivial_every_mapped_factor_detector_on_semeval_and_sentirueval()
    {
        if (!DatasetsPresent()) return;
        var datasets = Datasets();
        foreach (var name in new[] { "semeval_restaurants", "semeval_laptops", "sentirueval_restaurants", "sentirueval_cars" })
        {
            var d = datasets[name];
            var ours = d.GetProperty("detection").GetProperty("microF1").GetDouble();
            var trivial = d.GetProperty("baseline").GetProperty("microF1").GetDouble();
            Assert.True(ours > trivial, $"{name}: micro-F1 {ours} does not beat the trivial detector's {trivial}");
            Assert.Equal(1.0, d.GetProperty("baseline").GetProperty("recall").GetDouble());
        }
    }

    [DatasetsFact]
    public void With_the_shipped_sentiment_model_restaurant_polarity_meets_its_target()
    {
        if (!DatasetsPresent()) return;
        var model = Path.Combine(FactorEvaluationFixture.Repository, "ml-models", "sentiment", "model.zip");
        var (code, json, error) = Run("--data", FactorEvaluationFixture.Datasets, "--json", "--model", model,
            "--mappings", Path.Combine(FactorEvaluationFixture.Repository, "ml-models", "factors", "mappings"));
        Assert.True(code == 0, error);
        var datasets = JsonDocument.Parse(json).RootElement.GetProperty("datasets").EnumerateArray()
            .ToDictionary(d => d.GetProperty("name").GetString()!, d => d.GetProperty("polarityAccuracy").GetDouble());
        Assert.True(datasets["semeval_restaurants"] >= 0.75, $"en restaurants polarity {datasets["semeval_restaurants"]}");
        Assert.True(datasets["sentirueval_restaurants"] >= 0.75, $"ru restaurants polarity {datasets["sentirueval_restaurants"]}");
    }

    [DatasetsFact]
    public void The_factors_card_states_the_figures_the_command_measures()
    {
        if (!DatasetsPresent()) return;
        var card = File.ReadAllLines(Path.Combine(FactorEvaluationFixture.Repository, "ml-models", "factors", "README.md"));
        foreach (var (name, d) in Datasets())
        {
            // | name | lang | n | precision | recall | micro-F1 | polarity (n) |
            var row = card.FirstOrDefault(l => l.StartsWith($"| {name} |", StringComparison.Ordinal));
            Assert.True(row is not null, $"the factors card has no row for {name}");
            var cells = row.Split('|', StringSplitOptions.TrimEntries)[1..^1];
            Assert.Equal(d.GetProperty("lang").GetString(), cells[1]);
            Assert.Equal(d.GetProperty("n").GetInt32().ToString(CultureInfo.InvariantCulture), cells[2]);
            var detection = d.GetProperty("detection");
            Close(detection.GetProperty("precision").GetDouble(), cells[3], name);
            Close(detection.GetProperty("recall").GetDouble(), cells[4], name);
            Close(detection.GetProperty("microF1").GetDouble(), cells[5], name);
            if (d.GetProperty("polarityAccuracy") is { ValueKind: JsonValueKind.Number } polarity)
            {
                Close(polarity.GetDouble(), cells[6].Split(' ')[0], name);
                Assert.EndsWith($"({d.GetProperty("polarityN").GetInt32()})", cells[6]);
            }
        }
    }

    private static void Close(double measured, string stated, string dataset) =>
        Assert.True(Math.Abs(measured - double.Parse(stated, CultureInfo.InvariantCulture)) <= 0.0011,
            $"{dataset}: the card says {stated}, the command measures {measured:0.0000}");

    [Fact]
    public void A_missing_data_folder_fails_with_a_message()
    {
        var (code, _, error) = Run("--data", Path.Combine(Path.GetTempPath(), "no-such-datasets-" + Guid.NewGuid()));
        Assert.NotEqual(0, code);
        Assert.Contains("data folder not found", error);
    }

    [Fact]
    public void A_broken_mapping_file_fails_naming_the_file()
    {
        var mappings = Directory.CreateTempSubdirectory("mappings-");
        try
        {
            File.WriteAllText(Path.Combine(mappings.FullName, "broken.json"), "{ \"name\": \"x\", ");
            var (code, _, error) = Run("--data", mappings.FullName, "--mappings", mappings.FullName);
            Assert.NotEqual(0, code);
            Assert.Contains("broken.json", error);
        }
        finally
        {
            mappings.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_malformed_dataset_line_fails_naming_the_line()
    {
        var root = Directory.CreateTempSubdirectory("factors-data-");
        try
        {
            var mappings = Directory.CreateDirectory(Path.Combine(root.FullName, "mappings"));
            File.WriteAllText(Path.Combine(mappings.FullName, "tiny.json"),
                """{ "name": "tiny", "dataset": "tiny_en", "lang": "en", "labels": { "food": "price" } }""");
            var data = Directory.CreateDirectory(Path.Combine(root.FullName, "tiny_en"));
            File.WriteAllText(Path.Combine(data.FullName, "train.tsv"),
                "id\tlang\ttext\tlabel\trating\taspects\nrow1\ten\tCheap and good\tpositive\t\tfood:positive\nrow2\ten\tbroken line without tabs\n");
            var (code, _, error) = Run("--data", root.FullName, "--mappings", mappings.FullName, "--split", "all");
            Assert.NotEqual(0, code);
            Assert.Contains("train.tsv:3", error);
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_tiny_dataset_is_scored_end_to_end()
    {
        var root = Directory.CreateTempSubdirectory("factors-data-");
        try
        {
            var mappings = Directory.CreateDirectory(Path.Combine(root.FullName, "mappings"));
            File.WriteAllText(Path.Combine(mappings.FullName, "tiny.json"),
                """{ "name": "tiny", "dataset": "tiny_en", "lang": "en", "labels": { "cost": "price", "people": "staff" } }""");
            var data = Directory.CreateDirectory(Path.Combine(root.FullName, "tiny_en"));
            File.WriteAllText(Path.Combine(data.FullName, "train.tsv"), string.Join('\n',
                "id\tlang\ttext\tlabel\trating\taspects",
                "a\ten\tThe prices are low but the staff was rude\tneutral\t\tcost:positive;people:negative",
                "b\ten\tNothing to say about the weather\tneutral\t\t",
                "c\ten\tRude staff\tnegative\t\tcost:negative") + "\n");
            var (code, output, error) = Run("--data", root.FullName, "--mappings", mappings.FullName, "--split", "all", "--json");
            Assert.True(code == 0, error);
            var tiny = JsonDocument.Parse(output).RootElement.GetProperty("datasets")[0];
            Assert.Equal(3, tiny.GetProperty("n").GetInt32());
            var perFactor = tiny.GetProperty("detection").GetProperty("perFactor");
            Assert.Equal(1, perFactor.GetProperty("price").GetProperty("tp").GetInt32());
            Assert.Equal(1, perFactor.GetProperty("price").GetProperty("fn").GetInt32());
            Assert.Equal(1, perFactor.GetProperty("staff").GetProperty("tp").GetInt32());
            Assert.Equal(1, perFactor.GetProperty("staff").GetProperty("fp").GetInt32());
            Assert.Equal(1.0, tiny.GetProperty("polarityAccuracy").GetDouble());
            // Every mapped factor for every item: price is labelled in 2 of 3 items, staff in 1 — tp 3, fp 3.
            Assert.Equal(0.5, tiny.GetProperty("baseline").GetProperty("precision").GetDouble());
            Assert.Equal(0.6667, tiny.GetProperty("baseline").GetProperty("microF1").GetDouble(), 3);
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }
}
