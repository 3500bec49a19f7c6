using Listening.Core.Factors.Cues;
using Listening.Core.Factors.Text;
using Listening.Core.Sentiment;
using Listening.Core.Text;
using Listening.Ml.Features.Lexicon;
using Microsoft.ML.Data;

namespace Listening.Ml.Features;

/// <summary>
/// Turns a text into a sparse, L2-normalised vector of hashed word unigrams, word bigrams and
/// in-word character n-grams over <see cref="TextNormalizer"/> tokens, optionally with opinion-cue features. Hashing keeps the model small
/// (no dictionary in the file) and featurisation cheap (no allocation per n-gram). Thread-safe:
/// the scratch space is per call or per <see cref="FeatureScratch"/>.
/// </summary>
public sealed class TextFeaturizer(FeaturizerOptions options, IdfTable? idf = null, WordVectors? vectors = null)
{
    private const uint UnigramSeed = 0x9E3779B1, BigramSeed = 0x85EBCA77, TrigramSeed = 0x61C88647, CharSeed = 0xC2B2AE3D, ContextSeed = 0x27D4EB2F, CueSeed = 0x165667B1, ClusterSeed = 0x9747B28C, FieldSeed = 0x3C6EF372;
    private const int MaxCharGramWord = 30;
    private readonly int[] _charLengths = options.CharNgrams;
    private readonly uint _mask = (1u << options.HashBits) - 1;
    private readonly int _maxWordNgram = options.MaxWordNgram;
    // With blocks: character n-grams after the word block, context and cue features after both.
    private readonly uint _charOffset = options.Blocks ? 1u << options.HashBits : 0;
    private readonly uint _cueOffset = options.Blocks ? 2u << options.HashBits : 0;
    private readonly uint _cueMask = options.Blocks ? (1u << FeaturizerOptions.CueBlockBits) - 1 : (1u << options.HashBits) - 1;

    public FeaturizerOptions Options => options;

    /// <summary>The idf weights of <see cref="FeaturizerOptions.Idf"/> (null: every feature weighs its sublinear count).</summary>
    public IdfTable? Idf => idf;

    /// <summary>The same featurizer with <paramref name="table"/> as its idf weights.</summary>
    public TextFeaturizer WithIdf(IdfTable? table) => new(options, table, vectors);

    /// <summary>The word vectors of <see cref="FeaturizerOptions.Vectors"/> (null: no dense block).</summary>
    public WordVectors? Vectors => vectors;

    /// <summary>The same featurizer with <paramref name="table"/> as its word vectors.</summary>
    public TextFeaturizer WithVectors(WordVectors? table) => new(options, idf, table);

    /// <summary>The unigram hashes of a text's tokens in order (what <see cref="WordVectors"/> are keyed by and learnt from).</summary>
    public uint[] TokenHashes(string text)
    {
        var scratch = new FeatureScratch();
        Collect(text, scratch, tokensOnly: true);
        return scratch.Tokens.ToArray();
    }

    /// <summary>The raw (unmerged) bucket indices of a text: its word and character n-grams, then its context and cue features.</summary>
    public void CollectRaw(string text, FeatureScratch scratch, out ReadOnlySpan<uint> ngrams, out ReadOnlySpan<uint> rest)
    {
        Collect(text, scratch);
        var raw = scratch.Raw;
        ngrams = raw[..scratch.NgramCount];
        rest = raw[scratch.NgramCount..];
    }

    public VBuffer<float> Featurize(string text)
    {
        var scratch = new FeatureScratch();
        Featurize(text, scratch);
        return scratch.ToVBuffer(options.Dimension);
    }

    /// <summary>Fills <paramref name="scratch"/> with the sorted indices and values of the text's features.</summary>
    public void Featurize(string text, FeatureScratch scratch)
    {
        Collect(text, scratch);
        if (options.Blocks) scratch.Finish(_charOffset, _cueOffset, idf);
        else scratch.Finish(idf);
        AddVectorBlock(scratch);
    }

