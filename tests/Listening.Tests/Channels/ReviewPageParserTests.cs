using System.Text;
using Listening.Channels.ReviewPages;

namespace Listening.Tests.Channels;

public class ReviewPageParserTests
{
    // The parse time limit is a production guard against hostile pages; these tests are about what is parsed, so a loaded
    // machine must not turn them into timeouts (the limit itself is tested with a 1 ms limit below).
    private static readonly TimeSpan Generous = TimeSpan.FromMinutes(5);
    private readonly ReviewPageParser _parser = new(new ReviewPageLimits { ParseTimeout = Generous });

    [Fact]
    public void Json_ld_reviews_are_found_in_graph_product_and_local_business_and_a_malformed_block_is_skipped()
    {
        var result = _parser.Parse(Fixture.Text("reviews-jsonld.html"));
        Assert.Equal(3, result.Reviews.Count);
        var dana = result.Reviews.Single(r => r.Author == "Dana K.");
        Assert.Equal("Great grip on wet rocks, and delivery took only two days.", dana.Text);
        Assert.Equal("https://shop.example/trail-runner-3#review-881", dana.Id);
        Assert.Equal(5, dana.Rating);
        Assert.Equal("Acme Trail Runner 3", dana.ItemName);
        var pavel = result.Reviews.Single(r => r.Author == "Pavel");
        Assert.Equal(2, pavel.ToFeedback("acme", "shop.example", null).Rating); // 4 of 10 → 2 of 5
        Assert.Equal(new DateTimeOffset(2026, 10, 5, 18, 30, 0, TimeSpan.FromHours(3)), pavel.Date);
        var ilze = result.Reviews.Single(r => r.Author == "Ilze");
        Assert.Equal("Acme Store Riga", ilze.ItemName);
        Assert.Contains(result.Skipped, s => s.Contains("JSON-LD block 3") && s.Contains("malformed"));
    }

    [Fact]
    public void Microdata_reviews_carry_author_date_rating_and_text()
    {
        var result = _parser.Parse(Fixture.Text("reviews-microdata.html"));
        Assert.Equal(2, result.Reviews.Count);
        var anna = result.Reviews[0];
        Assert.Equal(("Анна", "rv-1001", 5.0), (anna.Author, anna.Id, anna.Rating));
        Assert.Equal("Очень вкусный кофе и вежливый персонал, обязательно вернусь.", anna.Text);
        Assert.Equal("Кофейня «Акме» на Невском", anna.ItemName);
        var igor = result.Reviews[1];
        Assert.Equal(("Игорь", 2.0), (igor.Author, igor.Rating));
        Assert.Equal("Ждали заказ сорок минут, очень долго.", igor.Text);
        Assert.Equal(new DateTimeOffset(2026, 11, 3, 0, 0, 0, TimeSpan.Zero), igor.Date);
    }

    [Fact]
    public void Selector_profile_extracts_reviews_from_a_site_without_markup()
    {
        var profile = new SiteProfile
        {
            Name = "hotel", Review = ".guestbook .entry", Author = ".who", Date = ".when", Text = ".words",
            Rating = ".stars", RatingAttribute = "data-score", IdAttribute = "data-entry",
        };
        var result = _parser.Parse(Fixture.Text("reviews-plain.html"), profile);
        Assert.Equal(2, result.Reviews.Count); // the blank entry is not a review
        var marta = result.Reviews[0];
        Assert.Equal(("gb-77", "Marta from Lisbon", 4.0), (marta.Id, marta.Author, marta.Rating));
        Assert.Equal("Clean rooms and a friendly reception, breakfast could be better.", marta.Text);
        Assert.Empty(_parser.Parse(Fixture.Text("reviews-plain.html")).Reviews); // no profile, no markup: nothing
    }

    [Fact]
    public void Reviews_without_an_id_get_a_stable_content_key()
    {
        var review = new ExtractedReview("Nice", Author: "A", Date: DateTimeOffset.UnixEpoch);
        Assert.Equal(review.ToFeedback("acme", "s", null).ExternalId, review.ToFeedback("acme", "s", null).ExternalId);
        Assert.NotEqual(review.ToFeedback("acme", "s", null).ExternalId, (review with { Author = "B" }).ToFeedback("acme", "s", null).ExternalId);
    }

    [Fact]
    public void Five_megabyte_hostile_page_is_rejected_cleanly_by_its_size_and_then_by_its_nesting()
    {
        var html = HostilePage(5 * 1024 * 1024);
        var e = Assert.Throws<ReviewPageRejectedException>(() => _parser.Parse(html));
        Assert.Contains("larger than", e.Message);

        // With the size limit raised, the same page is still refused, by its nesting, before AngleSharp sees it.
        var nested = Assert.Throws<ReviewPageRejectedException>(() => new ReviewPageParser(new ReviewPageLimits { MaxBytes = 8 * 1024 * 1024, ParseTimeout = Generous }).Parse(html));
        Assert.Contains("nests", nested.Message);
    }

    [Fact]
    public void Deeply_nested_page_under_the_size_limit_is_rejected_before_parsing()
    {
        var html = "<html><body>" + string.Concat(Enumerable.Repeat("<div><span>", 300_000)) + "</body></html>";
        var e = Assert.Throws<ReviewPageRejectedException>(() => _parser.Parse(html));
        Assert.Contains("nests", e.Message);
    }

    [Fact]
    public void Huge_attributes_under_the_size_limit_are_parsed_within_the_parse_time_limit()
    {
        var big = new string('x', 900_000);
        var html = Fixture.Text("reviews-microdata.html").Replace("<body>", $"<body><div data-a=\"{big}\" data-b=\"{big}\" class=\"{big}\"></div><img alt=\"{big}\">");
        var result = new ReviewPageParser(new ReviewPageLimits { ParseTimeout = Generous }).Parse(html);
        Assert.Equal(2, result.Reviews.Count);
    }

    [Fact]
    public void Parsing_past_the_time_limit_is_a_clean_rejection()
    {
        var html = "<html><body>" + string.Concat(Enumerable.Repeat("<div class=\"r\"><span>a</span></div>", 100_000)) + "</body></html>";
        var parser = new ReviewPageParser(new ReviewPageLimits { ParseTimeout = TimeSpan.FromMilliseconds(1) });
        var e = Assert.Throws<ReviewPageRejectedException>(() => parser.Parse(html, new SiteProfile { Review = ".r", Text = "span" }));
        Assert.Contains("longer than", e.Message);
    }

    /// <summary>Deep nesting, huge attributes and thousands of bogus JSON-LD blocks, to the given size.</summary>
    internal static string HostilePage(int bytes)
    {
        var sb = new StringBuilder(bytes + 1024);
        sb.Append("<!doctype html><html><head>");
        for (var i = 0; i < 2000; i++) sb.Append("<script type=\"application/ld+json\">{\"@type\":\"Review\",\"reviewBody\":").Append('[', 40).Append("</script>");
        sb.Append("</head><body>");
        sb.Append("<div title=\"").Append('A', 1_000_000).Append("\">");
        while (sb.Length < bytes - 16) sb.Append("<div><b><i>");
        sb.Append("</body></html>");
        return sb.ToString();
    }
}
