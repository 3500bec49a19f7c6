using System.Collections.Concurrent;
using Listening.Core.Sentiment;
using Listening.Core.Text;
using Listening.Ml.Features;
using Microsoft.ML;

namespace Listening.Ml.Prediction;

/// <summary>
/// Thread-safe <see cref="ISentimentScorer"/>. A maximum-entropy model is scored from its weights
/// (<see cref="LinearWeights"/>) with a per-thread feature scratch; otherwise a PredictionEngine, which is
/// not thread-safe, is rented per call from a pool that grows to the peak number of concurrent callers. A per-language model routes each text to the
/// engine of its detected language; the model's calibration weights then shift the class probabilities,
/// sarcastic praise with markers is resolved as the complaint it is (<see cref="SarcasmMarkers"/>), and
/// Russian written in Latin letters is transliterated back and read by the Russian model (<see cref="Transliteration"/>);
/// a negated hedge ("не могу сказать, что плохо") is read as the plain negation it is (<see cref="HedgedNegation"/>), and a
/// denied complaint ("not bad at all", «не разочаровались») as the praise it is (<see cref="NegatedComplaint"/>); a text that
/// only asks for information is moved toward neutral (<see cref="InformationQuestion"/>).
/// </summary>
public sealed class PooledSentimentScorer(SentimentModel model) : ISentimentScorer
{
    private readonly ConcurrentBag<Lease> _pool = [];
    private readonly int _dimension = model.Featurizer.Options.Dimension;

    // Maximum-entropy models are scored from their weights directly (the same arithmetic, much less overhead);
    // any other transformer goes through a PredictionEngine. Read once at load: the weights, and from them a count-mean
    // word-vector block's folded table (below).
    private readonly (Dictionary<string, LinearWeights>? Linear, FoldedWordVectors? Folded) _tables = Tables(model);
    private Dictionary<string, LinearWeights>? _linear => _tables.Linear;

    private static (Dictionary<string, LinearWeights>?, FoldedWordVectors?) Tables(SentimentModel model)
    {
        var linear = Linear(model);
        return (linear, Folded(model, linear));
    }

    private static Dictionary<string, LinearWeights>? Linear(SentimentModel model)
    {
        var linear = new Dictionary<string, LinearWeights>();
        foreach (var (lang, transformer) in model.Transformers)
        {
            if (LinearWeights.From(transformer, model.Featurizer.Options.Dimension) is not { } weights) return null;
            linear[lang] = weights;
        }
        return linear;
    }

    // A count-mean word-vector block folded into per-word class scores for every language (FoldedWordVectors): the text is
    // featurised without the dense block, the featurizer summing the block's scores as it hashes the tokens. Null: the block,
    // if any, is read as features.
    private FoldedWordVectors? _folded => _tables.Folded;

    private static FoldedWordVectors? Folded(SentimentModel model, Dictionary<string, LinearWeights>? linear)
    {
        var options = model.Featurizer.Options;
        if (linear is null || model.Members.Count > 0 || model.Featurizer.Vectors is not { } vectors || !options.VectorCountMean || options.DenseVectors == 0) return null;
        return FoldedWordVectors.Fold(vectors, linear, options.VectorOffset);
    }

    /// <summary>Whether a count-mean word-vector block is scored from its folded table rather than as dense features.</summary>
    public bool ScoresFoldedVectors => _folded is not null;

    [ThreadStatic] private static FeatureScratch? _scratch;
    [ThreadStatic] private static float[]? _memberValues;

    // An ensemble's other members (SentimentModel.Members), scored on this model's features re-weighed for each.
    private readonly PooledSentimentScorer[] _members = model.Members.Select(m => new PooledSentimentScorer(m)).ToArray();

    // An ensemble of linear members whose vectors are re-weighings of this model's: all members' weights in one table per
    // language (EnsembleWeights), so a feature costs one cache line for the whole ensemble.
    private Dictionary<string, EnsembleWeights>? _fused;
    private volatile bool _fusedBuilt; // set after _fused (double-checked: a reader that sees it true sees the table)

    private Dictionary<string, EnsembleWeights>? Fused()
    {
        if (_fusedBuilt) return _fused;
        lock (_pool)
        {
            if (_fusedBuilt) return _fused;
            if (_members.Length > 0 && _linear is not null && model.Featurizer.Idf is null && _members.All(m => m._linear is not null))
            {
                var idf = new IdfTable?[] { null }.Concat(_members.Select(m => m.Model.Featurizer.Idf)).ToArray();
                _fused = _linear.ToDictionary(kv => kv.Key, kv => EnsembleWeights.Create(
                    [kv.Value, .. _members.Select(m => m._linear![kv.Key])], idf, _dimension));
            }
            _fusedBuilt = true;
            return _fused;
        }
    }