    /// <summary>
    /// As <see cref="Featurize(string, FeatureScratch)"/> — the same features and values — but in first-occurrence order rather
    /// than sorted (repeats merged through a small hash table instead of a sort): for scoring, where only the set matters.
    /// </summary>
    /// <param name="folded">Null: the dense block as features. Otherwise the hashed features only, and each token's folded class
    /// scores added to <see cref="FeatureScratch.Folded"/> as the token is hashed — for a scorer that adds the count-mean block's
    /// class scores from the text's language's folded table (<see cref="Prediction.FoldedWordVectors"/>) instead of reading the dense block.</param>
    /// <param name="detected"><see cref="LanguageDetector.Detect"/>'s answer for <paramref name="text"/> when the caller already has it
    /// (a scorer that needed the language before the tokens): the context feature reads it instead of detecting again.</param>
    public void FeaturizeUnordered(string text, FeatureScratch scratch, Prediction.FoldedLanguage? folded = null, string? detected = null)
    {
        Collect(text, scratch, folded: folded, detected: detected);
        if (options.Blocks) scratch.Finish(_charOffset, _cueOffset, idf);
        else scratch.FinishUnordered(idf);
        if (folded is null) AddVectorBlock(scratch);
    }

    /// <summary>
    /// The mean word vector (norm 1, or with <see cref="FeaturizerOptions.VectorCountMean"/> the plain mean) after the normalised
    /// hashed features: its indices are above every hashed one, so the sorted order holds. Nothing when the featurizer has no
    /// vectors or the text no known word.
    /// </summary>
    private void AddVectorBlock(FeatureScratch scratch)
    {
        if (vectors is null || options.DenseVectors == 0) return;
        var mean = scratch.AppendDense(options.VectorOffset, vectors.Dimensions);
        var known = options.VectorCountMean ? vectors.MeanByCount(scratch.Tokens, mean) : vectors.Mean(scratch.Tokens, mean);
        if (known == 0) scratch.DropDense(vectors.Dimensions);
    }

    /// <summary>Fills <paramref name="scratch"/> with the sorted indices of the text's features and how often each occurs (no weighting, no normalisation).</summary>
    public void FeaturizeCounts(string text, FeatureScratch scratch)
    {
        Collect(text, scratch);
        scratch.FinishCounts();
    }

