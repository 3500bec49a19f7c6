using System.Text.RegularExpressions;
using System.Globalization;
using DotLiquid;
using Listening.Core.Feedback;
using Listening.Core.Loyalty;
using Listening.Core.Sentiment;

namespace Listening.Core.Responses;

/// <summary>
/// Renders thank-you messages from marketing's Liquid templates (DotLiquid: the Fluid.Core build served here
/// needs a Parlot version the mirror lacks and fails at start-up). Body templates are named
/// <c>{lang}.{tone}[.vip]</c> (e.g. <c>ru.negative.vip</c>); selection falls back from the VIP variant to the
/// standard one and from the item's language to the catalog's default language. Pure and thread-safe.
/// </summary>
public sealed partial class ThankYouComposer
{
    // Registered once for the process: per-render filter lists make DotLiquid reflect over the filter class every time.
    static ThankYouComposer() => Template.RegisterFilter(typeof(ThankYouFilters));

    private readonly ResponseCatalog catalog;
    private readonly ResponseRules rules;
    private readonly Dictionary<string, Template> bodies = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Template> snippets = new(StringComparer.Ordinal);
    private readonly HashSet<string> literalSnippets = new(StringComparer.Ordinal);
    // Signatures depend on the brand and language only; DotLiquid renders cost tens of microseconds each.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string Language, string Brand), string> signatures = new();

    /// <param name="bodySources">template name (file name without <c>.liquid</c>) → Liquid source.</param>
    /// <exception cref="FormatException">a template does not parse; the message names it.</exception>
    public ThankYouComposer(ResponseCatalog catalog, IReadOnlyDictionary<string, string> bodySources, ResponseRules rules)
    {
        this.catalog = catalog;
        this.rules = rules;
        foreach (var (name, source) in bodySources) bodies[name] = ParseTemplate($"{name}.liquid", source);
        foreach (var (lang, texts) in catalog.Languages)
        {
            snippets[$"{lang}.signature"] = ParseTemplate($"catalog.json languages.{lang}.signature", texts.Signature);
            foreach (var (tone, subject) in texts.Subjects)
                if (!subject.Contains("{{", StringComparison.Ordinal) && !subject.Contains("{%", StringComparison.Ordinal))
                    literalSnippets.Add($"{lang}.subject.{tone}");
            foreach (var (tone, subject) in texts.Subjects)
                snippets[$"{lang}.subject.{tone}"] = ParseTemplate($"catalog.json languages.{lang}.subjects.{tone}", subject);
        }
    }

    public IReadOnlyCollection<string> TemplateNames => bodies.Keys;

