using System.CommandLine;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Listening.Core.Feedback;
using Listening.Local;
using Listening.Pipeline;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Listening.Cli;

/// <summary>
/// `listening demo`: starts the local shape on a free port, posts the bundled sample feedback through
/// POST /api/feedback, waits until the queues drain, builds each brand's action-matrix report through
/// GET /api/reports/{brand}, writes it to a file and prints a summary.
/// </summary>
internal static class DemoCommand
{
    private const int BatchSize = 100;

    public static Command Create()
    {
        var input = new Option<string?>("--input") { Description = "JSON Lines feedback file (default: samples/demo/feedback.jsonl)" };
        var output = new Option<string?>("--out") { Description = "folder for the reports (default: reports/ at the repository root)" };
        var dataDir = new Option<string?>("--data-dir") { Description = "data dir (default: a fresh temporary one)" };
        var timeout = new Option<int>("--timeout") { Description = "seconds to wait for the queues to drain", DefaultValueFactory = _ => 300 };
        var minMentions = new Option<int>("--min-mentions") { Description = "mentions a factor needs for a quadrant", DefaultValueFactory = _ => 30 };
        var lang = new Option<string>("--lang") { Description = "Report language: ru or en", DefaultValueFactory = _ => "en" };
        lang.AcceptOnlyFromAmong("ru", "en");
        var command = new Command("demo", "Run the pipeline on the bundled sample data and write the action-matrix report (HTML and JSON)")
        {
            input, output, dataDir, timeout, minMentions, lang,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(parse.GetValue(input), parse.GetValue(output), parse.GetValue(dataDir), parse.GetValue(timeout),
            parse.GetValue(minMentions), parse.GetValue(lang)!, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string? input, string? output, string? dataDir, int timeoutSeconds, int minMentions, string lang, CancellationToken cancellationToken)
    {
        if (minMentions < 1) { Console.Error.WriteLine("demo: --min-mentions must be at least 1"); return 2; }
        var root = RepositoryRoot.Find();
        var file = input ?? DefaultInput(root);
        output ??= Path.Combine(root, "reports");
        if (!File.Exists(file)) { Console.Error.WriteLine($"demo: no input file {file}"); return 2; }
        var (lines, error) = ReadLines(file);
        if (error is not null) { Console.Error.WriteLine($"demo: {error}"); return 2; }

        var dir = dataDir ?? Path.Combine(Path.GetTempPath(), $"listening-demo-{Guid.NewGuid():N}");
        // Each brand of the file (items without competitorOf) with its competitors configured as channels configure them.
        var competitors = Competitors(lines);
        var settings = competitors.SelectMany(b => b.Value.Select((c, i) => $"--Channels:Competitors:{b.Key}:{i}:Name={c}"));
        // The demo posts the sample as the brand's own systems would — naming sources, external ids and authors — so it gives
        // itself a key with the trusted-ingest role for this run (random, never shown; docs/security.md).
        var demoKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        var app = LocalApp.Build([$"--urls=http://127.0.0.1:0", $"--Listening:Local:DataDir={Path.GetFullPath(dir)}",
            $"--Listening:Access:Keys:demo:Key={demoKey}", "--Listening:Access:Keys:demo:Roles=trusted-ingest,operate,read-reports",
            "--Logging:LogLevel:Default=Warning", .. Responses.ResponsesDemo.Settings(output),
            $"--Listening:Reports:MinMentions={minMentions}", .. settings]);
        await app.StartAsync(cancellationToken);
        try
        {
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            using var http = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(60) };
            http.DefaultRequestHeaders.Add(Access.AccessOptions.Header, demoKey);
            Console.WriteLine($"local shape on {address}, data in {dir}");
            var clock = Stopwatch.StartNew();
            for (var start = 0; start < lines.Count; start += BatchSize)
            {
                var batch = lines.Skip(start).Take(BatchSize).Select(l => l.Json).ToList();
                using var content = new StringContent("[" + string.Join(",", batch) + "]", Encoding.UTF8, "application/json");
                using var response = await http.PostAsync("/api/feedback", content, cancellationToken);
                if ((int)response.StatusCode != 202)
                {
                    Console.Error.WriteLine($"demo: lines {lines[start].Number}–{lines[Math.Min(start + BatchSize, lines.Count) - 1].Number} of {file} were refused: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
                    return 1;
                }
            }
            Console.WriteLine($"posted {lines.Count} items in {clock.Elapsed.TotalSeconds:0.0} s; waiting for the pipeline to drain…");
            var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
            StatusReport? status;
            while (!(status = await http.GetFromJsonAsync<StatusReport>("/api/status", cancellationToken))!.Drained)
            {
                if (DateTime.UtcNow > deadline) { Console.Error.WriteLine("demo: the queues did not drain in time"); return 1; }
                await Task.Delay(200, cancellationToken);
            }
            Console.WriteLine($"scored and answered {status.Items.ByStage["responded"]} items in {clock.Elapsed.TotalSeconds:0.0} s; dead letters: {status.DeadLetters}");
            var merged = lines.Count - status.Items.Total;
            Console.WriteLine($"  {lines.Count} lines posted → {status.Items.Total} items stored"
                + (merged > 0 ? $": {merged} were the same post again (same source and external id) and were merged at ingest, not counted twice" : ": no duplicates"));

            Directory.CreateDirectory(output);
            var paths = new List<string>();
            foreach (var (brand, _) in competitors)
            {
                var (from, to) = Period(lines, brand);
                var query = $"/api/reports/{Uri.EscapeDataString(brand)}?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}&lang={lang}";
                var html = await http.GetStringAsync(query + "&format=html", cancellationToken);
                var path = Path.GetFullPath(Path.Combine(output, $"action-matrix-{Slug(brand)}.html"));
                await File.WriteAllTextAsync(path, html, cancellationToken);
                paths.Add(path);
                var jsonText = await http.GetStringAsync(query + "&format=json", cancellationToken);
                var jsonPath = Path.ChangeExtension(path, ".json");
                await File.WriteAllTextAsync(jsonPath, jsonText, cancellationToken);
                paths.Add(jsonPath);
                using var json = JsonDocument.Parse(jsonText);
                DemoSummary.Print(json.RootElement, Console.Out);
            }
            await Responses.ResponsesDemo.PrintAsync(app.Services, Console.Out, cancellationToken);
            Console.WriteLine("  (answered = a reply was planned for the item; thanked = its author can be reached on a channel, so the thank-you goes out)");
            foreach (var path in paths) Console.WriteLine($"report: {path}");
            return 0;
        }
        finally
        {
            await app.StopAsync(CancellationToken.None);
            await app.DisposeAsync();
            if (dataDir is null) TryDelete(dir);
        }
    }

    private sealed record Line(int Number, string Json, string Brand, string? CompetitorOf, DateTimeOffset? CreatedAt);

    private static (List<Line> Lines, string? Error) ReadLines(string file)
    {
        var lines = new List<Line>();
        var number = 0;
        foreach (var text in File.ReadLines(file))
        {
            number++;
            if (string.IsNullOrWhiteSpace(text)) continue;
            FeedbackItemDto? dto;
            try { dto = JsonSerializer.Deserialize<FeedbackItemDto>(text, FeedbackItemDto.JsonOptions); }
            catch (JsonException e) { return (lines, $"{file}:{number}: not a JSON feedback object: {e.Message}"); }
            if (dto?.Brand is null) return (lines, $"{file}:{number}: no brand");
            lines.Add(new Line(number, text, dto.Brand.Trim(), string.IsNullOrWhiteSpace(dto.CompetitorOf) ? null : dto.CompetitorOf.Trim(), dto.CreatedAt));
        }
        return lines.Count == 0 ? (lines, $"{file} has no feedback") : (lines, null);
    }

    private static string DefaultInput(string root) => Path.Combine(root, "samples", "demo", "feedback.jsonl");

    /// <summary>Own brands (items without competitorOf), each with the brands its competitor items name.</summary>
    private static SortedDictionary<string, List<string>> Competitors(List<Line> lines)
    {
        var brands = new SortedDictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Where(l => l.CompetitorOf is null)) brands.TryAdd(line.Brand, []);
        foreach (var line in lines.Where(l => l.CompetitorOf is not null))
            if (brands.TryGetValue(line.CompetitorOf!, out var list) && !list.Contains(line.Brand, StringComparer.OrdinalIgnoreCase)) list.Add(line.Brand);
        foreach (var list in brands.Values) list.Sort(StringComparer.OrdinalIgnoreCase);
        return brands;
    }

    /// <summary>The last four weeks of the brand's data (UTC days), so the four before are the previous period.</summary>
    private static (DateOnly From, DateOnly To) Period(List<Line> lines, string brand)
    {
        var days = lines.Where(l => l.CreatedAt is not null && (string.Equals(l.Brand, brand, StringComparison.OrdinalIgnoreCase)
                || string.Equals(l.CompetitorOf, brand, StringComparison.OrdinalIgnoreCase)))
            .Select(l => DateOnly.FromDateTime(l.CreatedAt!.Value.UtcDateTime)).ToList();
        // The whole span of the sample: it is sized so that the key factors reach the production threshold.
        var to = days.Count > 0 ? days.Max() : DateOnly.FromDateTime(DateTime.UtcNow);
        return (days.Count > 0 ? days.Min() : to.AddDays(-27), to);
    }

    private static string Slug(string brand) =>
        new(brand.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : '-').ToArray());

    private static void TryDelete(string dir)
    {
        try { Directory.Delete(dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