    private void Collect(string text, FeatureScratch scratch, bool tokensOnly = false, Prediction.FoldedLanguage? folded = null, string? detected = null)
    {
        var keepTokens = tokensOnly || (vectors is not null && folded is null);
        // The tokens a negator still governs (VectorSkipNegated): the block leaves them out; the vectors are learnt from all.
        var skipNegated = !tokensOnly && vectors is not null && options.VectorSkipNegated;
        var skipNegators = !tokensOnly && vectors is not null && options.VectorSkipNegators;
        var governed = 0;
        var sums = default(Prediction.FoldedSums); // summed here, in a local, and stored once after the tokens
        scratch.Clear();
        var truncated = Truncate(text);
        if (options.HedgeRewrite) truncated = HedgedNegation.Rewrite(truncated);
        // A structured review's fields are read one by one (ReviewFields): no n-gram across a field's edge, the pros' and cons'
        // n-grams in their own hash space. A text without headings is one field in the shared space, as before the option. The
        // word vectors are learnt from the texts as written (tokensOnly), headings and all: the option reads the fields, it does
        // not change what the vectors of every word are (a table learnt over both languages' texts at once).
        var fields = options.ReviewFields && !tokensOnly ? Features.ReviewFields.Find(truncated) : [];
        var reading = fields.Count == 0 ? null : new FieldReading(fields);
        var field = 0;
        var salt = reading?.Salt(0) ?? 0u;
        var normalized = reading is null ? TextNormalizer.Normalize(truncated) : TextNormalizer.Normalize(truncated[fields[0].Start..fields[0].End]);
        var span = normalized.AsSpan();
        uint previous = 0, twoBack = 0;
        var hasPrevious = false;
        var hasTwoBack = false;
        var tokens = 0;
        while (true)
        {
            while (!span.IsEmpty)
            {
                var space = span.IndexOf(' ');
                var token = space < 0 ? span : span[..space];
                span = space < 0 ? [] : span[(space + 1)..];
                if (token.IsEmpty) continue;
                reading?.Read(field, token);
                tokens++;

                var h = Hash(token, UnigramSeed);
                var negator = (skipNegated || skipNegators) && IsNegator(token, h); // once a token: both settings read it
                if (!(skipNegated && Governed(token, negator, ref governed)) && !(skipNegators && negator))
                {
                    if (folded is not null) folded.Add(h, ref sums);
                    else if (keepTokens) scratch.AddToken(h);
                }
                if (tokensOnly) continue;
                scratch.Add(Bucket(h, salt));
                // The word's cluster: a feature shared by the words its vectors put near it, seen in training or not.
                if (vectors is { ClusterCount: > 0 } && vectors.IndexOf(h) is var known and >= 0)
                    scratch.Add(Mix((uint)vectors.Cluster(known), ClusterSeed) & _mask);
                if (_maxWordNgram >= 2 && hasPrevious)
                {
                    scratch.Add(Bucket(Mix(previous * 0x01000193u ^ h, BigramSeed), salt));
                    if (_maxWordNgram >= 3 && hasTwoBack) scratch.Add(Bucket(Mix((twoBack * 0x01000193u ^ previous) * 0x01000193u ^ h, TrigramSeed), salt));
                }
                twoBack = previous;
                hasTwoBack = hasPrevious;
                previous = h;
                hasPrevious = true;

                if (_charLengths.Length > 0 && char.IsLetter(token[0]) && token.Length <= MaxCharGramWord)
                    AddCharGrams(token, scratch, salt);
            }
            if (reading is null || ++field == fields.Count) break;
            salt = reading.Salt(field);
            span = TextNormalizer.Normalize(truncated[fields[field].Start..fields[field].End]).AsSpan();
            hasPrevious = hasTwoBack = false;
            governed = 0; // a negator does not reach into the next field
        }
        scratch.NgramCount = scratch.RawCount;
        scratch.Folded = sums;
        if (tokensOnly) return;
        if (options.ContextFeatures)
        {
            // The scorer routes by the whole text's language: the same answer when nothing was cut.
            var whole = ReferenceEquals(truncated, text);
            var language = whole && detected is not null ? detected : LanguageDetector.Detect(truncated);
            if (whole) scratch.Language = language;
            scratch.Add(_cueOffset + (Hash(language, ContextSeed) & _cueMask));
            var lengthBucket = Math.Min(31 - int.LeadingZeroCount(tokens + 1), 9); // ~log2 of the token count
            scratch.Add(_cueOffset + (Mix((uint)lengthBucket, ContextSeed + 1) & _cueMask));
        }
        if (options.KindFeature) scratch.Add(_cueOffset + (Hash(TextKind.Of(text), ContextSeed + 2) & _cueMask));
        if (reading is not null) foreach (var name in reading.Features()) AddField(name, scratch);
        if (options.CueFeatures || options.NegationMarks)
        {
            var words = WordTokenizer.Tokenize(truncated);
            if (options.CueFeatures) AddCueFeatures(truncated, words, scratch, fields);
            if (options.NegationMarks) AddNegationMarks(truncated, words, scratch);
        }
    }