    public ThankYou? Compose(ThankYouRequest request)
    {
        var item = request.Item;
        // Feedback about a competitor is collected for the analysis; answering it would speak in another brand's name.
        if (item.CompetitorOf is not null) return null;
        // Answering spam (publicly, often) only rewards it.
        if (Loyalty.SpamCheck.LooksLikeSpam(item.Text)) return null;
        var route = ReplyRoute.Choose(item, request.Profile, rules.ReplySources, ownChannelFirst: request.Platform is not null);
        if (route is null) return null;
        // The platform's rules apply to an answer posted there (the source's reply function), not to an e-mail.
        var constraints = route.Channel == ReplyRoute.Reply ? request.Platform : null;
        var isPublic = constraints?.Public == true;

        var tone = Tones.Of(item, request.Scores);
        var tier = request.Profile?.Tier ?? AuthorTier.Standard;
        var (language, templateName) = Select(request.Scores.Language ?? item.Language, tone, tier);
        var texts = catalog.Languages[language];
        var context = new Hash();

        // A display name that is an e-mail address or a phone number is not said in public.
        if (Blank(item.Author?.Name) is { } name && !(isPublic && PublicReply.HasPersonalData(name))) context["name"] = name;
        context["brand"] = catalog.BrandName(item.Brand, language);
        context["brand_id"] = item.Brand;
        context["language"] = language;
        context["tone"] = tone.Key();
        context["vip"] = tier == AuthorTier.Vip;
        context["channel"] = route.Channel;
        context["points"] = request.Loyalty.Points;
        context["points_words"] = texts.Agree(texts.PointsWords, request.Loyalty.Points);

        var mentions = request.Scores.Factors
            .OrderBy(f => f.Start)
            .Select(f => (f.Label, Forms: catalog.FactorFor(f.Factor, language), f.Factor))
            .Where(f => f.Forms is not null)
            .DistinctBy(f => f.Factor)
            .Take(rules.MaxFactorsMentioned)
            .ToList();
        SetFactors(context, "factors", mentions.Select(m => m.Forms!).ToList(), texts.And);
        SetFactors(context, "praised", mentions.Where(m => m.Label == SentimentLabel.Positive).Select(m => m.Forms!).ToList(), texts.And);
        var problems = mentions.Where(m => m.Label == SentimentLabel.Negative).Select(m => m.Forms!).ToList();
        SetFactors(context, "problems", problems.Count > 0 || tone != Tone.Negative ? problems : mentions.Select(m => m.Forms!).ToList(), texts.And);

        var followUp = tone == Tone.Negative;
        context["follow_up"] = followUp;
        context["follow_up_hours"] = rules.FollowUpHours;
        context["follow_up_hours_words"] = texts.Agree(texts.HoursWords, rules.FollowUpHours);
        context["follow_up_how"] = texts.FollowUpHow.GetValueOrDefault(route.Channel) ?? texts.FollowUpHow[ReplyRoute.Reply];

        if (catalog.ExecutiveFor(item.Brand, language) is { } executive)
        {
            context["executive_name"] = executive.Name;
            context["executive_title"] = executive.Title;
        }
        context["signature"] = signatures.GetOrAdd((language, item.Brand), _ => Render(snippets[$"{language}.signature"], context));

        var body = Tidy(Render(bodies[templateName], context));
        if (constraints is not null)
            (templateName, body) = Fit(templateName, body, $"{language}.{tone.Key()}.short", constraints, item.Author, context);
        var subjectKey = $"{language}.subject.{tone.Key()}";
        var subject = literalSnippets.Contains(subjectKey)
            ? catalog.Languages[language].Subjects[tone.Key()].Trim()
            : Tidy(Render(snippets[subjectKey], context)).ReplaceLineEndings(" ");
        return new ThankYou(item.Id, item.Author?.Id, language, tone, templateName, route, subject, body, followUp, request.Loyalty.Points);
    }

    /// <summary>
    /// A public answer loses personal data; one longer than the platform allows is rendered from the shorter template
    /// (<c>{lang}.{tone}.short.liquid</c>) when there is one, and cut at a sentence end as the last resort.
    /// </summary>
    private (string Template, string Body) Fit(string template, string body, string shortTemplate, ReplyConstraints constraints, Author? author, Hash context)
    {
        string Prepare(string text) => constraints.Public ? PublicReply.Scrub(text, author) : text;
        body = Prepare(body);
        if (body.Length > constraints.MaxLength && bodies.TryGetValue(shortTemplate, out var shorter))
            (template, body) = (shortTemplate, Prepare(Tidy(Render(shorter, context))));
        return (template, PublicReply.Truncate(body, constraints.MaxLength));
    }

    /// <summary>
    /// Renders every template with sample authors and checks the policy a marketing edit could break:
    /// complaints are formal, promise a follow-up, never promote; an award is always disclosed.
    /// </summary>
    public IEnumerable<string> Validate()
    {
        foreach (var p in catalog.Problems()) yield return p;
        foreach (var lang in catalog.Languages.Keys)
            foreach (var tone in Enum.GetValues<Tone>())
                if (!bodies.ContainsKey($"{lang}.{tone.Key()}")) yield return $"template {lang}.{tone.Key()}.liquid is missing";
        foreach (var name in bodies.Keys)
            if (name.Split('.') is not [var l, var t, ..] || !catalog.Languages.ContainsKey(l) || !Enum.TryParse<Tone>(t, true, out _)
                || name.Split('.').Length > 3 || name.Split('.') is [_, _, var v] && v is not ("vip" or "short"))
                yield return $"template {name}.liquid: name must be {{lang}}.{{positive|neutral|negative}}[.vip|.short] with a language from catalog.json";
        if (bodies.Keys.Any(n => n.Split('.') is not [_, _, ..])) yield break;

        foreach (var sample in ThankYouSamples.All(catalog))
        {
            var message = Compose(sample.Request);
            if (message is null) { yield return $"sample '{sample.Name}' produced no message"; continue; }
            var where = $"template {message.Template}.liquid ({sample.Name})";
            if (sample.Request.Platform is { } platform && message.Route.Channel == ReplyRoute.Reply)
            {
                if (message.Body.Length > platform.MaxLength)
                    yield return $"{where}: {message.Body.Length} characters, over the platform's {platform.MaxLength}";
                if (platform.Public && PublicReply.HasPersonalData(message.Body))
                    yield return $"{where}: a public reply shows personal data (an e-mail address, a phone number or a personal link)";
            }
            if (message.Points > 0 && !message.Body.Contains(message.Points.ToString(System.Globalization.CultureInfo.InvariantCulture)))
                yield return $"{where}: the award of {message.Points} points is not disclosed";
            if (message.Tone != Tone.Negative) continue;
            foreach (var problem in ThankYouLint.NegativeProblems(message.Subject + "\n" + message.Body, catalog.NegativeGuard))
                yield return $"{where}: {problem}";
            var how = catalog.Languages[message.Language].FollowUpHow.GetValueOrDefault(message.Route.Channel)
                ?? catalog.Languages[message.Language].FollowUpHow[ReplyRoute.Reply];
            if (!message.Body.Contains(how) || !message.Body.Contains(rules.FollowUpHours.ToString(System.Globalization.CultureInfo.InvariantCulture)))
                yield return $"{where}: an apology must say how (follow_up_how) and when (follow_up_hours) a person follows up";
        }
    }

