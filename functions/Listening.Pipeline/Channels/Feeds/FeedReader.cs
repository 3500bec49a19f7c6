using System.ServiceModel.Syndication;
using System.Xml;
using AngleSharp.Html.Parser;
using Listening.Core.Feedback;

namespace Listening.Channels.Feeds;

/// <summary>
/// RSS 2.0 / Atom 1.0 entries as social mentions (System.ServiceModel.Syndication). DTDs are refused and the
/// document size is capped, so a hostile feed cannot expand entities or exhaust memory.
/// </summary>
public static class FeedReader
{
    public static IReadOnlyList<FeedbackItemDto> Read(Stream xml, string brand, string source, long maxCharacters = 20_000_000)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = maxCharacters,
            IgnoreComments = true,
        };
        SyndicationFeed feed;
        try
        {
            using var reader = XmlReader.Create(xml, settings);
            feed = SyndicationFeed.Load(reader);
        }
        catch (Exception e) when (e is XmlException or InvalidOperationException)
        {
            throw new FormatException($"not an RSS or Atom feed: {e.Message}", e);
        }
        var parser = new HtmlParser();
        var items = new List<FeedbackItemDto>();
        foreach (var entry in feed.Items)
        {
            var title = entry.Title?.Text;
            var body = entry.Content is TextSyndicationContent content ? content.Text : entry.Summary?.Text;
            var text = string.Join("\n", new[] { Plain(parser, title), Plain(parser, body) }.Where(s => !string.IsNullOrWhiteSpace(s)).Distinct());
            if (string.IsNullOrWhiteSpace(text)) continue;
            var link = entry.Links.FirstOrDefault(l => l.RelationshipType is null or "alternate")?.Uri?.ToString();
            var author = entry.Authors.FirstOrDefault();
            var id = entry.Id ?? link ?? title;
            items.Add(new FeedbackItemDto
            {
                Kind = "mention",
                Source = source,
                Channel = "social",
                Brand = brand,
                Text = text.Length > FeedbackItemDto.MaxTextLength ? text[..FeedbackItemDto.MaxTextLength] : text,
                Url = link,
                ExternalId = id,
                Author = author is null || (author.Name is null && author.Email is null) ? null : new AuthorDto(null, author.Name, null, author.Email),
                CreatedAt = entry.PublishDate != default ? entry.PublishDate : entry.LastUpdatedTime != default ? entry.LastUpdatedTime : null,
            });
        }
        return items;
    }

    private static string? Plain(HtmlParser parser, string? html)
    {
        if (string.IsNullOrWhiteSpace(html)) return null;
        if (!html.Contains('<') && !html.Contains('&')) return html.Trim();
        using var doc = parser.ParseDocument("<body>" + html + "</body>");
        return string.Join(' ', (doc.Body?.TextContent ?? "").Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
    }
}