    /// <summary>
    /// Lexicon evidence in the same hashed space: "cue+" / "cue-" per cue after negation, negated cues
    /// by word ("not" + stem: "не тот", "not fresh"), each clause's cue label, the text's overall and
    /// last cue label. The weights of these few shared features are learnt from every domain at once.
    /// </summary>
    private void AddCueFeatures(string text, List<WordToken> words, FeatureScratch scratch, IReadOnlyList<ReviewField> fields)
    {
        var hits = new List<CueHit>();
        int positive = 0, negative = 0;
        var last = SentimentLabel.Neutral;
        // A structured review's pros and cons lists: their cues are evidence of their own (a list of praise is in nearly every
        // such review), counted apart and left out of the clause and text labels, which then read the author's own account.
        Span<int> listed = stackalloc int[4]; // pros +, pros −, cons +, cons −
        foreach (var clause in ClauseSplitter.Split(text, words))
        {
            hits.Clear();
            ModelLexicon.Cues.Find(words, clause.FirstToken, clause.EndToken, hits);
            if (hits.Count == 0) continue;
            int p = 0, n = 0;
            foreach (var hit in hits)
            {
                if (fields.Count > 0 && FieldReading.ListAt(fields, words[hit.FirstToken].Start) is { } list)
                {
                    var slot = (list == ReviewFieldKind.Cons ? 2 : 0) + (hit.Positive ? 0 : 1);
                    listed[slot]++;
                    AddField(FieldReading.CueNames[slot], scratch);
                    if (hit.Negated) AddField(FieldReading.NegatedCueNames[slot], scratch);
                    continue;
                }
                if (hit.Positive) p++; else n++;
                AddCue(hit.Positive ? "cue+" : "cue-", scratch);
                if (!hit.Negated) continue;
                AddCue(hit.Positive ? "cue+negated" : "cue-negated", scratch);
                var h = NotSeed;
                for (var k = hit.FirstToken; k < hit.FirstToken + hit.TokenCount; k++) h = Mix(h * 0x01000193u ^ Hash(words[k].Stem, CueSeed), CueSeed);
                scratch.Add(_cueOffset + (h & _cueMask));
            }
            if (p + n == 0) continue; // only a list's cues (without fields every hit counts)
            last = new CueScore(p, n).Label;
            AddCue(last switch { SentimentLabel.Positive => "clause+", SentimentLabel.Negative => "clause-", _ => "clause0" }, scratch);
            positive += p;
            negative += n;
        }
        AddCue((positive, negative) switch
        {
            (0, 0) => "text:none",
            (_, 0) => "text:+",
            (0, _) => "text:-",
            _ => "text:mixed",
        }, scratch);
        if (positive + negative > 0) AddCue(last switch { SentimentLabel.Positive => "last+", SentimentLabel.Negative => "last-", _ => "last0" }, scratch);
        if (fields.Count > 0) foreach (var name in FieldReading.ListLabels(fields, listed)) AddField(name, scratch);
    }

    /// <summary>A field's n-gram bucket: the shared space for <paramref name="salt"/> 0, a pros or cons list's own space otherwise.</summary>
    private uint Bucket(uint hash, uint salt) => salt == 0 ? hash & _mask : Mix(hash ^ salt, FieldSeed) & _mask;

    private void AddField(string name, FeatureScratch scratch) => scratch.Add(_cueOffset + (Hash(name, FieldSeed) & _cueMask));

    /// <summary>
    /// "not + stem" for the words a negator governs: up to <see cref="NegatedWords"/> words, not past
    /// punctuation or another negator. Bigrams see only the next word and no stems.
    /// </summary>
    private void AddNegationMarks(string text, List<WordToken> words, FeatureScratch scratch)
    {
        for (var i = 0; i < words.Count; i++)
        {
            if (!IsNegator(words[i].Lower)) continue;
            for (var k = i + 1; k < words.Count && k <= i + NegatedWords; k++)
            {
                if (IsNegator(words[k].Lower) || text.AsSpan(words[k - 1].End, words[k].Start - words[k - 1].End).IndexOfAny(",.;:!?…()") >= 0) break;
                scratch.Add(_cueOffset + (Mix(NotSeed * 0x01000193u ^ Hash(words[k].Stem, CueSeed), CueSeed) & _cueMask));
            }
        }
    }

    private const int NegatedWords = 2;

    /// <summary>
    /// Whether a normalised token is one a negator governs — as <see cref="AddNegationMarks"/>: up to <see cref="NegatedWords"/>
    /// words after it, not past another negator or a token that is not a word (! ? … and placeholders; the normaliser has
    /// dropped commas and full stops, so a scope here may run past one). <paramref name="governed"/> counts the words left.
    /// </summary>
    private static bool Governed(ReadOnlySpan<char> token, bool negator, ref int governed)
    {
        if (negator) { governed = NegatedWords; return false; } // the negator itself: VectorSkipNegators decides
        if (governed == 0) return false; // most tokens: outside any scope, no character class to read
        if (!char.IsLetterOrDigit(token[0])) { governed = 0; return false; }
        governed--;
        return true;
    }

