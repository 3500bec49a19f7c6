using System.Collections.Concurrent;
using Listening.Core.Sentiment;
using Listening.Ml.Features;
using Microsoft.ML;

namespace Listening.Ml.Prediction;

/// <summary>
/// Thread-safe <see cref="ISentimentScorer"/>: a PredictionEngine is not thread-safe, so each call
/// rents one (with its feature scratch and rows) from a pool and returns it; the pool grows to the
/// peak number of concurrent callers and no further. A per-language model routes each text to the
/// engine of its detected language; the model's calibration weights then shift the class probabilities,
/// and sarcastic praise with markers is resolved as the complaint it is (<see cref="SarcasmMarkers"/>).
/// </summary>
public sealed class PooledSentimentScorer(SentimentModel model) : ISentimentScorer
{
    private readonly ConcurrentBag<Lease> _pool = [];
    private readonly int _dimension = model.Featurizer.Options.Dimension;

    public SentimentModel Model => model;

    public static PooledSentimentScorer Load(string path) => new(SentimentModel.Load(path));

    /// <summary>The model's score, with sarcastic praise resolved (<see cref="SarcasmMarkers.Resolve"/>).</summary>
    public SentimentScore Score(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var score = ScoreModel(text);
        return SarcasmMarkers.Candidate(text) ? SarcasmMarkers.Resolve(_raw ??= new RawScorer(this), text, score) : score;
    }

    private RawScorer? _raw;

    /// <summary>The model alone, without the sarcasm rule (what the rule asks about the text's remainder).</summary>
    private sealed class RawScorer(PooledSentimentScorer owner) : ISentimentScorer
    {
        public SentimentScore Score(string text) => owner.ScoreModel(text);
    }

    /// <summary>The model alone, without the sarcasm rule (for measuring what the rule changes).</summary>
    public SentimentScore ScoreModel(string text)
    {
        var lease = _pool.TryTake(out var pooled) ? pooled : new Lease(model);
        try
        {
            model.Featurizer.Featurize(text, lease.Scratch);
            lease.Scratch.CopyTo(ref lease.Input.Features, _dimension);
            var language = model.LanguageFor(text);
            lease.Engines[language].Predict(lease.Input, ref lease.Output);
            var p = lease.Output.Score;
            if (p.Length != FeatureRow.Classes) throw new InvalidDataException($"model scores {p.Length} classes, expected {FeatureRow.Classes}");
            ProbabilityCalibration.Apply(model.Calibration.For(language, text), p);
            return SentimentScore.FromProbabilities(p[0], p[1], p[2]);
        }
        finally
        {
            _pool.Add(lease);
        }
    }

    private sealed class Lease(SentimentModel model)
    {
        public readonly Dictionary<string, PredictionEngine<FeatureRow, ScoreRow>> Engines = model.Transformers.ToDictionary(
            kv => kv.Key,
            kv => model.Context.Model.CreatePredictionEngine<FeatureRow, ScoreRow>(kv.Value, ignoreMissingColumns: true,
                inputSchemaDefinition: FeatureRow.Schema(model.Featurizer.Options.Dimension)));
        public readonly FeatureScratch Scratch = new();
        public readonly FeatureRow Input = new();
        public ScoreRow Output = new();
    }
}
