using System.Net;
using System.Text;
using System.Text.Json;
using Listening.Core.Sentiment;
using Listening.Storage;

namespace Listening.Reporting;

/// <summary>
/// INTERIM renderer (until the real action-matrix report is merged): per brand and factor, mention count and
/// net sentiment, as JSON or a plain HTML table. No quadrants, no intervals.
/// </summary>
public sealed class InterimActionMatrixReports : IActionMatrixReports
{
    public async Task<RenderedReport> BuildAsync(ReportRequest request, IAsyncEnumerable<FeedbackRecord> records, CancellationToken cancellationToken)
    {
        var brands = new SortedDictionary<string, BrandTally>(StringComparer.Ordinal);
        await foreach (var record in records.WithCancellation(cancellationToken))
        {
            if (record.Scores is null) continue;
            var tally = brands.TryGetValue(record.Item.Brand, out var t) ? t : brands[record.Item.Brand] = new BrandTally();
            tally.Add(record.Scores.Sentiment.Label);
            foreach (var mention in record.Scores.Factors)
                (tally.Factors.TryGetValue(mention.Factor, out var f) ? f : tally.Factors[mention.Factor] = new Tally()).Add(mention.Label);
        }
        var summary = new
        {
            brand = request.Brand,
            from = request.From,
            to = request.To,
            interim = true,
            brands = brands.Select(b => new
            {
                brand = b.Key,
                items = b.Value.Count,
                netSentiment = b.Value.Net,
                factors = b.Value.Factors.OrderByDescending(f => f.Value.Count).Select(f => new { factor = f.Key, mentions = f.Value.Count, netSentiment = f.Value.Net }),
            }),
        };
        if (request.Format == ReportFormat.Json)
            return new RenderedReport("application/json", JsonSerializer.Serialize(summary, Core.Feedback.FeedbackItemDto.JsonOptions), "json");
        var html = new StringBuilder($"<!doctype html><meta charset=utf-8><title>Action matrix — {WebUtility.HtmlEncode(request.Brand)}</title>");
        html.Append($"<h1>{WebUtility.HtmlEncode(request.Brand)}</h1><p>Interim report (factor counts and net sentiment).</p>");
        foreach (var (brand, tally) in brands)
        {
            html.Append($"<h2>{WebUtility.HtmlEncode(brand)} — {tally.Count} items, net sentiment {tally.Net:0.00}</h2><table><tr><th>factor<th>mentions<th>net");
            foreach (var (factor, f) in tally.Factors.OrderByDescending(f => f.Value.Count))
                html.Append($"<tr><td>{WebUtility.HtmlEncode(factor)}<td>{f.Count}<td>{f.Net:0.00}");
            html.Append("</table>");
        }
        return new RenderedReport("text/html; charset=utf-8", html.ToString(), "html");
    }

    private class Tally
    {
        public int Count, Positive, Negative;
        public double Net => Count == 0 ? 0 : (Positive - Negative) / (double)Count;
        public void Add(SentimentLabel label)
        {
            Count++;
            if (label == SentimentLabel.Positive) Positive++;
            if (label == SentimentLabel.Negative) Negative++;
        }
    }

    private sealed class BrandTally : Tally
    {
        public SortedDictionary<string, Tally> Factors { get; } = new(StringComparer.Ordinal);
    }
}