    /// <summary>
    /// <see cref="IsNegator(ReadOnlySpan{char})"/> for a normalised token whose unigram hash is <paramref name="hash"/>: the hash
    /// is first looked up in a 1,024-bit filter of the listed negators' hashes — equal tokens hash equal, so a miss is no listed
    /// negator (only "n't" is left to ask) and the string set is asked about one token in ~80, not every token.
    /// </summary>
    private static bool IsNegator(ReadOnlySpan<char> token, uint hash) =>
        (NegatorFilter[(hash >> 6) & 15] >> (int)(hash & 63) & 1) != 0 ? IsNegator(token) : EndsNegated(token);

    private static readonly uint NotSeed = Hash("not", CueSeed);

    private static readonly HashSet<string> Negators = new(StringComparer.Ordinal)
    {
        "не", "нет", "ни", "без", "никогда", "нету", "not", "no", "never", "without", "nothing", "nobody", "cannot",
    };

    // After Negators: static fields are initialised in the order they are written.
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> NegatorSpans = Negators.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly ulong[] NegatorFilter = Filter(Negators.Select(n => Hash(n, UnigramSeed)));

    private static ulong[] Filter(IEnumerable<uint> hashes)
    {
        var filter = new ulong[16];
        foreach (var h in hashes) filter[(h >> 6) & 15] |= 1UL << (int)(h & 63);
        return filter;
    }

    /// <summary>Whether a word is a negator: a listed one or one that ends in "n't" ("don't", "wasn't").</summary>
    private static bool IsNegator(ReadOnlySpan<char> word) => NegatorSpans.Contains(word) || EndsNegated(word);

    private static bool EndsNegated(ReadOnlySpan<char> word) => word.EndsWith("n't", StringComparison.Ordinal);

    private void AddCue(string name, FeatureScratch scratch)
    {
        var index = _cueOffset + (Hash(name, CueSeed) & _cueMask);
        for (var k = 0; k < options.CueRepeats; k++) scratch.Add(index);
    }

    private void AddCharGrams(ReadOnlySpan<char> word, FeatureScratch scratch, uint salt)
    {
        Span<char> padded = stackalloc char[word.Length + 2];
        padded[0] = '<';
        word.CopyTo(padded[1..]);
        padded[^1] = '>';
        foreach (var n in _charLengths)
        {
            // A gram as long as the padded word repeats the unigram; skip it.
            for (var start = 0; start + n <= padded.Length && n < padded.Length; start++)
                scratch.Add(_charOffset + Bucket(Hash(padded.Slice(start, n), CharSeed + (uint)n), salt));
        }
    }

    private string Truncate(string text)
    {
        var head = options.HeadChars;
        var tail = options.TailChars;
        if (text.Length <= head + tail) return text;
        return string.Concat(text.AsSpan(0, head), " ", text.AsSpan(text.Length - tail));
    }

    /// <summary>FNV-1a over UTF-16 code units, finished with Murmur3's mixer for well-spread low bits.</summary>
    private static uint Hash(ReadOnlySpan<char> s, uint seed)
    {
        var h = 2166136261u ^ seed;
        foreach (var c in s) h = (h ^ c) * 16777619u;
        return Mix(h, seed);
    }

    private static uint Mix(uint h, uint seed)
    {
        h ^= seed;
        h ^= h >> 16;
        h *= 0x85EBCA6B;
        h ^= h >> 13;
        h *= 0xC2B2AE35;
        h ^= h >> 16;
        return h;
    }
}

/// <summary>Reusable buffers for one featurisation at a time (not thread-safe; one per thread or pooled).</summary>
public sealed class FeatureScratch
{
    private uint[] _raw = new uint[1024];
    private int _rawCount;
    public int[] Indices { get; private set; } = new int[1024];
    public float[] Values { get; private set; } = new float[1024];
    public int Count { get; private set; }

    /// <summary>The detected language of the whole text when featurisation computed it (context features, text not truncated), else null.</summary>
    public string? Language { get; internal set; }

    private uint[] _tokens = new uint[256];
    private int _tokenCount;

    /// <summary>The unigram hashes of the text's tokens, in order (kept only when the featurizer has word vectors).</summary>
    internal ReadOnlySpan<uint> Tokens => _tokens.AsSpan(0, _tokenCount);

