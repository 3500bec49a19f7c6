using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Listening.Core.Factors;
using Listening.Core.Feedback;
using Listening.Scoring;

namespace Listening.Cli;

/// <summary>
/// <c>listening factors [--pack P]… [--taxonomy FILE] [--list] [--rating R] [--model M | --no-model] [TEXT]</c>: try a
/// taxonomy — the default, shipped packs and a brand's own override file — on a text or on stdin lines, printing the
/// mentions as JSON lines. By default each text is scored exactly as the pipeline scores an item (the scorer
/// <see cref="FeedbackScorers.Create"/> builds for AddScoring: the shipped sentiment model on every clause);
/// <c>--no-model</c> uses the opinion words alone.
/// </summary>
internal static class FactorsCommand
{
    public static Command Create()
    {
        var packs = new Option<string[]>("--pack") { Description = $"Shipped pack(s) on top of the default: {string.Join(", ", FactorTaxonomy.Shipped.Where(n => n != FactorTaxonomy.DefaultName))}" };
        var overrideFile = new Option<FileInfo?>("--taxonomy") { Description = "A brand's taxonomy file (JSON) layered on top" };
        var list = new Option<bool>("--list") { Description = "Print the resulting factors instead of extracting" };
        var model = new Option<string?>("--model") { Description = "Sentiment model (default: the shipped one, as the pipeline)" };
        var noModel = new Option<bool>("--no-model") { Description = "Clause sentiment from opinion words alone, without the sentiment model" };
        var rating = new Option<int?>("--rating") { Description = "The item's star rating (1–5): a tie-break for clauses that say nothing either way, as in the pipeline" };
        var text = new Argument<string?>("text") { Description = "Text to analyse (default: one text per stdin line)", Arity = ArgumentArity.ZeroOrOne };
        var learned = EvaluateStoryCommand.LearnedOption();
        var detector = EvaluateStoryCommand.DetectorOption();
        var command = new Command("factors", "Find factor mentions (with clause sentiment) using a taxonomy") { packs, overrideFile, list, model, noModel, rating, learned, detector, text };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            FactorTaxonomy taxonomy;
            Func<string, IReadOnlyList<FactorMention>> extract;
            if (parse.GetValue(rating) is < 1 or > 5)
            {
                error.WriteLine("factors: --rating must be between 1 and 5");
                return 1;
            }
            try
            {
                taxonomy = FactorTaxonomy.WithPacks(parse.GetValue(packs) ?? []);
                var file = parse.GetValue(overrideFile);
                if (file is not null)
                {
                    if (!file.Exists) throw new IOException($"taxonomy file not found: {file.FullName}");
                    try { taxonomy = taxonomy.With(File.ReadAllText(file.FullName)); }
                    catch (FormatException e) { throw new FormatException($"{file.FullName}: {e.Message}", e); }
                }
                if (parse.GetValue(list)) extract = _ => [];
                else if (parse.GetValue(noModel))
                {
                    var extractor = new FactorExtractor(taxonomy);
                    extract = line => extractor.Extract(line, parse.GetValue(rating));
                }
                else
                {
                    // The pipeline's own scorer, configured for one brand as Listening:Scoring configures it.
                    var options = new ScoringOptions
                    {
                        ModelPath = parse.GetValue(model), Packs = [.. parse.GetValue(packs) ?? []],
                        LearnedFactors = parse.GetValue(learned), FactorDetectorPath = parse.GetValue(detector)?.FullName,
                    };
                    if (file is not null) options.Brands[Brand] = new BrandScoringOptions { TaxonomyFile = file.FullName };
                    var invalid = options.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)).FirstOrDefault();
                    if (invalid is not null) throw new IOException($"{invalid.ErrorMessage} (or pass --no-model)");
                    var scorer = FeedbackScorers.Create(options);
                    var now = DateTimeOffset.UtcNow;
                    extract = line => scorer.Score(new FeedbackItem("factors", FeedbackKind.Review, "cli", Brand, line, now, parse.GetValue(rating))).Factors;
                }
            }
            catch (Exception e) when (e is FormatException or IOException or ArgumentException or InvalidOperationException)
            {
                error.WriteLine($"factors: {e.Message}");
                return 1;
            }
            if (parse.GetValue(list))
            {
                foreach (var f in taxonomy.Factors)
                    output.WriteLine($"{f.Id,-24} {f.Name("en")} / {f.Name("ru")}  ({string.Join(", ", f.Terms.Select(t => $"{t.Key}: {t.Value.Count} terms"))})");
                return 0;
            }
            var texts = parse.GetValue(text) is { } single ? [single] : ReadLines(Console.In);
            foreach (var line in texts)
            {
                var mentions = extract(line).Select(m => new
                {
                    factor = m.Factor,
                    label = m.Label.ToString().ToLowerInvariant(),
                    score = Math.Round(m.Score, 3),
                    clause = line.Substring(m.Start, m.Length),
                });
                output.WriteLine(JsonSerializer.Serialize(mentions, Json));
            }
            return 0;
        });
        return command;
    }

    private const string Brand = "factors";

    // Readable Cyrillic in the output rather than \u escapes.
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    private static IEnumerable<string> ReadLines(TextReader reader)
    {
        while (reader.ReadLine() is { } line) yield return line;
    }
}
