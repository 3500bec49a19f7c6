using Listening.Core.Text;
using Listening.Ml.Data;

namespace Listening.Ml.Tests.Data;

public class LanguageDetectionOnDatasetsTests
{
    [DatasetsFact]
    public void Detector_agrees_with_the_datasets_language_on_nearly_every_dev_row()
    {
        Assert.True(TestPaths.DatasetsAvailable()); // skipped (visibly) without the data, except under CI=true, where this fails
        var report = new List<string>();
        foreach (var dataset in DatasetReader.ReadAll(TestPaths.Datasets))
        {
            var rows = dataset.EvaluationRows.ToList();
            var agree = rows.Count(r => LanguageDetector.Detect(r.Text) == r.Lang) / (double)rows.Count;
            if (agree < 0.99) report.Add($"{dataset.Name}: {agree:P2} detected as {dataset.Lang}");
        }
        Assert.True(report.Count == 0, string.Join(Environment.NewLine, report));
    }
}
