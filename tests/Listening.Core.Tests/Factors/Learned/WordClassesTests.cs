using Listening.Core.Factors;
using Listening.Core.Factors.Learned;
using Listening.Core.Factors.Text;
using Listening.Core.Sentiment;

namespace Listening.Core.Tests.Factors.Learned;

public class WordClassesTests
{
    private static readonly FactorExtractor Rules = new(FactorTaxonomy.Default);
    private static readonly IReadOnlyList<string> Factors = FactorTaxonomy.Default.Factors.Select(f => f.Id).ToList();
    private static readonly FactorTraining Plain = FactorTraining.Default with { InnerFolds = 0, AddAbove = 0.5f, DropBelow = 0.5f };

    private static string Stem(string word) => WordTokenizer.Tokenize(word, symbols: true)[0].Stem;

    /// <summary>Made-up words: flumox and glarb used alike (one class), the walk and the view another.</summary>
    private static WordClasses Classes(ClassFeatures features = ClassFeatures.Words) =>
        new(new Dictionary<string, int> { [Stem("flumox")] = 7, [Stem("glarb")] = 7, [Stem("walk")] = 3, [Stem("view")] = 3 }, features);

    private static FactorExample Example(string text, WordClasses? classes, params string[] labelled)
    {
        var found = Rules.Extract(text);
        return new FactorExample(LeaveOneStoryOut.Features(text, found, null, null, Rules, Factors, classes),
            labelled.ToHashSet(StringComparer.Ordinal), found.Select(m => m.Factor).ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>Thirty items that name the flumox, which the labels call loyalty, and thirty that name a walk, which they call nothing.</summary>
    private static List<FactorExample> Story(WordClasses? classes) =>
    [
        .. Enumerable.Range(0, 30).SelectMany(i => new[]
        {
            Example($"I got the flumox on day {i}", classes, "loyalty"),
            Example($"I got the walk on day {i}", classes),
        }),
    ];

    private static float Loyalty(FactorDetectorModel model, string text)
    {
        var features = LeaveOneStoryOut.Features(text, Rules.Extract(text), null, null, Rules, Factors, model.Classes);
        Span<float> logits = stackalloc float[Factors.Count];
        model.Logits(features, logits);
        return FactorDetectorModel.Probability(logits[Factors.ToList().IndexOf("loyalty")]);
    }

    [Fact]
    public void A_word_no_training_item_used_weighs_what_its_class_weighs()
    {
        var withClasses = FactorDetectorTrainer.Train(Story(Classes()), Factors, Plain with { Classes = Classes() });
        var without = FactorDetectorTrainer.Train(Story(null), Factors, Plain);
        const string text = "I got the glarb today";

        Assert.True(Loyalty(withClasses, text) > Loyalty(without, text) + 0.2f, $"{Loyalty(withClasses, text)} against {Loyalty(without, text)}");
        Assert.True(Loyalty(withClasses, "I got the view today") < 0.5f); // the other class's unseen word stays out
        var mentions = new LearnedFactorDetector(withClasses).Apply(text, Rules.Extract(text), Rules, null, null, SentimentLabel.Neutral, null);
        Assert.Contains(mentions, m => m.Factor == "loyalty");
    }

    [Fact]
    public void The_word_classes_and_how_they_are_read_round_trip_through_the_model_file()
    {
        var classes = Classes(ClassFeatures.Words | ClassFeatures.Clauses);
        var model = FactorDetectorTrainer.Train(Story(classes), Factors, Plain with { Classes = classes });

        var bytes = model.Write();
        var read = FactorDetectorModel.Read(bytes);

        Assert.NotNull(read.Classes);
        Assert.Equal(ClassFeatures.Words | ClassFeatures.Clauses, read.Classes.Features);
        Assert.Equal(classes.Entries, read.Classes.Entries);
        Assert.Equal(bytes, read.Write());
        Assert.Equal(Loyalty(model, "I got the glarb today"), Loyalty(read, "I got the glarb today"));
    }

    [Fact]
    public void A_model_trained_without_classes_reads_back_without_them()
    {
        var model = FactorDetectorTrainer.Train(Story(null), Factors, Plain);

        Assert.Null(FactorDetectorModel.Read(model.Write()).Classes);
    }

    [Fact]
    public void Classes_read_as_no_features_change_no_feature()
    {
        const string text = "I got the flumox, the walk was long";
        var plain = LeaveOneStoryOut.Features(text, Rules.Extract(text), null, null, Rules, Factors);
        var none = LeaveOneStoryOut.Features(text, Rules.Extract(text), null, null, Rules, Factors, Classes(ClassFeatures.None));
        var words = LeaveOneStoryOut.Features(text, Rules.Extract(text), null, null, Rules, Factors, Classes());

        Assert.Equal(plain.Buckets, none.Buckets);
        Assert.Equal(plain.Values, none.Values);
        Assert.Equal(plain.Buckets.Length + 2, words.Buckets.Length); // the two classes the text's words have
    }

    [Fact]
    public void The_classes_file_is_a_stem_and_a_class_per_line_with_comments_skipped()
    {
        var classes = WordClasses.Parse(["# stem\tclass", "", "тушь\t12", "shade\t12"], ClassFeatures.Words);

        Assert.Equal(2, classes.Count);
        Assert.Equal(12, classes.Of("тушь"));
        Assert.Equal(-1, classes.Of("трансфер"));
        Assert.Throws<FormatException>(() => WordClasses.Parse(["тушь 12"], ClassFeatures.Words));
        Assert.Equal(ClassFeatures.Words | ClassFeatures.Pairs, WordClasses.ParseFeatures("words+pairs"));
    }
}
