using Listening.Alerts;
using Listening.Core.Alerts;
using Listening.Core.Feedback;
using Listening.Reports;
using Listening.Storage.Cosmos;
using Listening.Storage.Sqlite;
using Listening.Tests.Stores.Cosmos;

namespace Listening.Tests.Alerts;

/// <summary>
/// What the alert job needs of every reports store: its state (day counts, yesterday's quadrants, when each alert last
/// went out) reads back as written, a later save replaces it, and a brand without state reads as none — so that an
/// alert is not sent again after a restart, on either host.
/// </summary>
public abstract class AlertStateStoreContract
{
    private static readonly DateTimeOffset At = new(2026, 3, 15, 12, 0, 0, TimeSpan.Zero);

    protected abstract Task<IReportStore> NewStoreAsync();

    private static AlertState State()
    {
        var state = new AlertState { QuadrantsDay = new DateOnly(2026, 3, 14) };
        var day = state.For(new DateOnly(2026, 3, 13), "Лавка");
        day.Items = 120;
        day.Negative = 17;
        day.Factors["delivery"] = new PolarityCounts(3, 4, 11);
        state.For(new DateOnly(2026, 3, 13), "megamart").Items = 40;
        state.Quadrants["delivery"] = "maintain";
        state.Alerted["negative-spike|delivery"] = At;
        return state;
    }

    [Fact]
    public async Task Alert_state_reads_back_as_written_and_a_later_save_replaces_it()
    {
        var store = await NewStoreAsync();
        Assert.Null(await store.GetAsync(BrandKey.Of("Лавка"), AlertState.Id("Лавка"), default));

        await store.SaveAsync(State().ToJson("Лавка"), default);
        var read = AlertState.FromJson(await store.GetAsync(BrandKey.Of("Лавка"), AlertState.Id("Лавка"), default));

        Assert.Equal(new DateOnly(2026, 3, 14), read.QuadrantsDay);
        Assert.Equal("maintain", read.Quadrants["delivery"]);
        Assert.Equal(At, read.Alerted["negative-spike|delivery"]);
        var day = read.Get(new DateOnly(2026, 3, 13), "лавка")!;
        Assert.Equal((120L, 17L, new PolarityCounts(3, 4, 11)), (day.Items, day.Negative, day.Factors["delivery"]));
        Assert.Equal(40, read.Get(new DateOnly(2026, 3, 13), "Megamart")!.Items);

        var later = State();
        later.Alerted["negative-spike|delivery"] = At.AddHours(30);
        later.Quadrants["delivery"] = "fix";
        await store.SaveAsync(later.ToJson("Лавка"), default);
        var again = AlertState.FromJson(await store.GetAsync(BrandKey.Of("Лавка"), AlertState.Id("Лавка"), default));
        Assert.Equal(At.AddHours(30), again.Alerted["negative-spike|delivery"]);
        Assert.Equal("fix", again.Quadrants["delivery"]);
        Assert.Null(await store.GetAsync(BrandKey.Of("other"), AlertState.Id("other"), default));
    }
}

public sealed class SqliteAlertStateStoreTests : AlertStateStoreContract, IAsyncLifetime
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), $"listening-alert-state-{Guid.NewGuid():N}");
    private SqliteDatabase? database;

    protected override Task<IReportStore> NewStoreAsync()
    {
        Directory.CreateDirectory(directory);
        database = new SqliteDatabase(Path.Combine(directory, "store.db"));
        return Task.FromResult<IReportStore>(new SqliteReportStore(database));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (database is not null) await database.DisposeAsync();
        try { Directory.Delete(directory, recursive: true); } catch (IOException) { }
    }
}

/// <summary>The same contract on a real Cosmos DB protocol server on loopback (the reports container, partitioned by brand).</summary>
[Collection(CosmosServerCollection.Name)]
public sealed class CosmosAlertStateStoreTests(CosmosServerFixture server) : AlertStateStoreContract
{
    protected override async Task<IReportStore> NewStoreAsync()
    {
        var options = server.Options($"alerts-{Guid.NewGuid():N}");
        options.ReportsContainer = options.FeedbackContainer + "-reports";
        await CosmosStoreSetup.EnsureCreatedAsync(server.Client, options, CancellationToken.None);
        return new CosmosReportStore(new CosmosDocuments(server.Client.GetContainer(options.Database, options.ReportsContainer),
            CosmosFeedbackStoreTests.NewCharges().Charges));
    }
}
