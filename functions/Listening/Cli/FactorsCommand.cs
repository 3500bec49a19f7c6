using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Listening.Core.Factors;

namespace Listening.Cli;

/// <summary>
/// <c>listening factors [--pack P]… [--taxonomy FILE] [--list] [TEXT]</c>: try a taxonomy — the default, shipped
/// packs and a brand's own override file — on a text or on stdin lines, printing the mentions as JSON lines.
/// </summary>
internal static class FactorsCommand
{
    public static Command Create()
    {
        var packs = new Option<string[]>("--pack") { Description = $"Shipped pack(s) on top of the default: {string.Join(", ", FactorTaxonomy.Shipped.Where(n => n != FactorTaxonomy.DefaultName))}" };
        var overrideFile = new Option<FileInfo?>("--taxonomy") { Description = "A brand's taxonomy file (JSON) layered on top" };
        var list = new Option<bool>("--list") { Description = "Print the resulting factors instead of extracting" };
        var text = new Argument<string?>("text") { Description = "Text to analyse (default: one text per stdin line)", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("factors", "Find factor mentions (with clause sentiment) using a taxonomy") { packs, overrideFile, list, text };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            FactorTaxonomy taxonomy;
            try
            {
                taxonomy = FactorTaxonomy.WithPacks(parse.GetValue(packs) ?? []);
                if (parse.GetValue(overrideFile) is { } file)
                {
                    if (!file.Exists) throw new IOException($"taxonomy file not found: {file.FullName}");
                    try { taxonomy = taxonomy.With(File.ReadAllText(file.FullName)); }
                    catch (FormatException e) { throw new FormatException($"{file.FullName}: {e.Message}", e); }
                }
            }
            catch (Exception e) when (e is FormatException or IOException or ArgumentException)
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
            var extractor = new FactorExtractor(taxonomy);
            var texts = parse.GetValue(text) is { } single ? [single] : ReadLines(Console.In);
            foreach (var line in texts)
            {
                var mentions = extractor.Extract(line).Select(m => new
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

    // Readable Cyrillic in the output rather than \u escapes.
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    private static IEnumerable<string> ReadLines(TextReader reader)
    {
        while (reader.ReadLine() is { } line) yield return line;
    }
}
