using System.CommandLine;
using System.Globalization;
using Listening.Core.Matrix;
using Listening.Reports;
using Listening.Scoring;

namespace Listening.Cli;

/// <summary>`listening report`: the action-matrix report from a JSON Lines file of feedback items, offline.</summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var input = new Option<FileInfo>("--in") { Description = "JSON Lines file of feedback items (canonical shape)", Required = true };
        var brand = new Option<string>("--brand") { Description = "The brand the report is for", Required = true };
        var competitors = new Option<string[]>("--competitor") { Description = "A named competitor (repeatable)", AllowMultipleArgumentsPerToken = false };
        var from = new Option<string?>("--from") { Description = "First day, yyyy-MM-dd (UTC); default: the first day of the brand's data in the file" };
        var to = new Option<string?>("--to") { Description = "Last day, yyyy-MM-dd (UTC), inclusive; default: the last day of the brand's data in the file" };
        var lang = new Option<string>("--lang") { Description = "Report language: ru or en", DefaultValueFactory = _ => "en" };
        lang.AcceptOnlyFromAmong("ru", "en");
        var output = new Option<FileInfo>("--out") { Description = "HTML report to write", Required = true };
        var json = new Option<FileInfo?>("--json") { Description = "Also write the report's numbers as JSON" };
        var minMentions = new Option<int>("--min-mentions") { Description = "Mentions a factor needs for a quadrant", DefaultValueFactory = _ => 30 };
        var model = new Option<string?>("--model") { Description = "Sentiment model for items without scores" };
        var rules = new Option<FileInfo?>("--rules") { Description = "Matrix rules as JSON: minMentions, minPlacedFactors, minOutcomePairs, outcomes [rating|nps|documentSentiment], z, margin, promoteAbove (docs/report.md)" };

        var command = new Command("report", "Build the action-matrix report (HTML + JSON) from a file of feedback items")
        {
            input, brand, competitors, from, to, lang, output, json, minMentions, model, rules,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            DateOnly fromDay = default, toDay = default;
            if (parse.GetValue(from) is { } fromText && !TryDay(fromText, "--from", out fromDay)) return 2;
            if (parse.GetValue(to) is { } toText && !TryDay(toText, "--to", out toDay)) return 2;
            if (parse.GetValue(minMentions) < 1) { Console.Error.WriteLine("report: --min-mentions must be at least 1"); return 2; }
            var inFile = parse.GetValue(input)!;
            if (!inFile.Exists) { Console.Error.WriteLine($"report: input file not found: {inFile.FullName}"); return 2; }
            var brandName = parse.GetValue(brand)!.Trim();
            if (parse.GetValue(from) is null || parse.GetValue(to) is null)
            {
                // The period defaults to the data's own date range: a file from last spring reports on last spring, not on an empty "last 28 days".
                if (DataRange(inFile.FullName, brandName) is not { } range)
                {
                    Console.Error.WriteLine($"report: {inFile.FullName} has no dated items about {brandName}: give --from and --to");
                    return 2;
                }
                if (parse.GetValue(from) is null) fromDay = range.From;
                if (parse.GetValue(to) is null) toDay = range.To;
                Console.WriteLine($"report: period {fromDay:yyyy-MM-dd} … {toDay:yyyy-MM-dd} (the data's own range; --from/--to to choose)");
            }
            if (toDay < fromDay) { Console.Error.WriteLine("report: --to is before --from"); return 2; }

            var matrixRules = new MatrixRules { MinMentions = parse.GetValue(minMentions) };
            if (parse.GetValue(rules) is { } rulesFile)
            {
                try { matrixRules = MatrixRulesFile.Read(rulesFile.FullName); }
                catch (Exception e) when (e is IOException or System.Text.Json.JsonException or System.ComponentModel.DataAnnotations.ValidationException)
                {
                    Console.Error.WriteLine($"report: {rulesFile.FullName}: {e.Message}");
                    return 2;
                }
            }
            var request = new ReportRequest(brandName,
                (parse.GetValue(competitors) ?? []).Select(c => c.Trim()).Where(c => c.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
                fromDay, toDay, parse.GetValue(lang)!, matrixRules);
            var result = await Run(request, inFile.FullName, parse.GetValue(output)!.FullName, parse.GetValue(json)?.FullName,
                () => FeedbackScorers.Create(new ScoringOptions { ModelPath = parse.GetValue(model) }), TimeProvider.System, cancellationToken);
            return result;
        });
        return command;
    }

    /// <summary>The whole report run, shared with `bench-report`.</summary>
    internal static async Task<int> Run(ReportRequest request, string inPath, string htmlPath, string? jsonPath,
        Func<Core.Feedback.IFeedbackScorer?> scorer, TimeProvider time, CancellationToken cancellationToken, int? workers = null)
    {
        var gathered = new ReportInput(request);
        long read;
        try
        {
            read = await ReportItemsFile.ReadAsync(inPath, gathered, scorer, time.GetUtcNow(), cancellationToken, workers);
        }
        catch (FeedbackFileException e)
        {
            Console.Error.WriteLine($"report: {e.Message}");
            return 1;
        }
        catch (IOException e)
        {
            Console.Error.WriteLine($"report: cannot read {inPath}: {e.Message}");
            return 1;
        }
        var model = ReportBuilder.Build(gathered, time.GetUtcNow());
        await File.WriteAllTextAsync(htmlPath, ReportHtml.Render(model), cancellationToken);
        if (jsonPath is not null)
        {
            await using var stream = File.Create(jsonPath);
            await ReportJson.WriteAsync(model, stream, cancellationToken);
        }
        Console.WriteLine($"report: {read:N0} items read; {model.Items.Brand:N0} for {request.Brand}"
            + string.Concat(model.Items.Competitors.Select(c => $", {c.Items:N0} for {c.Brand}"))
            + $"; {model.Factors.Count(f => f.Quadrant != "insufficient")} factors placed, {model.Factors.Count(f => f.Quadrant == "fix")} to fix → {htmlPath}"
            + (jsonPath is null ? "" : $" and {jsonPath}"));
        return 0;
    }

    /// <summary>First and last UTC day of the items about <paramref name="brand"/> (its own and those naming it as competitorOf);
    /// lines that do not parse are left to the real read, which names them.</summary>
    internal static (DateOnly From, DateOnly To)? DataRange(string path, string brand)
    {
        DateOnly? first = null, last = null;
        foreach (var line in File.ReadLines(path))
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            try
            {
                using var doc = System.Text.Json.JsonDocument.Parse(line);
                var root = doc.RootElement;
                if (root.ValueKind != System.Text.Json.JsonValueKind.Object) continue;
                if (!About(root, "brand") && !About(root, "competitorOf")) continue;
                if (!root.TryGetProperty("createdAt", out var at) || at.ValueKind != System.Text.Json.JsonValueKind.String
                    || !DateTimeOffset.TryParse(at.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var created)) continue;
                var day = DateOnly.FromDateTime(created.UtcDateTime);
                if (first is null || day < first) first = day;
                if (last is null || day > last) last = day;
            }
            catch (System.Text.Json.JsonException) { }
        }
        return first is { } f && last is { } l ? (f, l) : null;

        bool About(System.Text.Json.JsonElement root, string field) =>
            root.TryGetProperty(field, out var v) && v.ValueKind == System.Text.Json.JsonValueKind.String
            && string.Equals(v.GetString()?.Trim(), brand, StringComparison.OrdinalIgnoreCase);
    }

    private static bool TryDay(string text, string option, out DateOnly day)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day)) return true;
        Console.Error.WriteLine($"report: {option} must be a date like 2026-01-31, got \"{text}\"");
        return false;
    }
}
