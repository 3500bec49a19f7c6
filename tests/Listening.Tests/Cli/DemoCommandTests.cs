namespace Listening.Tests.Cli;

public class DemoCommandTests
{
    private static async Task<int> RunAsync(params string[] args)
    {
        var result = typeof(Program).Assembly.EntryPoint!.Invoke(null, [args]);
        return result is Task<int> task ? await task : (int)result!;
    }

    [Fact]
    public async Task Demo_runs_the_local_shape_on_the_sample_data_and_writes_the_lavka_action_matrix_report()
    {
        var output = Path.Combine(Path.GetTempPath(), $"listening-demo-{Guid.NewGuid():N}");
        try
        {
            Assert.Equal(0, await RunAsync("demo", "--out", output, "--timeout", "120"));
            var report = Assert.Single(Directory.GetFiles(output, "action-matrix-*.html"));
            Assert.EndsWith("action-matrix-lavka.html", report);
            var html = await File.ReadAllTextAsync(report);
            Assert.Contains("<h1>lavka</h1>", html);
            Assert.Contains("megamart, quickbasket", html);
            Assert.Contains("id=\"matrix-section\"", html);
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
