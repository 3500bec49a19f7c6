using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using Listening.Core.Feedback;
using Listening.Channels;
using Listening.Core.Channels.Social;
using Listening.Reports;
using Listening.Storage;
using Listening.Storage.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Listening.Pipeline;

namespace Listening.Cli;

/// <summary>
/// `listening bench-report`: times a report over N scored items (target: 1,000,000 in &lt; 10 s and
/// &lt; 500 MB). By default the items go through a JSON Lines file exactly as `listening report`
/// reads them (writing the file is not timed); `--in-memory` feeds generated items straight into the
/// aggregates; `--store` puts them in a local feedback store and times the pipeline's report, which streams
/// them from the store (not timed: filling the store). Either way the report itself reads per-day aggregates.
/// </summary>
internal static class BenchReportCommand
{
    public static Command Create()
    {
        var items = new Option<int>("--items") { Description = "Number of scored items", DefaultValueFactory = _ => 1_000_000 };
        var inMemory = new Option<bool>("--in-memory") { Description = "Skip the file: aggregate generated items directly" };
        var store = new Option<bool>("--store") { Description = "Through the pipeline's path: items in a local (SQLite) feedback store, streamed by the report (GET /api/reports/{brand})" };
        var keep = new Option<DirectoryInfo?>("--keep") { Description = "Keep items.jsonl, report.html and report.json in this folder" };
        var lang = new Option<string>("--lang") { DefaultValueFactory = _ => "ru" };
        var workers = new Option<int?>("--workers") { Description = "Parser threads (default: one per core)" };
        var command = new Command("bench-report", "Measure report time and memory over many scored items") { items, inMemory, store, keep, lang, workers };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var n = parse.GetValue(items);
            if (n < 1) { Console.Error.WriteLine("bench-report: --items must be positive"); return 2; }
            var dir = parse.GetValue(keep)?.FullName ?? Path.Combine(Path.GetTempPath(), "listening-bench-report-" + Environment.ProcessId);
            Directory.CreateDirectory(dir);
            var request = new ReportRequest("Ромашка", ["Лютик", "Василёк"], new DateOnly(2026, 1, 1), new DateOnly(2026, 6, 30), parse.GetValue(lang)!);
            var generateFrom = request.Previous.From;
            var html = Path.Combine(dir, "report.html");
            var json = Path.Combine(dir, "report.json");
            try
            {
                var stopwatch = new Stopwatch();
                using var me = Process.GetCurrentProcess();
                var cpuBefore = TimeSpan.Zero;
                long allocatedBefore = 0;
                if (parse.GetValue(inMemory))
                {
                    cpuBefore = me.TotalProcessorTime;
                    allocatedBefore = GC.GetTotalAllocatedBytes();
                    stopwatch.Start();
                    var gathered = new ReportInput(request);
                    foreach (var s in SyntheticFeedback.Generate(n, request.Brand, request.Competitors, generateFrom, request.To, request.Lang))
                        gathered.Add(s);
                    var folded = stopwatch.Elapsed;
                    var model = ReportBuilder.Build(gathered, TimeProvider.System.GetUtcNow());
                    await File.WriteAllTextAsync(html, ReportHtml.Render(model), cancellationToken);
                    await File.WriteAllTextAsync(json, ReportJson.Serialize(model), cancellationToken);
                    stopwatch.Stop();
                    var days = gathered.Aggregates.Days.Count();
                    Console.WriteLine($"bench-report: generating and folding {n:N0} items into {days:N0} brand-day aggregates took {folded.TotalSeconds:N2} s; "
                        + $"the report from those aggregates (matrices, NPS, wheel, trends, HTML, JSON) took {(stopwatch.Elapsed - folded).TotalMilliseconds:N0} ms");
                }
                else if (parse.GetValue(store))
                {
                    await using var database = new SqliteDatabase(Path.Combine(dir, "feedback.db"));
                    var feedback = new SqliteFeedbackStore(database);
                    await FillStore(feedback, request, n, cancellationToken);
                    Console.WriteLine($"bench-report: stored {n:N0} scored items ({new FileInfo(Path.Combine(dir, "feedback.db")).Length / 1e6:N0} MB); timing the report…");
                    GC.Collect();
                    me.Refresh();
                    cpuBefore = me.TotalProcessorTime;
                    allocatedBefore = GC.GetTotalAllocatedBytes();
                    stopwatch.Start();
                    var reports = new StoredFeedbackReports(feedback, Options.Create(new ReportOptions()),
                        Options.Create(new ChannelsOptions { Competitors = { [request.Brand] = request.Competitors.Select(c => new Competitor { Name = c }).ToList() } }),
                        BrandNames.None, TimeProvider.System, NullLogger<StoredFeedbackReports>.Instance);
                    var model = await reports.BuildAsync(new ActionMatrixQuery(request.Brand, request.From, request.To, request.Lang), cancellationToken);
                    await File.WriteAllTextAsync(html, ReportHtml.Render(model), cancellationToken);
                    await File.WriteAllTextAsync(json, ReportJson.Serialize(model), cancellationToken);
                    stopwatch.Stop();
                }
                else
                {
                    var path = Path.Combine(dir, "items.jsonl");
                    await WriteItems(path, SyntheticFeedback.Generate(n, request.Brand, request.Competitors, generateFrom, request.To, request.Lang), cancellationToken);
                    Console.WriteLine($"bench-report: wrote {n:N0} scored items ({new FileInfo(path).Length / 1e6:N0} MB) to {path}; timing the report…");
                    GC.Collect();
                    me.Refresh();
                    cpuBefore = me.TotalProcessorTime;
                    allocatedBefore = GC.GetTotalAllocatedBytes();
                    stopwatch.Start();
                    var code = await ReportCommand.Run(request, path, html, json, () => null, TimeProvider.System, cancellationToken, parse.GetValue(workers));
                    stopwatch.Stop();
                    if (code != 0) return code;
                    if (parse.GetValue(keep) is null) File.Delete(path);
                }
                me.Refresh();
                var cpu = me.TotalProcessorTime - cpuBefore;
                // CPU time next to wall time: on a shared machine the wall clock includes waiting for a core.
                Console.WriteLine($"bench-report: {n:N0} items in {stopwatch.Elapsed.TotalSeconds:N2} s wall, {cpu.TotalSeconds:N2} s CPU "
                    + $"({n / stopwatch.Elapsed.TotalSeconds:N0} items/s wall); load average {LoadAverage()}; "
                    + $"peak working set {me.PeakWorkingSet64 / 1048576.0:N0} MB; allocated {(GC.GetTotalAllocatedBytes() - allocatedBefore) / 1048576.0:N0} MB while timed; "
                    + $"HTML {new FileInfo(html).Length / 1024.0:N0} KB → {html}");
                return 0;
            }
            finally
            {
                if (parse.GetValue(keep) is null) Directory.Delete(dir, recursive: true);
            }
        });
        return command;
    }

    /// <summary>Untimed: the items as the pipeline leaves them (responded, scored), competitor items naming the brand.</summary>
    private static async Task FillStore(IFeedbackStore store, ReportRequest request, int n, CancellationToken cancellationToken)
    {
        var now = TimeProvider.System.GetUtcNow();
        var pending = new List<Task>(1024);
        foreach (var s in SyntheticFeedback.Generate(n, request.Brand, request.Competitors, request.Previous.From, request.To, request.Lang))
        {
            var item = s.Item.Brand == request.Brand ? s.Item : s.Item with { CompetitorOf = request.Brand };
            // Concurrent upserts share the store's group commits.
            pending.Add(store.UpsertAsync(new FeedbackRecord(item, FeedbackStage.Responded, s.Scores, now), cancellationToken));
            if (pending.Count == 1024) { await Task.WhenAll(pending); pending.Clear(); }
        }
        await Task.WhenAll(pending);
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";

    private static async Task WriteItems(string path, IEnumerable<ScoredFeedback> scored, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        await using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false), 1 << 20);
        foreach (var s in scored)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await writer.WriteLineAsync(JsonSerializer.Serialize(FeedbackItemDto.From(s.Item, s.Scores), FeedbackItemDto.JsonOptions));
        }
    }
}
