using System.Security.Cryptography;
using System.Text;
using Listening.Core.Factors.Cues;

namespace Listening.Ml.Tests.Prediction;

public class CueLexiconTests
{
    // SHA-256 of sentiment-cues.json (LF line ends) when the shipped model was trained. The model's cue
    // features are computed from this lexicon at prediction time, so editing it changes the model's
    // inputs: retrain (`listening train`), refresh evaluation.json and the card, then update this value.
    private const string TrainedWith = "8dbf8a157f3f66e3fd4eb3fbdb4a8c87ad3077e31190003d622a5235003a0e93";

    [Fact]
    public void Cue_lexicon_is_the_one_the_shipped_model_was_trained_with()
    {
        using var stream = typeof(SentimentCues).Assembly.GetManifestResourceStream("Listening.Core.Factors.Cues.sentiment-cues.json")!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var text = reader.ReadToEnd().Replace("\r\n", "\n");
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        Assert.True(hash == TrainedWith,
            $"sentiment-cues.json changed ({hash}): the shipped sentiment model uses it as features — retrain, re-evaluate, then update {nameof(TrainedWith)}");
    }
}
