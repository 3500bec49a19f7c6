using System.Globalization;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Listening.Channels.ReviewPages;

/// <summary>
/// Extracts reviews from an HTML page: schema.org <c>Review</c> JSON-LD (top level, <c>@graph</c>, and nested in
/// <c>Product.review</c> / <c>LocalBusiness.review</c> …), schema.org microdata, and a site's CSS-selector profile.
/// A malformed JSON-LD block is skipped and reported; an oversized or pathologically nested page is rejected.
/// Stateless and thread-safe.
/// </summary>
public sealed class ReviewPageParser(ReviewPageLimits? limits = null)
{
    private readonly ReviewPageLimits _limits = limits ?? new ReviewPageLimits();

    public ReviewPageLimits Limits => _limits;

    public ReviewPageResult Parse(string html, SiteProfile? profile = null, CancellationToken cancellationToken = default)
    {
        if (html.Length > _limits.MaxBytes)
            throw new ReviewPageRejectedException($"page is larger than {_limits.MaxBytes} bytes");
        if (NestingExceeds(html, _limits.MaxNesting))
            throw new ReviewPageRejectedException($"page nests elements deeper than {_limits.MaxNesting} levels");

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_limits.ParseTimeout);
        try
        {
            var parser = new HtmlParser(new HtmlParserOptions { IsScripting = false, SkipComments = true, SkipProcessingInstructions = true });
            using var document = parser.ParseDocumentAsync(html, timeout.Token).GetAwaiter().GetResult();
            var reviews = new List<ExtractedReview>();
            var skipped = new List<string>();
            JsonLd(document, reviews, skipped, timeout.Token);
            Microdata(document, reviews, timeout.Token);
            if (profile is not null && !string.IsNullOrWhiteSpace(profile.Review)) Selectors(document, profile, reviews, timeout.Token);
            return new ReviewPageResult(Distinct(reviews).Take(_limits.MaxReviews).ToList(), skipped);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ReviewPageRejectedException($"page took longer than {_limits.ParseTimeout.TotalSeconds:0.#} s to parse");
        }
    }

    /// <summary>
    /// A cheap pre-scan: the depth of start tags minus end tags. Void and unclosed elements make it an over-estimate,
    /// which only errs towards rejecting a page that is absurd anyway.
    /// </summary>
    internal static bool NestingExceeds(string html, int max)
    {
        var depth = 0;
        for (var i = 0; i < html.Length - 1; i++)
        {
            if (html[i] != '<') continue;
            var c = html[i + 1];
            if (c == '/') { if (depth > 0) depth--; }
            else if (char.IsAsciiLetter(c))
            {
                // Void elements and self-closing tags do not nest.
                var end = html.IndexOf('>', i + 1);
                if (end < 0) break;
                if (html[end - 1] == '/' || IsVoid(html.AsSpan(i + 1, Math.Min(end - i - 1, 10)))) { i = end; continue; }
                if (++depth > max) return true;
                i = end;
            }
        }
        return false;
    }

    private static bool IsVoid(ReadOnlySpan<char> tagStart)
    {
        var n = 0;
        while (n < tagStart.Length && char.IsAsciiLetterOrDigit(tagStart[n])) n++;
        return tagStart[..n].ToString().ToLowerInvariant() is "br" or "img" or "meta" or "link" or "input" or "hr" or "source"
            or "area" or "base" or "col" or "embed" or "param" or "track" or "wbr" or "p" or "li" or "option" or "td" or "tr";
    }

    // ---- JSON-LD ---------------------------------------------------------------------------------------------

    private void JsonLd(IDocument document, List<ExtractedReview> reviews, List<string> skipped, CancellationToken ct)
    {
        var index = 0;
        foreach (var script in document.QuerySelectorAll("script[type='application/ld+json' i]"))
        {
            ct.ThrowIfCancellationRequested();
            index++;
            var json = script.TextContent;
            if (json.Length > _limits.MaxJsonLdBytes) { skipped.Add($"JSON-LD block {index}: larger than {_limits.MaxJsonLdBytes} bytes"); continue; }
            try
            {
                using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 32, AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
                Walk(doc.RootElement, null, reviews, 0);
            }
            catch (JsonException e)
            {
                skipped.Add($"JSON-LD block {index}: malformed ({e.Message.Split('.')[0]})");
            }
        }
    }

    private static void Walk(JsonElement node, string? itemName, List<ExtractedReview> reviews, int depth)
    {
        if (depth > 16) return;
        switch (node.ValueKind)
        {
            case JsonValueKind.Array:
                foreach (var child in node.EnumerateArray()) Walk(child, itemName, reviews, depth + 1);
                return;
            case JsonValueKind.Object:
                break;
            default:
                return;
        }
        if (node.TryGetProperty("@graph", out var graph)) Walk(graph, itemName, reviews, depth + 1);
        if (HasType(node, "Review"))
        {
            if (ReviewFromJson(node, itemName) is { } review) reviews.Add(review);
            return;
        }
        var name = Str(node, "name") ?? itemName;
        foreach (var key in (string[])["review", "reviews"])
            if (node.TryGetProperty(key, out var nested)) Walk(nested, name, reviews, depth + 1);
        // Reviews can also sit under mainEntity / itemListElement (ItemList of reviews).
        foreach (var key in (string[])["mainEntity", "itemListElement", "item"])
            if (node.TryGetProperty(key, out var nested)) Walk(nested, name, reviews, depth + 1);
    }

    private static ExtractedReview? ReviewFromJson(JsonElement review, string? itemName)
    {
        var text = Str(review, "reviewBody") ?? Str(review, "description") ?? Str(review, "text");
        if (string.IsNullOrWhiteSpace(text)) return null;
        string? author = null;
        if (review.TryGetProperty("author", out var a))
        {
            if (a.ValueKind == JsonValueKind.Array && a.GetArrayLength() > 0) a = a[0];
            author = a.ValueKind == JsonValueKind.String ? a.GetString() : Str(a, "name");
        }
        double? rating = null, best = null;
        if (review.TryGetProperty("reviewRating", out var r) && r.ValueKind == JsonValueKind.Object)
        {
            rating = Number(r, "ratingValue");
            best = Number(r, "bestRating");
        }
        var reviewed = review.TryGetProperty("itemReviewed", out var ir) ? Str(ir, "name") : null;
        return new ExtractedReview(Clean(text)!, Str(review, "@id") ?? Str(review, "identifier"), Clean(author),
            Date(Str(review, "datePublished") ?? Str(review, "dateCreated")), rating, best, reviewed ?? itemName, Str(review, "url"));
    }

    private static bool HasType(JsonElement node, string type) =>
        node.TryGetProperty("@type", out var t) && (t.ValueKind == JsonValueKind.String
            ? IsType(t.GetString(), type)
            : t.ValueKind == JsonValueKind.Array && t.EnumerateArray().Any(x => x.ValueKind == JsonValueKind.String && IsType(x.GetString(), type)));

    private static bool IsType(string? value, string type) =>
        value is not null && (value == type || value.EndsWith("/" + type, StringComparison.Ordinal) || value == "schema:" + type);

    private static string? Str(JsonElement node, string name) =>
        node.ValueKind == JsonValueKind.Object && node.TryGetProperty(name, out var v)
            ? v.ValueKind switch
            {
                JsonValueKind.String => v.GetString(),
                JsonValueKind.Number => v.GetRawText(),
                JsonValueKind.Object => Str(v, "@value") ?? Str(v, "name"),
                _ => null,
            }
            : null;

    private static double? Number(JsonElement node, string name) => ParseNumber(Str(node, name));

    // ---- microdata -------------------------------------------------------------------------------------------

    private static void Microdata(IDocument document, List<ExtractedReview> reviews, CancellationToken ct)
    {
        foreach (var scope in document.QuerySelectorAll("[itemscope][itemtype]"))
        {
            ct.ThrowIfCancellationRequested();
            if (!IsType(scope.GetAttribute("itemtype")?.Trim().Split(' ')[0].TrimEnd('/'), "Review")) continue;
            var text = Prop(scope, "reviewBody") ?? Prop(scope, "description");
            if (string.IsNullOrWhiteSpace(text)) continue;
            var authorScope = Props(scope, "author").FirstOrDefault();
            var author = authorScope is null ? null
                : authorScope.HasAttribute("itemscope") ? Prop(authorScope, "name") ?? Value(authorScope) : Value(authorScope);
            double? rating = null, best = null;
            if (Props(scope, "reviewRating").FirstOrDefault() is { } ratingScope)
            {
                rating = ParseNumber(Prop(ratingScope, "ratingValue"));
                best = ParseNumber(Prop(ratingScope, "bestRating"));
            }
            var itemName = scope.ParentElement?.Closest("[itemscope]") is { } parent ? Prop(parent, "name") : null;
            var reviewed = Props(scope, "itemReviewed").FirstOrDefault() is { } ir ? Prop(ir, "name") : null;
            reviews.Add(new ExtractedReview(Clean(text)!, scope.GetAttribute("itemid") ?? scope.Id, Clean(author),
                Date(Prop(scope, "datePublished")), rating ?? ParseNumber(Prop(scope, "ratingValue")), best, reviewed ?? itemName));
        }
    }

    /// <summary>Elements carrying <paramref name="name"/> that belong to <paramref name="scope"/> itself, not to a nested item.</summary>
    private static IEnumerable<IElement> Props(IElement scope, string name) =>
        scope.QuerySelectorAll("[itemprop]").Where(e =>
            e.GetAttribute("itemprop")!.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(name)
            && e.ParentElement?.Closest("[itemscope]") == scope);

    private static string? Prop(IElement scope, string name) => Props(scope, name).Select(Value).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));

    private static string? Value(IElement e) =>
        e.GetAttribute("content") ?? e.GetAttribute("datetime") ?? e.GetAttribute("value")
        ?? (e.LocalName is "a" or "link" ? e.GetAttribute("href") : null)
        ?? (e.LocalName is "img" or "meta" ? null : e.TextContent);

    // ---- selector profiles -----------------------------------------------------------------------------------

    private static void Selectors(IDocument document, SiteProfile profile, List<ExtractedReview> reviews, CancellationToken ct)
    {
        foreach (var block in document.QuerySelectorAll(profile.Review))
        {
            ct.ThrowIfCancellationRequested();
            string? Pick(string? selector) => selector is null ? null : block.QuerySelector(selector) is { } e ? Value(e) : null;
            var text = Pick(profile.Text) ?? (profile.Text is null ? block.TextContent : null);
            if (string.IsNullOrWhiteSpace(text)) continue;
            double? rating = null;
            if (profile.Rating is not null && block.QuerySelector(profile.Rating) is { } r)
            {
                var raw = profile.RatingAttribute is not null ? r.GetAttribute(profile.RatingAttribute) : r.GetAttribute("content") ?? r.TextContent;
                rating = ParseNumber(raw) ?? (raw?.Count(c => c == '★') is > 0 and var stars ? stars : null);
            }
            var id = profile.IdAttribute is not null ? block.GetAttribute(profile.IdAttribute) : Pick(profile.IdSelector);
            reviews.Add(new ExtractedReview(Clean(text)!, id?.Trim(), Clean(Pick(profile.Author)), Date(Pick(profile.Date)),
                rating, profile.BestRating));
        }
    }

    // ---- values ----------------------------------------------------------------------------------------------

    /// <summary>The same review marked up twice (JSON-LD and microdata) counts once.</summary>
    private static IEnumerable<ExtractedReview> Distinct(List<ExtractedReview> reviews) =>
        reviews.GroupBy(r => (r.Author?.ToLowerInvariant(), r.Text)).Select(g => g.First());

    internal static double? ParseNumber(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var span = text.Trim();
        var end = 0;
        while (end < span.Length && (char.IsAsciiDigit(span[end]) || span[end] is '.' or ',')) end++;
        return double.TryParse(span[..end].Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;
    }

    private static DateTimeOffset? Date(string? text) =>
        text is not null && DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d) ? d : null;

    private static string? Clean(string? text)
    {
        if (text is null) return null;
        var collapsed = string.Join(' ', text.Split((char[])[' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries));
        return collapsed.Length == 0 ? null : collapsed;
    }
}