    private (string Language, string Template) Select(string? language, Tone tone, AuthorTier tier)
    {
        foreach (var lang in new[] { language, catalog.DefaultLanguage })
        {
            if (lang is null || !catalog.Languages.ContainsKey(lang)) continue;
            if (tier == AuthorTier.Vip && bodies.ContainsKey($"{lang}.{tone.Key()}.vip")) return (lang.ToLowerInvariant(), $"{lang}.{tone.Key()}.vip");
            if (bodies.ContainsKey($"{lang}.{tone.Key()}")) return (lang.ToLowerInvariant(), $"{lang}.{tone.Key()}");
        }
        throw new InvalidOperationException($"no template for {tone.Key()} in '{language}' or '{catalog.DefaultLanguage}'");
    }

    private static void SetFactors(Hash context, string prefix, IReadOnlyList<FactorForms> forms, string and)
    {
        // Unset (not empty) when there is nothing: in Liquid an empty string is truthy.
        if (forms.Count == 0) return;
        context[prefix] = forms.Select(f => f.Name).ToArray();
        context[$"{prefix}_about"] = JoinPhrases(forms.Select(f => f.About).ToList(), and);
        context[$"{prefix}_with"] = JoinPhrases(forms.Select(f => f.With).ToList(), and);
    }

    /// <summary>
    /// "о доставке" + "о цене" → "о доставке и цене" (one shared preposition); "о цене" + "об ассортименте"
    /// → "о цене и об ассортименте" (prepositions differ, so each keeps its own).
    /// </summary>
    public static string JoinPhrases(IReadOnlyList<string> phrases, string and)
    {
        var split = phrases.Select(p => p.Split(' ', 2)).ToList();
        if (split.All(s => s.Length == 2) && split.Select(s => s[0]).Distinct(StringComparer.OrdinalIgnoreCase).Count() == 1)
            return split[0][0] + " " + RussianGrammar.JoinList(split.Select(s => s[1]).ToList(), and);
        return RussianGrammar.JoinList(phrases, and);
    }

    private static Template ParseTemplate(string name, string source)
    {
        try { return Template.Parse(source); }
        catch (DotLiquid.Exceptions.LiquidException e) { throw new FormatException($"{name}: {e.Message}", e); }
    }

    private static string Render(Template template, Hash context)
    {
        var parameters = new RenderParameters(CultureInfo.InvariantCulture)
        {
            LocalVariables = context,
            ErrorsOutputMode = ErrorsOutputMode.Rethrow,
        };
        // A DotLiquid template keeps render state on itself: one render at a time per template.
        lock (template) return template.Render(parameters);
    }

    /// <summary>Tags on their own lines leave blank lines and trailing spaces behind; the reader should not see them.</summary>
    private static string Tidy(string text)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n').Select(l => DoubledStop().Replace(SpaceRun().Replace(l, " "), "$1.").TrimEnd());
        return BlankRun().Replace(string.Join("\n", lines), "\n\n").Trim();
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    [GeneratedRegex(@"[ \t]{2,}")]
    private static partial Regex SpaceRun();

    [GeneratedRegex(@"\n{3,}")]
    private static partial Regex BlankRun();

    // "Здравствуйте, Oleg P.." — a name that ends with a full stop before the template's own.
    [GeneratedRegex(@"(\p{L})\.\.(?!\.)")]
    private static partial Regex DoubledStop();
}
