using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Listening.Cli;
using Listening.Core.Factors;

namespace Listening.Tests.Cli;

/// <summary>
/// <c>offering</c>: the words of what a brand sells, learned from its feedback, printed as a taxonomy override a brand's
/// taxonomy file can hold — here a beach-chair rental, a domain no list names.
/// </summary>
public sealed class OfferingCommandTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("listening-offering-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private static string Item(int n, string text) =>
        $$"""{"kind":"review","source":"app","brand":"velo","externalId":"v{{n}}","text":"{{text}}","rating":4,"author":{"handle":"u{{n}}"},"createdAt":"2026-10-01T10:00:00Z"}""";

    [Fact]
    public void Words_a_brands_feedback_judges_again_and_again_are_printed_as_a_taxonomy_override_that_loads()
    {
        var file = Path.Combine(dir, "items.jsonl");
        File.WriteAllLines(file,
        [
            Item(1, "Шезлонги новые, всё отлично."), Item(2, "Отличные шезлонги."), Item(3, "Шезлонги старые."),
            Item(4, "Ужасный шезлонг."), Item(5, "Шезлонг отличный."), Item(6, "Приложение удобное."),
        ]);
        var output = new StringWriter(CultureInfo.InvariantCulture);
        var error = new StringWriter(CultureInfo.InvariantCulture);
        var code = OfferingCommand.Create().Parse(["--in", file]).Invoke(new InvocationConfiguration { Output = output, Error = error });
        Assert.True(code == 0, error.ToString());
        var json = output.ToString();
        var words = JsonDocument.Parse(json).RootElement.GetProperty("factors")[0].GetProperty("judgedTerms").GetProperty("ru")
            .EnumerateArray().Select(w => w.GetString()).ToList();
        Assert.Contains(words, w => w!.StartsWith("шезлонг", StringComparison.Ordinal));
        var taxonomy = FactorTaxonomy.Default.With(json);
        const string longer = "Шезлонги у воды жёсткие и совсем неудобные.";
        Assert.Contains(new FactorExtractor(taxonomy).Extract(longer, null), m => m.Factor == "quality");
        Assert.DoesNotContain(new FactorExtractor(FactorTaxonomy.Default).Extract(longer, null), m => m.Factor == "quality");
    }
}
