using Listening.Core.Sentiment;
using Listening.Ml.Data;

namespace Listening.Ml.Tests.Data;

public sealed class DatasetReaderTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("listening-ml-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Reads_every_folder_and_prefers_test_tsv_for_evaluation()
    {
        Write("a_ru/train.tsv", "id\tlang\ttext\tlabel\trating\taspects", "r1\tru\tплохо\tnegative\t\t", "r2\tru\tхорошо\tpositive\t5\t");
        Write("b_en/train.tsv", "id\tlang\ttext\tlabel\trating\taspects", "e1\ten\tbad\tnegative\t\t");
        Write("b_en/test.tsv", "id\tlang\ttext\tlabel\trating\taspects", "t1\ten\tfine\tneutral\t\t");

        var datasets = DatasetReader.ReadAll(_root);

        Assert.Equal(["a_ru", "b_en"], datasets.Select(d => d.Name));
        Assert.Equal("ru", datasets[0].Lang);
        Assert.False(datasets[0].IsTestFile);
        Assert.Equal(2, datasets[0].Rows.Count);
        Assert.True(datasets[1].IsTestFile);
        Assert.Equal([new LabelledText("t1", "en", "fine", SentimentLabel.Neutral)], datasets[1].EvaluationRows);
        Assert.Empty(datasets[1].TrainRows); // a test file is never trained on
    }

    [Fact]
    public void Train_and_dev_rows_of_a_train_file_are_disjoint_and_complete()
    {
        var lines = Enumerable.Range(0, 500).Select(i => $"x{i}\ten\ttext {i}\tpositive\t\t");
        Write("c_en/train.tsv", ["id\tlang\ttext\tlabel\trating\taspects", .. lines]);
        var dataset = DatasetReader.ReadAll(_root).Single();
        var train = dataset.TrainRows.Select(r => r.Id).ToHashSet();
        var dev = dataset.EvaluationRows.Select(r => r.Id).ToHashSet();
        Assert.Empty(train.Intersect(dev));
        Assert.Equal(500, train.Count + dev.Count);
        Assert.InRange(dev.Count, 70, 130);
    }

    [Fact]
    public void A_bad_label_is_reported_with_file_and_line_number()
    {
        Write("d/train.tsv", "id\tlang\ttext\tlabel", "1\ten\tok\tpositive", "2\ten\thmm\tmixed");
        var error = Assert.Throws<InvalidDataException>(() => DatasetReader.ReadAll(_root));
        Assert.Contains("train.tsv:3", error.Message);
        Assert.Contains("mixed", error.Message);
    }

    private void Write(string relative, params string[] lines)
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllLines(path, lines);
    }
}
