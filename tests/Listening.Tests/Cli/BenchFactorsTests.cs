using System.CommandLine;
using System.Globalization;
using Listening.Cli;

namespace Listening.Tests.Cli;

public class BenchFactorsTests
{
    [Fact]
    public void Bench_factors_reports_throughput_in_items_per_second()
    {
        var output = new StringWriter(CultureInfo.InvariantCulture);
        var code = BenchFactorsCommand.Create().Parse(["--items", "2000"]).Invoke(new InvocationConfiguration { Output = output, Error = output });
        Assert.Equal(0, code);
        Assert.Matches(@"[\d,]+ items/s", output.ToString());
    }

    [Fact]
    public void Bench_factors_rejects_a_non_positive_count()
    {
        var error = new StringWriter(CultureInfo.InvariantCulture);
        var code = BenchFactorsCommand.Create().Parse(["--items", "0"]).Invoke(new InvocationConfiguration { Output = error, Error = error });
        Assert.NotEqual(0, code);
        Assert.Contains("--items", error.ToString());
    }
}
