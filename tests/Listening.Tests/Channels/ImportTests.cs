using System.Text;
using Listening.Channels;
using Microsoft.AspNetCore.Builder;
using Listening.Channels.Import;
using Listening.Cli;
using Listening.Core.Channels.Import;
using Listening.Storage;
using Listening.Local;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace Listening.Tests.Channels;

public sealed class ImportTests : IAsyncLifetime
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"listening-import-{Guid.NewGuid():N}");
    private WebApplication _app = null!;

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(_dir);
        _app = LocalApp.Build([$"--Listening:Local:DataDir={Path.Combine(_dir, "data")}", "--Logging:LogLevel:Default=Warning", $"--Listening:Security:Key={Security.TestKeys.Secret}"]);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    internal static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "host.json"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("host.json not found above the test binaries");
    }

    private FeedbackImporter Importer() => new(_app.Services.GetRequiredService<ChannelIntake>(),
        _app.Services.GetRequiredService<IOptions<ChannelsOptions>>().Value, TimeProvider.System);

    private static (IAnsiConsole Console, StringWriter Output) Console()
    {
        var output = new StringWriter();
        return (AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Interactive = InteractionSupport.No, Ansi = AnsiSupport.No }), output);
    }

    private async Task<long> StoredAsync() =>
        (await _app.Services.GetRequiredService<IFeedbackStore>().CountByStageAsync(default)).Values.Sum();

    [Fact]
    public async Task Ten_thousand_row_csv_reports_broken_rows_by_line_imports_the_rest_once_and_again_adds_nothing()
    {
        var path = Path.Combine(_dir, "reviews.csv");
        var broken = new Dictionary<int, string>
        {
            [1_000] = "r1000;Nina;2026-10-01;five;Sizes run small",       // line 1001: rating not a number
            [5_000] = "r5000;Oleg;2026-10-02;4;",                           // line 5001: no text
            [7_777] = "r7777;Pia;2026-10-03;3",                            // line 7778: a field missing
            [9_990] = "r9990;Quinn;2026-10-04;2;\"never closed quote",     // line 9991: unterminated quote
        };
        await using (var writer = new StreamWriter(path, false, new UTF8Encoding(false)))
        {
            await writer.WriteLineAsync("id;name;date;stars;review");
            for (var i = 1; i <= 10_000; i++)
                await writer.WriteLineAsync(broken.TryGetValue(i, out var row) ? row
                    : $"r{i};Author {i % 5000};2026-{1 + i % 12:00}-{1 + i % 28:00};{1 + i % 5};\"Review {i}: delivery took {i % 9} days, staff were {(i % 2 == 0 ? "kind" : "rude")}; quality, price \"\"ok\"\"\"");
        }
        var request = new ImportRequest(path, ImportFormat.Csv, new ImportDefaults("acme", "csv-export"), ';',
            Columns: new Dictionary<string, string> { ["text"] = "review", ["rating"] = "stars" });

        var (console, output) = Console();
        Assert.Equal(0, await ImportCommand.RunAsync(Importer(), request, console, default));
        var text = output.ToString();
        Assert.Contains("9,996 accepted, 0 duplicate, 4 rejected", text);
        Assert.Contains("line 1001: rating 'five' is not a number", text);
        Assert.Contains("line 5001: text is required", text);
        Assert.Contains("line 7778: expected 5 fields, found 4", text);
        Assert.Contains("line 9991: a quoted field is not closed properly", text);
        Assert.Equal(9_996, await StoredAsync());

        var (again, secondOutput) = Console();
        Assert.Equal(0, await ImportCommand.RunAsync(Importer(), request, again, default));
        Assert.Contains("0 accepted, 9,996 duplicate, 4 rejected", secondOutput.ToString());
        Assert.Equal(9_996, await StoredAsync());
    }

    [Fact]
    public async Task Imported_rows_pass_the_same_spam_and_cross_post_check_as_posted_items()
    {
        var path = Path.Combine(_dir, "social.jsonl");
        await File.WriteAllLinesAsync(path,
        [
            """{"source":"vk","externalId":"s1","author":{"handle":"@kate"},"text":"Courier lost my order and support never answered me"}""",
            """{"source":"twitter","externalId":"s2","author":{"handle":"kate"},"text":"Courier lost my order, and support never answered me!!"}""",
            """{"source":"vk","externalId":"s3","author":{"handle":"@promo"},"text":"https://example.com/a https://example.com/b"}""",
        ]);

        var summary = await Importer().ImportAsync(new ImportRequest(path, ImportFormat.JsonLines, new ImportDefaults("acme")), null, default);

        Assert.Equal((2, 1), (summary.Accepted, summary.Duplicates)); // the cross-post is one item
        var store = _app.Services.GetRequiredService<IFeedbackStore>();
        Assert.Null(await store.GetAsync(Security.TestIds.Item("twitter", "s2", "acme", ""), default));
        Assert.Null((await store.GetAsync(Security.TestIds.Item("vk", "s1", "acme", ""), default))!.Item.Spam);
        Assert.Equal("links-only", (await store.GetAsync(Security.TestIds.Item("vk", "s3", "acme", ""), default))!.Item.Spam);
    }

    [Fact]
    public async Task A_file_with_nothing_readable_exits_non_zero_and_names_the_line()
    {
        var path = Path.Combine(_dir, "bad.csv");
        await File.WriteAllTextAsync(path, "when,who\n2026-01-01,ann\n");
        var (console, output) = Console();
        var code = await ImportCommand.RunAsync(Importer(), new ImportRequest(path, ImportFormat.Csv, new ImportDefaults("acme")), console, default);
        Assert.NotEqual(0, code);
        Assert.Contains("line 1: no text column", output.ToString());
    }

    [Fact]
    public async Task Json_lines_html_and_feed_files_import_through_the_same_path()
    {
        var jsonl = Path.Combine(_dir, "items.jsonl");
        await File.WriteAllTextAsync(jsonl, "{\"text\":\"Great coffee\",\"rating\":5,\"externalId\":\"j1\"}\nnot json\n");
        var html = Path.Combine(_dir, "page.html");
        await File.WriteAllTextAsync(html, Fixture.Text("reviews-microdata.html"));
        var feed = Path.Combine(_dir, "feed.atom");
        await File.WriteAllTextAsync(feed, Fixture.Text("feed-atom.xml"));
        var defaults = new ImportDefaults("acme");
        var importer = Importer();

        var a = await importer.ImportAsync(new ImportRequest(jsonl, ImportFormat.JsonLines, defaults), null, default);
        Assert.Equal((1, 1), (a.Accepted, a.Rejected));
        Assert.Equal(2, Assert.Single(a.Rejections).Line);
        var b = await importer.ImportAsync(new ImportRequest(html, ImportFormat.Html, defaults), null, default);
        Assert.Equal(2, b.Accepted);
        var c = await importer.ImportAsync(new ImportRequest(feed, ImportFormat.Feed, defaults), null, default);
        Assert.Equal(2, c.Accepted);
        Assert.Equal(5, await StoredAsync());
    }

    [Fact]
    public async Task Cli_import_of_a_missing_file_exits_non_zero()
    {
        var main = typeof(Program).Assembly.EntryPoint!;
        var result = main.Invoke(null, [new[] { "import", Path.Combine(_dir, "nope.csv"), "--brand", "acme" }]);
        Assert.Equal(2, result is Task<int> t ? await t : (int)result!);
    }
}
