using System.CommandLine;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Listening.Core.Feedback;
using Listening.Core.Sentiment;
using Listening.Functions;
using Listening.Storage;
using Listening.Topology;
using Listening.Web;
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
        var output = new Option<string>("--out") { Description = "folder for the reports", DefaultValueFactory = _ => "reports" };
        var dataDir = new Option<string?>("--data-dir") { Description = "data dir (default: a fresh temporary one)" };
        var timeout = new Option<int>("--timeout") { Description = "seconds to wait for the queues to drain", DefaultValueFactory = _ => 300 };
        var command = new Command("demo", "Run the pipeline on the bundled sample data and write the action-matrix report") { input, output, dataDir, timeout };
        command.SetAction((parse, cancellationToken) => RunAsync(parse.GetValue(input), parse.GetValue(output)!, parse.GetValue(dataDir), parse.GetValue(timeout), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string? input, string output, string? dataDir, int timeoutSeconds, CancellationToken cancellationToken)
    {
        var root = FunctionTopology.FindRoot(null);
        var file = input ?? DefaultInput(root);
        if (!File.Exists(file)) { Console.Error.WriteLine($"demo: no input file {file}"); return 2; }
        var (lines, error) = ReadLines(file);
        if (error is not null) { Console.Error.WriteLine($"demo: {error}"); return 2; }

        var dir = dataDir ?? Path.Combine(Path.GetTempPath(), $"listening-demo-{Guid.NewGuid():N}");
        var app = ListeningWebApp.Build([$"--urls=http://127.0.0.1:0", $"--Listening:Local:DataDir={Path.GetFullPath(dir)}", $"--Listening:Root={root}",
            "--Logging:LogLevel:Default=Warning", $"--Responses:Delivery:PickupDirectory={Path.Combine(Path.GetFullPath(dir), "outbox")}"], AppShape.Local);
        await app.StartAsync(cancellationToken);
        try
        {
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            using var http = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(60) };
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

            Directory.CreateDirectory(output);
            var store = app.Services.GetRequiredService<IFeedbackStore>();
            var brands = lines.Where(l => l.CompetitorOf is null).Select(l => l.Brand).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            var paths = new List<string>();
            foreach (var brand in brands)
            {
                var html = await http.GetStringAsync($"/api/reports/{Uri.EscapeDataString(brand)}?format=html", cancellationToken);
                var path = Path.GetFullPath(Path.Combine(output, $"action-matrix-{Slug(brand)}.html"));
                await File.WriteAllTextAsync(path, html, cancellationToken);
                paths.Add(path);
                await PrintSummaryAsync(brand, store.QueryAsync(brand, DateTimeOffset.UnixEpoch, DateTimeOffset.UtcNow.AddDays(1), cancellationToken), cancellationToken);
            }
            await Responses.ResponsesDemo.PrintAsync(app.Services, Console.Out, cancellationToken);
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

    private static async Task PrintSummaryAsync(string brand, IAsyncEnumerable<FeedbackRecord> records, CancellationToken cancellationToken)
    {
        var rows = new SortedDictionary<string, (int Items, int Positive, int Negative, Dictionary<string, int> Factors)>(StringComparer.Ordinal);
        await foreach (var record in records.WithCancellation(cancellationToken))
        {
            if (record.Scores is null) continue;
            var row = rows.TryGetValue(record.Item.Brand, out var r) ? r : (Items: 0, Positive: 0, Negative: 0, Factors: new Dictionary<string, int>());
            row.Items++;
            if (record.Scores.Sentiment.Label == SentimentLabel.Positive) row.Positive++;
            if (record.Scores.Sentiment.Label == SentimentLabel.Negative) row.Negative++;
            foreach (var f in record.Scores.Factors) row.Factors[f.Factor] = row.Factors.GetValueOrDefault(f.Factor) + 1;
            rows[record.Item.Brand] = row;
        }
        Console.WriteLine();
        Console.WriteLine($"{brand} and competitors");
        Console.WriteLine($"  {"brand",-20} {"items",6} {"pos %",6} {"neg %",6}  top factors");
        foreach (var (name, row) in rows)
        {
            var top = string.Join(", ", row.Factors.OrderByDescending(f => f.Value).ThenBy(f => f.Key, StringComparer.Ordinal).Take(3).Select(f => $"{f.Key} ({f.Value})"));
            Console.WriteLine($"  {name,-20} {row.Items,6} {100.0 * row.Positive / row.Items,6:0} {100.0 * row.Negative / row.Items,6:0}  {top}");
        }
    }

    private sealed record Line(int Number, string Json, string Brand, string? CompetitorOf);

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
            lines.Add(new Line(number, text, dto.Brand.Trim(), string.IsNullOrWhiteSpace(dto.CompetitorOf) ? null : dto.CompetitorOf));
        }
        return lines.Count == 0 ? (lines, $"{file} has no feedback") : (lines, null);
    }

    /// <summary>The bundled sample; until it is merged, the small interim set the tests use.</summary>
    private static string DefaultInput(string root)
    {
        var bundled = Path.Combine(root, "samples", "demo", "feedback.jsonl");
        return File.Exists(bundled) ? bundled : Path.Combine(root, "tests", "Listening.Tests", "Fixtures", "demo-feedback.jsonl");
    }

    private static string Slug(string brand) =>
        new(brand.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : '-').ToArray());

    private static void TryDelete(string dir)
    {
        try { Directory.Delete(dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
