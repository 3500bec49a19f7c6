using System.Text.Json;
using Listening.Core.Feedback;
using Listening.Core.Loyalty;
using Listening.Core.Sentiment;
using Listening.Tests.Stores.Cosmos;
using Microsoft.Azure.Cosmos;

namespace Listening.Tests.Responses;

/// <summary>
/// What only the Cosmos DB adapter has: steps instead of one transaction. These tests leave the documents a crash
/// between two steps would leave, then check that the redelivery (or the repeated request) finishes the work once.
/// </summary>
[Collection(CosmosServerCollection.Name)]
public sealed class CosmosResponseStoreTests(CosmosServerFixture server)
{
    private static readonly Author Anna = new(null, "Анна", "@anna_k", null);
    private static readonly string AnnaId = FeedbackIds.DeriveAuthorId("site", Anna.Handle!);
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task An_award_left_by_a_crash_before_the_decision_becomes_one_entry_one_decision_and_one_thank_you()
    {
        await using var harness = new ResponsesHarness(cosmos: server);
        var item = ResponsesHarness.Scored("crash-1", "Доставка вовремя, всё понравилось", SentimentLabel.Positive, Anna, factors: "delivery");
        // The crashed attempt swapped in the ledger with its award and died before the messages and the decision.
        await harness.ResponsesContainer.CreateItemAsync(Ledger(AnnaId, Entry(item.Item.Id, "2026-11-20T08:55:00.0000000Z")), new PartitionKey($"author|{AnnaId}"));

        await harness.RespondAsync(item);
        await harness.RespondAsync(item);

        Assert.Equal(50, Assert.Single(await harness.Store.LedgerAsync(AnnaId, None)).Points);
        var decision = Assert.Single(await harness.Store.TrackingAsync(DateTimeOffset.MinValue, None));
        Assert.Equal(LoyaltyReasons.Awarded, decision.LoyaltyReason);
        Assert.Equal(50, decision.Points);
        Assert.NotNull(await harness.Store.GetMessageAsync($"thanks-{item.Item.Id}", None));
    }

    [Fact]
    public async Task An_erasure_cut_short_after_the_anonymous_copy_is_finished_by_the_next_request_without_double_counting()
    {
        await using var harness = new ResponsesHarness(cosmos: server);
        await harness.RespondAsync(ResponsesHarness.Scored("erase-1", "Хороший магазин, вежливые продавцы", SentimentLabel.Positive, Anna));
        // The cut-short erasure had noted the anonymous id on the ledger and written the anonymous copy, not yet deleted the original.
        var (id, pk) = ($"ledger|{AnnaId}", new PartitionKey($"author|{AnnaId}"));
        var original = (await harness.ResponsesContainer.ReadItemAsync<Dictionary<string, object?>>(id, pk)).Resource;
        original["erasingAs"] = "erased-cut-short";
        await harness.ResponsesContainer.ReplaceItemAsync(original, id, pk);
        var copy = new Dictionary<string, object?>(original) { ["id"] = "ledger|erased-cut-short", ["pk"] = "author|erased-cut-short", ["authorId"] = "erased-cut-short", ["erasingAs"] = null };
        await harness.ResponsesContainer.CreateItemAsync(copy, new PartitionKey("author|erased-cut-short"));

        var report = await harness.Store.EraseAuthorAsync(AnnaId, harness.Time.GetUtcNow(), None);

        Assert.Equal(1, report.LedgerEntries);
        Assert.Empty(await harness.Store.LedgerAsync(AnnaId, None));
        var anonymous = await harness.Store.LedgerAsync("erased-cut-short", None);
        Assert.Equal(50, Assert.Single(anonymous).Points);
        Assert.Null(anonymous[0].Fingerprint);
        Assert.DoesNotContain(await harness.AllStoredTextAsync(), t => t.Contains(AnnaId, StringComparison.Ordinal));
    }

    private static Dictionary<string, object?> Ledger(string authorId, params Dictionary<string, object?>[] entries) => new()
    {
        ["id"] = $"ledger|{authorId}", ["pk"] = $"author|{authorId}", ["type"] = "ledger", ["authorId"] = authorId, ["entries"] = entries,
    };

    private static Dictionary<string, object?> Entry(string itemId, string atUtc) => new()
    {
        ["id"] = LoyaltyLedger.AwardId(itemId), ["itemId"] = itemId, ["brand"] = "Acme", ["source"] = "site", ["points"] = 50, ["atUtc"] = atUtc, ["fingerprint"] = null,
    };
}
