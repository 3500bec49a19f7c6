using System.Text.Json;
using Listening.Core.Factors.Cues;

namespace Listening.Ml.Features.Lexicon;

/// <summary>
/// The opinion lexicon the sentiment model's cue features read: a frozen copy (model-cues.json, embedded
/// in this assembly) of the factor module's lexicon as it was when the model was trained. It is part of
/// the model's input definition, so it changes only together with a retrained model; the factor module
/// edits its own lexicon (Core's sentiment-cues.json) freely.
/// </summary>
public static class ModelLexicon
{
    private const string Resource = "Listening.Ml.Features.Lexicon.model-cues.json";

    public static SentimentCues Cues { get; } = Load();

    /// <summary>The lexicon file's text (LF line ends), for pinning it by hash.</summary>
    public static string Text()
    {
        using var stream = Open();
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Replace("\r\n", "\n");
    }

    private static Stream Open() => typeof(ModelLexicon).Assembly.GetManifestResourceStream(Resource)
        ?? throw new InvalidOperationException($"resource {Resource} is missing");

    private static SentimentCues Load()
    {
        using var stream = Open();
        using var document = JsonDocument.Parse(stream, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        List<string> All(string name) => document.RootElement.GetProperty(name).EnumerateObject()
            .SelectMany(language => language.Value.EnumerateArray().Select(t => t.GetString() ?? ""))
            .ToList();
        return new SentimentCues(All("positive"), All("negative"), All("negators"), All("blockers"));
    }
}
