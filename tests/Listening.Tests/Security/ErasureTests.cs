using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Listening.Pipeline;
using Listening.Responses;

namespace Listening.Tests.Security;

/// <summary>
/// Findings 2–4 of issue 14, through the local shape (real HTTP surface, real SQLite store and queue, the outbox writing to its
/// pickup directory): an erasure sent while the person's items are still in the pipeline holds; afterwards no byte of the
/// person is left in the data directory's files (database, WAL, shared memory, pickup files); the erasure reaches the person's
/// items on other sources and masks what identifies them inside the text.
/// </summary>
public sealed class ErasureTests
{
    /// <summary>One person of a trial: every identifier unique to the trial, so a leak names its trial.</summary>
    private sealed record Person(int Trial)
    {
        private static string Letters(int n) => new([(char)('a' + n / 26 % 26), (char)('a' + n % 26)]);
        public string First => "Ol" + Letters(Trial) + "ya";
        public string Surname => "Tarkov" + Letters(Trial) + "ina";
        public string Name => $"{First} {Surname}";
        public string Email => $"olga.t{Trial}x@example.org";
        public string Handle => $"olga_t{Trial}x";
        public string Phone => $"+7 916 555-{Trial / 100 % 100:00}-{Trial % 100:00}";
        public string PhoneDigits => $"7916555{Trial / 100 % 100:00}{Trial % 100:00}";

        /// <summary>What must not be found anywhere after the erasure (the phone also as digits; the handle without @ covers both).</summary>
        public string[] Identifiers => [Name, First, Surname, Email, Handle, Phone, PhoneDigits];

        public JsonObject Author(bool email = true, bool handle = true) => new()
        {
            ["name"] = Name, ["email"] = email ? Email : null, ["handle"] = handle ? "@" + Handle : null,
        };
    }

    private static JsonObject Item(Person p, int n, string source, JsonObject author, string text) => new()
    {
        ["kind"] = "review", ["source"] = source, ["externalId"] = $"t{p.Trial}-{n}", ["brand"] = "acme", ["rating"] = 5,
        ["text"] = text, ["author"] = author,
    };

    /// <summary>Texts that carry the person inside: first name, the handle without @, the phone, and a URL with the handle.</summary>
    private static JsonArray Items(Person p) =>
    [
        Item(p, 1, "site", p.Author(), $"Отличная доставка, всё вовремя! {p.First} очень довольна."),
        Item(p, 2, "site", p.Author(), $"Great pancakes, friendly staff. Call me at {p.Phone}, {p.First}"),
        Item(p, 3, "vk", p.Author(email: false), $"Спасибо за вкусный ужин, это {p.Handle}"),
        WithUrl(Item(p, 4, "site", p.Author(handle: false), "Lovely food and a quick courier"), $"https://reviews.example.com/r?user={p.Handle}"),
    ];

    private static JsonObject WithUrl(JsonObject item, string url)
    {
        item["url"] = url;
        return item;
    }