    /// <summary>Whether predictions come from the weights directly rather than a PredictionEngine.</summary>
    public bool ScoresFromWeights => _linear is not null;

    public SentimentModel Model => model;

    /// <summary>Whether an ensemble is scored from one fused table (<see cref="EnsembleWeights"/>) rather than member by member.</summary>
    public bool ScoresFused => Fused() is not null;

    public static PooledSentimentScorer Load(string path) => new(SentimentModel.Load(path));

    /// <summary>The model's score, with sarcastic praise resolved (<see cref="SarcasmMarkers.Resolve"/>).</summary>
    public SentimentScore Score(string text) => Score(text, null);

    /// <summary>As <see cref="Score(string)"/>, calibrated as <paramref name="kind"/> (<see cref="TextKind"/>) when the caller knows it from the source.</summary>
    public SentimentScore Score(string text, string? kind)
    {
        ArgumentNullException.ThrowIfNull(text);
        // "What time do you open?": a question that only asks judges nothing (InformationQuestion).
        var score = InformationQuestion.Apply(text, ScoreModel(text, kind));
        return SarcasmMarkers.Candidate(text) ? SarcasmMarkers.Resolve(_raw ??= new RawScorer(this), text, score) : score;
    }

    private RawScorer? _raw;

    /// <summary>The model alone, without the sarcasm rule (what the rule asks about the text's remainder).</summary>
    private sealed class RawScorer(PooledSentimentScorer owner) : ISentimentScorer
    {
        public SentimentScore Score(string text) => owner.ScoreModel(text);
    }

    /// <summary>The model alone, without the sarcasm rule (for measuring what the rule changes).</summary>
    public SentimentScore ScoreModel(string text, string? kind = null) => ScoreModel(text, kind, fused: true);

    /// <summary>
    /// As <see cref="ScoreModel(string, string?)"/>, an ensemble scored member by member, each from its own weight table (the
    /// path the fused table, <see cref="EnsembleWeights"/>, is tested equal to), and a count-mean word-vector block read as
    /// dense features rather than from its folded table (<see cref="FoldedWordVectors"/>, tested equal to this).
    /// </summary>
    public SentimentScore ScoreModelMemberByMember(string text, string? kind = null) => ScoreModel(text, kind, fused: false);

    private SentimentScore ScoreModel(string text, string? kind, bool fused)
    {
        // Russian in Latin letters is read by the Russian model in Cyrillic.
        if (Transliteration.LooksLikeRussian(text)) text = Transliteration.ToCyrillic(text);
        // "Не могу сказать, что плохо" reads as "не плохо" (unless the featurizer already rewrites hedges itself); «Проблем нет»,
        // "never had a single issue": the negator put where the model reads it; "Not bad at all", «не разочаровались»: a denied
        // complaint is praise, put in the words the model reads as praise.
        text = ScoringRewrites.Apply(text, hedges: !model.Featurizer.Options.HedgeRewrite);
        if (_linear is not null)
        {
            var scratch = _scratch ??= new FeatureScratch();
            Span<float> q = stackalloc float[FeatureRow.Classes];
            if (fused && _folded is { } folded)
            {
                // The language before the tokens, so the featurizer sums only its language's folded scores (one table of two
                // in cache); the featurizer reuses the detection for its context feature — still one detection a text.
                var detected = LanguageDetector.Detect(text);
                var language = model.LanguageFor(text, detected);
                var table = folded.For(language);
                model.Featurizer.FeaturizeUnordered(text, scratch, table, detected);
                _linear[language].Predict(scratch.Indices.AsSpan(0, scratch.Count), scratch.Values.AsSpan(0, scratch.Count), table.Scores(scratch.Folded), q);
                return Calibrated(language, text, kind, q); // a folded model has no members
            }
            model.Featurizer.FeaturizeUnordered(text, scratch);
            var lang = model.LanguageFor(text, scratch.Language);
            if (fused && _members.Length > 0 && Fused() is { } tables) return ScoreFused(tables[lang], text, kind, lang, scratch);
            _linear[lang].Predict(scratch.Indices.AsSpan(0, scratch.Count), scratch.Values.AsSpan(0, scratch.Count), q);
            var alone = Calibrated(lang, text, kind, q);
            if (_members.Length == 0) return alone;
            AddMembers(text, kind, lang, scratch, q);
            return SentimentScore.FromProbabilities(q[0], q[1], q[2]);
        }
        return ScoreWithEngine(text);
    }

