using System.CommandLine;
using Listening.Core.Factors.Learned;
using Listening.Core.Factors.Text;

namespace Listening.Cli;

/// <summary>
/// <c>listening word-stems</c>: one text per stdin line → its words as the learned factor detector reads them (the
/// tokenizer's stems, a number as <c>#</c>), space-separated, one line each. scripts/clusters/train.sh learns the word
/// classes (<see cref="WordClasses"/>) on this output, so the classes are keyed by the very strings the detector hashes.
/// </summary>
internal static class WordStemsCommand
{
    public static Command Create()
    {
        var command = new Command("word-stems", "Print each stdin line's words as the learned factor detector reads them (stems, space-separated)");
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            string? line;
            while ((line = Console.In.ReadLine()) is not null)
                output.WriteLine(string.Join(' ', WordTokenizer.Tokenize(line, symbols: true).Select(t => FactorFeatures.Word(t.Stem))));
            output.Flush();
            return 0;
        });
        return command;
    }
}
