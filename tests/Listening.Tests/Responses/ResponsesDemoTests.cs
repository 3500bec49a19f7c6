using System.Text.Json;
using System.Text.RegularExpressions;

namespace Listening.Tests.Responses;

/// <summary>The README's main command, run as a process: its answers must visibly go somewhere, and it must say where.</summary>
public sealed class ResponsesDemoTests
{
    [Fact]
    public async Task The_demo_writes_every_thank_you_to_the_answers_folder_beside_the_report_says_so_per_channel_and_dead_letters_none()
    {
        var output = Path.Combine(Path.GetTempPath(), $"listening-demo-answers-{Guid.NewGuid():N}");
        try
        {
            var (code, text, stderr) = await Cli.ListeningProcess.RunAsync(null, "demo", "--out", output, "--timeout", "240");
            Assert.True(code == 0, $"demo failed: {stderr}\n{text}");

            var answers = Path.Combine(output, "answers");
            var sent = int.Parse(Regex.Match(text, @"outbox: 0 pending, 0 failed, (\d+) sent, 0 dead-lettered, 0 no-channel").Groups[1].Value);
            Assert.True(sent > 200, text);
            Assert.Contains($"answers written as files to {answers}", text);
            Assert.Matches(@"meant for: e-mail \d+, .*reply on telegram \d+.*reply on vk \d+", text);

            var files = Directory.GetFiles(answers, "*.json");
            Assert.Equal(sent, files.Length);
            foreach (var file in files)
            {
                using var json = JsonDocument.Parse(await File.ReadAllTextAsync(file));
                var data = json.RootElement.GetProperty("data");
                Assert.False(string.IsNullOrWhiteSpace(data.GetProperty("body").GetString()), file);
                Assert.Contains(data.GetProperty("channel").GetString(), new[] { "email", "reply" });
            }
        }
        finally
        {
            if (Directory.Exists(output)) Directory.Delete(output, recursive: true);
        }
    }
}
