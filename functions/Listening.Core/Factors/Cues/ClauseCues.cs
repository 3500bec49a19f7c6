namespace Listening.Core.Factors.Cues;

/// <summary>The opinion cues of a clause (after negation, sarcasm and scare quotes) and its explicitly neutral words.</summary>
public readonly record struct ClauseCues(CueScore Score, int Neutral);
