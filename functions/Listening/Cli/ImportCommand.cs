using System.CommandLine;
using System.Text;
using Listening.Channels;
using Listening.Channels.Import;
using Listening.Core.Channels.Import;
using Listening.Local;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace Listening.Cli;

/// <summary>
/// `listening import FILE`: CSV, JSON Lines, HTML review pages or RSS/Atom into the local pipeline's store and
/// ingest queue (the same path as POST /api/feedback), with a progress bar and a summary of what was refused.
/// </summary>
internal static class ImportCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "CSV, JSON Lines (.jsonl), HTML page (.html) or RSS/Atom feed (.xml/.rss/.atom)" };
        var brand = new Option<string?>("--brand") { Description = "brand for rows that name none" };
        var format = new Option<string?>("--format") { Description = "csv | jsonl | html | feed (default: from the extension)" };
        var delimiter = new Option<string>("--delimiter") { Description = "CSV delimiter: a character or 'tab'", DefaultValueFactory = _ => "," };
        var encoding = new Option<string>("--encoding") { Description = "text encoding (utf-8, windows-1251, …)", DefaultValueFactory = _ => "utf-8" };
        var map = new Option<string[]>("--map") { Description = "column mapping field=column, e.g. --map text=Comment --map rating=Stars", AllowMultipleArgumentsPerToken = true };
        var source = new Option<string>("--source") { Description = "source name for rows that name none", DefaultValueFactory = _ => "import" };
        var kind = new Option<string>("--kind") { Description = "review | mention | survey for rows that name none", DefaultValueFactory = _ => "review" };
        var competitorOf = new Option<string?>("--competitor-of") { Description = "the file is about a competitor of this brand" };
        var profile = new Option<string?>("--profile") { Description = "HTML: name of a CSS-selector profile (Channels:Profiles)" };
        var dataDir = new Option<string>("--data-dir") { Description = "the data dir `serve` uses", DefaultValueFactory = _ => ".data" };
        var command = new Command("import", "Import feedback from a file into the pipeline")
        {
            file, brand, format, delimiter, encoding, map, source, kind, competitorOf, profile, dataDir,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists) { Console.Error.WriteLine($"import: no such file {path.FullName}"); return 2; }
            var fmt = parse.GetValue(format) is { } f ? ParseFormat(f) : FeedbackImporter.FormatOf(path.Name);
            if (fmt is null) { Console.Error.WriteLine($"import: cannot tell the format of {path.Name}; pass --format csv|jsonl|html|feed"); return 2; }
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            Encoding enc;
            try { enc = Encoding.GetEncoding(parse.GetValue(encoding)!); }
            catch (ArgumentException) { Console.Error.WriteLine($"import: unknown encoding '{parse.GetValue(encoding)}'"); return 2; }
            var delim = parse.GetValue(delimiter)!;
            if (delim is not ("tab" or "\\t") && delim.Length != 1) { Console.Error.WriteLine("import: --delimiter must be one character or 'tab'"); return 2; }
            var args = ServeCommand.HostArgs(0, parse.GetValue(dataDir)!).Append("--Logging:LogLevel:Default=Warning").ToArray();
            await using var app = LocalApp.Build(args);
            // Column names from configuration (Channels:Import:Columns:text = Kommentar), overridden by --map.
            var columns = app.Services.GetRequiredService<IConfiguration>().GetSection("Channels:Import:Columns").GetChildren()
                .Where(c => c.Value is not null).ToDictionary(c => c.Key, c => c.Value!, StringComparer.OrdinalIgnoreCase);
            foreach (var pair in parse.GetValue(map) ?? [])
            {
                var eq = pair.IndexOf('=');
                if (eq <= 0) { Console.Error.WriteLine($"import: --map '{pair}' is not field=column"); return 2; }
                columns[pair[..eq].Trim()] = pair[(eq + 1)..].Trim();
            }

            var options = app.Services.GetRequiredService<IOptions<ChannelsOptions>>().Value;
            var request = new ImportRequest(path.FullName, fmt.Value,
                new ImportDefaults(parse.GetValue(brand) ?? "", parse.GetValue(source)!, parse.GetValue(kind)!, CompetitorOf: parse.GetValue(competitorOf)),
                delim is "tab" or "\\t" ? '\t' : delim[0], enc, columns, options.ProfileFor(parse.GetValue(profile)));
            var importer = new FeedbackImporter(app.Services.GetRequiredService<ChannelIntake>(), options, app.Services.GetRequiredService<TimeProvider>());
            return await RunAsync(importer, request, AnsiConsole.Console, cancellationToken);
        });
        return command;
    }

    /// <summary>Runs the import with a progress bar on <paramref name="console"/> and prints the summary; returns the exit code.</summary>
    internal static async Task<int> RunAsync(FeedbackImporter importer, ImportRequest request, IAnsiConsole console, CancellationToken cancellationToken)
    {
        ImportSummary summary;
        try
        {
            if (console.Profile.Capabilities.Interactive)
            {
                summary = await console.Progress()
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new TransferSpeedColumn(), new RemainingTimeColumn())
                    .StartAsync(async ctx =>
                    {
                        var task = ctx.AddTask($"importing {Path.GetFileName(request.Path)}", maxValue: Math.Max(new FileInfo(request.Path).Length, 1));
                        var clock = System.Diagnostics.Stopwatch.StartNew();
                        var progress = new Progress<ImportProgress>(p =>
                        {
                            task.Value = p.BytesRead;
                            task.Description = $"{Path.GetFileName(request.Path)}: {p.Rows:N0} rows, {p.Rows / Math.Max(clock.Elapsed.TotalSeconds, 0.001):N0} rows/s";
                        });
                        return await importer.ImportAsync(request, progress, cancellationToken);
                    });
            }
            else summary = await importer.ImportAsync(request, null, cancellationToken);
        }
        catch (IntakeException e)
        {
            console.MarkupLineInterpolated($"[red]import: the pipeline refused the items: {e.Message}[/]");
            return 1;
        }
        catch (IOException e)
        {
            console.MarkupLineInterpolated($"[red]import: cannot read {request.Path}: {e.Message}[/]");
            return 2;
        }

        var rate = summary.Elapsed.TotalSeconds > 0 ? (summary.Read + summary.Rejected) / summary.Elapsed.TotalSeconds : 0;
        console.WriteLine($"{Path.GetFileName(request.Path)}: {summary.Accepted:N0} accepted, {summary.Duplicates:N0} duplicate, {summary.Rejected:N0} rejected");
        console.WriteLine($"  {summary.Read + summary.Rejected:N0} rows in {summary.Elapsed.TotalSeconds:0.0} s ({rate:N0} rows/s)");
        foreach (var r in summary.Rejections.Take(50))
            console.WriteLine(r.Line > 0 ? $"  line {r.Line}: {r.Reason}" : $"  {r.Reason}");
        if (summary.Rejected > 50) console.WriteLine($"  … and {summary.Rejected - 50:N0} more rejected rows");
        return summary.Read == 0 ? 1 : 0;
    }

    private static ImportFormat? ParseFormat(string text) => text.ToLowerInvariant() switch
    {
        "csv" or "tsv" => ImportFormat.Csv,
        "jsonl" or "json" or "ndjson" => ImportFormat.JsonLines,
        "html" => ImportFormat.Html,
        "feed" or "rss" or "atom" => ImportFormat.Feed,
        _ => null,
    };
}
