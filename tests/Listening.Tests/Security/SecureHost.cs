using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Listening.Access;
using Listening.Tests.Pipeline;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;

namespace Listening.Tests.Security;

/// <summary>
/// The local shape in-process with one API key per role (and the admin key of <see cref="PipelineFactory"/>), a Typeform secret,
/// the outbox's pickup directory inside the data dir (as the demo has it) and delivery every second: the surface the
/// attacker's probe used, through the real HTTP endpoints and the real SQLite store.
/// </summary>
public sealed class SecureHost(IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null, string? pickup = null)
    : PipelineFactory(Settings(settings), services)
{
    public const string OpenKey = "open-ingest-key-0000000000000001", TrustedKey = "trusted-ingest-key-00000000000002",
        ReaderKey = "read-items-key-000000000000000003", EraserKey = "erase-key-0000000000000000000004",
        PointsKey = "read-points-key-0000000000000005", TypeformSecret = "tf-secret-for-security-tests";

    /// <summary>The outbox's pickup directory: <c>outbox/</c> in the data dir, or where the test put it (the demo keeps it
    /// beside its report, <c>reports/answers/</c>, outside the data dir).</summary>
    public string Pickup => pickup ?? Path.Combine(DataDir, "outbox");
    public string DatabasePath => Path.Combine(DataDir, "listening.db");

    private static Dictionary<string, string?> Settings(IReadOnlyDictionary<string, string?>? extra)
    {
        var values = new Dictionary<string, string?>
        {
            ["Listening:Access:Keys:open:Key"] = OpenKey, ["Listening:Access:Keys:open:Roles"] = "ingest",
            ["Listening:Access:Keys:trusted:Key"] = TrustedKey, ["Listening:Access:Keys:trusted:Roles"] = "trusted-ingest",
            ["Listening:Access:Keys:reader:Key"] = ReaderKey, ["Listening:Access:Keys:reader:Roles"] = "read-items",
            ["Listening:Access:Keys:eraser:Key"] = EraserKey, ["Listening:Access:Keys:eraser:Roles"] = "erase",
            ["Listening:Access:Keys:points:Key"] = PointsKey, ["Listening:Access:Keys:points:Roles"] = "read-points",
            ["Webhooks:typeform:acme:Secret"] = TypeformSecret,
            ["ResponsesDeliverySchedule"] = "*/1 * * * * *",
        };
        foreach (var (k, v) in extra ?? new Dictionary<string, string?>()) values[k] = v;
        return values;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Responses:Delivery:PickupDirectory", Pickup);
    }

    /// <summary>A client sending <paramref name="key"/> (none: null).</summary>
    public HttpClient Client(string? key)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Remove(AccessOptions.Header);
        if (key is not null) client.DefaultRequestHeaders.Add(AccessOptions.Header, key);
        return client;
    }

    /// <summary>Every text value in every table of the SQLite file, through SQLite (what the store holds now).</summary>
    public Task<List<string>> StoredTextAsync() =>
        Stores.Sqlite.SqliteStoredText.AllAsync(Services.GetRequiredService<Storage.Sqlite.SqliteDatabase>());

    /// <summary>Runs the outbox worker until nothing is due (the schedule runs it too).</summary>
    public async Task DeliverAsync()
    {
        var delivery = Services.GetRequiredService<Listening.Responses.Delivery.OutboxDelivery>();
        for (var pass = 0; pass < 100 && (await delivery.RunOnceAsync(CancellationToken.None)).Claimed > 0; pass++) { }
    }

    public static StringContent Json(JsonNode body) => new(body.ToJsonString(), Encoding.UTF8, "application/json");

    public static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    public static async Task<JsonElement> BodyAsync(HttpResponseMessage response) =>
        (await response.Content.ReadAsStringAsync()) is { Length: > 0 } text ? JsonDocument.Parse(text).RootElement.Clone() : default;
}
