extern alias FunctionApp;
using System.Diagnostics;
using Listening.Channels;
using Listening.Channels.Polling;
using Listening.Channels.ReviewPages;
using Listening.Core.Channels.Social;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

using Functions = FunctionApp::Listening.FunctionApp.Functions;

namespace Listening.Tests.Channels;

public sealed class SourcePollerTests : IAsyncLifetime
{
    private LoopbackSite _site = null!;
    private readonly RecordingIntake _intake = new();
    private readonly ChannelsOptions _options = new()
    {
        Polling = new PollingOptions { MinDelayPerHost = TimeSpan.FromMilliseconds(250), UserAgent = "ListeningBot/1.0 (test)" },
        Profiles = [new SiteProfile { Name = "guestbook", Review = ".entry", Author = ".who", Date = ".when", Text = ".words", Rating = ".stars", RatingAttribute = "data-score", IdAttribute = "data-entry" }],
        Competitors = { ["acme"] = [new Competitor { Name = "Globex" }] },
    };

    public async Task InitializeAsync() => _site = await LoopbackSite.StartAsync();
    public async Task DisposeAsync() => await _site.DisposeAsync();

    private SourcePoller Poller(ISourceStateStore? states = null, TimeProvider? time = null)
    {
        var options = Options.Create(_options);
        var fetcher = new PoliteFetcher(new HttpClient(), _options.Polling, time ?? TimeProvider.System);
        var intake = new ChannelIntake(_intake, options);
        return new SourcePoller(fetcher, states ?? new InMemorySourceStateStore(), intake, options, NullLogger<SourcePoller>.Instance);
    }

    [Fact]
    public async Task Second_poll_uses_a_conditional_get_and_only_new_reviews_enter()
    {
        _site.Put("/shoes", Fixture.Text("reviews-jsonld.html"));
        var source = new ChannelSource { Name = "shop", Url = _site.Url("/shoes").ToString(), Brand = "acme" };
        var poller = Poller();

        var first = await poller.PollAsync(source, default);
        Assert.Equal((FetchOutcome.Content, 3, 3), (first.Outcome, first.Found, first.New));
        Assert.Equal(3, _intake.Items.Count);

        var second = await poller.PollAsync(source, default);
        Assert.Equal(FetchOutcome.NotModified, second.Outcome);
        var lastPageRequest = _site.Requests.Last(r => r.Path == "/shoes");
        Assert.Equal((304, true), (lastPageRequest.Status, lastPageRequest.IfNoneMatch is not null));

        // The page changes: one review added, the others unchanged → exactly one new item.
        _site.Put("/shoes", Fixture.Text("reviews-jsonld.html").Replace("<h1>", """
            <script type="application/ld+json">{"@context":"https://schema.org","@type":"Review","@id":"r-new","author":"Zoe","reviewBody":"Soles wore out after a month."}</script><h1>
            """));
        var third = await poller.PollAsync(source, default);
        Assert.Equal((FetchOutcome.Content, 4, 1), (third.Outcome, third.Found, third.New));
        Assert.Equal(4, _intake.Items.Count);
        Assert.All(_site.Requests, r => Assert.Equal("ListeningBot/1.0 (test)", r.UserAgent));
    }

    [Fact]
    public async Task Pages_disallowed_by_robots_txt_are_never_requested()
    {
        _site.Put("/private/reviews", Fixture.Text("reviews-jsonld.html"));
        var report = await Poller().PollAsync(new ChannelSource { Url = _site.Url("/private/reviews").ToString(), Brand = "acme" }, default);
        Assert.Equal(FetchOutcome.DisallowedByRobots, report.Outcome);
        Assert.DoesNotContain(_site.Requests, r => r.Path == "/private/reviews");
        Assert.Empty(_intake.Items);
    }

    [Fact]
    public async Task Requests_to_one_host_are_spaced_by_the_polite_delay()
    {
        _site.Put("/a", Fixture.Text("reviews-microdata.html"));
        _site.Put("/b", Fixture.Text("reviews-plain.html"));
        var clock = new JumpingClock();
        var poller = Poller(time: clock);
        await poller.PollAsync(new ChannelSource { Url = _site.Url("/a").ToString(), Brand = "acme" }, default);
        await poller.PollAsync(new ChannelSource { Url = _site.Url("/b").ToString(), Brand = "acme", Profile = "guestbook" }, default);
        // robots.txt, /a, /b: the fetcher waited the polite delay before each of the two later requests (on its clock,
        // which stands still between waits, so the machine's speed cannot make a wait unnecessary).
        Assert.Equal([_options.Polling.MinDelayPerHost, _options.Polling.MinDelayPerHost], clock.Waits);
        Assert.Equal(4, _intake.Items.Count); // 2 microdata + 2 guest-book entries
        Assert.Contains(_intake.Items.Values, i => i.ExternalId == "gb-78" && i.Rating == 1 && i.Source == "127.0.0.1");
    }

