using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Listening.Access;
using Listening.Channels;
using Listening.Channels.Import;
using Listening.Core.Channels.Import;
using Listening.Core.Channels.Signatures;
using Listening.Core.Feedback;
using Listening.Responses;
using Listening.Tests.Channels;
using Microsoft.Extensions.Options;

namespace Listening.Tests.Security;

/// <summary>
/// Finding 1 of issue 14: a client-chosen id became a file path. Every id the pipeline uses as a key, file name, partition
/// key or message id is now validated or derived, on every channel — and the pickup writer checks the canonical path anyway.
/// </summary>
public sealed class IdentifierTests : IAsyncLifetime
{
    private SecureHost host = null!;

    /// <summary>Traversal, separators, control characters and Windows device names.</summary>
    public static readonly string[] Hostile =
    [
        "a/../../pwned", "..\\..\\pwned", "../pwned", "/etc/pwned", "x/../../../escape", "CON", "nul.json", "COM1", "lpt9.txt",
        "x\u0000pwned", "x\npwned", "a:pwned", ".", "..", "pwned.", " ",
    ];

    public Task InitializeAsync()
    {
        host = new SecureHost(new Dictionary<string, string?>
        {
            ["Webhooks:generic:acme:Secret"] = "generic-secret",
            ["Webhooks:mention:acme:Secret"] = "mention-secret",
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    private static JsonObject Item(string text) => new()
    {
        ["brand"] = "acme", ["text"] = text, ["externalId"] = Guid.NewGuid().ToString("N"),
        ["author"] = new JsonObject { ["name"] = "Ann Probe", ["email"] = $"ann.{Guid.NewGuid():N}@example.org" },
    };

    [Fact]
    public async Task Traversal_separators_control_characters_and_device_names_are_refused_in_every_identifier_of_the_ingest_endpoint()
    {
        using var client = host.Client(SecureHost.TrustedKey);
        foreach (var value in Hostile)
        {
            foreach (var (field, set) in new (string, Action<JsonObject>)[]
                     {
                         ("id", i => i["id"] = value),
                         ("source", i => i["source"] = value),
                         ("author.id", i => i["author"]!["id"] = value),
                         ("channel", i => i["channel"] = value),
                     })
            {
                var item = Item("A hostile identifier in the " + field);
                set(item);
                var response = await client.PostAsync("/api/feedback", SecureHost.Json(item));
                Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{field} = {JsonSerializer.Serialize(value)}: {response.StatusCode}");
                var errors = (await SecureHost.BodyAsync(response)).GetProperty("errors");
                Assert.True(errors.TryGetProperty(field, out _), $"{field} = {JsonSerializer.Serialize(value)}: {errors}");
            }
        }
        foreach (var brand in new[] { "a/../../pwned", "acme\u0000", "CON", "a\\b", "a?b", "a#b", "a|b" })
        {
            var item = Item("A hostile brand");
            item["brand"] = brand;
            var response = await client.PostAsync("/api/feedback", SecureHost.Json(item));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.True((await SecureHost.BodyAsync(response)).GetProperty("errors").TryGetProperty("brand", out _));
        }
    }

    [Fact]
    public async Task Hostile_identifiers_through_the_webhooks_and_the_import_never_become_a_key_and_no_file_lands_outside_the_pickup_folder()
    {
        using var admin = host.CreateClient();
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        foreach (var value in Hostile)
        {
            // The generic webhook takes the canonical item, signed: the signature does not make an id safe.
            foreach (var field in new[] { "id", "source" })
            {
                var item = Item("Webhook item with a hostile " + field);
                item[field] = value;
                var body = Encoding.UTF8.GetBytes(item.ToJsonString());
                var response = await PostSignedAsync(admin, "generic", body, ListeningSignature.Header, ListeningSignature.Sign(body, "generic-secret", now));
                Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"generic {field} = {JsonSerializer.Serialize(value)}: {response.StatusCode}");
            }
            // A mention names its network: the source.
            var mention = Encoding.UTF8.GetBytes(new JsonObject
            {
                ["id"] = "m-" + Guid.NewGuid().ToString("N"), ["network"] = value, ["text"] = "A mention from a hostile network",
                ["author"] = new JsonObject { ["handle"] = "@probe" },
            }.ToJsonString());
            var refused = await PostSignedAsync(admin, "mention", mention, ListeningSignature.Header, ListeningSignature.Sign(mention, "mention-secret", now));
            Assert.True(refused.StatusCode == HttpStatusCode.BadRequest, $"mention network = {JsonSerializer.Serialize(value)}: {refused.StatusCode}");
        }
        // A hostile brand in the route is no brand.
        foreach (var brand in new[] { "CON", "a%5C..%5Cpwned", "nul.json" })
        {
            var response = await admin.PostAsync($"/api/webhooks/typeform/{brand}", SecureHost.Json("{}"));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
        // Typeform's token is only ever an external id: it is hashed into the item id, whatever it holds.
        var typeform = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(Fixture.Payload("typeform-form_response.json"))
            .Replace("a3a12ec67a1365927098a606107fac15", "../../../pwned"));
        var accepted = await PostSignedAsync(admin, "typeform", typeform, TypeformSignature.Header, TypeformSignature.Sign(typeform, SecureHost.TypeformSecret));
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var typeformId = (await SecureHost.BodyAsync(accepted)).GetProperty("ids")[0].GetString()!;
        Assert.Matches("^typeform-[0-9a-f]{24}$", typeformId);

        // listening import: a line per hostile value and field, one clean line.
        var file = Path.Combine(host.DataDir, "hostile.jsonl");
        Directory.CreateDirectory(host.DataDir);
        var lines = Hostile.SelectMany(v => new[] { "id", "source" }.Select(f =>
        {
            var item = Item("Imported with a hostile " + f);
            item[f] = v;
            return item.ToJsonString();
        })).Append(Item("A clean imported line").ToJsonString()).ToList();
        await File.WriteAllLinesAsync(file, lines);
        var importer = new FeedbackImporter(host.Services.GetRequiredService<ChannelIntake>(),
            host.Services.GetRequiredService<IOptions<ChannelsOptions>>().Value, TimeProvider.System);
        var summary = await importer.ImportAsync(new ImportRequest(file, ImportFormat.JsonLines, new ImportDefaults("acme")), null, default);
        Assert.Equal((1L, (long)lines.Count - 1), (summary.Accepted, summary.Rejected));

        await host.WaitForDrainAsync(admin);
        await host.DeliverAsync();
        AssertNothingOutsideThePickupFolder();
        Assert.Contains(Directory.GetFiles(host.Pickup), f => Path.GetFileName(f) == $"thanks-{typeformId}.json");
    }

    [Fact]
    public async Task The_pickup_writer_never_leaves_its_folder_even_for_a_message_id_that_slipped_past_validation()
    {
        var store = host.Services.GetRequiredService<IResponseStore>();
        foreach (var id in new[] { "../../escape-1", "..\\escape-2", "/tmp/escape-3", "CON", "thanks-x/../../escape-4" })
            await store.EnqueueAsync(new OutboxMessage(id, "thank-you", "webhook:reply", "{}", DateTimeOffset.UtcNow), TimeSpan.Zero, default);

        await host.DeliverAsync();

        AssertNothingOutsideThePickupFolder();
        Assert.Equal(OutboxStatus.DeadLettered, (await store.GetMessageAsync("../../escape-1", default))!.Status);
        Assert.Empty(Directory.Exists(host.Pickup) ? Directory.GetFiles(host.Pickup, "*escape*") : []);
    }

    /// <summary>No file named after a probe anywhere around the data dir; every pickup file a safe name directly in its folder.</summary>
    private void AssertNothingOutsideThePickupFolder()
    {
        var parent = Path.GetDirectoryName(host.DataDir)!;
        var outside = Directory.EnumerateFiles(parent, "*", new EnumerationOptions { RecurseSubdirectories = false })
            .Concat(Directory.EnumerateFiles(host.DataDir, "*", SearchOption.AllDirectories))
            .Where(f => Regex.IsMatch(Path.GetFileName(f), "pwned|escape", RegexOptions.IgnoreCase) && !f.EndsWith("hostile.jsonl"))
            .ToList();
        Assert.Empty(outside);
        if (!Directory.Exists(host.Pickup)) return;
        Assert.Empty(Directory.GetDirectories(host.Pickup));
        Assert.All(Directory.GetFiles(host.Pickup), f => Assert.Matches("^[a-z]+-[a-z0-9._-]+-[0-9a-f]{24}\\.json$", Path.GetFileName(f)));
    }

    private static Task<HttpResponseMessage> PostSignedAsync(HttpClient client, string tool, byte[] body, string header, string signature)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/webhooks/{tool}/acme") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation(header, signature);
        return client.SendAsync(request);
    }
}

/// <summary>The name rules themselves (Core's <see cref="Identifiers"/>, the pipeline's <see cref="SafePath"/>).</summary>
public sealed class SafeNameTests
{
    [Theory]
    [InlineData("typeform", true)]
    [InlineData("yandex_maps", true)]
    [InlineData("www.example.com", true)]
    [InlineData("Typeform", false)]
    [InlineData("a/b", false)]
    [InlineData("a\\b", false)]
    [InlineData("..", false)]
    [InlineData("a..b", false)]
    [InlineData("con", false)]
    [InlineData("nul.json", false)]
    [InlineData("com1", false)]
    [InlineData("x\n", false)]
    [InlineData("", false)]
    public void A_source_is_a_strict_name(string value, bool valid) => Assert.Equal(valid, Identifiers.IsSource(value));

    [Theory]
    [InlineData("lavka-c856799", true)]
    [InlineData("Cust.42_a", true)]
    [InlineData("a:b", false)]
    [InlineData("a/../b", false)]
    [InlineData("AUX", false)]
    [InlineData("x\u0000", false)]
    public void An_id_is_a_strict_name(string value, bool valid) => Assert.Equal(valid, Identifiers.IsId(value));

    [Fact]
    public void A_path_is_inside_its_folder_or_there_is_none()
    {
        var folder = Path.Combine(Path.GetTempPath(), "pickup-" + Guid.NewGuid().ToString("N"));
        Assert.Equal(Path.Combine(folder, "thanks-site-0a1b.json"), SafePath.InDirectory(folder, "thanks-site-0a1b.json"));
        foreach (var name in new[] { "../x.json", "a/../../x.json", "..\\x.json", "/etc/passwd", "CON", "nul.json", "x\u0000.json", "sub/x.json", "..", "x.json." })
            Assert.Null(SafePath.InDirectory(folder, name));
    }
}
