namespace Listening.Core.Factors.Cues;

/// <summary>One opinion cue in a token list: its words, its polarity after negation, and whether a negator flipped it.</summary>
public readonly record struct CueHit(int FirstToken, int TokenCount, bool Positive, bool Negated);
