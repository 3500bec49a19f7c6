using static Listening.Tests.Cli.ListeningProcess;

namespace Listening.Tests.Cli;

/// <summary><c>listening templates preview</c> run as a separate process (it writes to stdout/stderr and exits).</summary>
public class TemplatesCommandTests
{
    [Fact]
    public async Task Preview_renders_the_shipped_templates_and_finds_no_problem()
    {
        var (code, stdout, _) = await RunAsync(null, "templates", "preview", "--lang", "ru", "--tone", "negative", "--factor", "delivery", "--points", "3");

        Assert.Equal(0, code);
        Assert.Contains("Сотрудник напишет вам на электронную почту в течение 24 часов, чтобы разобраться в ситуации с доставкой", stdout);
        Assert.Contains("мы начислили вам 3 бонусных балла.", stdout);
        Assert.Contains("no problems", stdout);
    }

    [Fact]
    public async Task Preview_of_an_edited_template_that_breaks_the_policy_exits_non_zero_and_names_it()
    {
        var dir = Directory.CreateTempSubdirectory("templates-").FullName;
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Responses", "templates")))
            File.Copy(file, Path.Combine(dir, Path.GetFileName(file)));
        var path = Path.Combine(dir, "en.negative.liquid");
        File.WriteAllText(path, File.ReadAllText(path).Replace("Yours sincerely,", "Use promo code SORRY10 for a discount!\n\nYours sincerely,"));

        var (code, _, stderr) = await RunAsync(null, "templates", "preview", "--dir", dir);

        Assert.Equal(1, code);
        Assert.Contains("en.negative.liquid", stderr);
        Assert.Contains("promotion", stderr);
    }
}
