using Listening.Ml.Features;

namespace Listening.Ml.Tests.Features;

public class TextFeaturizerTests
{
    private readonly TextFeaturizer _featurizer = new(new FeaturizerOptions(HashBits: 18));

    [Fact]
    public void Same_text_gives_the_same_unit_length_sorted_vector()
    {
        var a = _featurizer.Featurize("Доставка пришла вовремя, спасибо!");
        var b = _featurizer.Featurize("Доставка пришла вовремя, спасибо!");
        Assert.Equal(a.GetIndices().ToArray(), b.GetIndices().ToArray());
        Assert.Equal(a.GetValues().ToArray(), b.GetValues().ToArray());
        var indices = a.GetIndices().ToArray();
        Assert.Equal(indices.Order().Distinct(), indices);
        Assert.Equal(1.0, Math.Sqrt(a.GetValues().ToArray().Sum(v => (double)v * v)), 4);
        Assert.Equal(1 << 18, a.Length);
    }

    [Fact]
    public void Normalization_makes_spelling_variants_share_features()
    {
        var a = _featurizer.Featurize("ВСЁ СУПЕЕЕЕР!!!");
        var b = _featurizer.Featurize("все супеер!!");
        Assert.Equal(a.GetIndices().ToArray(), b.GetIndices().ToArray());
    }

    [Fact]
    public void Long_texts_keep_their_head_and_tail()
    {
        var featurizer = new TextFeaturizer(new FeaturizerOptions(HashBits: 18, HeadChars: 50, TailChars: 30, ContextFeatures: false));
        var middle = string.Concat(Enumerable.Repeat("бла ", 500));
        var full = featurizer.Featurize("Начало отличное " + middle + "финал ужасный");
        var tailOnly = featurizer.Featurize("ужасный");
        Assert.Superset(tailOnly.GetIndices().ToArray().ToHashSet(), full.GetIndices().ToArray().ToHashSet());
        Assert.True(full.GetIndices().Length < 200, "the middle of a long text is not featurised");
    }
}