    /// <summary>
    /// This model's calibration applied to its own probabilities <paramref name="q"/> — in place, because an ensemble then
    /// averages its members' into them — and the score they make on their own.
    /// </summary>
    private SentimentScore Calibrated(string language, string text, string? kind, Span<float> q)
    {
        ProbabilityCalibration.Apply(model.Calibration.For(language, text, kind), q);
        return SentimentScore.FromProbabilities(q[0], q[1], q[2]);
    }

    /// <summary>
    /// An ensemble from its fused table: every member's probabilities in one pass over the features, then each member's
    /// calibration and the mean, in the order <see cref="AddMembers"/> sums them (so the same floats).
    /// </summary>
    private SentimentScore ScoreFused(EnsembleWeights table, string text, string? kind, string lang, FeatureScratch scratch)
    {
        var members = table.Members;
        Span<float> p = stackalloc float[members * FeatureRow.Classes];
        table.Predict(scratch.Indices.AsSpan(0, scratch.Count), scratch.Values.AsSpan(0, scratch.Count), p);
        // The text's kind, when a calibration needs it, is worked out once for all members (For would otherwise do it per member).
        if (kind is null && model.Calibration.Weights.Count > 0) kind = TextKind.Of(text);
        ProbabilityCalibration.Apply(model.Calibration.For(lang, text, kind), p[..FeatureRow.Classes]);
        float q0 = p[0], q1 = p[1], q2 = p[2];
        for (var m = 1; m < members; m++)
        {
            var pm = p.Slice(m * FeatureRow.Classes, FeatureRow.Classes);
            ProbabilityCalibration.Apply(_members[m - 1].Model.Calibration.For(lang, text, kind), pm);
            q0 += pm[0]; q1 += pm[1]; q2 += pm[2];
        }
        return SentimentScore.FromProbabilities(q0 / members, q1 / members, q2 / members);
    }

    /// <summary>
    /// Averages the ensemble members' calibrated probabilities into <paramref name="q"/>. The members hash the same features;
    /// only their idf weights differ, and the L2 normalisation cancels in a re-weighting, so a member's vector is this
    /// model's (which has no idf weights) times the member's idf, normalised again — one featurisation for all members.
    /// </summary>
    private void AddMembers(string text, string? kind, string lang, FeatureScratch scratch, Span<float> q)
    {
        Span<float> p = stackalloc float[FeatureRow.Classes];
        var count = scratch.Count;
        if (model.Featurizer.Idf is not null || _members.Any(m => m._linear is null))
        {
            // Not re-weighable from this model's vector: each member featurises the text itself (slower, the same result).
            Span<float> sum = stackalloc float[FeatureRow.Classes];
            q.CopyTo(sum);
            foreach (var member in _members)
            {
                var s = member.ScoreModel(text, kind);
                sum[0] += s.Negative; sum[1] += s.Neutral; sum[2] += s.Positive;
            }
            for (var c = 0; c < FeatureRow.Classes; c++) q[c] = sum[c] / (_members.Length + 1);
            return;
        }
        var indices = scratch.Indices.AsSpan(0, count);
        var values = scratch.Values.AsSpan(0, count);
        var buffer = _memberValues is { } b && b.Length >= count ? b : _memberValues = new float[Math.Max(1024, count)];
        foreach (var member in _members)
        {
            var idf = member.Model.Featurizer.Idf;
            double norm = 0;
            for (var k = 0; k < count; k++)
            {
                var v = idf is null ? values[k] : values[k] * idf[indices[k]];
                buffer[k] = v;
                norm += v * (double)v;
            }
            var scale = norm > 0 ? (float)(1 / Math.Sqrt(norm)) : 0f;
            for (var k = 0; k < count; k++) buffer[k] *= scale;
            member._linear![lang].Predict(indices, buffer.AsSpan(0, count), p);
            ProbabilityCalibration.Apply(member.Model.Calibration.For(lang, text, kind), p);
            for (var c = 0; c < FeatureRow.Classes; c++) q[c] += p[c];
        }
        for (var c = 0; c < FeatureRow.Classes; c++) q[c] /= _members.Length + 1;
    }

    /// <summary>Through an ML.NET PredictionEngine (the reference the direct path is tested against).</summary>
    public SentimentScore ScoreWithEngine(string text, string? kind = null)
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
            var alone = Calibrated(language, text, kind, p);
            if (_members.Length == 0) return alone;
            float n = p[0], u = p[1], v = p[2];
            foreach (var member in _members)
            {
                var s = member.ScoreWithEngine(text, kind);
                n += s.Negative; u += s.Neutral; v += s.Positive;
            }
            var k = _members.Length + 1;
            return SentimentScore.FromProbabilities(n / k, u / k, v / k);
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
