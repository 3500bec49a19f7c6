using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Listening.Core.Channels.Signatures;
using Listening.Core.Feedback;
using Listening.Storage;
using Listening.Tests.Pipeline;
using Listening.Pipeline;

namespace Listening.Tests.Ingest;

/// <summary>
/// The spam and cross-post check on the ingest path itself (POST /api/feedback), which every channel goes through:
/// the local shape in-process on a data dir that outlives one factory, so a restart can be tested.
/// </summary>
public sealed class IngestSpamTests : IDisposable
{
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), $"listening-spam-{Guid.NewGuid():N}");
    private readonly List<PipelineFactory> _factories = [];

    private (PipelineFactory Factory, HttpClient Client) Start()
    {
        var factory = new PipelineFactory(new Dictionary<string, string?>
        {
            ["Listening:Local:DataDir"] = _dataDir,
            ["Webhooks:mention:acme:Secret"] = "mention-secret",
        }, null);
        _factories.Add(factory);
        return (factory, factory.CreateClient());
    }

    private static JsonObject Post(string text, string externalId, string handle, string source = "vk")
    {
        var item = Feedback.Item(text, externalId, brand: "acme", source: source);
        item["kind"] = "mention";
        item["author"] = new JsonObject { ["handle"] = handle };
        return item;
    }

    private static IFeedbackStore Store(PipelineFactory factory) => factory.Services.GetRequiredService<IFeedbackStore>();

    [Fact]
    public async Task Links_only_post_to_the_ingest_endpoint_is_stored_marked_as_spam()
    {
        var (factory, client) = Start();

        var response = await client.PostAsync(Post("https://example.com/win https://example.com/win", "l1", "@promo"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var stored = await Store(factory).GetAsync(Assert.Single(await response.IdsAsync()), default);
        Assert.Equal("links-only", stored!.Item.Spam);
    }

    [Fact]
    public async Task Cross_posted_copy_posted_to_the_ingest_endpoint_collapses_into_the_first()
    {
        var (factory, client) = Start();
        var first = Assert.Single(await (await client.PostAsync(Post("Order due at 19:00 still missing at 21:30, courier not answering", "t1", "@kirill", "twitter"))).IdsAsync());

        var copy = Post("Order due at 19:00 still missing at 21:30, courier not answering!!", "v1", "kirill");
        var answered = Assert.Single(await (await client.PostAsync(copy)).IdsAsync());

        Assert.Equal(first, answered);
        Assert.Null(await Store(factory).GetAsync(Security.TestIds.Item("vk", "v1", "acme", ""), default));
        Assert.Null((await Store(factory).GetAsync(first, default))!.Item.Spam);
    }

    [Fact]
    public async Task Copy_redelivered_after_a_restart_still_collapses_into_the_first()
    {
        var original = Post("The bakery counter was empty by noon, again", "t7", "@anna", "twitter");
        var copy = Post("The bakery counter was empty by noon again!", "v7", "anna");
        var (before, client) = Start();
        var first = Assert.Single(await (await client.PostAsync(new JsonArray(original, copy.DeepClone()))).IdsAsync().ContinueWith(t => t.Result.Distinct()));
        await before.WaitForDrainAsync(client);
        await before.DisposeAsync();

        // A new process on the same data: nothing of the first one's memory survives, the store does.
        var (after, again) = Start();
        var redelivered = Assert.Single(await (await again.PostAsync(copy)).IdsAsync());

        Assert.Equal(first, redelivered);
        Assert.Null(await Store(after).GetAsync(Security.TestIds.Item("vk", "v7", "acme", ""), default));
    }

    [Fact]
    public async Task Mention_webhook_and_ingest_endpoint_share_one_author_history()
    {
        var (factory, client) = Start();
        var body = Encoding.UTF8.GetBytes("""
            {"id":"m1","network":"twitter","author":{"handle":"@kate_runs"},"text":"Acme delivered my running shoes overnight, impressed!","time":"2026-11-20T07:00:00Z"}
            """);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/webhooks/mention/acme") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Add("X-Listening-Signature", ListeningSignature.Sign(body, "mention-secret", DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
        var mention = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Accepted, mention.StatusCode);
        var mentionId = (await mention.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("ids")[0].GetString();

        var copy = await client.PostAsync(Post("Acme delivered my running shoes overnight — impressed!!", "v9", "kate_runs"));

        Assert.Equal(mentionId, Assert.Single(await copy.IdsAsync()));
        Assert.Null(await Store(factory).GetAsync(Security.TestIds.Item("vk", "v9", "acme", ""), default));
    }

    [Fact]
    public async Task Concurrent_posts_of_a_flood_keep_one_clean_item_collapse_two_and_mark_the_rest()
    {
        var (factory, client) = Start();
        const string text = "Easy money from 5000 a day, no investment, write me now";

        var responses = await Task.WhenAll(Enumerable.Range(0, 7).Select(i => client.PostAsync(Post(text, $"f{i}", "@easy_money"))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));
        var answered = (await Task.WhenAll(responses.Select(r => r.IdsAsync()))).Select(ids => Assert.Single(ids)).ToList();
        var stored = new List<FeedbackRecord>();
        foreach (var id in answered.Distinct()) stored.Add((await Store(factory).GetAsync(id, default))!);
        // Whatever order the requests ran in: the default rules keep the first copy, collapse the next two
        // into it, and from the fourth copy on it is a flood, stored and marked.
        Assert.Equal(5, stored.Count);
        Assert.Single(stored, r => r.Item.Spam is null);
        Assert.Equal(4, stored.Count(r => r.Item.Spam == "flood"));
        Assert.Equal(3, answered.Count(id => id == stored.Single(r => r.Item.Spam is null).Item.Id));
    }

    public void Dispose()
    {
        foreach (var factory in _factories) factory.Dispose();
        try { Directory.Delete(_dataDir, recursive: true); } catch (IOException) { }
    }
}
