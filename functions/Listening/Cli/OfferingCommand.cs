using System.CommandLine;
using Listening.Core.Factors;

namespace Listening.Cli;

/// <summary>
/// `listening offering`: the words of what a brand sells, learned from a batch of its (and its competitors') feedback
/// (<see cref="OfferingLexicon"/>), printed as a taxonomy override — the file a brand's Listening:Scoring:Brands:B:TaxonomyFile
/// names, so the pipeline, which scores items one by one, reads the brand with the words its report batch taught.
/// </summary>
internal static class OfferingCommand
{
    public static Command Create()
    {
        var input = new Option<FileInfo>("--in") { Description = "Items, JSON Lines in the canonical feedback shape (the brand's and its competitors')", Required = true };
        var packs = new Option<string[]>("--pack") { Description = "Taxonomy pack(s) on top of the default, as Listening:Scoring:Packs" };
        var taxonomyFile = new Option<FileInfo?>("--taxonomy") { Description = "The brand's own taxonomy file, read before learning" };
        var minItems = new Option<int>("--min-items") { Description = "Items a word must be judged in", DefaultValueFactory = _ => OfferingLexicon.MinItems };
        var command = new Command("offering", "Learn the words of what a brand sells from its feedback; print them as a taxonomy override")
        {
            input, packs, taxonomyFile, minItems,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            try
            {
                var taxonomy = FactorTaxonomy.WithPacks(parse.GetValue(packs) ?? []);
                if (parse.GetValue(taxonomyFile) is { } file) taxonomy = taxonomy.With(await File.ReadAllTextAsync(file.FullName, cancellationToken));
                var (items, _) = EvaluateStoryCommand.ReadItems(parse.GetRequiredValue(input).FullName);
                var words = OfferingLexicon.Learn(taxonomy, items.Where(i => i.Spam is null).Select(i => i.Text), Math.Max(1, parse.GetValue(minItems)));
                parse.InvocationConfiguration.Output.WriteLine(OfferingLexicon.ToJson(taxonomy.Unnamed?.Factor ?? "quality", words));
                return 0;
            }
            catch (Exception e) when (e is FormatException or IOException)
            {
                parse.InvocationConfiguration.Error.WriteLine($"offering: {e.Message}");
                return 1;
            }
        });
        return command;
    }
}