    [Fact]
    public async Task An_erasure_sent_while_the_persons_items_are_in_the_pipeline_holds_in_50_trials_in_a_row()
    {
        // The pickup directory where the demo has it: reports/answers/ beside the report, outside the data dir.
        var reports = Path.Combine(Path.GetTempPath(), $"listening-reports-{Guid.NewGuid():N}");
        await using var host = new SecureHost(pickup: Path.Combine(reports, "reports", "answers"));
        host.KeepDataDir = true;
        try
        {
            using var ingest = host.Client(SecureHost.TrustedKey);
            using var eraser = host.Client(SecureHost.EraserKey);
            using var admin = host.CreateClient();
            // A person who is not erased: the positive control that the byte search below reads the files it claims to.
            var control = new Person(999);
            var controlIds = (await SecureHost.BodyAsync(await ingest.PostAsync("/api/feedback", SecureHost.Json(Items(control)))))
                .GetProperty("ids").EnumerateArray().Select(e => e.GetString()!).ToList();
            await host.WaitForDrainAsync(admin);
            await host.DeliverAsync();
            var random = new Random(14);
            var trials = new List<(Person Person, IReadOnlyList<string> Ids, DateTimeOffset ErasedAt)>();
            var raced = 0;
            var feedback = host.Services.GetRequiredService<Listening.Storage.IFeedbackStore>();
            for (var trial = 0; trial < 50; trial++)
            {
                var person = new Person(trial);
                var posted = await ingest.PostAsync("/api/feedback", SecureHost.Json(Items(person)));
                Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
                var ids = (await SecureHost.BodyAsync(posted)).GetProperty("ids").EnumerateArray().Select(e => e.GetString()!).ToList();
                // Half the trials erase at once (the items are certainly still on their way, however fast the pipeline
                // has become), half after a random pause that lets some of them get further; both erasure kinds get both.
                await Task.Delay(trial % 4 < 2 ? 0 : random.Next(0, 40));
                // Read in-process, so the erasure follows at once: was any item of the person still on its way?
                foreach (var id in ids)
                    if ((await feedback.GetAsync(id, default))?.Stage is not FeedbackStage.Responded) { raced++; break; }
                // Half the trials name the person by e-mail and handle, half by one author id (the rest is found through the items).
                var erase = trial % 2 == 0
                    ? await eraser.PostAsync("/api/erasures", SecureHost.Json(new JsonObject { ["emails"] = new JsonArray(person.Email), ["handles"] = new JsonArray("@" + person.Handle) }))
                    : await eraser.DeleteAsync($"/api/authors/{TestIds.Author("site", "@" + person.Handle)}");
                Assert.Equal(HttpStatusCode.OK, erase.StatusCode);
                trials.Add((person, ids, DateTimeOffset.UtcNow));
            }
            await host.WaitForDrainAsync(admin, TimeSpan.FromSeconds(120));
            await host.DeliverAsync();
            // The trials really raced the pipeline: in most of them some item was not yet answered when the erasure came.
            Assert.True(raced >= 15, $"only {raced} of 50 erasures came while an item was in flight");

            var stored = await host.StoredTextAsync();
            var store = host.Services.GetRequiredService<IResponseStore>();
            foreach (var (person, ids, erasedAt) in trials)
            {
                var leaks = stored.Where(t => person.Identifiers.Any(i => t.Contains(i, StringComparison.OrdinalIgnoreCase))).ToList();
                Assert.True(leaks.Count == 0, $"trial {person.Trial}: {string.Join(" | ", leaks.Take(3))}");
                foreach (var id in ids)
                {
                    Assert.False((await SecureHost.BodyAsync(await admin.GetAsync($"/api/feedback/{id}"))).TryGetProperty("author", out _), $"trial {person.Trial}: {id} has an author");
                    foreach (var kind in new[] { "thanks", "points", "followup" })
                        if (await store.GetMessageAsync($"{kind}-{id}", default) is { } message)
                        {
                            Assert.True(message.Message.AuthorId is null, $"trial {person.Trial}: {message.Message.Id} still names its author");
                            Assert.True(message.DeliveredAt is null || message.DeliveredAt <= erasedAt,
                                $"trial {person.Trial}: {message.Message.Id} was sent after the erasure ({message.DeliveredAt:O} > {erasedAt:O}): {JsonSerializer.Serialize(message)}");
                        }
                }
            }
            var running = Files(host);
            Assert.Contains(running, f => f.EndsWith(".db-wal", StringComparison.Ordinal));
            Assert.Contains(running, f => f.EndsWith(".db-shm", StringComparison.Ordinal));
            AssertNoBytesOf(host, trials.Select(t => t.Person), "while running");
            // The control person's thank-you is in reports/answers/ and their e-mail in the database: the search finds what is there.
            Assert.Contains(running, f => f.StartsWith(host.Pickup, StringComparison.Ordinal) && controlIds.Any(id => f.EndsWith($"thanks-{id}.json", StringComparison.Ordinal)));
            Assert.Contains(running, f => ReadShared(f).AsSpan().IndexOf(Encoding.UTF8.GetBytes(control.Email)) >= 0);
            await host.DisposeAsync();
            AssertNoBytesOf(host, trials.Select(t => t.Person), "after a graceful stop");
        }
        finally
        {
            try { Directory.Delete(host.DataDir, recursive: true); } catch (IOException) { }
            try { Directory.Delete(reports, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>Every file of the host: the data dir (database, -wal, -shm, anything else) and the pickup directory wherever it is.</summary>
    private static List<string> Files(SecureHost host) =>
        new[] { host.DataDir, host.Pickup }.Where(Directory.Exists).Distinct()
            .SelectMany(d => Directory.EnumerateFiles(d, "*", SearchOption.AllDirectories)).Distinct().ToList();

    [Fact]
    public async Task An_erasure_by_one_identifier_reaches_the_persons_items_on_other_sources_and_masks_them_inside_the_text()
    {
        await using var host = new SecureHost();
        using var ingest = host.Client(SecureHost.TrustedKey);
        using var admin = host.CreateClient();
        var olga = new Person(900);
        var other = new Person(901);
        // Olga: a handle on VK, only an e-mail on the site, one item with both (the link).
        var posted = await ingest.PostAsync("/api/feedback", SecureHost.Json(new JsonArray(
            Item(olga, 1, "vk", new JsonObject { ["handle"] = "@" + olga.Handle }, $"Хорошо, но дорого. Пишите: {olga.Phone}"),
            Item(olga, 2, "site", new JsonObject { ["name"] = olga.Name, ["email"] = olga.Email }, $"{olga.First} again: quick delivery, see https://example.com/u?user={olga.Handle}"),
            Item(olga, 3, "site", new JsonObject { ["name"] = olga.Name, ["email"] = olga.Email, ["handle"] = "@" + olga.Handle }, "Fresh bread every morning"),
            Item(other, 4, "site", other.Author(), "Friendly staff and quick delivery"))));
        var ids = (await SecureHost.BodyAsync(posted)).GetProperty("ids").EnumerateArray().Select(e => e.GetString()!).ToList();
        await host.WaitForDrainAsync(admin);
        await host.DeliverAsync();
        Assert.Contains(await host.StoredTextAsync(), t => t.Contains(olga.Email));

        // Only the VK author id: the e-mail-only item is found through the item that has both.
        var erase = await host.Client(SecureHost.EraserKey).DeleteAsync($"/api/authors/{TestIds.Author("vk", "@" + olga.Handle)}");
        Assert.Equal(HttpStatusCode.OK, erase.StatusCode);
        Assert.Equal(3, (await SecureHost.BodyAsync(erase)).GetProperty("erased").GetProperty("items").GetInt32());

        var leaks = (await host.StoredTextAsync()).Where(t => olga.Identifiers.Any(i => t.Contains(i, StringComparison.OrdinalIgnoreCase))).ToList();
        Assert.True(leaks.Count == 0, string.Join(" | ", leaks.Take(5)));
        var second = await SecureHost.BodyAsync(await admin.GetAsync($"/api/feedback/{ids[1]}"));
        Assert.DoesNotContain(olga.Handle, second.GetProperty("text").GetString());
        Assert.Contains("quick delivery", second.GetProperty("text").GetString());
        // The other person is untouched.
        Assert.Contains(await host.StoredTextAsync(), t => t.Contains(other.Email));
        AssertNoBytesOf(host, [olga], "after a linked erasure");

        // Nothing links Petra's VK handle to her site e-mail: her request names both, and both items go.
        var petra = new Person(902);
        await ingest.PostAsync("/api/feedback", SecureHost.Json(new JsonArray(
            Item(petra, 1, "vk", new JsonObject { ["handle"] = "@" + petra.Handle }, "Вкусно и быстро, спасибо"),
            Item(petra, 2, "site", new JsonObject { ["name"] = petra.Name, ["email"] = petra.Email }, $"Nice place. {petra.First} from the corner house"))));
        await host.WaitForDrainAsync(admin);
        var request = await host.Client(SecureHost.EraserKey).PostAsync("/api/erasures",
            SecureHost.Json(new JsonObject { ["handles"] = new JsonArray(petra.Handle), ["emails"] = new JsonArray(petra.Email.ToUpperInvariant()) }));
        Assert.Equal(HttpStatusCode.OK, request.StatusCode);
        Assert.Equal(2, (await SecureHost.BodyAsync(request)).GetProperty("erased").GetProperty("items").GetInt32());
        AssertNoBytesOf(host, [olga, petra], "after an erasure naming two identifiers");
    }

    /// <summary>The <c>grep -a</c> of the issue: the raw bytes of every file under the data dir (database, -wal, -shm, anything
    /// else) and in the pickup directory (inside the data dir, or <c>reports/answers/</c> as the demo has it) hold none of the persons' identifiers, in any letter case, as UTF-8 or UTF-16.</summary>
    private static void AssertNoBytesOf(SecureHost host, IEnumerable<Person> people, string when)
    {
        var files = Files(host);
        Assert.Contains(files, f => f.EndsWith(".db", StringComparison.Ordinal));
        // Latin-1 maps every byte to one char, so an ASCII identifier is found in UTF-8 bytes; UTF-16 is decoded at both alignments.
        var contents = files.Select(f => (File: f, Bytes: ReadShared(f))).Select(c => (c.File, Texts: new[]
        {
            Encoding.Latin1.GetString(c.Bytes), Encoding.UTF8.GetString(c.Bytes), Encoding.Unicode.GetString(c.Bytes),
            c.Bytes.Length > 1 ? Encoding.Unicode.GetString(c.Bytes, 1, c.Bytes.Length - 1) : "",
        }.Select(t => t.ToLowerInvariant()).ToArray())).ToList();
        foreach (var person in people)
            foreach (var identifier in person.Identifiers)
                foreach (var (file, texts) in contents)
                    Assert.False(texts.Any(t => t.Contains(identifier.ToLowerInvariant(), StringComparison.Ordinal)),
                        $"{when}: '{identifier}' (trial {person.Trial}) is in {Path.GetFileName(file)}");
    }

    /// <summary>The file's bytes; none when SQLite removed it meanwhile (the -wal and -shm go when the last connection closes).</summary>
    private static byte[] ReadShared(string path)
    {
        if (!File.Exists(path)) return [];
        try { return ReadOpen(path); }
        catch (FileNotFoundException) { return []; }
    }

    private static byte[] ReadOpen(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
