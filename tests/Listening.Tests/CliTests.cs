namespace Listening.Tests;

public class CliTests
{
    [Fact]
    public async Task Unknown_command_fails_with_nonzero_exit_code()
    {
        var main = typeof(Program).Assembly.EntryPoint!;
        var result = main.Invoke(null, [new[] { "no-such-command" }]);
        var code = result is Task<int> t ? await t : (int)result!;
        Assert.NotEqual(0, code);
    }
}
