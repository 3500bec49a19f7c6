using Listening.Core.Sentiment;
using Listening.Ml.Data;
using Listening.Ml.Features;
using Listening.Ml.Training;

namespace Listening.Ml.Tests.Data;

public class HonestSplitsTests
{
    private static Dataset Make(string name, string lang, params string[] ids) =>
        new(name, lang, ids.Select((id, i) => new LabelledText(id, lang, $"text {i}", (SentimentLabel)(i % 3))).ToList(), false);

    [Fact]
    public void SentiRuEval_tests_on_the_later_2015_test_period_per_domain_and_trains_on_the_training_period()
    {
        var d = Make("sentirueval_tweets_ru", "ru",
            "sre16_bank_train_2015train_1", "sre16_bank_train_2015test_2", "sre16_telecom_train_2015train_3", "sre16_telecom_train_2015test_4");
        var splits = HonestSplits.For(d);
        Assert.Equal(["sre16_banks_2015test", "sre16_telecom_2015test"], splits.Select(s => s.Name));
        Assert.True(splits[0].TestIds.SetEquals(["sre16_bank_train_2015test_2"]));
        Assert.All(splits, s => Assert.Equal(SplitMetric.F1PositiveNegative, s.Metric));
        Assert.Equal(["sre16_bank_train_2015train_1", "sre16_telecom_train_2015train_3"], Holdout.Honest.TrainRows(d).Select(r => r.Id));
    }

    [Fact]
    public void Tweets_split_by_time_hold_out_the_newest_ids()
    {
        var ids = Enumerable.Range(1, 100).Select(i => $"rst_train_{1_000_000 + i * 7919L}").ToArray();
        var split = Assert.Single(HonestSplits.For(Make("rusentitweet_ru", "ru", ids)));
        Assert.Equal(SplitKind.Time, split.Kind);
        Assert.Equal(20, split.TestIds.Count);
        var newestTrain = ids.Where(id => !split.TestIds.Contains(id)).Max(id => long.Parse(id["rst_train_".Length..]));
        Assert.All(split.TestIds, id => Assert.True(long.Parse(id["rst_train_".Length..]) > newestTrain));
    }

    [Fact]
    public void Every_review_of_a_pick_up_point_is_on_one_side()
    {
        var ids = Enumerable.Range(0, 60).SelectMany(place => Enumerable.Range(1, 5).Select(n => $"ozonpvz_{100_000 + place}-{n:D4}")).ToArray();
        var split = Assert.Single(HonestSplits.For(Make("yandexmaps_ozon_pvz_ru", "ru", ids)));
        var byPlace = ids.GroupBy(HonestSplits.OzonPlace);
        Assert.All(byPlace, g => Assert.True(g.All(split.TestIds.Contains) || !g.Any(split.TestIds.Contains), $"place {g.Key} is split"));
        Assert.InRange(split.TestIds.Count, 20, 120); // about a fifth of the places
        Assert.Equal("108880513445", HonestSplits.OzonPlace("ozonpvz_some-108880513445-0002"));
    }

    [Fact]
    public void Domain_and_source_splits_hold_out_whole_domains_and_sources()
    {
        var uci = Assert.Single(HonestSplits.For(Make("uci_sentiment_sentences_en", "en", "uci_amazon_1", "uci_yelp_1", "uci_imdb_1")));
        Assert.True(uci.TestIds.SetEquals(["uci_amazon_1"]));
        var banks = Assert.Single(HonestSplits.For(Make("bank_reviews_ru", "ru", "otzovik_sber_1-0001", "otzovik_vtb_55", "bankiru_gpb_3", "sravni_gpb_4")));
        Assert.True(banks.TestIds.SetEquals(["otzovik_vtb_55", "bankiru_gpb_3", "sravni_gpb_4"]), "other banks and sites are held out, Sberbank trains");
        var laptops = Assert.Single(HonestSplits.For(Make("semeval_absa_en", "en", "se14_lapt_train_1", "se16_lapt_train_2:1", "se14_rest_train_3")));
        Assert.Equal(2, laptops.TestIds.Count);
    }

    [Fact]
    public void Leave_one_dataset_out_trains_on_every_other_dataset_only()
    {
        var a = Make("bank_reviews_ru", "ru", "a1", "a2");
        var b = Make("rutube_app_reviews_ru", "ru", "b1", "b2");
        var set = TrainingSet.Build([a, b], TrainingOptions.Default with { Holdout = "leave-out:bank_reviews_ru" });
        Assert.All(set, w => Assert.Equal("rutube_app_reviews_ru", w.Dataset));
        Assert.Equal(2, HonestSplits.LeaveOut(a).TestIds.Count);
    }

    [Fact]
    public void Honest_training_rows_never_include_a_test_row_of_any_split()
    {
        var datasets = new[]
        {
            Make("airline_tweets_en", "en", Enumerable.Range(1, 50).Select(i => $"air_{5_000_000 + i}").ToArray()),
            Make("rutube_app_reviews_ru", "ru", "rutube_train-1", "rutube_test-2", "rutube_train-3"),
        };
        var options = new TrainingOptions(new FeaturizerOptions(HashBits: 12), Holdout: "honest");
        var trained = TrainingSet.Build(datasets, options).Select(w => w.Row.Id).ToHashSet();
        var tested = datasets.SelectMany(HonestSplits.For).SelectMany(s => s.TestIds).ToHashSet();
        Assert.NotEmpty(tested);
        Assert.Empty(trained.Intersect(tested));
        Assert.Equal(datasets.Sum(d => d.Rows.Count), trained.Count + tested.Count);
    }

    [Fact]
    public void An_unknown_dataset_with_id_groups_gets_a_group_split_and_one_without_gets_none()
    {
        var grouped = Make("my_reviews", "en", Enumerable.Range(0, 40).SelectMany(g => new[] { $"shop{g}_1", $"shop{g}_2" }).ToArray());
        var split = Assert.Single(HonestSplits.For(grouped));
        Assert.All(Enumerable.Range(0, 40), g => Assert.Equal(split.TestIds.Contains($"shop{g}_1"), split.TestIds.Contains($"shop{g}_2")));
        Assert.Empty(HonestSplits.For(Make("flat", "en", "1", "2", "3")));
    }
}