    [Fact]
    public async Task Feed_entries_become_mentions_and_competitor_posts_are_attributed()
    {
        _site.Put("/feed.atom", Fixture.Text("feed-atom.xml"), "application/atom+xml");
        _site.Put("/forum.rss", Fixture.Text("feed-rss.xml"), "application/rss+xml");
        var poller = Poller();
        var atom = await poller.PollAsync(new ChannelSource { Name = "blogs", Kind = "feed", Url = _site.Url("/feed.atom").ToString(), Brand = "acme" }, default);
        var rss = await poller.PollAsync(new ChannelSource { Name = "forum", Kind = "feed", Url = _site.Url("/forum.rss").ToString(), Brand = "acme" }, default);
        Assert.Equal((2, 1), (atom.New, rss.New));
        var support = _intake.Items.Values.Single(i => i.Text!.StartsWith("Acme support"));
        Assert.Equal("Acme support fixed my order in minutes\nTheir support answered on the first ring.", support.Text);
        Assert.Equal(("acme", null, "mention", "blogs"), (support.Brand, support.CompetitorOf, support.Kind, support.Source));
        Assert.Equal("Ben Writes", support.Author!.Name);
        var globex = _intake.Items.Values.Single(i => i.Text!.StartsWith("Globex"));
        Assert.Equal(("Globex", "acme"), (globex.Brand, globex.CompetitorOf));
        var forum = _intake.Items.Values.Single(i => i.Source == "forum");
        Assert.Equal(("forum-4411", "https://forum.example/acme/t/4411"), (forum.ExternalId, forum.Url));
        Assert.Equal(new DateTimeOffset(2026, 11, 19, 16, 5, 0, TimeSpan.Zero), forum.CreatedAt);
    }

    [Fact]
    public async Task A_page_over_the_size_cap_is_refused_and_nothing_enters()
    {
        _site.Put("/huge", ReviewPageParserTests.HostilePage(5 * 1024 * 1024));
        var report = await Poller().PollAsync(new ChannelSource { Url = _site.Url("/huge").ToString(), Brand = "acme" }, default);
        Assert.Equal(FetchOutcome.TooLarge, report.Outcome);
        Assert.Empty(_intake.Items);
    }
}

/// <summary>The PollSources timer function invoked the way the Functions host invokes it, on the local shape.</summary>
public sealed class PollSourcesFunctionTests : IAsyncLifetime
{
    private LoopbackSite _site = null!;

    public async Task InitializeAsync() => _site = await LoopbackSite.StartAsync();
    public async Task DisposeAsync() => await _site.DisposeAsync();

    [Fact]
    public async Task Timer_invocation_polls_configured_sources_and_only_new_items_enter_the_store()
    {
        _site.Put("/shoes", Fixture.Text("reviews-jsonld.html"));
        _site.Put("/feed.atom", Fixture.Text("feed-atom.xml"), "application/atom+xml");
        await using var worker = new FunctionApp.WorkerServices(new Dictionary<string, string?>
        {
            ["Channels:Sources:0:Name"] = "shop", ["Channels:Sources:0:Url"] = _site.Url("/shoes").ToString(), ["Channels:Sources:0:Brand"] = "acme",
            ["Channels:Sources:1:Name"] = "blogs", ["Channels:Sources:1:Kind"] = "feed", ["Channels:Sources:1:Url"] = _site.Url("/feed.atom").ToString(),
            ["Channels:Sources:1:Brand"] = "acme",
            ["Channels:Competitors:acme:0:Name"] = "Globex",
            ["Channels:Polling:MinDelayPerHost"] = "00:00:00.050",
        });
        var store = worker.Services.GetRequiredService<Listening.Storage.IFeedbackStore>();
        var schedules = worker.Function<Functions.Schedules>();

        var first = await schedules.PollSources(new Microsoft.Azure.Functions.Worker.TimerInfo(), CancellationToken.None);

        Assert.Contains(first, r => r is { Source: "shop", Outcome: FetchOutcome.Content, Found: 3, New: 3 });
        Assert.Contains(first, r => r is { Source: "blogs", Outcome: FetchOutcome.Content, Found: 2, New: 2 });
        Assert.Equal(5, (await store.CountByStageAsync(default)).Values.Sum());
        var globex = await store.GetAsync(Security.TestIds.Item("blogs", "urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6b", "Globex", ""), default);
        Assert.Equal("acme", globex!.Item.CompetitorOf);

        var second = await schedules.PollSources(new Microsoft.Azure.Functions.Worker.TimerInfo(), CancellationToken.None);
        Assert.Contains(second, r => r is { Source: "shop", Outcome: FetchOutcome.NotModified });
        Assert.Equal(5, (await store.CountByStageAsync(default)).Values.Sum());
    }
}

/// <summary>A clock that stands still except when someone waits on it: each wait is recorded, the clock jumps by it and the
/// wait ends at once.</summary>
internal sealed class JumpingClock : TimeProvider
{
    private DateTimeOffset now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    public List<TimeSpan> Waits { get; } = [];

    public override DateTimeOffset GetUtcNow() { lock (Waits) return now; }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime > TimeSpan.Zero && dueTime != Timeout.InfiniteTimeSpan)
            lock (Waits) { Waits.Add(dueTime); now += dueTime; }
        return System.CreateTimer(callback, state, dueTime == Timeout.InfiniteTimeSpan ? dueTime : TimeSpan.Zero, period);
    }
}
