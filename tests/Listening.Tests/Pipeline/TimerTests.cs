using System.Text.Json;

namespace Listening.Tests.Pipeline;

public class TimerTests
{
    [Fact]
    public async Task BuildActionMatrix_runs_on_its_cron_schedule_and_stores_one_report_per_brand_and_day()
    {
        await using var factory = new PipelineFactory(new Dictionary<string, string?>
        {
            ["ReportSchedule"] = "*/1 * * * * *",
            ["Listening:Reports:Brands:0"] = "Blinnaya",
        }, null);
        var client = factory.CreateClient();
        var item = Feedback.Item("Great pancakes, fast delivery");
        item["createdAt"] = DateTimeOffset.UtcNow.ToString("O");
        await client.PostAsync(item);
        await factory.WaitForDrainAsync(client);

        var database = factory.Services.GetRequiredService<Storage.Sqlite.SqliteDatabase>();
        string? report = null;
        var deadline = DateTime.UtcNow.AddSeconds(15);
        // A run may have started before the item was scored; the next one (same id, replaced) counts it.
        while ((report is null || CountedItems(report) == 0) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
            report = await database.ReadAsync(c =>
            {
                using var command = c.CreateCommand();
                command.CommandText = "SELECT body FROM documents WHERE container = 'reports'";
                return command.ExecuteScalar() as string;
            });
        }

        Assert.NotNull(report);
        using var json = JsonDocument.Parse(report);
        Assert.Equal("blinnaya", json.RootElement.GetProperty("brand").GetString()); // the partition key: the brand key
        Assert.StartsWith("blinnaya-", json.RootElement.GetProperty("id").GetString());
        Assert.StartsWith("<!DOCTYPE html>", json.RootElement.GetProperty("content").GetString());
        Assert.Contains("Blinnaya", json.RootElement.GetProperty("content").GetString());
        // The stored numbers are the report's JSON: the item posted today is in the period.
        Assert.Equal(1, json.RootElement.GetProperty("report").GetProperty("items").GetProperty("brand").GetInt64());
    }

    private static long CountedItems(string document)
    {
        using var json = JsonDocument.Parse(document);
        return json.RootElement.GetProperty("report").GetProperty("items").GetProperty("brand").GetInt64();
    }
}
