namespace Listening.Tests.Cli;

public class DemoCommandTests
{
    private static async Task<int> RunAsync(params string[] args)
    {
        var result = typeof(Program).Assembly.EntryPoint!.Invoke(null, [args]);
        return result is Task<int> task ? await task : (int)result!;
    }

    [Fact]
    public async Task Demo_runs_the_local_shape_on_the_sample_data_and_writes_the_lavka_report_as_html_and_json_in_the_language_asked_and_keeps_its_outbox()
    {
        var output = Path.Combine(Path.GetTempPath(), $"listening-demo-{Guid.NewGuid():N}");
        var printed = new StringWriter();
        var previous = Console.Out;
        try
        {
            Console.SetOut(printed);
            try { Assert.Equal(0, await RunAsync("demo", "--out", output, "--timeout", "120", "--lang", "ru")); }
            finally { Console.SetOut(previous); }
            var report = Assert.Single(Directory.GetFiles(output, "action-matrix-*.html"));
            Assert.EndsWith("action-matrix-lavka.html", report);
            var html = await File.ReadAllTextAsync(report);
            Assert.Contains("<html lang=\"ru\"", html);
            Assert.Contains("<h1>Лавка Плюс</h1>", html);            // the display name, not the key "lavka"
            Assert.Contains("id=\"matrix-section\"", html);
            // The JSON next to the HTML, the same report.
            using var json = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(Path.ChangeExtension(report, ".json")));
            Assert.Equal("lavka", json.RootElement.GetProperty("brand").GetString());
            Assert.Equal("ru", json.RootElement.GetProperty("lang").GetString());
            // The messages it "sent" are kept where it says they are (the file channel, answers/ beside the report).
            var answers = Path.Combine(Path.GetFullPath(output), Listening.Responses.ResponsesDemo.AnswersFolder);
            Assert.NotEmpty(Directory.GetFiles(answers, "*.json"));
            var text = printed.ToString();
            Assert.Contains(answers, text);
            // Its counts explained: lines vs items stored (duplicates merged at ingest), answered vs thanked.
            Assert.Matches(@"\d+ lines posted → \d+ items stored", text);
            Assert.Contains("answered = ", text);
            Assert.Contains("thanked = ", text);
        }
        finally
        {
            if (Directory.Exists(output)) Directory.Delete(output, recursive: true);
        }
    }

    [Fact]
    public async Task Demo_with_a_malformed_input_line_fails_naming_the_line()
    {
        var input = Path.GetTempFileName();
        await File.WriteAllLinesAsync(input, ["{\"brand\":\"B\",\"text\":\"fine\"}", "{not json"]);
        var error = new StringWriter();
        var previous = Console.Error;
        Console.SetError(error);
        try { Assert.NotEqual(0, await RunAsync("demo", "--input", input)); }
        finally { Console.SetError(previous); File.Delete(input); }
        Assert.Contains(":2:", error.ToString());
    }

    [Fact]
    public async Task Status_of_a_data_dir_that_does_not_exist_fails()
    {
        Assert.NotEqual(0, await RunAsync("status", "--data-dir", Path.Combine(Path.GetTempPath(), $"none-{Guid.NewGuid():N}")));
    }
}