    internal void AddToken(uint hash)
    {
        if (_tokenCount == _tokens.Length) Array.Resize(ref _tokens, _tokens.Length * 2);
        _tokens[_tokenCount++] = hash;
    }

    /// <summary>Appends <paramref name="length"/> features at indices offset, offset + 1, … and returns their values to fill.</summary>
    internal Span<float> AppendDense(int offset, int length)
    {
        if (Indices.Length < Count + length)
        {
            var indices = Indices;
            var values = Values;
            Array.Resize(ref indices, Count + length + 256);
            Array.Resize(ref values, Count + length + 256);
            Indices = indices;
            Values = values;
        }
        for (var d = 0; d < length; d++) Indices[Count + d] = offset + d;
        Count += length;
        return Values.AsSpan(Count - length, length);
    }

    /// <summary>Takes back the last <see cref="AppendDense"/>.</summary>
    internal void DropDense(int length) => Count -= length;

    /// <summary>The text's folded word-vector class scores, summed as the featurizer hashed its tokens (<see cref="TextFeaturizer.FeaturizeUnordered"/> with a folded table).</summary>
    internal Prediction.FoldedSums Folded;

    internal void Clear()
    {
        Folded = default;
        _tokenCount = 0;
        _rawCount = 0;
        Count = 0;
        Language = null;
    }

    /// <summary>How many of the raw indices are n-grams (the rest are context and cue features).</summary>
    internal int NgramCount { get; set; }

    internal int RawCount => _rawCount;

    internal ReadOnlySpan<uint> Raw => _raw.AsSpan(0, _rawCount);

    internal void Add(uint index)
    {
        if (_rawCount == _raw.Length) Array.Resize(ref _raw, _raw.Length * 2);
        _raw[_rawCount++] = index;
    }

    private uint[] _sorted = new uint[256];

    /// <summary>
    /// Sorts the raw indices ascending: a least-significant-digit radix sort, one pass per byte the largest index uses.
    /// The same order as <see cref="Array.Sort(Array)"/> (so the same sums in the same order, bit for bit), at a fraction
    /// of its cost for the thousand-odd hashes of a review — introsort was a fifth of a prediction's time.
    /// </summary>
    private void SortRaw()
    {
        var count = _rawCount;
        if (count < 64) { Array.Sort(_raw, 0, count); return; }
        if (_sorted.Length < count) _sorted = new uint[_raw.Length];
        uint all = 0;
        for (var k = 0; k < count; k++) all |= _raw[k];
        Span<int> offsets = stackalloc int[256];
        var source = _raw;
        var target = _sorted;
        for (var shift = 0; shift < 32 && (all >> shift) != 0; shift += 8)
        {
            offsets.Clear();
            for (var k = 0; k < count; k++) offsets[(int)((source[k] >> shift) & 0xFF)]++;
            var sum = 0;
            for (var b = 0; b < 256; b++) { var n = offsets[b]; offsets[b] = sum; sum += n; }
            for (var k = 0; k < count; k++) { var key = source[k]; target[offsets[(int)((key >> shift) & 0xFF)]++] = key; }
            (source, target) = (target, source);
        }
        if (!ReferenceEquals(source, _raw))
        {
            Array.Copy(source, _raw, count);
            _sorted = source; // keep both buffers: the next text reuses them
        }
    }

    /// <summary>Sorts, merges repeats into sublinear counts (1 + ln tf), weighs them by <paramref name="idf"/> if any and L2-normalises.</summary>
    internal void Finish(IdfTable? idf = null)
    {
        FinishCounts();
        SublinearNormalize(idf);
    }

    /// <summary>Counts → 1 + ln tf, then L2-normalised (the sums in feature order, so both orders of features give the
    /// same values bit for bit).</summary>
    private void SublinearNormalize(IdfTable? idf)
    {
        double norm = 0;
        for (var k = 0; k < Count; k++)
        {
            var run = Values[k];
            var value = run == 1 ? 1f : 1f + MathF.Log(run);
            if (idf is not null) value *= idf[Indices[k]];
            Values[k] = value;
            norm += value * value;
        }
        if (Count > 0)
        {
            var scale = (float)(1 / Math.Sqrt(norm));
            for (var k = 0; k < Count; k++) Values[k] *= scale;
        }
    }

