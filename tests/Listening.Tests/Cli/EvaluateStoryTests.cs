using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Listening.Cli;

namespace Listening.Tests.Cli;

/// <summary>
/// <c>evaluate-story</c> on a tiny story whose answers are known: the pipeline's ingest rules (a re-delivered line, a
/// links-only post), its scorer with the shipped model, and the comparison with hand labels.
/// </summary>
public sealed class EvaluateStoryTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("listening-story-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private static readonly string[] Items =
    [
        """{"kind":"review","source":"site","brand":"shop","externalId":"a1","text":"Доставка опоздала на час, но продукты свежие","rating":3,"author":{"email":"a1@example.com"},"createdAt":"2026-10-01T10:00:00Z"}""",
        """{"kind":"review","source":"site","brand":"shop","externalId":"a2","text":"The app keeps crashing","rating":1,"author":{"email":"a2@example.com"},"createdAt":"2026-10-01T11:00:00Z"}""",
        """{"kind":"review","source":"site","brand":"shop","externalId":"a2","text":"The app keeps crashing","rating":1,"author":{"email":"a2@example.com"},"createdAt":"2026-10-01T11:00:00Z"}""",
        """{"kind":"mention","source":"twitter","brand":"shop","externalId":"a3","text":"https://example.com/x https://example.com/y","author":{"handle":"promo"},"createdAt":"2026-10-01T12:00:00Z"}""",
        """{"kind":"review","source":"google","brand":"shop","externalId":"a4","text":"The staff were lovely","rating":5,"author":{"handle":"a4"},"createdAt":"2026-10-01T13:00:00Z"}""",
    ];

    private static readonly string[] Labels =
    [
        """{"source":"site","externalId":"a1","brand":"shop","sentiment":"neutral","factors":[{"factor":"delivery","polarity":"negative"},{"factor":"quality","polarity":"positive"}]}""",
        """{"source":"site","externalId":"a2","brand":"shop","sentiment":"negative","factors":[{"factor":"website_app","polarity":"negative"}]}""",
        """{"source":"site","externalId":"a2","brand":"shop","sentiment":"negative","factors":[{"factor":"website_app","polarity":"negative"}]}""",
        """{"source":"twitter","externalId":"a3","brand":"shop","sentiment":"neutral","factors":[],"spam":true}""",
        // Deliberately not what the text says: a price the pipeline cannot find, staff it finds unlabelled.
        """{"source":"google","externalId":"a4","brand":"shop","sentiment":"positive","factors":[{"factor":"price","polarity":"positive"}]}""",
    ];

    private (int Code, string Output, string Error) Run(string[] items, string[] labels, params string[] extra)
    {
        var itemsFile = Path.Combine(dir, "items.jsonl");
        var labelsFile = Path.Combine(dir, "labels.jsonl");
        File.WriteAllLines(itemsFile, items);
        File.WriteAllLines(labelsFile, labels);
        var output = new StringWriter(CultureInfo.InvariantCulture);
        var error = new StringWriter(CultureInfo.InvariantCulture);
        var code = EvaluateStoryCommand.Create().Parse(["--in", itemsFile, "--labels", labelsFile, "--brand", "shop", .. extra])
            .Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }

    private static string Rental(int n, string text) =>
        $$"""{"kind":"review","source":"app","brand":"shop","externalId":"r{{n}}","text":"{{text}}","rating":4,"author":{"handle":"u{{n}}"},"createdAt":"2026-10-01T10:00:00Z"}""";

    private static string RentalLabel(int n, string factors) =>
        $$"""{"source":"app","externalId":"r{{n}}","brand":"shop","sentiment":"positive","factors":[{{factors}}]}""";

    [Fact]
    public void With_offering_the_story_is_read_with_the_brands_offering_words_learned_from_its_items_and_without_it_as_the_pipeline_reads_it()
    {
        // A beach-chair rental: «шезлонг» is on no list; judged in five items, it is what the brand sells.
        string[] texts = ["Шезлонги новые, всё отлично.", "Отличные шезлонги.", "Шезлонги старые.", "Ужасный шезлонг.", "Шезлонг отличный.",
            "Шезлонги у воды жёсткие и совсем неудобные."];
        var items = texts.Select((t, n) => Rental(n, t)).ToArray();
        var labels = texts.Select((_, n) => RentalLabel(n, """{"factor":"quality","polarity":"positive"}""")).ToArray();

        var (code, output, error) = Run(items, labels, "--json", "--offering");
        Assert.True(code == 0, error);
        Assert.Contains("offering learned from the items", error);
        Assert.Contains("шезлонг", error);
        var (plainCode, plainOutput, plainError) = Run(items, labels, "--json");
        Assert.True(plainCode == 0, plainError);
        Assert.DoesNotContain("offering", plainError);

        int Found(string json) => JsonDocument.Parse(json).RootElement.GetProperty("detection").GetProperty("perFactor").GetProperty("quality").GetProperty("found").GetInt32();
        Assert.True(Found(output) > Found(plainOutput), $"quality found {Found(output)} with the offering, {Found(plainOutput)} without");
    }

    [Fact]
    public void A_story_is_run_through_the_ingest_rules_and_the_scorer_and_measured_against_its_labels()
    {
        var (code, output, error) = Run(Items, Labels, "--json", "--min-mentions", "1");
        Assert.True(code == 0, error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;

        var ingest = root.GetProperty("ingest");
        Assert.Equal(5, ingest.GetProperty("lines").GetInt32());
        Assert.Equal(1, ingest.GetProperty("duplicates").GetInt32());
        Assert.Equal(1, ingest.GetProperty("markedSpam").GetInt32());
        Assert.Equal(1, ingest.GetProperty("labelledSpamCaught").GetInt32());
        Assert.Equal(4, root.GetProperty("items").GetInt32());

        var perFactor = root.GetProperty("detection").GetProperty("perFactor");
        foreach (var factor in new[] { "delivery", "quality", "website_app" })
        {
            var f = perFactor.GetProperty(factor);
            Assert.Equal((1, 1, 1), (f.GetProperty("labelled").GetInt32(), f.GetProperty("found").GetInt32(), f.GetProperty("tp").GetInt32()));
        }
        Assert.Equal((1, 0), (perFactor.GetProperty("price").GetProperty("labelled").GetInt32(), perFactor.GetProperty("price").GetProperty("found").GetInt32()));
        Assert.Equal((0, 1), (perFactor.GetProperty("staff").GetProperty("labelled").GetInt32(), perFactor.GetProperty("staff").GetProperty("found").GetInt32()));
        // tp 3 of 4 found and of 4 labelled.
        Assert.Equal(0.75, root.GetProperty("detection").GetProperty("microF1").GetDouble(), 4);

        // «Доставка опоздала на час, но продукты свежие»: delivery −, quality +; the app −. All three right.
        var polarity = root.GetProperty("polarity");
        Assert.Equal(3, polarity.GetProperty("n").GetInt32());
        Assert.Equal(1.0, polarity.GetProperty("accuracy").GetDouble());
        // The spam post is not scored: three items carry a document sentiment to compare.
        Assert.Equal(3, root.GetProperty("sentiment").GetProperty("n").GetInt32());

        var matrix = root.GetProperty("matrix");
        Assert.Equal("shop", matrix.GetProperty("brand").GetString());
        var rows = matrix.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(matrix.GetProperty("factors").GetInt32(), rows.Count);
        Assert.Equal(rows.Count(r => r.GetProperty("agrees").GetBoolean()), matrix.GetProperty("agreeing").GetInt32());
        Assert.Contains(rows, r => r.GetProperty("factor").GetString() == "price" && r.GetProperty("pipeline").GetProperty("n").GetInt32() == 0);
    }

    [Fact]
    public void The_table_names_each_factor_and_the_mistakes_list_the_items_that_disagree()
    {
        var (code, output, error) = Run(Items, Labels, "--mistakes", "--lang", "ru");
        Assert.True(code == 0, error);
        Assert.Contains("Доставка", output);
        Assert.Contains("micro P=0.750 R=0.750 F1=0.750", output);
        Assert.Contains("google/a4", output); // price labelled, staff found
        Assert.DoesNotContain("site/a2", output); // found as labelled
    }

    [Fact]
    public void A_label_with_an_unknown_factor_fails_with_its_line()
    {
        string[] labels = [Labels[0], """{"source":"site","externalId":"a2","sentiment":"negative","factors":[{"factor":"vibes","polarity":"negative"}]}"""];
        var (code, _, error) = Run(Items, labels);
        Assert.NotEqual(0, code);
        Assert.Contains("labels.jsonl:2:", error);
        Assert.Contains("vibes", error);
    }

    [Fact]
    public void A_label_for_an_item_the_story_does_not_have_fails_with_its_line()
    {
        string[] labels = [.. Labels, """{"source":"site","externalId":"nope","sentiment":"neutral","factors":[]}"""];
        var (code, _, error) = Run(Items, labels);
        Assert.NotEqual(0, code);
        Assert.Contains("labels.jsonl:6:", error);
    }

    [Fact]
    public void Two_different_labels_for_one_item_fail()
    {
        string[] labels = [Labels[0], Labels[1], """{"source":"site","externalId":"a2","sentiment":"positive","factors":[]}"""];
        var (code, _, error) = Run(Items, labels);
        Assert.NotEqual(0, code);
        Assert.Contains("labels.jsonl:3:", error);
    }

    [Theory]
    [InlineData("{ not json", "items.jsonl:3:")]
    [InlineData("""{"source":"site","brand":"shop","externalId":"x","text":"","rating":9}""", "items.jsonl:3:")]
    public void A_bad_item_line_fails_with_its_line_number(string line, string expected)
    {
        string[] items = [Items[0], Items[1], line];
        var (code, _, error) = Run(items, Labels[..2]);
        Assert.NotEqual(0, code);
        Assert.Contains(expected, error);
    }
}
