using System.ComponentModel.DataAnnotations;

namespace Listening.Scoring;

/// <summary>
/// How items are scored: the sentiment model file and each brand's factor taxonomy
/// (shipped packs on top of the default, then the brand's own JSON file).
/// </summary>
public sealed class ScoringOptions : IValidatableObject
{
    public const string Section = "Listening:Scoring";

    /// <summary>The sentiment model; empty = the one shipped next to the executable.</summary>
    public string? ModelPath { get; set; }

    /// <summary>Packs (restaurants, banks, telecom, airlines) for brands without their own entry.</summary>
    public List<string> Packs { get; set; } = [];

    /// <summary>
    /// Whether the learned factor detector (ml-models/factors) decides the default factors together with the rules.
    /// On by default since round 16: it met the rule declared before that round's blind stories were written, over the
    /// ten blind stories measured so far (ml-models/factors/HISTORY.md, "Learned detector, round 16"); false = the rules alone.
    /// </summary>
    public bool LearnedFactors { get; set; } = true;

    /// <summary>The learned detector's file; empty = the one shipped next to the executable.</summary>
    public string? FactorDetectorPath { get; set; }

    public Dictionary<string, BrandScoringOptions> Brands { get; set; } = new(Listening.Core.Feedback.BrandKey.Comparer);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var model = FeedbackScorers.ResolveModelPath(ModelPath);
        if (!File.Exists(model))
            yield return new ValidationResult($"sentiment model not found: {model}", [nameof(ModelPath)]);
        if (LearnedFactors && !File.Exists(FeedbackScorers.ResolveDetectorPath(FactorDetectorPath)))
            yield return new ValidationResult($"factor detector not found: {FeedbackScorers.ResolveDetectorPath(FactorDetectorPath)}", [nameof(FactorDetectorPath)]);
        foreach (var (brand, options) in Brands)
        {
            if (options.TaxonomyFile is { } file && !File.Exists(file))
                yield return new ValidationResult($"taxonomy file of brand '{brand}' not found: {file}", [nameof(Brands)]);
        }
    }
}

public sealed class BrandScoringOptions
{
    public List<string> Packs { get; set; } = [];

    /// <summary>A JSON taxonomy override (same shape as the shipped ones) for this brand.</summary>
    public string? TaxonomyFile { get; set; }

    /// <summary>Words of what the brand sells, learned from its feedback (<c>OfferingLexicon.Learn</c>): judged terms of quality.</summary>
    public List<string> Offering { get; set; } = [];
}
