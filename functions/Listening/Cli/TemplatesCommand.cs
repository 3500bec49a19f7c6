using System.CommandLine;
using Listening.Core.Factors;
using Listening.Core.Feedback;
using Listening.Core.Loyalty;
using Listening.Core.Responses;
using Listening.Core.Sentiment;
using Listening.Responses;

namespace Listening.Cli;

/// <summary>
/// <c>listening templates preview</c>: renders marketing's thank-you templates for sample authors and checks them
/// against the policy (formal apologies with a follow-up promise, no promotion, award disclosed). Exit 1 on a problem.
/// </summary>
internal static class TemplatesCommand
{
    public static Command Create()
    {
        var dir = new Option<string?>("--dir") { Description = "template folder (catalog.json + *.liquid); default: the shipped templates" };
        var lang = new Option<string[]>("--lang") { Description = "languages to render (default: all in the catalog)", AllowMultipleArgumentsPerToken = true };
        var tone = new Option<string[]>("--tone") { Description = "positive, neutral, negative (default: all)", AllowMultipleArgumentsPerToken = true };
        var vip = new Option<bool>("--vip") { Description = "render the VIP variants" };
        var name = new Option<string?>("--name") { Description = "the author's name (default: Анна / Anna; empty for none)" };
        var factors = new Option<string[]>("--factor") { Description = "factor ids the author mentioned (default: delivery)", AllowMultipleArgumentsPerToken = true };
        var points = new Option<int>("--points") { Description = "points awarded (0 = none)", DefaultValueFactory = _ => 50 };
        var channel = new Option<string>("--channel") { Description = "email, reply or a preferred channel such as telegram", DefaultValueFactory = _ => "email" };
        var hours = new Option<int>("--follow-up-hours") { Description = "hours promised for the follow-up", DefaultValueFactory = _ => 24 };

        var preview = new Command("preview", "Render the thank-you templates for a sample author and check them against the response policy")
        {
            dir, lang, tone, vip, name, factors, points, channel, hours,
        };
        preview.SetAction(parse =>
        {
            var rules = new ResponseRules { FollowUpHours = parse.GetValue(hours) };
            ThankYouComposer composer;
            ResponseCatalog catalog;
            try
            {
                composer = ThankYouTemplateFiles.Load(parse.GetValue(dir), rules);
                catalog = ResponseCatalog.Parse(File.ReadAllText(Path.Combine(parse.GetValue(dir) ?? ThankYouTemplateFiles.DefaultDirectory, ThankYouTemplateFiles.CatalogFile)));
            }
            catch (Exception e) when (e is FormatException or IOException or System.Text.Json.JsonException)
            {
                Console.Error.WriteLine($"templates: {e.Message}");
                return 1;
            }

            var languages = parse.GetValue(lang) is { Length: > 0 } l ? l : catalog.Languages.Keys.ToArray();
            var tones = Enum.GetValues<Tone>();
            if (parse.GetValue(tone) is { Length: > 0 } t)
            {
                if (t.FirstOrDefault(x => !Enum.TryParse<Tone>(x, true, out _)) is { } bad)
                {
                    Console.Error.WriteLine($"templates: --tone '{bad}' is not one of positive, neutral, negative");
                    return 2;
                }
                tones = t.Select(x => Enum.Parse<Tone>(x, true)).ToArray();
            }
            if (parse.GetValue(lang) is { Length: > 0 } requested && requested.FirstOrDefault(x => !catalog.Languages.ContainsKey(x)) is { } unknown)
            {
                Console.Error.WriteLine($"templates: --lang '{unknown}' has no entry in catalog.json (known: {string.Join(", ", catalog.Languages.Keys)})");
                return 2;
            }
            var factorIds = parse.GetValue(factors) is { Length: > 0 } f ? f : ["delivery"];
            foreach (var language in languages)
                foreach (var each in tones)
                {
                    var authorName = parse.GetValue(name) ?? (language.StartsWith("ru", StringComparison.OrdinalIgnoreCase) ? "Анна" : "Anna");
                    var message = composer.Compose(Sample(language, each, authorName, factorIds, parse.GetValue(points), parse.GetValue(channel)!, parse.GetValue(vip)));
                    if (message is null) continue;
                    Console.WriteLine($"──── {message.Template}.liquid → {message.Route.Channel}{(message.FollowUp ? "  [follow-up flagged]" : "")}");
                    Console.WriteLine($"Subject: {message.Subject}");
                    Console.WriteLine();
                    Console.WriteLine(message.Body);
                    Console.WriteLine();
                }

            var problems = composer.Validate().ToList();
            foreach (var problem in problems) Console.Error.WriteLine($"problem: {problem}");
            Console.WriteLine(problems.Count == 0
                ? $"{composer.TemplateNames.Count} templates checked against the response policy: no problems"
                : $"{problems.Count} problem(s) in the templates");
            return problems.Count == 0 ? 0 : 1;
        });

        return new Command("templates", "Thank-you message templates (Liquid, edited by marketing)") { preview };
    }

    private static ThankYouRequest Sample(string language, Tone tone, string name, string[] factors, int points, string channel, bool vip)
    {
        var at = DateTimeOffset.UnixEpoch;
        var author = new Author("preview-author", name.Length == 0 ? null : name, "@preview", channel == ReplyRoute.Email ? "preview@example.org" : null);
        var label = tone switch { Tone.Positive => SentimentLabel.Positive, Tone.Negative => SentimentLabel.Negative, _ => SentimentLabel.Neutral };
        var item = new FeedbackItem("preview", FeedbackKind.Review, "site", "Acme", "preview", at, Author: author);
        var scores = new FeedbackScores(language, SentimentScore.FromProbabilities(
            label == SentimentLabel.Negative ? 1 : 0, label == SentimentLabel.Neutral ? 1 : 0, label == SentimentLabel.Positive ? 1 : 0),
            factors.Select((id, i) => new FactorMention(id, label, 0, i, 1)).ToList());
        var loyalty = points > 0
            ? new LoyaltyDecision(new LedgerEntry("award-preview", "preview-author", "preview", "Acme", "site", points, at), LoyaltyReasons.Awarded)
            : LoyaltyDecision.None(LoyaltyReasons.PlatformForbidsIncentives);
        var profile = new AuthorProfile("preview-author", vip ? AuthorTier.Vip : AuthorTier.Standard, channel is ReplyRoute.Email or ReplyRoute.Reply ? null : channel);
        return new ThankYouRequest(item, scores, profile, loyalty);
    }
}
