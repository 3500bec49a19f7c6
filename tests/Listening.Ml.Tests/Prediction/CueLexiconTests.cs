using System.Security.Cryptography;
using System.Text;
using Listening.Ml.Features.Lexicon;

namespace Listening.Ml.Tests.Prediction;

public class CueLexiconTests
{
    // SHA-256 of the model's own lexicon copy (ml-models/Listening.Ml/Features/Lexicon/model-cues.json,
    // LF line ends) when the shipped model was trained. The cue features are computed from it at
    // prediction time, so editing it changes the model's inputs: retrain (`listening train`), refresh
    // evaluation.json and the card, then update this value. Core's sentiment-cues.json (the factor
    // module's lexicon) is not a model input and may change freely.
    private const string TrainedWith = "8dbf8a157f3f66e3fd4eb3fbdb4a8c87ad3077e31190003d622a5235003a0e93";

    [Fact]
    public void Model_lexicon_is_the_one_the_shipped_model_was_trained_with()
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ModelLexicon.Text())));
        Assert.True(hash == TrainedWith,
            $"model-cues.json changed ({hash}): the shipped sentiment model uses it as features — retrain, re-evaluate, then update {nameof(TrainedWith)}");
    }

    [Fact]
    public void Model_lexicon_finds_cues_with_negation()
    {
        var words = Core.Factors.Text.WordTokenizer.Tokenize("не вкусный суп");
        var hits = new List<Core.Factors.Cues.CueHit>();
        ModelLexicon.Cues.Find(words, 0, words.Count, hits);
        var hit = Assert.Single(hits);
        Assert.True(hit.Negated);
        Assert.False(hit.Positive);
    }
}