    private void EnsureCapacity()
    {
        if (Indices.Length >= _rawCount) return;
        Indices = new int[_raw.Length];
        Values = new float[_raw.Length];
    }

    // Open-addressing table for FinishUnordered: a slot is taken when its stamp is the current one (no clearing per text);
    // key, position and stamp side by side, so a probe reads one cache line.
    private struct Slot
    {
        public uint Key;
        public int Position;
        public int Stamp;
    }

    private Slot[] _slots = new Slot[4096];
    private int _stamp;

    /// <summary>
    /// As <see cref="Finish()"/> — repeats merged into 1 + ln tf, L2-normalised — with the features in first-occurrence
    /// order: the sort was a fifth of a prediction, and a dot product does not need it.
    /// </summary>
    internal void FinishUnordered(IdfTable? idf = null)
    {
        var count = _rawCount;
        if (_slots.Length < 2 * count)
        {
            _slots = new Slot[(int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)(2 * count))];
            _stamp = 0;
        }
        if (++_stamp == int.MaxValue)
        {
            Array.Clear(_slots);
            _stamp = 1;
        }
        EnsureCapacity();
        var slots = _slots;
        var stamp = _stamp;
        var mask = slots.Length - 1;
        var n = 0;
        for (var k = 0; k < count; k++)
        {
            var key = _raw[k];
            // The keys are hashes already (Murmur-finished): their low bits are well spread.
            var i = (int)(key ^ (key >> 20)) & mask;
            while (true)
            {
                ref var slot = ref slots[i];
                if (slot.Stamp != stamp)
                {
                    slot.Stamp = stamp;
                    slot.Key = key;
                    slot.Position = n;
                    Indices[n] = (int)key;
                    Values[n] = 1;
                    n++;
                    break;
                }
                if (slot.Key == key)
                {
                    Values[slot.Position]++;
                    break;
                }
                i = (i + 1) & mask;
            }
        }
        Count = n;
        SublinearNormalize(idf);
    }

    /// <summary>
    /// As <see cref="Finish()"/>, but L2-normalises each block (word n-grams below <paramref name="charStart"/>,
    /// character n-grams below <paramref name="cueStart"/>, context and cue features after) on its own, so
    /// a text's many character n-grams do not shrink its few word features (the peers' word and character
    /// TF-IDF vectors are normalised apart too).
    /// </summary>
    internal void Finish(uint charStart, uint cueStart, IdfTable? idf = null)
    {
        Finish(idf);
        Span<double> norms = stackalloc double[3];
        for (var k = 0; k < Count; k++) norms[Block(Indices[k])] += Values[k] * (double)Values[k];
        Span<float> scales = stackalloc float[3];
        for (var b = 0; b < 3; b++) scales[b] = norms[b] > 0 ? (float)(1 / Math.Sqrt(norms[b])) : 0f;
        for (var k = 0; k < Count; k++) Values[k] *= scales[Block(Indices[k])];

        int Block(int index) => (uint)index < charStart ? 0 : (uint)index < cueStart ? 1 : 2;
    }

    /// <summary>Sorts and merges repeats into counts.</summary>
    internal void FinishCounts()
    {
        SortRaw();
        EnsureCapacity();
        var n = 0;
        for (var k = 0; k < _rawCount;)
        {
            var index = _raw[k];
            var run = 1;
            while (k + run < _rawCount && _raw[k + run] == index) run++;
            Indices[n] = (int)index;
            Values[n] = run;
            n++;
            k += run;
        }
        Count = n;
    }

    public VBuffer<float> ToVBuffer(int dimension) =>
        new(dimension, Count, Values.AsSpan(0, Count).ToArray(), Indices.AsSpan(0, Count).ToArray());

    /// <summary>Writes into <paramref name="destination"/>, reusing its arrays when they are large enough.</summary>
    public void CopyTo(ref VBuffer<float> destination, int dimension)
    {
        var editor = VBufferEditor.Create(ref destination, dimension, Count);
        Values.AsSpan(0, Count).CopyTo(editor.Values);
        Indices.AsSpan(0, Count).CopyTo(editor.Indices);
        destination = editor.Commit();
    }
}
