using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Listening.Storage;
using Listening.Tests.Channels.Platforms;
using Listening.Tests.Pipeline;

namespace Listening.Tests.Channels;

/// <summary>
/// The local shape with a brand's Telegram bot and VK community connected, their answers going to loopback stand-ins of
/// the Bot API and the VK API (documented wire formats; not the services). From the platform's push to the answer
/// at the platform, through the real HTTP surface, store, queues and outbox.
/// </summary>
public sealed class ConnectorPipeline : IAsyncLifetime
{
    public const string TelegramSecret = "tg_secret-Token_1", VkSecret = "vk-callback-secret", VkConfirmation = "a1b2c3d4";
    public const long VkGroup = 2001;
    public TelegramBotApiFake Telegram { get; private set; } = null!;
    public VkApiFake Vk { get; private set; } = null!;
    public PipelineFactory Factory { get; private set; } = null!;
    public HttpClient Client { get; private set; } = null!;
    public IFeedbackStore Store => Factory.Services.GetRequiredService<IFeedbackStore>();

    public async Task InitializeAsync()
    {
        Telegram = await TelegramBotApiFake.StartAsync();
        Vk = await VkApiFake.StartAsync();
        Factory = new PipelineFactory(new Dictionary<string, string?>
        {
            ["Webhooks:telegram:acme:Secret"] = TelegramSecret,
            ["Webhooks:telegram:acme:ApiToken"] = TelegramBotApiFake.Token,
            ["Webhooks:telegram:acme:ApiBaseUrl"] = Telegram.BaseUrl,
            ["Webhooks:vk:acme:Secret"] = VkSecret,
            ["Webhooks:vk:acme:Confirmation"] = VkConfirmation,
            ["Webhooks:vk:acme:GroupId"] = "2001",
            ["Webhooks:vk:acme:ApiToken"] = VkApiFake.AccessToken,
            ["Webhooks:vk:acme:ApiBaseUrl"] = Vk.BaseUrl,
        }, null);
        Client = Factory.CreateClient();
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
        await Telegram.DisposeAsync();
        await Vk.DisposeAsync();
    }

    public async Task<long> TotalAsync() => (await Store.CountByStageAsync(default)).Values.Sum();

    public Task<HttpResponseMessage> PostAsync(string path, string body, IDictionary<string, string>? headers = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        foreach (var (name, value) in headers ?? new Dictionary<string, string>()) request.Headers.TryAddWithoutValidation(name, value);
        return Client.SendAsync(request);
    }
}

[CollectionDefinition(Name)]
public sealed class ConnectorCollection : ICollectionFixture<ConnectorPipeline>
{
    public const string Name = "connectors";
}

[Collection(ConnectorCollection.Name)]
public sealed class TelegramWebhookTests(ConnectorPipeline pipeline)
{
    private static Dictionary<string, string> Secret(string value = ConnectorPipeline.TelegramSecret) => new() { ["X-Telegram-Bot-Api-Secret-Token"] = value };

    [Theory]
    [InlineData(null)]
    [InlineData("not-the-secret")]
    public async Task An_update_without_the_bots_secret_token_is_refused_401_and_nothing_is_stored(string? secret)
    {
        var before = await pipeline.TotalAsync();
        var update = TelegramBotApiFake.Update(9001, -1001234567890, 501, "Где мой заказ? Жду третий день");

        var response = await pipeline.PostAsync("/api/webhooks/telegram/acme", update, secret is null ? null : Secret(secret));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(before, await pipeline.TotalAsync());
    }

    [Fact]
    public async Task A_group_message_and_telegrams_redelivery_of_it_are_one_item_answered_once_as_a_reply_to_it()
    {
        pipeline.Telegram.Knows(-1001234567890, 502);
        var update = TelegramBotApiFake.Update(9002, -1001234567890, 502, "Курьер привёз всё вовремя, спасибо за вежливость!");

        var first = await pipeline.PostAsync("/api/webhooks/telegram/acme", update, Secret());
        var again = await pipeline.PostAsync("/api/webhooks/telegram/acme", update, Secret());

        Assert.True(first.StatusCode == HttpStatusCode.Accepted, await first.Content.ReadAsStringAsync());
        var ids = JsonNode.Parse(await first.Content.ReadAsStringAsync())!["ids"]!.AsArray();
        var repeat = JsonNode.Parse(await again.Content.ReadAsStringAsync())!;
        Assert.Equal(ids[0]!.GetValue<string>(), repeat["ids"]![0]!.GetValue<string>());
        Assert.Equal(1, repeat["duplicates"]!.GetValue<int>());
        var reply = (await pipeline.Telegram.NextAsync("/sendMessage")).Json!;
        Assert.Equal(502, reply["reply_parameters"]!["message_id"]!.GetValue<int>());
        Assert.Equal(-1001234567890, reply["chat_id"]!.GetValue<long>());
        await pipeline.Factory.WaitForDrainAsync(pipeline.Client);
        Assert.Single(pipeline.Telegram.To("/sendMessage"), r => r.Json!["reply_parameters"]!["message_id"]!.GetValue<int>() == 502);
        var stored = await pipeline.Store.GetAsync(ids[0]!.GetValue<string>(), default);
        Assert.Equal(("telegram", "mention", "-1001234567890:502"), (stored!.Item.Source, stored.Item.Kind.ToString().ToLowerInvariant(), stored.Item.ExternalId));
        Assert.Equal("https://t.me/acme_fans/502", stored.Item.Url);
    }

