using Microsoft.Extensions.Options;

namespace Listening.Responses;

/// <summary>Turns a settings class's own list of problems into options validation (so ValidateOnStart names them all).</summary>
public sealed class ProblemsValidator<T>(Func<T, IEnumerable<string>> problems) : IValidateOptions<T> where T : class
{
    public ValidateOptionsResult Validate(string? name, T options)
    {
        var list = problems(options).ToList();
        return list.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(list);
    }
}
