using System.Text.Json;
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

    [Theory]
    [InlineData(16)] // two radix passes: the sorted indices end where they started
    [InlineData(18)]
    [InlineData(24)] // three passes: they end in the spare buffer and are copied back
    public void Long_texts_give_strictly_ascending_indices_whatever_the_scratch_did_before(int hashBits)
    {
        var featurizer = new TextFeaturizer(new FeaturizerOptions(HashBits: hashBits));
        const string first = "Доставка опоздала на час, курьер грубил, но продукты свежие и вкусные. The app crashed twice at checkout; support never answered my e-mail :(";
        const string second = "Отличный магазин, всегда беру здесь овощи и фрукты, цены ниже, чем у соседей, а персонал вежливый и быстрый!!! 10/10 would buy again";
        var reused = new FeatureScratch();
        featurizer.FeaturizeCounts(first, reused);
        var firstAlone = (reused.Indices[..reused.Count].ToArray(), reused.Values[..reused.Count].ToArray());
        featurizer.FeaturizeCounts(second, reused);
        featurizer.FeaturizeCounts(first, reused);
        var fresh = new FeatureScratch();
        featurizer.FeaturizeCounts(first, fresh);

        Assert.True(firstAlone.Item1.Length > 64, "long enough for the radix sort");
        Assert.Equal(firstAlone.Item1.Order().Distinct(), firstAlone.Item1);
        Assert.Equal(fresh.Indices[..fresh.Count], reused.Indices[..reused.Count]);
        Assert.Equal(fresh.Values[..fresh.Count], reused.Values[..reused.Count]);
        Assert.Equal(firstAlone.Item1, fresh.Indices[..fresh.Count]);
        Assert.True(firstAlone.Item2.All(v => v >= 1), "repeats merged into counts");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Scoring_features_are_the_sorted_features_in_first_occurrence_order(bool cues)
    {
        var featurizer = new TextFeaturizer(new FeaturizerOptions(HashBits: 20, CueFeatures: cues));
        var texts = new[]
        {
            "Доставка опоздала на час, курьер грубил, но продукты свежие и вкусные. The app crashed twice at checkout; support never answered my e-mail :(",
            "ок", "", "Отличный магазин, всегда беру здесь овощи и фрукты!!! " + string.Join(' ', Enumerable.Repeat("очень очень хорошо", 200)),
        };
        var sorted = new FeatureScratch();
        var unordered = new FeatureScratch(); // reused across texts: the slots of one text must not leak into the next
        foreach (var text in texts.Concat(texts))
        {
            featurizer.Featurize(text, sorted);
            featurizer.FeaturizeUnordered(text, unordered);
            var expected = Enumerable.Range(0, sorted.Count).ToDictionary(k => sorted.Indices[k], k => sorted.Values[k]);
            var actual = Enumerable.Range(0, unordered.Count).ToDictionary(k => unordered.Indices[k], k => unordered.Values[k]);
            Assert.Equal(expected.Count, actual.Count);
            foreach (var (index, value) in expected) Assert.Equal(value, actual[index], 6);
        }
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

    [Fact]
    public void Settings_saved_without_cue_fields_read_as_the_featurizer_without_cues()
    {
        // featurizer.json of a model trained before cue features existed
        var old = JsonSerializer.Deserialize<FeaturizerOptions>("""{"HashBits":20,"WordBigrams":true,"CharNgramLengths":[3,4],"HeadChars":700,"TailChars":300,"ContextFeatures":true}""")!;
        Assert.False(old.CueFeatures);
        Assert.False(old.NegationMarks);
        Assert.Equal(1, old.CueRepeats);
    }

    [Fact]
    public void Cue_features_give_texts_with_unrelated_words_of_one_polarity_shared_evidence()
    {
        var plain = new TextFeaturizer(new FeaturizerOptions(HashBits: 18));
        var cues = new TextFeaturizer(new FeaturizerOptions(HashBits: 18, CueFeatures: true));
        static HashSet<int> Indices(TextFeaturizer f, string text) => f.Featurize(text).GetIndices().ToArray().ToHashSet();
        static int Shared(TextFeaturizer f, string a, string b) => Indices(f, a).Intersect(Indices(f, b)).Count();

        // Different words, same polarity: only the cue featurizer links them (language and length features aside).
        Assert.True(Shared(cues, "суп остыл", "ужасный сервис") > Shared(plain, "суп остыл", "ужасный сервис"));
        // A negated positive word shares the negative evidence; the same word without negation does not.
        Assert.True(Shared(cues, "суп не вкусный", "ужасный сервис") > Shared(cues, "суп вкусный", "ужасный сервис"));
    }

    [Fact]
    public void Cue_repeats_raise_the_weight_of_the_cue_features()
    {
        var once = new TextFeaturizer(new FeaturizerOptions(HashBits: 18, CueFeatures: true));
        var thrice = new TextFeaturizer(new FeaturizerOptions(HashBits: 18, CueFeatures: true, CueRepeats: 3));
        var a = once.Featurize("суп остыл");
        var b = thrice.Featurize("суп остыл");
        Assert.Equal(a.GetIndices().ToArray(), b.GetIndices().ToArray());
        Assert.True(b.GetValues().ToArray().Max() > a.GetValues().ToArray().Max());
    }

    [Fact]
    public void Blocks_keep_word_character_and_cue_features_apart_each_of_unit_length()
    {
        var options = new FeaturizerOptions(HashBits: 18, CueFeatures: true, Blocks: true);
        var v = new TextFeaturizer(options).Featurize("Доставка опять опоздала, суп остыл");
        Assert.Equal((2 << 18) + (1 << FeaturizerOptions.CueBlockBits), v.Length);
        var pairs = v.GetIndices().ToArray().Zip(v.GetValues().ToArray()).ToList();
        double Norm(Func<int, bool> inBlock) => Math.Sqrt(pairs.Where(p => inBlock(p.First)).Sum(p => (double)p.Second * p.Second));
        Assert.Equal(1.0, Norm(i => i < 1 << 18), 4);                    // word n-grams
        Assert.Equal(1.0, Norm(i => i >= 1 << 18 && i < 2 << 18), 4);    // character n-grams
        Assert.Equal(1.0, Norm(i => i >= 2 << 18), 4);                   // language, length, lexicon cues
    }

    [Fact]
    public void Word_trigrams_add_features_and_older_settings_keep_bigrams()
    {
        var text = "курьер опять опоздал на час";
        var bigrams = new TextFeaturizer(new FeaturizerOptions(HashBits: 18, ContextFeatures: false, CharNgramLengths: []));
        var trigrams = new TextFeaturizer(new FeaturizerOptions(HashBits: 18, ContextFeatures: false, CharNgramLengths: [], WordNgrams: 3));
        Assert.Equal(5 + 4, bigrams.Featurize(text).GetIndices().Length);
        Assert.Equal(5 + 4 + 3, trigrams.Featurize(text).GetIndices().Length);
        var old = JsonSerializer.Deserialize<FeaturizerOptions>("""{"HashBits":20,"WordBigrams":true,"CharNgramLengths":[3,4],"HeadChars":700,"TailChars":300,"ContextFeatures":true}""")!;
        Assert.Equal(2, old.MaxWordNgram);
        Assert.False(old.Blocks);
        Assert.Equal(1 << 20, old.Dimension);
    }
}