    [Fact]
    public async Task A_channel_post_forwarded_into_its_discussion_group_is_the_brands_own_and_not_feedback()
    {
        var before = await pipeline.TotalAsync();
        var update = TelegramBotApiFake.Update(9003, -1001234567890, 503, "Новая коллекция уже в магазинах!", automaticForward: true);

        var response = await pipeline.PostAsync("/api/webhooks/telegram/acme", update, Secret());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("discussion group", await response.Content.ReadAsStringAsync());
        Assert.Equal(before, await pipeline.TotalAsync());
    }
}

[Collection(ConnectorCollection.Name)]
public sealed class VkCallbackTests(ConnectorPipeline pipeline)
{
    private const string Path = "/api/webhooks/vk/acme";

    [Fact]
    public async Task The_confirmation_handshake_answers_the_configured_string_as_plain_text()
    {
        var response = await pipeline.PostAsync(Path, VkApiFake.Confirmation(ConnectorPipeline.VkGroup, ConnectorPipeline.VkSecret));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ConnectorPipeline.VkConfirmation, await response.Content.ReadAsStringAsync());
        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task An_event_for_another_community_is_refused_400_with_the_same_problem_type_as_every_other_route()
    {
        var response = await pipeline.PostAsync(Path, VkApiFake.Confirmation(ConnectorPipeline.VkGroup + 1, ConnectorPipeline.VkSecret));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        using var problem = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(Listening.Pipeline.Problems.TypeFor(400), problem.RootElement.GetProperty("type").GetString());
    }

    [Theory]
    [InlineData("wrong-secret")]
    [InlineData("")]
    public async Task An_event_with_a_wrong_or_no_secret_is_refused_401_and_nothing_is_stored(string secret)
    {
        var before = await pipeline.TotalAsync();
        var body = VkApiFake.Event("wall_reply_new", VkApiFake.WallReply(31, 7001, -2001, 12, "Очень долго ждал доставку"), ConnectorPipeline.VkGroup, secret);

        var response = await pipeline.PostAsync(Path, body);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(before, await pipeline.TotalAsync());
    }

    [Fact]
    public async Task A_wall_comment_and_vks_repeat_of_it_are_answered_ok_stored_once_and_replied_to_under_the_comment_once()
    {
        var before = await pipeline.TotalAsync();
        var body = VkApiFake.Event("wall_reply_new", VkApiFake.WallReply(32, 7002, -2001, 12, "Заказ привезли на час позже, курьер не извинился"),
            ConnectorPipeline.VkGroup, ConnectorPipeline.VkSecret, eventId: "e-32");

        var first = await pipeline.PostAsync(Path, body);
        var repeat = await pipeline.PostAsync(Path, body);

        Assert.Equal(("ok", "ok"), (await first.Content.ReadAsStringAsync(), await repeat.Content.ReadAsStringAsync()));
        Assert.Equal(before + 1, await pipeline.TotalAsync());
        var reply = await pipeline.Vk.NextAsync("/wall.createComment");
        Assert.Equal(("-2001", "12", "32", "2001"), (reply.Param("owner_id"), reply.Param("post_id"), reply.Param("reply_to_comment"), reply.Param("from_group")));
        Assert.Contains("Приносим вам извинения", reply.Param("message"));
        await pipeline.Factory.WaitForDrainAsync(pipeline.Client);
        Assert.Single(pipeline.Vk.To("/wall.createComment"), r => r.Param("reply_to_comment") == "32");
    }

    [Fact]
    public async Task Board_photo_market_comments_and_community_messages_become_items_and_the_communitys_own_comments_do_not()
    {
        var before = await pipeline.TotalAsync();
        var events = new[]
        {
            VkApiFake.Event("board_post_new", VkApiFake.BoardPost(41, 7003, 2001, 77, "Когда откроется магазин на Ленина?"), 2001, ConnectorPipeline.VkSecret),
            VkApiFake.Event("photo_comment_new", VkApiFake.PhotoComment(42, 7004, -2001, 88, "Красивая витрина!"), 2001, ConnectorPipeline.VkSecret),
            VkApiFake.Event("market_comment_new", VkApiFake.MarketComment(43, 7005, -2001, 99, "Размер маломерит"), 2001, ConnectorPipeline.VkSecret),
            VkApiFake.Event("message_new", VkApiFake.MessageNew(44, 7006, "Подскажите, как вернуть товар"), 2001, ConnectorPipeline.VkSecret),
            VkApiFake.Event("wall_reply_new", VkApiFake.WallReply(45, -2001, -2001, 12, "Спасибо за отзыв!"), 2001, ConnectorPipeline.VkSecret),
            VkApiFake.Event("group_join", new JsonObject { ["user_id"] = 7007, ["join_type"] = "join" }, 2001, ConnectorPipeline.VkSecret),
        };

        foreach (var body in events)
        {
            var response = await pipeline.PostAsync(Path, body);
            Assert.Equal("ok", await response.Content.ReadAsStringAsync());
        }

        Assert.Equal(before + 4, await pipeline.TotalAsync());
        Assert.Equal("7006", (await pipeline.Vk.NextAsync("/messages.send")).Param("peer_id"));
        Assert.Equal("77", (await pipeline.Vk.NextAsync("/board.createComment")).Param("topic_id"));
    }
}
