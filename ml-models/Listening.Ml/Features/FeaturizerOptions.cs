using System.Text.Json.Serialization;

namespace Listening.Ml.Features;

/// <summary>
/// Settings of <see cref="TextFeaturizer"/>; saved inside model.zip so a model is always read with
/// the features it was trained on.
/// </summary>
/// <param name="HashBits">Feature space of 2^HashBits buckets shared by all n-gram kinds.</param>
/// <param name="WordBigrams">Adds word bigrams to word unigrams.</param>
/// <param name="CharNgramLengths">Lengths of the character n-grams taken inside each word (padded with boundary marks).</param>
/// <param name="HeadChars">Long texts keep their first HeadChars …</param>
/// <param name="TailChars">… and last TailChars characters (verdicts come at the end of reviews).</param>
/// <param name="CueFeatures">Adds opinion-lexicon evidence (the model's frozen lexicon <see cref="Lexicon.ModelLexicon"/>, with negation): counts of positive and negative cues, negated cues by word, each clause's and the whole text's cue polarity — domain-independent evidence for texts whose n-grams the training data lacks ("курьер опоздал, суп остыл"). False when absent from an older model's settings.</param>
/// <param name="CueRepeats">Each cue feature is counted this many times (value 1 + ln n before normalisation): a larger value for the lexicon evidence, i.e. weaker regularisation of its weights, so short texts with few known n-grams lean on it more.</param>
/// <param name="NegationMarks">Adds "not + word" features for the (up to two) words after a negator within its phrase ("не тот", "не позвонил", "not fresh"); false when absent from an older model's settings.</param>
/// <param name="HedgeRewrite">Rewrites negated hedges ("не могу сказать, что плохо", "I can't say it was bad") to a plain negator before the judgement (<see cref="HedgedNegation"/>); false when absent from an older model's settings.</param>
/// <param name="KindFeature">Adds the text kind (<see cref="Listening.Core.Text.TextKind"/>: post, short, review) as a feature, so priors are learnt per kind; false when absent from an older model's settings.</param>
/// <param name="WordNgrams">Longest word n-gram (1–3); 0 in older settings, which <see cref="WordBigrams"/> decides.</param>
/// <param name="Blocks">Word n-grams, character n-grams and context/cue features hashed into separate blocks of the vector (see <see cref="Dimension"/>), so each block can be weighted and normalised on its own.</param>
/// <param name="Idf">Inverse-document-frequency weighting of the hashed features (each feature's 1 + ln tf times its bucket's
/// idf = 1 + ln((1 + N) / (1 + df)) over the training rows, then L2-normalised — the peers' TF-IDF on hashed buckets; the table
/// is stored with the model, <see cref="IdfTable"/>): "ngrams" = word and character n-grams by their df, context and cue
/// features at the mean n-gram idf (so the lexicon evidence keeps its weight against the n-grams); "all" = every bucket by its
/// df; "ngrams-capped" = as "ngrams" with no bucket above the mean n-gram idf; "ngrams-sqrt" = the square root of the "ngrams" weights (round 16); "nb" = naive-Bayes log-count ratios instead of idf (<see cref="IdfTable.FitNaiveBayes"/>); null = none (older settings).</param>
/// <param name="Vectors">Dimensions of the distributional word vectors (<see cref="WordVectors"/>, learnt from the training texts
/// without labels and stored with the model) whose L2-normalised mean over a text's tokens is appended as a dense block after
/// the hashed features; 0 = none (older settings, and not written then, so older models' settings stay the same bytes).</param>
/// <param name="VectorClusters">With <see cref="Vectors"/>: the words are also grouped into this many clusters of their vectors
/// (<see cref="WordVectors.WithClusters"/>) and each known token adds its cluster as a hashed feature beside its unigram; 0 = none.</param>
/// <param name="ClustersOnly">With <see cref="VectorClusters"/>: the cluster features without the mean-vector block.</param>
/// <param name="VectorCountMean">With <see cref="Vectors"/>: the block is the plain mean of the known tokens' vectors (their sum over
/// their count, each word's vector of norm ≈ 1, <see cref="WordVectors.MeanByCount"/>) instead of the mean L2-normalised to 1. The
/// block is then linear in the words, so a scorer folds each word's class scores into one table at load time
/// (<see cref="Prediction.FoldedWordVectors"/>) and the block costs no dense product at prediction; false = L2-normalised (round 11).</param>
/// <param name="VectorSkipNegated">With <see cref="Vectors"/>: the words a negator governs — the (up to two) tokens after it, not
/// past another negator or a token that is not a word (the normaliser keeps ! ? … and placeholders; it drops commas and full
/// stops) — are left out of the mean; the negator itself stays. A distributional vector carries a word's topic and its stated
/// polarity, not the negation («не плохо» averaged «плохо»'s direction into the block, round 12), and its opposite is not the
/// word's negation either, so the block keeps to the words said outright and the hashed features (bigram, "not + word", cue
/// negation) read the negated ones; false = every known token counts.</param>
/// <param name="VectorSkipNegators">With <see cref="Vectors"/>: the negators themselves («не», «нет», «ни», «без», not, no, never, a
/// word ending in n't …) are left out of the mean as well. A negator's own vector is a direction too — the model learnt «не» and
/// «нет» as complaint words through it (round 13: with the governed words out, «не плохо»'s block was «не»'s alone and read
/// negative, and «нет нареканий» kept «нет» and lost «нареканий») — so with <see cref="VectorSkipNegated"/> a negated phrase adds
/// nothing to the block and only the hashed features read it; false = the negator counts (older settings, not written then).</param>
/// <param name="VectorVocabulary">With <see cref="Vectors"/>: the most frequent words that get a vector (0 =
/// <see cref="WordVectors.MaxVocabulary"/>, older settings, not written then). A smaller table is a smaller file, a shorter load
/// and a folded table (<see cref="Prediction.FoldedWordVectors"/>) that a token's probe is likelier to find in cache.</param>
/// <param name="ReviewFields">A structured review's fields read as what they are (<see cref="Features.ReviewFields"/>: «Достоинства: …
/// Недостатки: … Комментарий: …», "Pros: … Cons: …"): no n-gram across a field's edge; the pros and cons lists' n-grams hashed into
/// spaces of their own («нет» under «Недостатки» is praise, under «Достоинства» blame) and their cues counted apart from the clause and
/// text labels (a list of praise is in nearly every such review); features for the fields present, a list that says nothing, each
/// list's length and which list is longer. A text without a pros or cons heading featurises exactly as without the option; false =
/// off (older settings, not written then).</param>
/// <param name="ContextFeatures">Adds the detected language and a length bucket as features, so one model can learn different class priors for Russian and English, tweets and long reviews.</param>
public sealed record FeaturizerOptions(
    int HashBits = 20,
    bool WordBigrams = true,
    int[]? CharNgramLengths = null,
    int HeadChars = 700,
    int TailChars = 300,
    bool ContextFeatures = true,
    bool CueFeatures = false,
    bool NegationMarks = false,
    int CueRepeats = 1,
    bool HedgeRewrite = false,
    bool KindFeature = false,
    int WordNgrams = 0,
    bool Blocks = false,
    string? Idf = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] int Vectors = 0,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] int VectorClusters = 0,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool ClustersOnly = false,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool VectorCountMean = false,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool VectorSkipNegated = false,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool VectorSkipNegators = false,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] int VectorVocabulary = 0,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool ReviewFields = false)
{
    /// <summary>Buckets of the context-and-cue block when <see cref="Blocks"/> is set.</summary>
    public const int CueBlockBits = 14;

    /// <summary>Words that get a vector: <see cref="VectorVocabulary"/>, or <see cref="WordVectors.MaxVocabulary"/> for older settings.</summary>
    [JsonIgnore]
    public int VectorWords => VectorVocabulary > 0 ? VectorVocabulary : WordVectors.MaxVocabulary;

    /// <summary>Longest word n-gram: <see cref="WordNgrams"/>, or 2 / 1 by <see cref="WordBigrams"/> for older settings.</summary>
    [JsonIgnore]
    public int MaxWordNgram => WordNgrams > 0 ? WordNgrams : WordBigrams ? 2 : 1;

    [JsonIgnore]
    public int[] CharNgrams => CharNgramLengths ?? [3, 4];
    /// <summary>
    /// One shared space of 2^HashBits buckets, or with <see cref="Blocks"/> three blocks: word n-grams
    /// [0, 2^HashBits), character n-grams [2^HashBits, 2·2^HashBits), context and cue features after them (2^14);
    /// then the <see cref="Vectors"/> dense components from <see cref="VectorOffset"/>.
    /// </summary>
    [JsonIgnore]
    public int Dimension => VectorOffset + DenseVectors;

    /// <summary>Components of the dense mean-vector block: <see cref="Vectors"/>, or 0 with <see cref="ClustersOnly"/>.</summary>
    [JsonIgnore]
    public int DenseVectors => ClustersOnly && VectorClusters > 0 ? 0 : Vectors;

    /// <summary>Where the dense word-vector block starts: right after the hashed features.</summary>
    [JsonIgnore]
    public int VectorOffset => Blocks ? (2 << HashBits) + (1 << CueBlockBits) : 1 << HashBits;
}
