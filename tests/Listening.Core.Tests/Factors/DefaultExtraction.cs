using Listening.Core.Factors;

namespace Listening.Core.Tests.Factors;

/// <summary>The default taxonomy's extractor without a model (opinion words alone), and the distinct factors it finds in a
/// text — what the detection-rule suites assert on (<c>using static</c>).</summary>
internal static class DefaultExtraction
{
    internal static readonly FactorExtractor Default = new(FactorTaxonomy.Default);

    internal static IReadOnlyList<string> FactorsIn(string text) => Default.Extract(text).Select(m => m.Factor).Distinct().ToList();
}
