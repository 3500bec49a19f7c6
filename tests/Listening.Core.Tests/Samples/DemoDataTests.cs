using System.Text.Json;
using System.Text.Json.Serialization;
using Listening.Core.Feedback;

namespace Listening.Core.Tests.Samples;

/// <summary>
/// The bundled demo data (samples/demo/feedback.jsonl) is what `listening demo` posts through
/// the ingest endpoint, so every line must pass the same validation the edge applies.
/// </summary>
public class DemoDataTests
{
    private static readonly string[] Lines = File.ReadAllLines(DemoFile());

    // Ingest rejects unknown fields, so the demo data must not carry any.
    private static readonly JsonSerializerOptions Strict = new(FeedbackItemDto.JsonOptions)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    private static readonly Lazy<FeedbackItemDto[]> Parsed = new(() => Lines.Select(l => JsonSerializer.Deserialize<FeedbackItemDto>(l, Strict)!).ToArray());
    private static FeedbackItemDto[] Items => Parsed.Value;

    [Fact]
    public void Every_demo_line_is_a_valid_feedback_item_with_known_fields_only()
    {
        Assert.InRange(Lines.Length, 350, 450);
        for (var i = 0; i < Lines.Length; i++)
        {
            FeedbackItemDto? dto;
            try { dto = JsonSerializer.Deserialize<FeedbackItemDto>(Lines[i], Strict); }
            catch (JsonException e) { throw new Xunit.Sdk.XunitException($"line {i + 1}: {e.Message}"); }
            Assert.NotNull(dto);
            var errors = dto.Validate();
            Assert.True(errors.Count == 0, $"line {i + 1}: {string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}"))}");
            Assert.NotNull(dto.Kind);
            Assert.NotNull(dto.Channel);
            Assert.NotNull(dto.CreatedAt);
        }
    }

    [Fact]
    public void Demo_duplicates_collapse_to_one_item_each()
    {
        var ids = Items.Select(d => d.ToItem(DateTimeOffset.UnixEpoch).Id).ToList();
        Assert.Equal(3, ids.Count - ids.Distinct().Count());
    }

    [Fact]
    public void Every_survey_answer_has_an_nps_and_competitor_items_name_the_brand_they_feed()
    {
        Assert.All(Items.Where(d => d.Kind == "survey"), d => Assert.NotNull(d.Nps));
        Assert.All(Items.Where(d => d.Brand != "lavka"), d => Assert.Equal("lavka", d.CompetitorOf));
        Assert.Equal(["lavka", "megamart", "quickbasket"], Items.Select(d => d.Brand!).Distinct().Order().ToArray());
    }

    [Fact]
    public void Demo_data_has_an_item_from_every_channel_and_source()
    {
        string[] channels = ["app", "contact_centre", "delivery", "reviews", "site", "social", "store", "survey"];
        string[] sources = ["app", "email", "formbricks", "google", "google_forms", "qualtrics", "rss", "site",
            "surveymonkey", "telegram", "twitter", "typeform", "vk", "yandex_maps"];
        Assert.Equal(channels, Items.Select(d => d.Channel!).Distinct().Order().ToArray());
        Assert.Equal(sources, Items.Select(d => d.Source!).Distinct().Order().ToArray());
    }

    private static string DemoFile()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "samples", "demo", "feedback.jsonl");
            if (File.Exists(path)) return path;
        }
        throw new FileNotFoundException("samples/demo/feedback.jsonl not found above " + AppContext.BaseDirectory);
    }
}
